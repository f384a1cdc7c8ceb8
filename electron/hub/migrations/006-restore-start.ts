/**
 * Which server start was the restore's, when a desktop can say when its cursor was written
 * (issue 14). Migration 005 could only bound it, and took the lowest start within the bounds: a
 * start before the backup was then taken for the restore's, and the copies the hub kept from
 * between the two (a delete, say) looked to desktops like changes made after the restore, to be
 * applied over the later copies the restore lost (a re-import of that document, for the whole team).
 *
 * A cursor token now carries the moment its version was written, on the database server's clock
 * (sealed with it, see the service's cursor-seal.ts). A version the hub lost was written after the
 * backup was taken, so after every start noted in the restored data but the restore's own; and
 * before the restore. The restore's start is therefore the first noted start after that moment,
 * and the version it noted (the lowest of the starts after that moment) is exactly where the hub
 * went back to. Starts after the backup and before the restore were noted only in the history the
 * restore threw away. Where that answer
 * cannot be right (the server's clock went back: it lies outside 005's bounds) or no moment was
 * sent (a token sealed before this migration), 005's bound is taken as before.
 */
export const migration006 = `
DROP FUNCTION hub.check_cursor(uuid, name, uuid, uuid, bigint, uuid);
CREATE FUNCTION hub.check_cursor(lib uuid, r name, dev uuid, client_epoch uuid, cur bigint, tok uuid,
                                 cur_written bigint)
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
  IF cur_written IS NOT NULL THEN
    -- (the lowest version of those starts: the restore's, as later ones found it or more; should
    -- the server's clock have gone back, an earlier one only makes desktops offer more again)
    SELECT min(s.version) INTO since FROM hub.library_starts s
     WHERE s.library_id = lib AND (extract(epoch FROM s.started_at) * 1000000)::bigint > cur_written;
    IF since >= cur OR since < coalesce(kept, 0) THEN
      since := NULL;
    END IF;
  END IF;
  IF since IS NULL THEN
    SELECT min(s.version) INTO since FROM hub.library_starts s
     WHERE s.library_id = lib AND s.version < cur AND s.version >= coalesce(kept, 0);
  END IF;
  IF since IS NULL THEN
    -- no start noted within the bounds (a restore from before migration 005): 003's estimate
    SELECT min(version) - 1 INTO since FROM hub.versions
     WHERE library_id = lib AND written_at >= pg_postmaster_start_time();
  END IF;
  UPDATE hub.libraries SET epoch = gen_random_uuid(), epoch_since = LEAST(v, coalesce(since, v))
   WHERE id = lib;
  DELETE FROM hub.library_starts WHERE library_id = lib;
  RETURN true;
END $f$;
`;
