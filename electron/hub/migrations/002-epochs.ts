/**
 * Restores, on both sides of the sync (issue 14).
 *
 * A hub restored from a dump has lost every version after the dump, yet clients hold cursors and
 * base copies from that lost history. Each library gets an `epoch` (a fresh uuid whenever the hub
 * finds it was restored) and `epoch_since` (the library version the restore went back to): a client
 * that sees another epoch knows its cursor and every base copy above `epoch_since` are no longer
 * true, and offers that part of its library again. A logical restore (pg_restore, what the README
 * prescribes) re-creates the tables, so `hub.objects` gets a new OID: `hub.note_restore()` compares
 * it with the OID recorded here and, on a mismatch, starts a new epoch for every library before any
 * request reads or writes (the service calls it with each authentication).
 *
 * A desktop restored from an old backup sends an older cursor than it once confirmed:
 * `hub.devices.cursor` keeps the highest cursor each device pulled from, so the hub can tell it.
 */
export const migration002 = `
ALTER TABLE hub.libraries ADD COLUMN epoch uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE hub.libraries ADD COLUMN epoch_since bigint NOT NULL DEFAULT 0;
ALTER TABLE hub.devices ADD COLUMN cursor bigint NOT NULL DEFAULT 0;

CREATE TABLE hub.restore_marker (
  id integer PRIMARY KEY CHECK (id = 1),
  objects_oid oid NOT NULL
);
INSERT INTO hub.restore_marker VALUES (1, 'hub.objects'::regclass::oid);
ALTER TABLE hub.restore_marker ENABLE ROW LEVEL SECURITY;

CREATE FUNCTION hub.note_restore() RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
  recorded oid;
BEGIN
  SELECT objects_oid INTO recorded FROM hub.restore_marker WHERE id = 1;
  IF recorded = 'hub.objects'::regclass::oid THEN
    RETURN false;
  END IF;
  -- the first request after a restore: lock, look again (another may have done it), renew
  SELECT objects_oid INTO recorded FROM hub.restore_marker WHERE id = 1 FOR UPDATE;
  IF recorded = 'hub.objects'::regclass::oid THEN
    RETURN false;
  END IF;
  UPDATE hub.libraries SET epoch = gen_random_uuid(), epoch_since = version;
  UPDATE hub.restore_marker SET objects_oid = 'hub.objects'::regclass::oid WHERE id = 1;
  RETURN true;
END $f$;

-- The same lock as migration 001's, with a fast path for the rows after the first in one
-- transaction: once this transaction has raised the version it holds the row lock and passed the
-- check, so the stamp trigger no longer asks for membership and a lock per object written (a
-- push of 500 objects spent most of its time there).
CREATE OR REPLACE FUNCTION hub.lock_library(lib uuid, r name, bump boolean) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
  v bigint;
  x xid8;
BEGIN
  IF bump THEN
    SELECT version, version_xact INTO v, x FROM hub.libraries WHERE id = lib;
    IF x = pg_current_xact_id() THEN
      RETURN v;
    END IF;
  END IF;
  IF lib NOT IN (SELECT hub.member_libraries(r, true)) THEN
    RAISE EXCEPTION 'role % may not write library %', r, lib USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT version, version_xact INTO v, x FROM hub.libraries WHERE id = lib FOR UPDATE;
  IF bump AND x IS DISTINCT FROM pg_current_xact_id() THEN
    UPDATE hub.libraries SET version = version + 1, version_xact = pg_current_xact_id()
     WHERE id = lib RETURNING version INTO v;
  END IF;
  RETURN v;
END $f$;

-- Records that a device has applied everything up to 'since' and returns what it had confirmed
-- before; a member may note only their own devices.
CREATE FUNCTION hub.note_cursor(dev uuid, r name, since bigint) RETURNS bigint
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
  WITH old AS (
    SELECT d.id, d.cursor FROM hub.devices d
     WHERE d.id = dev AND d.member_id = hub.member_id_of(r) FOR UPDATE
  )
  UPDATE hub.devices d SET cursor = GREATEST(old.cursor, since) FROM old WHERE d.id = old.id
  RETURNING old.cursor
$f$;
`;
