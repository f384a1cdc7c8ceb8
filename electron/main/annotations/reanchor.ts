import type { AnchorContext, DriftOutcome } from '../../../shared/domain/annotations';
import type { Db } from '../store/database';
import type { EditionAlignment } from '../kernel/context';
import { locate } from './anchoring/locate';
import { anchoredAt } from './anchoring/selectors';
import { clearLog } from './oplog';
import { listAnnotations, putAnnotation, type StoredAnnotation } from './repository';
import { saveDrift } from './side-tables';

const contextOf = (a: StoredAnnotation): AnchorContext => ({
  passageId: a.passageId,
  start: a.start,
  end: a.end,
  quote: a.quote,
  prefix: a.prefix,
  suffix: a.suffix,
});

/**
 * The replace hook: runs inside the transaction that swaps in a revised edition, when the old and
 * the new passages both exist, with the editions' alignment the replace computed once. Every annotation of the document (orphans included: a later
 * edition may bring their text back) is placed again or orphaned, and the drift report is written.
 */
export function reanchorDocument(db: Db, documentId: string, alignment: EditionAlignment): void {
  const { edition, previous, previousIndex, next, texts, counterpart } = alignment;

  const drift = { documentId, number: edition.number, replacedAt: edition.importedAt };
  for (const a of listAnnotations(db, { documentId })) {
    const oldIndex = a.passageId === null ? undefined : previousIndex.get(a.passageId);
    // An anchored annotation on a passage of neither edition cannot happen; leave it be if it does.
    if (a.passageId !== null && oldIndex === undefined) continue;
    const found = locate({
      anchor: { exact: a.quote, prefix: a.prefix, suffix: a.suffix, start: a.start, end: a.end },
      passages: texts,
      corresponding: oldIndex === undefined ? -1 : counterpart[oldIndex]!,
      oldText: oldIndex === undefined ? null : previous[oldIndex]!.text,
    });
    let placed: StoredAnnotation;
    let outcome: DriftOutcome;
    if (found) {
      placed = { ...a, ...anchoredAt(next[found.passageIndex]!, found, edition.hash) };
      outcome = found.outcome;
    } else {
      placed = { ...a, passageId: null, status: 'orphaned' };
      outcome = 'orphaned';
    }
    putAnnotation(db, placed);
    saveDrift(db, drift, {
      annotationId: a.id,
      outcome,
      before: JSON.stringify(contextOf(a)),
      after: found ? JSON.stringify(contextOf(placed)) : null,
    });
  }
  clearLog(db, documentId);
}
