import type { TeamConflictView } from '../../../shared/ipc/channels/team';
import type { TeamKind } from '../../../shared/team/protocol';
import type { Db } from '../store/database';
import { getBriefingRow } from '../briefings/domain';
import { documentHeadingsOf } from '../store/document-lookup';
import { statement } from '../store/statements';

/**
 * Conflicts the sync could not settle by itself (each clash its own row: a later clash on the
 * same object never replaces an earlier one the user has not seen), listed for the user with both versions: the
 * same field changed differently here and on the hub (reason 'edit'), or a change the hub
 * refused (role, authorship: 'forbidden'; schema: 'invalid'). The library holds the hub's
 * version meanwhile; nothing is dropped until the user picks a side.
 */
export type ConflictReason = 'edit' | 'forbidden' | 'invalid';

export interface TeamConflict {
  id: number;
  kind: TeamKind;
  objectId: string;
  reason: ConflictReason;
  /** Dotted field paths changed on both sides; ['*'] for an edit against a delete. */
  fields: string[];
  /** This desktop's version (null: deleted here). */
  local: Record<string, unknown> | null;
  /** The hub's version (null: deleted there, or never accepted). */
  remote: Record<string, unknown> | null;
  remoteVersion: number | null;
  remoteAuthor: string | null;
  created: string;
  resolved: string | null;
  resolution: 'local' | 'remote' | null;
}

type Row = Omit<TeamConflict, 'fields' | 'local' | 'remote'> & {
  fields: string;
  local: string | null;
  remote: string | null;
};

const SELECT = `SELECT id, kind, object_id AS objectId, reason, fields, local, remote, remote_version AS remoteVersion,
  remote_author AS remoteAuthor, created_at AS created, resolved_at AS resolved, resolution FROM team_conflicts`;

const parse = (s: string | null) => (s === null ? null : (JSON.parse(s) as Record<string, unknown>));
const fromRow = (r: Row): TeamConflict => ({
  ...r,
  fields: JSON.parse(r.fields) as string[],
  local: parse(r.local),
  remote: parse(r.remote),
});

/**
 * Lists a clash. `base`: the common copy an 'edit' clash was judged against (null: the object did
 * not exist; left out: none was known, as after a hub restore that lost it).
 */
export function addConflict(
  db: Db,
  c: Omit<TeamConflict, 'id' | 'created' | 'resolved' | 'resolution'> & {
    base?: Record<string, unknown> | null;
  },
  now = new Date(),
): number {
  return Number(
    statement(
      db,
      `INSERT INTO team_conflicts (kind, object_id, reason, fields, local, remote, remote_version, remote_author, created_at, base)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      c.kind,
      c.objectId,
      c.reason,
      JSON.stringify(c.fields),
      c.local === null ? null : JSON.stringify(c.local),
      c.remote === null ? null : JSON.stringify(c.remote),
      c.remoteVersion,
      c.remoteAuthor,
      now.toISOString(),
      c.base === undefined ? null : JSON.stringify(c.base),
    ).lastInsertRowid,
  );
}

/** Conflicts in id order, open ones only unless `all`; of one kind when `kind` is given. At most `limit` (1,000). */
export function listConflicts(
  db: Db,
  options: { all?: boolean; kind?: TeamKind; limit?: number } = {},
): TeamConflict[] {
  const where = [options.all ? '' : 'resolved_at IS NULL', options.kind ? 'kind = ?' : ''].filter(Boolean);
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`;
  const params = [...(options.kind ? [options.kind] : []), Math.min(options.limit ?? 1000, 1000)];
  return (statement(db, sql).all(...params) as Row[]).map(fromRow);
}

export function countOpenConflicts(db: Db): number {
  return statement(db, `SELECT count(*) FROM team_conflicts WHERE resolved_at IS NULL`)
    .pluck()
    .get() as number;
}

export function getConflict(db: Db, id: number): TeamConflict | undefined {
  const row = statement(db, `${SELECT} WHERE id = ?`).get(id) as Row | undefined;
  return row && fromRow(row);
}

export function markResolved(db: Db, id: number, resolution: 'local' | 'remote', now = new Date()): void {
  statement(db, `UPDATE team_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?`).run(
    now.toISOString(),
    resolution,
    id,
  );
}

/**
 * An object listed as gone from a restored hub (see restores.ts `listVanished`: remote and its
 * version null) came back from the hub, offered again by its author: the listing no longer holds.
 */
export function settleVanished(db: Db, kind: TeamKind, objectId: string, now: Date): number {
  return statement(
    db,
    `UPDATE team_conflicts SET resolved_at = ?, resolution = 'remote'
      WHERE kind = ? AND object_id = ? AND reason = 'edit' AND remote IS NULL AND remote_version IS NULL
        AND resolved_at IS NULL`,
  ).run(now.toISOString(), kind, objectId).changes;
}

/** The document a conflict's object is about, by its kind (the object's id, or its data's documentId). */
function documentOf(c: TeamConflict): string | null {
  if (c.kind === 'document' || c.kind === 'meta_override') return c.objectId;
  const data = c.local ?? c.remote;
  return c.kind === 'annotation' && typeof data?.['documentId'] === 'string' ? data['documentId'] : null;
}

/** The briefing a conflict's object is (a briefing) or belongs to (an item: its data's briefingId). */
function briefingOf(c: TeamConflict): string | null {
  if (c.kind === 'briefing') return c.objectId;
  const data = c.local ?? c.remote;
  return c.kind === 'briefing_item' && typeof data?.['briefingId'] === 'string' ? data['briefingId'] : null;
}

/**
 * Conflicts as the 团队 screen and `yandu team conflicts` show them, with the titles of their
 * documents and briefings (an item's id alone told a study group nothing of which briefing clashed).
 */
export function conflictViews(db: Db, list: TeamConflict[]): TeamConflictView[] {
  const ids = list.map(documentOf).filter((id): id is string => id !== null);
  const headings = ids.length
    ? documentHeadingsOf(db, [...new Set(ids)])
    : new Map<string, { title: string }>();
  // Read once per briefing: a week's clashes over one briefing's items name it hundreds of times.
  const briefingTitles = new Map<string, string | null>();
  const briefingTitle = (id: string) => {
    if (!briefingTitles.has(id)) briefingTitles.set(id, getBriefingRow(db, id)?.title || null);
    return briefingTitles.get(id)!;
  };
  return list.map((c) => {
    const documentId = documentOf(c);
    const briefingId = briefingOf(c);
    return conflictView(c, {
      documentId,
      documentTitle: (documentId && headings.get(documentId)?.title) || null,
      briefingId,
      briefingTitle: briefingId ? briefingTitle(briefingId) : null,
    });
  });
}

type Subject = Pick<TeamConflictView, 'documentId' | 'documentTitle' | 'briefingId' | 'briefingTitle'>;

/** A conflict as the 团队 screen shows it. */
const conflictView = (c: TeamConflict, subject: Subject): TeamConflictView => ({
  id: c.id,
  kind: c.kind,
  objectId: c.objectId,
  reason: c.reason,
  fields: c.fields,
  local: c.local,
  remote: c.remote,
  remoteAuthor: c.remoteAuthor,
  created: c.created,
  resolved: c.resolved,
  resolution: c.resolution,
  remoteVersion: c.remoteVersion,
  ...subject,
});
