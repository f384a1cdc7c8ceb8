import type {
  AnnotationConflict,
  AnnotationContent,
  AnnotationImportResult,
} from '../../../../shared/domain/annotations';
import { AppError } from '../../kernel/app-error';
import type { Db } from '../../store/database';
import { documentEdition, documentEditionByHash } from '../../store/document-lookup';
import { passagesOfDocument } from '../../store/passage-reader';
import { locate } from '../anchoring/locate';
import { anchoredAt } from '../anchoring/selectors';
import { contentHash, mergeHistory } from '../content-hash';
import { recordBatch, type OpChange } from '../oplog';
import { getAnnotation, normalizeTags, putAnnotation, type StoredAnnotation } from '../repository';
import { clearPendingConflict, pendingConflict, pendingConflicts, savePendingConflict } from '../side-tables';
import { importLinks } from '../../links/domain';
import { parseW3C, readW3CItems, utf16Range, type IncomingAnnotation } from './w3c';

/**
 * Merging a colleague's file. Same id → the same annotation: each copy remembers the content
 * hashes it has passed through (`history`), so whichever side is behind takes the other's
 * content; edits on both sides are a conflict, kept pending (annotation_conflicts) until the user
 * chooses. New ids are anchored in this library's edition by the re-anchoring rules. Position is
 * never merged: each library places an annotation in its own edition.
 */
interface DocRow {
  id: string;
  hash: string;
}

const contentOf = (a: Pick<StoredAnnotation, keyof AnnotationContent>): AnnotationContent => ({
  kind: a.kind,
  color: a.color,
  note: a.note,
  tags: a.tags,
  author: a.author,
  updated: a.updated,
});

function findDocument(db: Db, a: IncomingAnnotation): DocRow | undefined {
  const byId = a.documentId ? documentEdition(db, a.documentId) : undefined;
  if (byId) return byId;
  return a.editionHash ? documentEditionByHash(db, a.editionHash) : undefined;
}

type PassageRow = { id: string; text: string };

/** A document's passages, read once per import however many annotations land in it. */
function passageCache(db: Db): (docId: string) => PassageRow[] {
  const cache = new Map<string, PassageRow[]>();
  return (docId) => {
    let rows = cache.get(docId);
    if (!rows) cache.set(docId, (rows = passagesOfDocument(db, docId)));
    return rows;
  };
}

/** Places a new annotation: its own position when the edition is the same, else quote and context. */
function place(passages: PassageRow[], doc: DocRow, a: IncomingAnnotation, fuzzy = true): StoredAnnotation {
  const sameEdition = a.editionHash === doc.hash;
  const own = sameEdition ? passages.findIndex((p) => p.id === a.passageId) : -1;
  const range = own >= 0 && a.position ? utf16Range(passages[own]!.text, a.position) : null;
  const found = locate({
    anchor: {
      exact: a.quote,
      prefix: a.prefix,
      suffix: a.suffix,
      start: range?.start ?? -1,
      end: range?.end ?? -1,
    },
    passages: passages.map((p) => p.text),
    corresponding: range ? own : -1,
    oldText: range ? passages[own]!.text : null,
    fuzzy,
  });
  const base = {
    id: a.id,
    documentId: doc.id,
    kind: a.kind,
    color: a.color,
    note: a.note,
    tags: normalizeTags(a.tags.map((t) => t.slice(0, 40))),
    author: a.author,
    created: a.created,
    updated: a.updated,
    history: mergeHistory(a.history),
  };
  if (!found)
    return {
      ...base,
      passageId: null,
      start: 0,
      end: a.quote.length,
      quote: a.quote,
      prefix: a.prefix,
      suffix: a.suffix,
      status: 'orphaned',
      editionHash: a.editionHash ?? doc.hash,
    };
  return { ...base, ...anchoredAt(passages[found.passageIndex]!, found, doc.hash) };
}

/** The local copy with the incoming content (position kept), remembering both pasts. */
export function takeIncoming(local: StoredAnnotation, incoming: IncomingAnnotation): StoredAnnotation {
  return {
    ...local,
    kind: incoming.kind,
    color: incoming.color,
    note: incoming.note,
    tags: normalizeTags(incoming.tags.map((t) => t.slice(0, 40))),
    updated: incoming.updated,
    history: mergeHistory(local.history, incoming.history, [contentHash(local)]),
  };
}

/** More annotations than one file may bring: a colleague's years of reading, not a generated flood. */
export const MAX_IMPORT_ITEMS = 20_000;
/** Placing runs in slices this long, so the window keeps answering between them. */
const SLICE_MS = 15;
/** Approximate matching stops after this; the rest are placed by their exact quote or orphaned. */
const FUZZY_BUDGET_MS = 8_000;

interface Placement {
  doc: DocRow;
  placed: StoredAnnotation;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Where each new annotation goes, worked out before any write: the costly part (re-anchoring by
 * quote and context) runs in slices without holding the write lock, and stops trying approximate
 * matches once its time budget is spent (those left are placed exactly or kept as orphans).
 */
async function placeNew(
  db: Db,
  incoming: IncomingAnnotation[],
  passagesOf: (docId: string) => PassageRow[],
): Promise<Map<string, Placement>> {
  const placements = new Map<string, Placement>();
  const started = performance.now();
  let slice = started;
  for (const a of incoming) {
    if (placements.has(a.id) || getAnnotation(db, a.id)) continue;
    const doc = findDocument(db, a);
    if (!doc) continue;
    const fuzzy = performance.now() - started < FUZZY_BUDGET_MS;
    placements.set(a.id, { doc, placed: place(passagesOf(doc.id), doc, a, fuzzy) });
    if (performance.now() - slice > SLICE_MS) {
      await nextTurn();
      slice = performance.now();
    }
  }
  return placements;
}

/**
 * Merges a shared file. New annotations are placed first, in slices and outside any transaction;
 * then one short transaction writes everything (so one undo step per document takes the import
 * back), using the placements worked out unless the document changed meanwhile.
 */
export async function importAnnotations(db: Db, text: string, now: string): Promise<AnnotationImportResult> {
  const incoming = parseW3C(text);
  if (incoming.length > MAX_IMPORT_ITEMS)
    throw new AppError('annotation_import_invalid', {
      reason: `共 ${incoming.length} 条，超过每个文件 ${MAX_IMPORT_ITEMS} 条的上限`,
    });
  const passagesOf = passageCache(db);
  const placements = await placeNew(db, incoming, passagesOf);
  const result: AnnotationImportResult = {
    added: 0,
    updated: 0,
    unchanged: 0,
    conflicts: [],
    orphaned: 0,
    skipped: 0,
  };
  db.transaction(() => {
    // For a document replaced while the placements were worked out: its passages as they are now.
    const current = passageCache(db);
    const changes = new Map<string, OpChange[]>();
    const record = (documentId: string, change: OpChange) => {
      const list = changes.get(documentId);
      if (list) list.push(change);
      else changes.set(documentId, [change]);
    };
    const seen = new Set<string>();
    for (const a of incoming) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      const local = getAnnotation(db, a.id);
      if (!local) {
        const doc = findDocument(db, a);
        if (!doc) {
          result.skipped++;
          continue;
        }
        const early = placements.get(a.id);
        const placed =
          early && early.doc.id === doc.id && early.doc.hash === doc.hash
            ? early.placed
            : place(current(doc.id), doc, a);
        putAnnotation(db, placed);
        record(doc.id, { before: null, after: getAnnotation(db, a.id)! });
        result.added++;
        if (placed.status === 'orphaned') result.orphaned++;
        continue;
      }
      const localHash = contentHash(local);
      const incomingHash = contentHash({ ...a, tags: normalizeTags(a.tags) });
      if (incomingHash === localHash || local.history.includes(incomingHash)) {
        clearPendingConflict(db, a.id);
        result.unchanged++;
      } else if (a.history.includes(localHash)) {
        putAnnotation(db, takeIncoming(local, a));
        clearPendingConflict(db, a.id);
        record(local.documentId, { before: local, after: getAnnotation(db, a.id)! });
        result.updated++;
      } else {
        savePendingConflict(db, a.id, JSON.stringify(a), now);
        result.conflicts.push(conflictView(local, a));
      }
    }
    for (const [documentId, list] of changes) recordBatch(db, documentId, 'import', list, now);
    // Fields only for a file that has links: an annotations-only file answers as it always has.
    const links = importLinks(db, readW3CItems(text), now);
    if (links.added + links.updated + links.unchanged + links.skipped)
      Object.assign(result, {
        linksAdded: links.added,
        linksUpdated: links.updated,
        linksSkipped: links.skipped,
      });
  })();
  return result;
}

export function conflictView(local: StoredAnnotation, incoming: IncomingAnnotation): AnnotationConflict {
  return {
    id: local.id,
    documentId: local.documentId,
    quote: local.quote,
    local: contentOf(local),
    incoming: contentOf({ ...incoming, tags: normalizeTags(incoming.tags) }),
  };
}

export function listConflicts(db: Db, documentId?: string): AnnotationConflict[] {
  return pendingConflicts(db, documentId).map((r) =>
    conflictView(getAnnotation(db, r.id)!, JSON.parse(r.incoming) as IncomingAnnotation),
  );
}

/** The user's choice on a conflict; either way the other version is remembered as seen. */
export function resolveConflict(
  db: Db,
  id: string,
  keep: 'local' | 'incoming',
  now: string,
): StoredAnnotation | null {
  return db.transaction(() => {
    const pending = pendingConflict(db, id);
    const local = getAnnotation(db, id);
    if (pending === undefined || !local) return null;
    const incoming = JSON.parse(pending) as IncomingAnnotation;
    const next =
      keep === 'incoming'
        ? takeIncoming(local, incoming)
        : {
            ...local,
            history: mergeHistory(local.history, incoming.history, [
              contentHash({ ...incoming, tags: normalizeTags(incoming.tags) }),
            ]),
          };
    putAnnotation(db, next);
    clearPendingConflict(db, id);
    const after = getAnnotation(db, id)!;
    recordBatch(db, local.documentId, 'resolve', [{ before: local, after }], now);
    return after;
  })();
}
