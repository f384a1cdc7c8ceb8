/**
 * A new edition moves annotations and links (issue 14). Before, only an object's author could
 * change it, so the others' objects stayed on passages of an edition no desktop held when their
 * author never synced again (or went back to an old backup), and a joining desktop found them
 * orphaned or waiting. Now any editor may change another member's annotation or link where only
 * its position differs (the anchor fields, as `ANCHOR_FIELDS` in shared/team/protocol.ts names
 * them) and it goes to other passages (`onlyMoved`); the author stays the author. Enforced here too, not only in the service, for members
 * reach the table with their own PostgreSQL role: the update policy admits any editor of the
 * library, and the stamping trigger refuses anything beyond a position change of someone else's.
 */
export const migration004 = `
CREATE FUNCTION hub.anchor_free(kind text, data jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $f$
  SELECT CASE kind
    WHEN 'annotation' THEN data - ARRAY['passageId', 'start', 'end', 'quote', 'prefix', 'suffix']
    WHEN 'link' THEN data - ARRAY['fromPassageId', 'toPassageId']
    ELSE data END
$f$;

CREATE OR REPLACE FUNCTION hub.stamp_object() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
  me uuid := hub.member_id_of(current_user);
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.kind IN ('annotation', 'link') AND OLD.author_id IS DISTINCT FROM me THEN
    IF OLD.deleted OR NEW.deleted OR OLD.data IS NULL OR NEW.data IS NULL
       OR hub.anchor_free(OLD.kind, OLD.data) IS DISTINCT FROM hub.anchor_free(NEW.kind, NEW.data)
       -- a move goes to other passages; a range resized in place is the author's edit
       OR (OLD.data->'passageId' IS NOT DISTINCT FROM NEW.data->'passageId'
           AND OLD.data->'fromPassageId' IS NOT DISTINCT FROM NEW.data->'fromPassageId'
           AND OLD.data->'toPassageId' IS NOT DISTINCT FROM NEW.data->'toPassageId') THEN
      RAISE EXCEPTION 'only its author may change this %', OLD.kind USING ERRCODE = '42501';
    END IF;
    NEW.author_id := OLD.author_id;
  ELSE
    NEW.author_id := me;
  END IF;
  NEW.version := hub.lock_library(NEW.library_id, current_user, true);
  NEW.updated_at := now();
  RETURN NEW;
END $f$;

DROP POLICY update_as_self ON hub.objects;
-- the author check of annotations and links is the trigger's (it may keep another author)
CREATE POLICY update_as_editor ON hub.objects FOR UPDATE
  USING (library_id IN (SELECT hub.member_libraries(current_user, true)))
  WITH CHECK (library_id IN (SELECT hub.member_libraries(current_user, true))
              AND (author_id = hub.member_id_of(current_user) OR kind IN ('annotation', 'link')));
`;
