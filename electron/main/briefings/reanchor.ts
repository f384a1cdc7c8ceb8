import { anchoredAt, locate } from '../annotations/domain';
import { citationFor } from '../store/citation';
import type { Db } from '../store/database';
import type { EditionAlignment } from '../kernel/context';
import { clearBriefingLog } from './oplog';
import {
  excerptsOfDocument,
  orphanExcerptsOfDocument,
  updateExcerptAnchor,
  type StoredItem,
} from './repository';
import { liveMarks } from './view';

/**
 * The replace hook for briefing excerpts (runs inside the replace transaction, after annotations are
 * re-anchored, so an excerpt's marks are read at their new places). Each excerpt of the document,
 * orphans included, is placed again the way an annotation is. The quote the user took is never
 * rewritten: where the source now reads differently the excerpt is flagged `drifted` (the new
 * source text is kept beside it), where it has no place it is `orphaned`.
 */
export function reanchorBriefingExcerpts(
  db: Db,
  documentId: string,
  alignment: EditionAlignment,
): void {
  const excerpts = excerptsOfDocument(db, documentId);
  if (!excerpts.length) return;
  const { edition, previous, previousIndex, next, texts, counterpart } = alignment;
  const touched = new Set<string>();
  for (const excerpt of excerpts) {
    const oldIndex = excerpt.passageId === null ? undefined : previousIndex.get(excerpt.passageId);
    if (excerpt.passageId !== null && oldIndex === undefined) continue;
    const found = locate({
      anchor: {
        exact: excerpt.exact!,
        prefix: excerpt.prefix!,
        suffix: excerpt.suffix!,
        start: excerpt.start!,
        end: excerpt.end!,
      },
      passages: texts,
      corresponding: oldIndex === undefined ? -1 : counterpart[oldIndex]!,
      oldText: oldIndex === undefined ? null : previous[oldIndex]!.text,
    });
    let placed: StoredItem;
    if (found) {
      const anchor = anchoredAt(next[found.passageIndex]!, found, edition.hash);
      const status = anchor.quote === excerpt.text ? 'ok' : 'drifted';
      placed = {
        ...excerpt,
        ...anchor,
        exact: anchor.quote,
        status,
        citation: citationFor(db, anchor.passageId),
        marks: status === 'ok' ? liveMarks(db, anchor.passageId, anchor.start, anchor.end) : excerpt.marks,
      };
    } else {
      placed = { ...excerpt, passageId: null, status: 'orphaned' };
    }
    updateExcerptAnchor(db, placed);
    touched.add(excerpt.briefingId);
  }
  for (const id of touched) clearBriefingLog(db, id);
}

/** The delete hook: the document's excerpts lose their link and keep quote, citation and marks. */
export function orphanBriefingExcerpts(db: Db, documentId: string): void {
  for (const id of orphanExcerptsOfDocument(db, documentId)) clearBriefingLog(db, id);
}
