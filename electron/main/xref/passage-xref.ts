import type { PassageRef, PassageXref } from '../../../shared/domain/xref';
import type { CoreContext } from '../kernel/context';
import { AppError } from '../kernel/app-error';
import { linksOf } from '../links/domain';
import { citationsFor } from '../store/citation';
import { passageHeading, storedPassage } from '../store/passage-reader';
import { glossaryTermsOfPassage, measuresOfPassage } from '../store/document-rows';
import { searchServiceFor } from '../search/domain';
import { relatedPassages } from './related';

export const DEFAULT_RELATED = 8;
const EXCERPT = 60;

/** Citation, title and opening words of passages, for display. */
export function passageRefs(ctx: CoreContext, passageIds: readonly string[]): Record<string, PassageRef> {
  const citations = citationsFor(ctx.db, passageIds);
  const out: Record<string, PassageRef> = {};
  for (const id of new Set(passageIds)) {
    const r = passageHeading(ctx.db, id, EXCERPT);
    if (r)
      out[id] = {
        passageId: r.id,
        docId: r.docId,
        docTitle: r.docTitle,
        year: r.year,
        excerpt: r.excerpt,
        citation: citations.get(id) ?? '',
      };
  }
  return out;
}

/**
 * What a passage connects to: the glossary terms it refers to, its measures, the most related
 * passages of other documents (from the search index's postings), and the user's links out and in.
 */
export function passageXref(ctx: CoreContext, passageId: string, limit = DEFAULT_RELATED): PassageXref {
  const { db } = ctx;
  const passage = storedPassage(db, passageId);
  if (!passage) throw new AppError('not_found', { what: '段落', id: passageId });
  const docId = passage.documentId;
  const { segments, complete } = searchServiceFor(ctx).index.snapshot();
  const terms = glossaryTermsOfPassage(db, passageId);
  const measures = measuresOfPassage(db, passageId);
  const related = relatedPassages(segments, passage.text, docId, limit);
  const { links, backlinks } = linksOf(db, passageId);
  const refs = passageRefs(ctx, [
    ...related.map((r) => r.passageId),
    ...[...links, ...backlinks].flatMap((l) => [l.from, l.to].filter((x): x is string => x !== null)),
  ]);
  return {
    passageId,
    docId,
    terms,
    measures,
    related: related.map((r) => {
      const ref = refs[r.passageId]!;
      return { ...r, docTitle: ref.docTitle, year: ref.year, citation: ref.citation, excerpt: ref.excerpt };
    }),
    links,
    backlinks,
    refs,
    complete,
  };
}
