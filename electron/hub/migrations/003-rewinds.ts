import { MEMBER_GROUP_ROLE } from './001-initial';

/**
 * Restores that migration 002 cannot see, and what a re-offered change was made from (issue 14).
 *
 * A restore of the data directory (or of a dump taken before 002) keeps `hub.objects`' OID, so
 * 002's check misses it; only a desktop that synced past the backup can tell. Every library
 * version therefore gets a random `token` (`hub.versions`, written by a trigger when the version
 * is raised); a desktop remembers the token of its cursor and sends both. A cursor above the
 * library's version, or one whose version now has another token, names a history the hub lost:
 * `hub.check_cursor` starts a new epoch. Where the restore went back to is not recorded anywhere
 * the restore leaves alone, so `epoch_since` is the last version written before PostgreSQL last
 * started (a data directory is put back with the server stopped): possibly lower than the real
 * point, which only makes desktops offer more again, never less.
 *
 * `hub.objects.ancestor`: a desktop offering again an object whose copy the hub lost names that
 * lost copy (epoch, version, digest); later changes keep the mark (each is made from the copy
 * before it). Another desktop that held the same or an earlier lost copy then knows that copy is
 * the common ancestor of both sides and merges three ways on it (see the desktop's merge-remote.ts).
 */
export const migration003 = `
ALTER TABLE hub.objects ADD COLUMN ancestor text CHECK (ancestor ~ '^[0-9a-f]{8}\\.[0-9]{1,15}\\.[0-9a-f]{32}$');
GRANT INSERT (ancestor), UPDATE (ancestor) ON hub.objects TO ${MEMBER_GROUP_ROLE};

CREATE TABLE hub.versions (
  library_id uuid NOT NULL REFERENCES hub.libraries ON DELETE CASCADE,
  version bigint NOT NULL,
  token uuid NOT NULL DEFAULT gen_random_uuid(),
  written_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (library_id, version)
);
ALTER TABLE hub.versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_own ON hub.versions FOR SELECT
  USING (library_id IN (SELECT hub.member_libraries(current_user, false)));
GRANT SELECT ON hub.versions TO ${MEMBER_GROUP_ROLE};

-- Each new library version gets its token, whoever raises it (hub.lock_library does, once per push).
CREATE FUNCTION hub.note_version() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
  INSERT INTO hub.versions (library_id, version) VALUES (NEW.id, NEW.version)
    ON CONFLICT (library_id, version) DO UPDATE SET token = gen_random_uuid(), written_at = now();
  RETURN NULL;
END $f$;
CREATE TRIGGER libraries_version_token AFTER UPDATE OF version ON hub.libraries
  FOR EACH ROW WHEN (NEW.version > OLD.version) EXECUTE FUNCTION hub.note_version();

-- Whether a desktop's cursor (of the library's current epoch) still names this hub's history; when
-- it does not, starts a new epoch (under the library row's lock, so two desktops noticing at once
-- start one). Returns true when it started one.
CREATE FUNCTION hub.check_cursor(lib uuid, r name, client_epoch uuid, cur bigint, tok uuid) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
  lib_epoch uuid;
  v bigint;
  held uuid;
  since bigint;
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
    -- no token for a version the hub has: written before this migration, nothing to compare
    IF cur <= v AND (held IS NULL OR held = tok) THEN
      RETURN false;
    END IF;
  END LOOP;
  SELECT min(version) - 1 INTO since FROM hub.versions
   WHERE library_id = lib AND written_at >= pg_postmaster_start_time();
  UPDATE hub.libraries SET epoch = gen_random_uuid(), epoch_since = LEAST(v, coalesce(since, v))
   WHERE id = lib;
  RETURN true;
END $f$;
`;
