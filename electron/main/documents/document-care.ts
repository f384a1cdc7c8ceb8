import { randomUUID } from '../kernel/crypto';
import type { AnnotationExport } from '../../../shared/domain/annotations';
import type { DeleteKeep, DeletedDocument } from '../../../shared/domain/document-care';
import {
  annotationCount,
  exportAnnotations,
  forgetDetachedSince,
  lastDetachedId,
} from '../annotations/domain';
import { AppError } from '../kernel/app-error';
import type { CoreContext } from '../kernel/context';
import { deleteDocument } from '../store/document-writer';
import { getDocumentMeta } from '../store/document-reader';
import { restoreSnapshot, snapshotDependents, type TableRows } from '../store/row-snapshot';

/** Deletions that can still be undone, newest last; older ones fall off (memory stays bounded). */
const MAX_UNDOABLE = 10;

interface Undoable {
  undoId: string;
  documentId: string;
  snapshot: TableRows;
  detachedBefore: number;
}

/**
 * The deletions that can be undone, of the open library only: the core drops them when a restore
 * swaps the file, so an undo never writes rows of another library into this one.
 */
function stackOf(ctx: CoreContext): Undoable[] {
  return ctx.instances.get('document-undo', () => ({ entries: [] as Undoable[] })).entries;
}

/**
 * Deletes a document with everything that depends on it, in one transaction: first a snapshot
 * of its rows (for undo), then the delete hooks (annotations, links, briefing excerpts are kept
 * as orphans, or, when `keep` is 'export', the caller gets the annotation export to save), then
 * the rows. Undoable until the core closes.
 */
export function deleteWithUndo(
  ctx: CoreContext,
  documentId: string,
  keep: DeleteKeep,
): DeletedDocument & {
  export: AnnotationExport | null;
} {
  const { db } = ctx;
  if (db.readonly) throw new AppError('library_read_only');
  const meta = getDocumentMeta(db, documentId);
  if (!meta) throw new AppError('not_found', { what: '文档', id: documentId });
  const exported = keep === 'export' ? exportAnnotations(db, documentId, 'w3c') : null;
  let entry!: Undoable;
  let annotations = 0;
  db.transaction(() => {
    annotations = annotationCount(db, documentId);
    entry = {
      undoId: randomUUID(),
      documentId,
      snapshot: snapshotDependents(db, 'documents', 'id', documentId),
      detachedBefore: lastDetachedId(db),
    };
    for (const hook of ctx.deleteHooks) hook(documentId, keep);
    deleteDocument(db, documentId);
  })();
  const stack = stackOf(ctx);
  stack.push(entry);
  if (stack.length > MAX_UNDOABLE) stack.shift();
  ctx.events.emit('library:changed', { documentIds: [documentId] });
  return {
    id: documentId,
    title: meta.title,
    undoId: entry.undoId,
    annotations,
    keptAsOrphans: keep === 'orphan' ? annotations : 0,
    export: exported && exported.count ? exported : null,
  };
}

/** Puts a deleted document back exactly (same ids), and takes back the orphans its deletion kept. */
export function undoDelete(ctx: CoreContext, undoId: string): { id: string } {
  const stack = stackOf(ctx);
  const index = stack.findIndex((e) => e.undoId === undoId);
  const entry = stack[index];
  if (!entry) throw new AppError('undo_unavailable');
  const { db } = ctx;
  if (getDocumentMeta(db, entry.documentId)) throw new AppError('undo_unavailable');
  db.transaction(() => {
    restoreSnapshot(db, entry.snapshot);
    forgetDetachedSince(db, entry.documentId, entry.detachedBefore);
  })();
  stack.splice(index, 1);
  ctx.events.emit('library:changed', { documentIds: [entry.documentId] });
  return { id: entry.documentId };
}
