/**
 * The hub's first schema. Everything lives in schema `hub`; the role that runs migrations owns the
 * tables (it bypasses row-level security and is used only for administration: join, invitations,
 * token checks). Every member request runs under the member's own PostgreSQL role
 * (`SET LOCAL ROLE`), to which the policies below apply — the same as when that member connects
 * to PostgreSQL directly with their own credentials.
 *
 * The policy helpers are SECURITY DEFINER (members cannot read the membership table freely) and
 * take the role to answer for as an argument; they answer only when the session user may act as
 * that role (`pg_has_role(session_user, r, 'MEMBER')`), so a member calling them directly with
 * someone else's role name learns nothing. The policies always pass `current_user`.
 */
export const MEMBER_GROUP_ROLE = 'yandu_hub_member';

export const migration001 = `
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${MEMBER_GROUP_ROLE}') THEN
    CREATE ROLE ${MEMBER_GROUP_ROLE} NOLOGIN;
  END IF;
END $$;

CREATE TABLE hub.libraries (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE,
  version bigint NOT NULL DEFAULT 0,
  -- the transaction that last raised version: all writes of one transaction share one version
  version_xact xid8,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE hub.members (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  pg_role name NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE hub.memberships (
  library_id uuid NOT NULL REFERENCES hub.libraries ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES hub.members ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('owner', 'editor', 'reader')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (library_id, member_id)
);

CREATE TABLE hub.devices (
  id uuid PRIMARY KEY,
  member_id uuid NOT NULL REFERENCES hub.members ON DELETE CASCADE,
  library_id uuid NOT NULL REFERENCES hub.libraries ON DELETE CASCADE,
  name text NOT NULL,
  token_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE TABLE hub.invitations (
  id uuid PRIMARY KEY,
  library_id uuid NOT NULL REFERENCES hub.libraries ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('owner', 'editor', 'reader')),
  code_hash bytea NOT NULL UNIQUE,
  uses_left integer NOT NULL CHECK (uses_left >= 0),
  expires_at timestamptz NOT NULL,
  -- who it is meant for (shown by \`yandu hub members\`); the joiner still gives their own name
  label text NOT NULL DEFAULT '',
  -- set: the code adds a device to this existing member (their annotations stay editable there)
  member_id uuid REFERENCES hub.members ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE hub.objects (
  library_id uuid NOT NULL REFERENCES hub.libraries ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('document', 'annotation', 'link', 'briefing', 'briefing_item',
                                     'meta_override', 'ledger_override')),
  id text NOT NULL,
  version bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  data jsonb,
  author_id uuid NOT NULL REFERENCES hub.members,
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- fractional-index keys compare bytewise: under a linguistic collation 'Zz' sorts after 'b00'
  order_key text COLLATE "C" GENERATED ALWAYS AS
    (CASE WHEN kind = 'briefing_item' THEN data ->> 'orderKey' END) STORED,
  PRIMARY KEY (library_id, kind, id),
  CHECK (deleted = (data IS NULL))
);
CREATE INDEX objects_feed ON hub.objects (library_id, version);
CREATE INDEX objects_briefing_order ON hub.objects (library_id, (data ->> 'briefingId'), order_key, id)
  WHERE kind = 'briefing_item' AND NOT deleted;

CREATE TABLE hub.push_batches (
  library_id uuid NOT NULL REFERENCES hub.libraries ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES hub.members ON DELETE CASCADE,
  batch_id uuid NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (library_id, member_id, batch_id)
);

CREATE TABLE hub.blobs (
  sha256 bytea PRIMARY KEY CHECK (length(sha256) = 32),
  size bigint NOT NULL CHECK (size >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- chunks keep every row and every read bounded (a 64 MiB file is never one value in memory)
CREATE TABLE hub.blob_chunks (
  sha256 bytea NOT NULL REFERENCES hub.blobs ON DELETE CASCADE,
  seq integer NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (sha256, seq)
);
-- which library holds which blob: content is stored once, visible only to the libraries holding it
CREATE TABLE hub.blob_refs (
  library_id uuid NOT NULL REFERENCES hub.libraries ON DELETE CASCADE,
  sha256 bytea NOT NULL REFERENCES hub.blobs,
  PRIMARY KEY (library_id, sha256)
);

CREATE FUNCTION hub.member_libraries(r name, writable boolean) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
  SELECT ms.library_id FROM hub.memberships ms JOIN hub.members m ON m.id = ms.member_id
  WHERE m.pg_role = r AND (NOT writable OR ms.role IN ('owner', 'editor'))
    AND pg_has_role(session_user, r, 'MEMBER')
$f$;

CREATE FUNCTION hub.member_id_of(r name) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
  SELECT m.id FROM hub.members m WHERE m.pg_role = r AND pg_has_role(session_user, r, 'MEMBER')
$f$;

CREATE FUNCTION hub.visible_members(r name) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
  SELECT ms.member_id FROM hub.memberships ms
  WHERE ms.library_id IN (SELECT hub.member_libraries(r, false))
$f$;

-- Locks the library row of a writer (a push checks base versions under it) and returns its
-- version; with bump, first raises the version once per transaction. The lock serialises the
-- library's writers, so versions commit in order and a pull cursor never skips.
CREATE FUNCTION hub.lock_library(lib uuid, r name, bump boolean) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
  v bigint;
  x xid8;
BEGIN
  IF lib NOT IN (SELECT hub.member_libraries(r, true)) THEN
    RAISE EXCEPTION 'role % may not write library %', r, lib USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT version, version_xact INTO v, x FROM hub.libraries WHERE id = lib FOR UPDATE;
  -- the row is updated once per transaction, not once per object written
  IF bump AND x IS DISTINCT FROM pg_current_xact_id() THEN
    UPDATE hub.libraries SET version = version + 1, version_xact = pg_current_xact_id()
     WHERE id = lib RETURNING version INTO v;
  END IF;
  RETURN v;
END $f$;

-- Version, author and time are the hub's, whoever writes (the service or a member's own connection).
CREATE FUNCTION hub.stamp_object() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
  NEW.version := hub.lock_library(NEW.library_id, current_user, true);
  NEW.author_id := hub.member_id_of(current_user);
  NEW.updated_at := now();
  RETURN NEW;
END $f$;
CREATE TRIGGER objects_stamp BEFORE INSERT OR UPDATE ON hub.objects
  FOR EACH ROW EXECUTE FUNCTION hub.stamp_object();

ALTER TABLE hub.libraries ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.members ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.devices ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.objects ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.push_batches ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.blobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.blob_chunks ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.blob_refs ENABLE ROW LEVEL SECURITY;

CREATE POLICY read_own ON hub.libraries FOR SELECT
  USING (id IN (SELECT hub.member_libraries(current_user, false)));
CREATE POLICY read_colleagues ON hub.members FOR SELECT
  USING (id IN (SELECT hub.visible_members(current_user)));
CREATE POLICY read_own ON hub.memberships FOR SELECT
  USING (library_id IN (SELECT hub.member_libraries(current_user, false)));

CREATE POLICY read_own ON hub.objects FOR SELECT
  USING (library_id IN (SELECT hub.member_libraries(current_user, false)));
CREATE POLICY insert_as_self ON hub.objects FOR INSERT
  WITH CHECK (library_id IN (SELECT hub.member_libraries(current_user, true))
              AND author_id = hub.member_id_of(current_user));
-- annotations and links are changed only by their author; everything else by any editor
CREATE POLICY update_as_self ON hub.objects FOR UPDATE
  USING (library_id IN (SELECT hub.member_libraries(current_user, true))
         AND (kind NOT IN ('annotation', 'link') OR author_id = hub.member_id_of(current_user)))
  WITH CHECK (library_id IN (SELECT hub.member_libraries(current_user, true))
              AND author_id = hub.member_id_of(current_user));

CREATE POLICY own_batches ON hub.push_batches FOR ALL
  USING (library_id IN (SELECT hub.member_libraries(current_user, true))
         AND member_id = hub.member_id_of(current_user));

CREATE POLICY read_own ON hub.blob_refs FOR SELECT
  USING (library_id IN (SELECT hub.member_libraries(current_user, false)));
CREATE POLICY add_own ON hub.blob_refs FOR INSERT
  WITH CHECK (library_id IN (SELECT hub.member_libraries(current_user, true)));
CREATE POLICY read_held ON hub.blobs FOR SELECT USING (sha256 IN (SELECT sha256 FROM hub.blob_refs));
CREATE POLICY read_held ON hub.blob_chunks FOR SELECT USING (sha256 IN (SELECT sha256 FROM hub.blob_refs));

GRANT USAGE ON SCHEMA hub TO ${MEMBER_GROUP_ROLE};
GRANT SELECT ON hub.libraries, hub.members, hub.memberships, hub.objects, hub.push_batches,
  hub.blobs, hub.blob_chunks, hub.blob_refs TO ${MEMBER_GROUP_ROLE};
GRANT INSERT, UPDATE (kind, id, library_id, deleted, data, version, author_id, updated_at)
  ON hub.objects TO ${MEMBER_GROUP_ROLE};
GRANT INSERT ON hub.push_batches, hub.blob_refs TO ${MEMBER_GROUP_ROLE};
`;
