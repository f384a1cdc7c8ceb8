import type { EditableMetaField } from '../../../shared/domain/library';
import { EDITABLE_META_FIELDS } from '../../../shared/domain/library';
import type { KindData, RemoteObject, TeamKind } from '../../../shared/team/protocol';
import { anchoredAt, getAnnotation, locate, putAnnotation, removeAnnotation } from '../annotations/domain';
import {
  briefingExists,
  briefingOfItem,
  deleteBriefingRow,
  deleteSyncedItem,
  itemIdsOfBriefing,
  putSyncedItem,
  setItemOrdinals,
  upsertSyncedBriefing,
} from '../briefings/domain';
import { getLink, putLink, removeLink } from '../links/domain';
import { deleteLedgerOverride, saveLedgerOverride } from '../ledger/domain';
import type { Db } from '../store/database';
import { updateDocumentMeta } from '../store/document-meta';
import { documentHeading } from '../store/document-lookup';
import { passagesOfDocument, passageWithEdition } from '../store/passage-reader';
import { annotationFromTeam, orphanedEndDocument, parseLedgerKey, readMetaOverride } from './local-read';
import { compareOrder } from './order-keys';
import { movedPassage } from './passage-moves-store';
import {
  dropRemovedAnnotation,
  dropRemovedOverride,
  putRemovedAnnotation,
  putRemovedOverride,
  removedAnnotation,
  removedOverride,
} from './removed-store';
import { orderKeysOf, setOrderKey } from './team-store';
import { type BaseCopy } from './team-bases';

/**
 * Writes the hub's copy of an object into the library's own tables. The caller holds the
 * transaction with capture off (team-store `applyingRemote`). Returns false when the object
 * cannot stand here yet (its document or briefing has not arrived): it is kept as a base copy
 * and applied when its parent comes.
 */
type Apply = (db: Db, o: RemoteObject, data: Record<string, unknown> | null) => boolean;

const passage = passageWithEdition;

const documentHash = (db: Db, id: string) => documentHeading(db, id)?.hash;

const applyAnnotation: Apply = (db, o, raw) => {
  if (!raw) {
    removeAnnotation(db, o.id);
    dropRemovedAnnotation(db, o.id);
    return true;
  }
  const d = raw as KindData['annotation'];
  const hash = documentHash(db, d.documentId);
  if (!hash) {
    // its document is away: a copy kept as it stood there (document-removal.ts) takes the merge
    if (removedAnnotation(db, o.id)) putRemovedAnnotation(db, o.id, raw);
    return false;
  }
  dropRemovedAnnotation(db, o.id);
  const existing = getAnnotation(db, o.id);
  const at = passage(db, d.passageId) ? null : relocate(db, d, hash);
  const anchored = !!at || !!passage(db, d.passageId);
  putAnnotation(
    db,
    annotationFromTeam(o.id, d, {
      // relocated on the edition held here, else at the team's anchor (never an empty range)
      ...(at ?? { end: Math.max(d.end, d.start + 1) }),
      passageId: anchored ? (at?.passageId ?? d.passageId) : null,
      kind: d.kind ?? existing?.kind ?? 'highlight',
      author: o.author.name,
      created: existing?.created ?? o.updatedAt,
      updated: o.updatedAt,
      status: anchored ? 'anchored' : 'orphaned',
      editionHash: hash,
      history: existing?.history ?? [hash],
    }),
  );
  return true;
};

/**
 * An annotation positioned in an edition of its document this desktop does not hold (its author's
 * desktop never re-anchored it, or has not yet): placed on the edition held here by its quote and
 * context, with the locate a replace uses (near the passage its own passage became, when this
 * library made that replace), rather than shown orphaned while its text is there.
 */
function relocate(db: Db, d: KindData['annotation'], hash: string) {
  const next = passagesOfDocument(db, d.documentId);
  const moved = movedPassage(db, d.passageId);
  const found = locate({
    anchor: { exact: d.quote, prefix: d.prefix, suffix: d.suffix, start: d.start, end: d.end },
    passages: next.map((p) => p.text),
    corresponding: moved ? next.findIndex((p) => p.id === moved) : -1,
    oldText: null,
  });
  return found ? anchoredAt(next[found.passageIndex]!, found, hash) : null;
}

const applyLink: Apply = (db, o, raw) => {
  if (!raw) {
    removeLink(db, o.id);
    return true;
  }
  const d = { ...(raw as KindData['link']) };
  const existing = getLink(db, o.id);
  // an end on an edition replaced here follows its passage, as the replace moved the links it saw
  for (const end of ['fromPassageId', 'toPassageId'] as const)
    if (!passage(db, d[end])) d[end] = movedPassage(db, d[end]) ?? d[end];
  const from = passage(db, d.fromPassageId);
  const to = passage(db, d.toPassageId);
  // an end its author lost before the link first synced stands orphaned here too, never waits;
  // so does an end in an edition of a document held here that nobody moved it from (every desktop
  // took the document back by importing it anew): its document will bring no other passages
  const lostFrom = orphanedEndDocument(d.fromPassageId) ?? heldDocumentOf(db, d.fromPassageId);
  const lostTo = orphanedEndDocument(d.toPassageId) ?? heldDocumentOf(db, d.toPassageId);
  if (((!from && !lostFrom) || (!to && !lostTo)) && !existing) return false;
  putLink(db, {
    id: o.id,
    from: from ? d.fromPassageId : null,
    to: to ? d.toPassageId : null,
    fromDocumentId: from?.documentId ?? existing?.fromDocumentId ?? lostFrom!,
    toDocumentId: to?.documentId ?? existing?.toDocumentId ?? lostTo!,
    fromText: from?.text ?? existing?.fromText ?? '',
    toText: to?.text ?? existing?.toText ?? '',
    note: d.note,
    author: o.author.name,
    created: existing?.created ?? o.updatedAt,
    updated: o.updatedAt,
    status: from && to ? 'anchored' : 'orphaned',
  });
  return true;
};

/** The document a passage id names (`<documentId>-…`), when this library holds it. */
function heldDocumentOf(db: Db, passageId: string): string | null {
  const documentId = passageId.split('-')[0]!;
  return documentHash(db, documentId) ? documentId : null;
}

const applyBriefing: Apply = (db, o, raw) => {
  if (!raw) {
    deleteBriefingRow(db, o.id);
    return true;
  }
  const d = raw as KindData['briefing'];
  upsertSyncedBriefing(db, {
    id: o.id,
    title: d.title,
    audience: d.audience,
    date: d.date,
    updatedAt: o.updatedAt,
  });
  return true;
};

/** Ordinals of a briefing's items rewritten from their order keys (ties by id). */
export function reorderBriefing(db: Db, briefingId: string): void {
  const ids = itemIdsOfBriefing(db, briefingId);
  const keys = orderKeysOf(db, ids);
  const sorted = ids.map((id) => ({ id, key: keys.get(id) ?? '~' })).sort(compareOrder);
  setItemOrdinals(
    db,
    sorted.map((item) => item.id),
  );
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

const applyBriefingItem: Apply = (db, o, raw) => {
  const previous = briefingOfItem(db, o.id);
  if (!raw) {
    deleteSyncedItem(db, o.id);
    setOrderKey(db, o.id, null);
    return true;
  }
  const d = raw as KindData['briefing_item'];
  if (!briefingExists(db, d.briefingId)) return false;
  const p = d.payload;
  const excerpt = d.kind === 'excerpt';
  const passageId =
    excerpt && str(p['passageId']) && passage(db, str(p['passageId'])!) ? str(p['passageId']) : null;
  const status = excerpt
    ? passageId
      ? str(p['status']) === 'drifted'
        ? 'drifted'
        : 'ok'
      : 'orphaned'
    : null;
  putSyncedItem(db, {
    id: o.id,
    briefingId: d.briefingId,
    kind: d.kind,
    level: d.level,
    text: str(p['text']) ?? '',
    documentId: str(p['documentId']),
    passageId,
    start: int(p['start']),
    end: int(p['end']),
    exact: str(p['exact']),
    prefix: str(p['prefix']),
    suffix: str(p['suffix']),
    editionHash: str(p['editionHash']),
    citation: str(p['citation']) ?? '',
    status,
    marks: JSON.stringify(Array.isArray(p['marks']) ? p['marks'] : []),
  });
  setOrderKey(db, o.id, d.orderKey);
  reorderBriefing(db, d.briefingId);
  if (previous && previous !== d.briefingId) reorderBriefing(db, previous);
  return true;
};

const applyMetaOverride: Apply = (db, o, raw) => {
  const fields = ((raw as KindData['meta_override'] | null)?.fields ?? {}) as Record<string, unknown>;
  if (!documentHash(db, o.id)) {
    // its document is away: a copy kept as it stood there (document-removal.ts) takes the merge
    if (!raw) dropRemovedOverride(db, o.id);
    else if (removedOverride(db, o.id)) putRemovedOverride(db, o.id, raw);
    return !raw;
  }
  dropRemovedOverride(db, o.id);
  const current = readMetaOverride(db, o.id)?.fields ?? {};
  const patch: Record<string, unknown> = {};
  const reset: EditableMetaField[] = [];
  for (const field of EDITABLE_META_FIELDS) {
    if (field in fields) patch[field] = fields[field];
    else if (field in current) reset.push(field);
  }
  updateDocumentMeta(db, o.id, patch as never, reset);
  return true;
};

const applyLedgerOverride: Apply = (db, o, raw) => {
  const key = parseLedgerKey(o.id);
  if (!key) return false;
  if (!raw) deleteLedgerOverride(db, key.issuerKey, key.indicatorKey, key.year);
  else {
    const d = raw as KindData['ledger_override'];
    saveLedgerOverride(db, { ...key, verdict: d.verdict, note: d.note });
  }
  return true;
};

const APPLY: Record<Exclude<TeamKind, 'document'>, Apply> = {
  annotation: applyAnnotation,
  link: applyLink,
  briefing: applyBriefing,
  briefing_item: applyBriefingItem,
  meta_override: applyMetaOverride,
  ledger_override: applyLedgerOverride,
};

/** Writes `data` (the merged or the hub's copy; null deletes) for the object `o` names. */
export function applyLocal(db: Db, o: RemoteObject, data: Record<string, unknown> | null): boolean {
  if (o.kind === 'document') return true;
  return APPLY[o.kind](db, o, data);
}

/**
 * Writes `data` (null deletes) for an object in the name its base copy gives (author, version):
 * a refused change put back as the hub has it, a conflict's chosen side, a vanished object taken out.
 */
export function applyOverBase(
  db: Db,
  kind: TeamKind,
  id: string,
  base: BaseCopy | undefined,
  data: Record<string, unknown> | null,
  now: Date,
): boolean {
  const author = { id: base?.authorId ?? '', name: base?.authorName ?? '' };
  const o = {
    kind,
    id,
    version: base?.version ?? 0,
    deleted: !data,
    data,
    author,
    updatedAt: now.toISOString(),
  };
  return applyLocal(db, o, data);
}
