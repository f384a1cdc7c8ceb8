import {
  EDITABLE_META_FIELDS,
  type DocumentMeta,
  type DocumentMetaPatch,
  type EditableMetaField,
} from '../../../shared/domain/library';
import type { Db } from './database';
import { getDocumentMeta } from './document-reader';

/** The documents column each editable field lives in (the same names). */
const COLUMN: Record<EditableMetaField, string> = {
  title: 'title',
  issuer: 'issuer',
  level: 'level',
  region: 'region',
  year: 'year',
  date: 'date',
};

export type MetaSource = Partial<Record<EditableMetaField, 'user' | 'inferred'>>;

/**
 * Applies the user's corrections. The documents row holds what every reader shows; the override
 * table remembers which fields the user set and what the importer had read, so that a replace
 * re-applies the user's value; clearing an override
 * (`reset`) brings back the inferred value.
 */
export function updateDocumentMeta(
  db: Db,
  docId: string,
  patch: DocumentMetaPatch,
  reset: readonly EditableMetaField[] = [],
  now = new Date(),
): DocumentMeta | undefined {
  return db.transaction(() => {
    const current = getDocumentMeta(db, docId);
    if (!current) return undefined;
    const existing = overrideRows(db, docId);
    const upsert = db.prepare(
      `INSERT INTO document_meta_overrides (document_id, field, value, inferred, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (document_id, field) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    for (const field of EDITABLE_META_FIELDS) {
      if (!(field in patch)) continue;
      const value = patch[field] ?? null;
      const inferred = existing.get(field)?.inferred ?? JSON.stringify(current[field]);
      upsert.run(docId, field, JSON.stringify(value), inferred, now.toISOString());
      db.prepare(`UPDATE documents SET ${COLUMN[field]} = ? WHERE id = ?`).run(value, docId);
    }
    for (const field of reset) {
      const row = existing.get(field);
      if (!row || field in patch) continue;
      db.prepare(`UPDATE documents SET ${COLUMN[field]} = ? WHERE id = ?`).run(
        JSON.parse(row.inferred),
        docId,
      );
      db.prepare(`DELETE FROM document_meta_overrides WHERE document_id = ? AND field = ?`).run(docId, field);
    }
    return getDocumentMeta(db, docId);
  })();
}

/**
 * After a replace wrote the newly inferred values: remember them as the inferred ones and put the
 * user's values back. Runs inside the replace transaction (a replace hook).
 */
export function reapplyMetaOverrides(db: Db, docId: string): void {
  const fresh = getDocumentMeta(db, docId);
  if (!fresh) return;
  for (const [field, row] of overrideRows(db, docId)) {
    db.prepare(`UPDATE document_meta_overrides SET inferred = ? WHERE document_id = ? AND field = ?`).run(
      JSON.stringify(fresh[field]),
      docId,
      field,
    );
    db.prepare(`UPDATE documents SET ${COLUMN[field]} = ? WHERE id = ?`).run(JSON.parse(row.value), docId);
  }
}

/** Which fields of a document the user set. */
export function metaSources(db: Db, docId: string): MetaSource {
  const out: MetaSource = {};
  for (const field of EDITABLE_META_FIELDS) out[field] = 'inferred';
  for (const field of overrideRows(db, docId).keys()) out[field] = 'user';
  return out;
}

function overrideRows(db: Db, docId: string): Map<EditableMetaField, { value: string; inferred: string }> {
  const rows = db
    .prepare(`SELECT field, value, inferred FROM document_meta_overrides WHERE document_id = ?`)
    .all(docId) as { field: EditableMetaField; value: string; inferred: string }[];
  return new Map(rows.map((r) => [r.field, { value: r.value, inferred: r.inferred }]));
}
