import type { TeamAnnotationView } from '../../../shared/ipc/channels/team';
import type { KindData, TeamKind } from '../../../shared/team/protocol';
import { getAnnotation, type StoredAnnotation } from '../annotations/domain';
import { getBriefingRow, type SyncedItemRow } from '../briefings/domain';
import { getLink } from '../links/domain';
import type { Db } from '../store/database';
import { documentHeadingsOf, documentIdsInImportOrder, documentSource } from '../store/document-lookup';
import { statement } from '../store/statements';
import { assignKeys } from './order-keys';
import { removedAnnotation, removedOverride } from './removed-store';
import { markDirty, orderKeysOf, setOrderKey } from './team-store';
import { getBase } from './team-bases';

/**
 * The synced view of local objects: what the hub would hold for an object, read from the
 * library's own tables (null: the object is not in the library). Local-only columns (undo logs,
 * timestamps, the author, which the hub assigns) are left out, so touching them pushes nothing.
 */
export type LocalData = Record<string, unknown> | null;

/** An end whose passage is gone keeps the id it was synced with, so an orphaning is no edit. */
function passageOr(
  db: Db,
  kind: TeamKind,
  id: string,
  field: string,
  passageId: string | null,
  documentId: string,
) {
  if (passageId) return passageId;
  const base = getBase(db, kind, id)?.data?.[field];
  return typeof base === 'string' ? base : `${documentId}${ORPHANED_END}`;
}

/**
 * A passage id that stands for an end lost before the object ever synced (its document deleted
 * here first): `<documentId>-orphaned`. Returns that document id, or null for a real passage id.
 */
export function orphanedEndDocument(passageId: string): string | null {
  return passageId.endsWith(ORPHANED_END) ? passageId.slice(0, -ORPHANED_END.length) : null;
}
const ORPHANED_END = '-orphaned';

export function readAnnotation(db: Db, id: string): KindData['annotation'] | null {
  const a = getAnnotation(db, id);
  if (!a) return null;
  return {
    documentId: a.documentId,
    passageId: passageOr(db, 'annotation', id, 'passageId', a.passageId, a.documentId),
    start: a.start,
    end: a.end,
    quote: a.quote,
    prefix: a.prefix,
    suffix: a.suffix,
    color: a.color,
    note: a.note,
    tags: [...a.tags].sort(),
    kind: a.kind,
  };
}

/** What the team's copy of an annotation leaves to this library: where it stands here and its own bookkeeping. */
type AnnotationHere = Pick<
  StoredAnnotation,
  'passageId' | 'status' | 'author' | 'created' | 'updated' | 'editionHash' | 'history'
> &
  Partial<Pick<StoredAnnotation, 'start' | 'end' | 'quote' | 'prefix' | 'suffix' | 'kind'>>;

/**
 * The other way from readAnnotation: the team's copy as a stored annotation, its anchor, words and
 * marks as the team holds them unless `here` places it otherwise. One mapping for a pull
 * (local-write.ts) and for leaving the team (document-removal.ts), so a field the team's copy
 * gains reaches both.
 */
export function annotationFromTeam(
  id: string,
  d: KindData['annotation'],
  here: AnnotationHere,
): StoredAnnotation {
  return {
    id,
    documentId: d.documentId,
    start: d.start,
    end: d.end,
    quote: d.quote,
    prefix: d.prefix,
    suffix: d.suffix,
    kind: d.kind ?? 'highlight',
    color: d.color,
    note: d.note,
    tags: d.tags,
    ...here,
  };
}

export function readLink(db: Db, id: string): KindData['link'] | null {
  const l = getLink(db, id);
  if (!l) return null;
  return {
    fromPassageId: passageOr(db, 'link', id, 'fromPassageId', l.from, l.fromDocumentId),
    toPassageId: passageOr(db, 'link', id, 'toPassageId', l.to, l.toDocumentId),
    note: l.note,
  };
}

export function readBriefing(db: Db, id: string): KindData['briefing'] | null {
  const b = getBriefingRow(db, id);
  return b ? { title: b.title, audience: b.audience, date: b.date } : null;
}

interface ItemRow extends SyncedItemRow {
  kind: KindData['briefing_item']['kind'];
}

const ITEM_SELECT = `SELECT id, briefing_id AS briefingId, kind, level, text, document_id AS documentId,
  passage_id AS passageId, start_offset AS start, end_offset AS "end", exact, prefix, suffix,
  edition_hash AS editionHash, citation, status, marks FROM briefing_items`;

/**
 * Gives every item of a briefing an order key that agrees with its place in the outline: items
 * whose keys are still in order keep them, inserted and moved items get keys between their
 * neighbours. Run before the items are read for a push.
 */
export function assignOrderKeys(db: Db, briefingId: string): void {
  const ids = statement(db, `SELECT id FROM briefing_items WHERE briefing_id = ? ORDER BY ordinal, id`)
    .pluck()
    .all(briefingId) as string[];
  const known = orderKeysOf(db, ids);
  const keys = assignKeys(ids.map((id) => ({ id, key: known.get(id) })));
  ids.forEach((id, i) => {
    if (known.get(id) === keys[i]) return;
    setOrderKey(db, id, keys[i]!);
    // A new key is a change the hub must hear of, whichever item's push brought it about.
    markDirty(db, 'briefing_item', id);
  });
}

/**
 * Order keys for every briefing with an item changed here: a move only rewrites ordinals, and
 * its new key must exist before a push reads the item or a pull re-sorts the outline by keys.
 */
export function assignDirtyOrderKeys(db: Db): void {
  const briefings = statement(
    db,
    `SELECT DISTINCT i.briefing_id FROM team_outbox o JOIN briefing_items i ON i.id = o.object_id
     WHERE o.kind = 'briefing_item'`,
  )
    .pluck()
    .all() as string[];
  for (const id of briefings) assignOrderKeys(db, id);
}

export function readBriefingItem(db: Db, id: string): KindData['briefing_item'] | null {
  const r = statement(db, `${ITEM_SELECT} WHERE id = ?`).get(id) as ItemRow | undefined;
  if (!r) return null;
  // An excerpt orphaned by its document's deletion here keeps the anchor it was synced with.
  if (r.status === 'orphaned' && r.documentId && !localDocument(db, r.documentId)) {
    const synced = getBase(db, 'briefing_item', id)?.data?.['payload'] as Record<string, unknown> | undefined;
    if (synced && synced['documentId'] === r.documentId) {
      r.passageId = (synced['passageId'] as string | null) ?? null;
      r.status = (synced['status'] as string | null) ?? null;
    }
  }
  let key = orderKeysOf(db, [id]).get(id);
  if (key === undefined) {
    assignOrderKeys(db, r.briefingId);
    key = orderKeysOf(db, [id]).get(id)!;
  }
  return {
    briefingId: r.briefingId,
    orderKey: key,
    level: r.level,
    kind: r.kind,
    payload: {
      text: r.text,
      documentId: r.documentId,
      passageId: r.passageId,
      start: r.start,
      end: r.end,
      exact: r.exact,
      prefix: r.prefix,
      suffix: r.suffix,
      editionHash: r.editionHash,
      citation: r.citation,
      status: r.status,
      marks: JSON.parse(r.marks) as never,
    },
  };
}

export function readMetaOverride(db: Db, documentId: string): KindData['meta_override'] | null {
  const rows = statement(
    db,
    `SELECT field, value FROM document_meta_overrides WHERE document_id = ? ORDER BY field`,
  ).all(documentId) as { field: string; value: string }[];
  if (!rows.length) return null;
  const fields: Record<string, never> = {};
  for (const r of rows) fields[r.field] = JSON.parse(r.value) as never;
  return { documentId, fields };
}

export const ledgerKey = (issuerKey: string, indicatorKey: string, year: number): string =>
  `${issuerKey}\t${indicatorKey}\t${year}`;

export function parseLedgerKey(
  key: string,
): { issuerKey: string; indicatorKey: string; year: number } | null {
  const parts = key.split('\t');
  if (parts.length !== 3 || !/^-?\d+$/.test(parts[2]!)) return null;
  return { issuerKey: parts[0]!, indicatorKey: parts[1]!, year: Number(parts[2]) };
}

export function readLedgerOverride(db: Db, key: string): KindData['ledger_override'] | null {
  const k = parseLedgerKey(key);
  if (!k) return null;
  const row = statement(
    db,
    `SELECT verdict, note FROM ledger_overrides WHERE issuer_key = ? AND indicator_key = ? AND year = ?`,
  ).get(k.issuerKey, k.indicatorKey, k.year) as
    { verdict: KindData['ledger_override']['verdict']; note: string } | undefined;
  return row ? { key, verdict: row.verdict, note: row.note } : null;
}

/** The local copy of a synced document: its id, title and source file (push reads the file). */
export const localDocument = documentSource;

/** The synced data of any object but a document (whose data needs its file, see push). */
export function readLocal(db: Db, kind: Exclude<TeamKind, 'document'>, id: string): LocalData {
  switch (kind) {
    case 'annotation':
      // removed with its document, holding a change the hub has not seen: that copy, until it returns
      return readAnnotation(db, id) ?? removedAnnotation(db, id);
    case 'link':
      return readLink(db, id);
    case 'briefing':
      return readBriefing(db, id);
    case 'briefing_item':
      return readBriefingItem(db, id);
    case 'meta_override':
      // removed with its document: that copy, until the document comes back
      return readMetaOverride(db, id) ?? (localDocument(db, id) ? null : removedOverride(db, id));
    case 'ledger_override':
      return readLedgerOverride(db, id);
  }
}

/** Every object of the synced kinds in the library, for the first push after joining. */
export function allLocalKeys(db: Db): { kind: TeamKind; id: string }[] {
  const q = (kind: TeamKind, sql: string) =>
    (db.prepare(sql).pluck().all() as string[]).map((id) => ({ kind, id }));
  return [
    ...documentIdsInImportOrder(db).map((id) => ({ kind: 'document' as const, id })),
    ...q('annotation', `SELECT id FROM annotations`),
    ...q('link', `SELECT id FROM passage_links`),
    ...q('briefing', `SELECT id FROM briefings`),
    ...q('briefing_item', `SELECT id FROM briefing_items ORDER BY briefing_id, ordinal`),
    ...q('meta_override', `SELECT DISTINCT document_id FROM document_meta_overrides`),
    ...q(
      'ledger_override',
      `SELECT issuer_key || char(9) || indicator_key || char(9) || year FROM ledger_overrides`,
    ),
  ];
}

/** The latest annotations with their authors, everyone's or one member's (the 团队 screen's filter). */
export function recentAnnotations(db: Db, options: { author?: string; limit: number }): TeamAnnotationView[] {
  // Every annotation has its document (deleting one cascades): the title comes from the store.
  const rows = statement(
    db,
    `SELECT a.id, a.document_id AS documentId, a.passage_id AS passageId,
       a.exact AS quote, a.note, a.color, a.author, a.updated_at AS updated
     FROM annotations a
     WHERE (@author IS NULL OR a.author = @author)
     ORDER BY a.updated_at DESC, a.id LIMIT @limit`,
  ).all({ author: options.author ?? null, limit: options.limit }) as Omit<
    TeamAnnotationView,
    'documentTitle'
  >[];
  const docs = documentHeadingsOf(
    db,
    rows.map((r) => r.documentId),
  );
  return rows.map(({ id, documentId, ...rest }) => ({
    id,
    documentId,
    documentTitle: docs.get(documentId)?.title ?? '',
    ...rest,
  }));
}
