import type { AnchorContext, DriftItem, DriftOutcome, DriftReport } from '../../../shared/domain/annotations';
import type { Db } from '../store/database';
import { documentEdition } from '../store/document-lookup';
import { driftRows } from './side-tables';

/** The drift report of a document's latest replace; null for a document never replaced. */
export function latestDrift(db: Db, documentId: string): DriftReport | null {
  const doc = documentEdition(db, documentId);
  if (!doc || doc.edition < 2) return null;
  const rows = driftRows(db, documentId, doc.edition);
  const counts: Record<DriftOutcome, number> = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  const items = rows.map((r): DriftItem => {
    counts[r.outcome]++;
    return {
      annotationId: r.annotationId,
      outcome: r.outcome,
      before: JSON.parse(r.before) as AnchorContext,
      after: r.after ? (JSON.parse(r.after) as AnchorContext) : null,
    };
  });
  return { documentId, edition: doc.edition, replacedAt: doc.importedAt, counts, items };
}
