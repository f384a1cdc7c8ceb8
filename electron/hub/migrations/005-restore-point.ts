/**
 * Where a restore of the data directory went back to, when PostgreSQL restarted again before any
 * desktop noticed it (issue 14). Migration 003 took the version written before the server last
 * started: after a second start that is a version of the new history, above the restore point, and
 * desktops then kept base copies the hub had lost as if they were still true (never offered again).
 *
 * So each server start is noted per library with the version it found (`hub.library_starts`,
 * written by the first request after the start, and by the first write of each transaction, so
 * that a push authenticated before the start cannot write first): the restore's own
 * start is one of them, with exactly the restored version. Which one a restore cannot tell from
 * inside, but the desktop that notices bounds it: the restore point lies below its cursor (a
 * version the hub lost) and at or above the cursor that device had pulled from before (the hub
 * kept it, `hub.devices.cursor`: written only in the history the device saw intact). The lowest
 * start within those bounds is taken: the restore's, or an earlier one, which only makes desktops
 * offer more again, never less. A new epoch clears the notes (they describe the history before it).
 */
export const migration005 = `
ALTER TABLE hub.restore_marker ADD COLUMN started_at timestamptz;

CREATE TABLE hub.library_starts (
  library_id uuid NOT NULL REFERENCES hub.libraries ON DELETE CASCADE,
  started_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (library_id, started_at)
);
ALTER TABLE hub.library_starts ENABLE ROW LEVEL SECURITY;

CREATE OR REPLACE FUNCTION hub.note_restore() RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
  recorded oid;
  started timestamptz;
  renewed boolean := false;
BEGIN
  SELECT objects_oid, started_at INTO recorded, started FROM hub.restore_marker WHERE id = 1;
  IF recorded = 'hub.objects'::regclass::oid AND started = pg_postmaster_start_time() THEN
    RETURN false;
  END IF;
  -- the first request after a restore or a start: lock, look again (another may have done it)
  SELECT objects_oid, started_at INTO recorded, started FROM hub.restore_marker WHERE id = 1 FOR UPDATE;
  IF recorded IS DISTINCT FROM 'hub.objects'::regclass::oid THEN
    UPDATE hub.libraries SET epoch = gen_random_uuid(), epoch_since = version;
    DELETE FROM hub.library_starts;
    UPDATE hub.restore_marker SET objects_oid = 'hub.objects'::regclass::oid WHERE id = 1;
    renewed := true;
  END IF;
  IF started IS DISTINCT FROM pg_postmaster_start_time() THEN
    INSERT INTO hub.library_starts (library_id, started_at, version)
      SELECT id, pg_postmaster_start_time(), version FROM hub.libraries
      ON CONFLICT DO NOTHING;
    UPDATE hub.restore_marker SET started_at = pg_postmaster_start_time() WHERE id = 1;
  END IF;
  RETURN renewed;
END $f$;

-- 002's lock, noting a start first (before the library row is locked: note_restore may update every
-- library row, and must not wait for one while holding another)
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
  PERFORM hub.note_restore();
  SELECT version, version_xact INTO v, x FROM hub.libraries WHERE id = lib FOR UPDATE;
  IF bump AND x IS DISTINCT FROM pg_current_xact_id() THEN
    UPDATE hub.libraries SET version = version + 1, version_xact = pg_current_xact_id()
     WHERE id = lib RETURNING version INTO v;
  END IF;
  RETURN v;
END $f$;

DROP FUNCTION hub.check_cursor(uuid, name, uuid, bigint, uuid);
CREATE FUNCTION hub.check_cursor(lib uuid, r name, dev uuid, client_epoch uuid, cur bigint, tok uuid)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
  lib_epoch uuid;
  v bigint;
  held uuid;
  since bigint;
  kept bigint;
BEGIN
  IF lib NOT IN (SELECT hub.member_libraries(r, false)) THEN
    RETURN false;
  END IF;
  -- looked at without a lock first: a pull runs in REPEATABLE READ, where locking a row a push
  -- has just updated fails the pull; the lock is taken only to renew the epoch
  FOR attempt IN 1..2 LOOP
    IF attempt = 1 THEN
      SELECT epoch, version INTO lib_epoch, v FROM hub.libraries WHERE id = lib;
    ELSE
      SELECT epoch, version INTO lib_epoch, v FROM hub.libraries WHERE id = lib FOR UPDATE;
    END IF;
    IF lib_epoch IS DISTINCT FROM client_epoch THEN
      RETURN false;
    END IF;
    SELECT token INTO held FROM hub.versions WHERE library_id = lib AND version = cur;
    -- no token for a version the hub has: written before migration 003, nothing to compare
    IF cur <= v AND (held IS NULL OR held = tok) THEN
      RETURN false;
    END IF;
  END LOOP;
  SELECT d.cursor INTO kept FROM hub.devices d WHERE d.id = dev AND d.member_id = hub.member_id_of(r);
  SELECT min(s.version) INTO since FROM hub.library_starts s
   WHERE s.library_id = lib AND s.version < cur AND s.version >= coalesce(kept, 0);
  IF since IS NULL THEN
    -- no start noted within the bounds (a restore from before this migration): 003's estimate
    SELECT min(version) - 1 INTO since FROM hub.versions
     WHERE library_id = lib AND written_at >= pg_postmaster_start_time();
  END IF;
  UPDATE hub.libraries SET epoch = gen_random_uuid(), epoch_since = LEAST(v, coalesce(since, v))
   WHERE id = lib;
  DELETE FROM hub.library_starts WHERE library_id = lib;
  RETURN true;
END $f$;
`;
