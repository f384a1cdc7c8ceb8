import type { RemoteObject, TeamKind } from '../../../shared/team/protocol';
import type { Db } from '../store/database';
import { statement } from '../store/statements';

/**
 * SQL of team_objects: each synced object's base copy, as this desktop last saw it on the hub
 * (version, deleted, data, author), whether it stands in the library, and the copy a hub
 * restore lost (kept as the common ancestor until the object is settled).
 */

export interface BaseCopy {
  kind: TeamKind;
  id: string;
  version: number;
  deleted: boolean;
  data: Record<string, unknown> | null;
  authorId: string | null;
  authorName: string | null;
  applied: boolean;
  /** The copy a hub restore lost, kept as the common ancestor until the object is settled (see restores.ts). */
  ancestor: LostCopy | null;
}

/** A base copy of a history the hub lost: the epoch of that history and the copy's version in it. */
export interface LostCopy {
  epoch: string;
  version: number;
  data: Record<string, unknown> | null;
}

type BaseRow = Omit<BaseCopy, 'deleted' | 'data' | 'applied' | 'ancestor'> & {
  deleted: number;
  base: string | null;
  applied: number;
  ancestor: string | null;
};
const fromBaseRow = (r: BaseRow): BaseCopy => ({
  kind: r.kind,
  id: r.id,
  version: r.version,
  deleted: r.deleted === 1,
  data: r.base === null ? null : (JSON.parse(r.base) as Record<string, unknown>),
  authorId: r.authorId,
  authorName: r.authorName,
  applied: r.applied === 1,
  ancestor: r.ancestor === null ? null : (JSON.parse(r.ancestor) as LostCopy),
});
const BASE_SELECT = `SELECT kind, object_id AS id, version, deleted, base, author_id AS authorId,
  author_name AS authorName, applied, ancestor FROM team_objects`;

export function getBase(db: Db, kind: TeamKind, id: string): BaseCopy | undefined {
  const row = statement(db, `${BASE_SELECT} WHERE kind = ? AND object_id = ?`).get(kind, id) as
    BaseRow | undefined;
  return row && fromBaseRow(row);
}

export function unappliedBases(db: Db, limit: number): BaseCopy[] {
  return (
    statement(db, `${BASE_SELECT} WHERE applied = 0 ORDER BY version LIMIT ?`).all(limit) as BaseRow[]
  ).map(fromBaseRow);
}

/**
 * The live base copies of the objects anchored in a document as the hub has them: annotations and
 * excerpts naming it, links with an end in its passages (ids `<documentId>-…`). One scan per replace.
 */
export function basesAnchoredIn(db: Db, documentId: string): BaseCopy[] {
  return (
    statement(
      db,
      `${BASE_SELECT} WHERE deleted = 0 AND kind IN ('annotation', 'link', 'briefing_item') AND (
         json_extract(base, '$.documentId') = @doc OR json_extract(base, '$.payload.documentId') = @doc
         OR substr(json_extract(base, '$.fromPassageId'), 1, length(@prefix)) = @prefix
         OR substr(json_extract(base, '$.toPassageId'), 1, length(@prefix)) = @prefix)`,
    ).all({ doc: documentId, prefix: `${documentId}-` }) as BaseRow[]
  ).map(fromBaseRow);
}

/** Forgets the base copy of an object (the hub turned out not to hold it). */
export function dropBase(db: Db, kind: TeamKind, id: string): void {
  statement(db, `DELETE FROM team_objects WHERE kind = ? AND object_id = ?`).run(kind, id);
}

/** Every live base copy of some kinds: what the hub holds as far as this client knows. */
export function liveBases(db: Db): BaseCopy[] {
  return (statement(db, `${BASE_SELECT} WHERE deleted = 0 ORDER BY kind, object_id`).all() as BaseRow[]).map(
    fromBaseRow,
  );
}

/**
 * Writes the base copy. The lost ancestor goes with it (the object is settled with the hub) unless
 * `keepAncestor`: the hub's older copy became the base a lost change is offered again on.
 */
export function putBase(db: Db, o: RemoteObject, applied = true, keepAncestor = false): void {
  statement(
    db,
    `INSERT INTO team_objects (kind, object_id, version, deleted, base, author_id, author_name, updated_at, applied)
     VALUES (@kind, @id, @version, @deleted, @base, @authorId, @authorName, @updatedAt, @applied)
     ON CONFLICT (kind, object_id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted,
       base = excluded.base, author_id = excluded.author_id, author_name = excluded.author_name,
       updated_at = excluded.updated_at, applied = excluded.applied,
       ancestor = CASE WHEN @keepAncestor = 1 THEN ancestor END`,
  ).run({
    kind: o.kind,
    id: o.id,
    version: o.version,
    deleted: o.deleted ? 1 : 0,
    base: o.data === null ? null : JSON.stringify(o.data),
    authorId: o.author.id,
    authorName: o.author.name,
    updatedAt: o.updatedAt,
    applied: applied ? 1 : 0,
    keepAncestor: keepAncestor ? 1 : 0,
  });
}

/**
 * A hub restore lost every version above `since`: those base copies get version `lostVersion` and
 * keep their copy as the ancestor (an earlier restore's ancestor, not yet settled, stays: it is
 * what this desktop's copy was made from). Returns the objects marked.
 */
export function markBasesLost(
  db: Db,
  since: number,
  lostVersion: number,
  lostEpoch: string,
): { kind: TeamKind; id: string; authorId: string | null }[] {
  const lost = statement(
    db,
    `SELECT kind, object_id AS id, author_id AS authorId FROM team_objects WHERE version > ?`,
  ).all(since) as { kind: TeamKind; id: string; authorId: string | null }[];
  statement(
    db,
    `UPDATE team_objects SET version = ?, ancestor = coalesce(ancestor,
       json_object('epoch', ?, 'version', version, 'data', json(CASE WHEN deleted = 1 THEN 'null' ELSE base END)))
      WHERE version > ?`,
  ).run(lostVersion, lostEpoch, since);
  return lost;
}

/**
 * Base copies still lost after the pull from the start (documents aside) and not queued here; or
 * queued, when they are another member's annotation or link (only a move of it made here, by a new
 * edition's re-anchoring: offering it would make this member the author of what its author deleted).
 */
export function lostUnqueued(db: Db, lostVersion: number, me: string): BaseCopy[] {
  return (
    statement(
      db,
      `${BASE_SELECT} WHERE version = @lost AND kind <> 'document'
        AND (NOT EXISTS (SELECT 1 FROM team_outbox x WHERE x.kind = team_objects.kind AND x.object_id = team_objects.object_id)
          OR (kind IN ('annotation', 'link') AND coalesce(author_id, '') <> @me))`,
    ).all({ lost: lostVersion, me }) as BaseRow[]
  ).map(fromBaseRow);
}

/** Marks a base copy as standing in the library (or waiting, applied = false, for its document). */
export function setApplied(db: Db, kind: TeamKind, id: string, applied = true): void {
  statement(db, `UPDATE team_objects SET applied = ? WHERE kind = ? AND object_id = ?`).run(
    applied ? 1 : 0,
    kind,
    id,
  );
}
