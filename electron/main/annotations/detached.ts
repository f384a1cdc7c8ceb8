import type { Db } from '../store/database';
import { documentHeading } from '../store/document-lookup';
import type { StoredAnnotation } from './repository';
import { documentSetLabel, exportAnnotations, w3cCollection } from './share/export';
import { importAnnotations } from './share/merge';

/**
 * Keeps the annotations of a document about to be deleted: their W3C export goes into
 * `detached_annotations` (readable again with `yandu annotations import`). Runs as a delete hook,
 * inside the delete transaction. Returns how many were kept.
 */
export function detachAnnotations(db: Db, documentId: string, now = new Date()): number {
  // A kept set is the library's own, never shared: named without writing a library id into the
  // delete (whose undo must give back exactly the rows it found).
  const exported = exportAnnotations(db, documentId, 'w3c', now, () => 'this');
  if (!exported.count) return 0;
  const title = documentHeading(db, documentId)?.title ?? null;
  putDetachedSet(db, documentId, title, now, exported.count, exported.text);
  return exported.count;
}

/**
 * Keeps annotations of a document no longer in the library as a detached set, as its deletion
 * would have (a team library that leaves the team keeps so what the team held for the document).
 * They are orphans: no passage text to give a position in, their quote and context place them
 * again when the document is imported.
 */
export function detachOrphans(
  db: Db,
  documentId: string,
  title: string | null,
  annotations: readonly StoredAnnotation[],
  now = new Date(),
): number {
  if (!annotations.length) return 0;
  const w3c = w3cCollection(
    db,
    annotations.map((a) => ({ ...a, passageText: null })),
    {
      library: 'this',
      stem: documentId,
      label: documentSetLabel(title ?? documentId),
      generated: now.toISOString(),
    },
  );
  putDetachedSet(db, documentId, title, now, annotations.length, w3c);
  return annotations.length;
}

function putDetachedSet(
  db: Db,
  documentId: string,
  title: string | null,
  now: Date,
  count: number,
  w3c: string,
) {
  db.prepare(
    `INSERT INTO detached_annotations (document_id, title, deleted_at, count, w3c) VALUES (?, ?, ?, ?, ?)`,
  ).run(documentId, title, now.toISOString(), count, w3c);
}

/** Where the kept sets stand before a deletion, so that undoing it can take back what it kept. */
export function lastDetachedId(db: Db): number {
  return (db.prepare(`SELECT coalesce(max(id), 0) FROM detached_annotations`).pluck().get() as number) ?? 0;
}

/** Undoes `detachAnnotations` for a deletion being undone (its annotations are back in place). */
export function forgetDetachedSince(db: Db, documentId: string, afterId: number): void {
  db.prepare(`DELETE FROM detached_annotations WHERE document_id = ? AND id > ?`).run(documentId, afterId);
}

export interface DetachedSet {
  documentId: string;
  title: string;
  deletedAt: string;
  count: number;
}

export function listDetached(db: Db): DetachedSet[] {
  return db
    .prepare(
      `SELECT document_id AS documentId, title, deleted_at AS deletedAt, count
       FROM detached_annotations ORDER BY deleted_at DESC LIMIT 1000`,
    )
    .all() as DetachedSet[];
}

export function annotationCount(db: Db, documentId: string): number {
  return db
    .prepare(`SELECT count(*) FROM annotations WHERE document_id = ?`)
    .pluck()
    .get(documentId) as number;
}

/**
 * A deleted document imported again (same content, so the same id) gets back the annotations its
 * deletion kept: they are merged as a colleague's export would be, and the kept set is dropped.
 * Returns how many came back.
 */
export async function reattachDetached(
  db: Db,
  documentIds: readonly string[],
  now = new Date(),
): Promise<number> {
  if (db.readonly) return 0;
  let restored = 0;
  const sets = db.prepare(
    `SELECT k.id, k.w3c FROM detached_annotations k WHERE k.document_id = ? ORDER BY k.id`,
  );
  for (const documentId of documentIds) {
    // Kept sets wait for their document to be back.
    if (!documentHeading(db, documentId)) continue;
    for (const set of sets.all(documentId) as { id: number; w3c: string }[]) {
      // The merge places annotations in slices and writes them in its own transaction; the kept
      // set goes after it. Should the process stop in between, merging the set again adds nothing.
      const result = await importAnnotations(db, set.w3c, now.toISOString());
      restored += result.added + result.updated;
      db.prepare(`DELETE FROM detached_annotations WHERE id = ?`).run(set.id);
    }
  }
  return restored;
}
