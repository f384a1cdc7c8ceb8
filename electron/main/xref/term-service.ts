import type {
  TermDefinition,
  TermDocument,
  TermHeading,
  TermOccurrence,
  TermView,
} from '../../../shared/domain/xref';
import type { CoreContext } from '../core/context';
import { foldText } from '../search/fold';
import { occurrencesIn } from '../search/matcher';
import { searchServiceFor } from '../search/search-service';
import { makeSnippet } from '../search/snippet';
import { citationsFor } from '../store/citation';
import { statement } from '../store/statements';

export const MAX_TERM_CHARS = 100;
/** Occurrences returned by default: the view groups them; counts per year always cover all. */
export const DEFAULT_OCCURRENCES = 2000;

/** Quotation marks do not make another term: “三公”经费 is defined for 三公经费 too. */
const bare = (s: string) =>
  foldText(s)
    .replace(/[“”"'‘’「」『』]/gu, '')
    .trim();

interface DocRow {
  id: string;
  title: string;
  issuer: string | null;
  year: number | null;
}

/**
 * Every passage of the library that contains `term`, with its ranges, plus every glossary entry
 * that defines it. Occurrences come from the search index (exact substring recall, every hit
 * verified against the text), asked for the term as one quoted literal restricted to passages.
 */
export function traceTerm(
  ctx: CoreContext,
  termIn: string,
  { limit = DEFAULT_OCCURRENCES, indexAll = false }: { limit?: number; indexAll?: boolean } = {},
): TermView {
  const term = termIn.trim();
  const { db } = ctx;
  const search = searchServiceFor(ctx);
  if (indexAll) search.index.indexPendingNow();
  // The query language has no escape for a straight quote: such a term is scanned for directly.
  const quotable = !/["＂]/u.test(term);
  // `indexAll` (scripts, tests): index whatever is new first; else an answer during a large
  // import covers what is indexed and says so (`complete: false`), as search does.
  const found = quotable ? search.hits(`"${term}" kind:passage`, { limit }) : null;
  const complete = quotable ? found!.complete : true;
  const docs = new Map(
    (statement(db, `SELECT id, title, issuer, year FROM documents`).all() as DocRow[]).map((d) => [d.id, d]),
  );
  let hits: { docId: string; passageId: string; ranges: [number, number][] }[];
  let perDoc: Map<string, number>;
  let total: number;
  if (found) {
    hits = found.hits.map((h) => ({ docId: h.docId, passageId: h.passageId!, ranges: h.ranges }));
    total = found.total;
    const { result } = search.index.search(`"${term}" kind:passage`);
    perDoc = new Map(result.byDoc.map((d) => [d.docId, d.count]));
  } else {
    const all = scanPassages(ctx, term);
    total = all.length;
    hits = all.slice(0, limit);
    perDoc = new Map();
    for (const h of all) perDoc.set(h.docId, (perDoc.get(h.docId) ?? 0) + 1);
  }
  const order = statement(db, `SELECT ordinal FROM passages WHERE id = ?`).pluck();
  const text = statement(db, `SELECT text FROM passages WHERE id = ?`).pluck();
  const citations = citationsFor(
    db,
    hits.map((h) => h.passageId),
  );
  const yearOf = (docId: string) => docs.get(docId)?.year ?? null;
  const byYearDesc = (a: number | null, b: number | null) => (b ?? -1) - (a ?? -1);
  const occurrences: TermOccurrence[] = hits
    .map((h) => ({ ...h, ordinal: order.get(h.passageId) as number }))
    .sort(
      (a, b) =>
        byYearDesc(yearOf(a.docId), yearOf(b.docId)) ||
        a.docId.localeCompare(b.docId) ||
        a.ordinal - b.ordinal,
    )
    .map(({ docId, passageId, ranges }) => ({
      docId,
      passageId,
      ranges,
      year: yearOf(docId),
      citation: citations.get(passageId) ?? '',
      snippet: makeSnippet((text.get(passageId) as string | undefined) ?? '', ranges),
    }));
  const documents: TermDocument[] = [...perDoc]
    .map(([docId, count]) => {
      const d = docs.get(docId);
      return { docId, title: d?.title ?? '', issuer: d?.issuer ?? null, year: d?.year ?? null, count };
    })
    .sort((a, b) => byYearDesc(a.year, b.year) || a.title.localeCompare(b.title));
  const years = new Map<number | null, number>();
  for (const d of documents) years.set(d.year, (years.get(d.year) ?? 0) + d.count);
  const headings = headingsWith(ctx, term, docs);
  for (const h of headings) years.set(h.year, (years.get(h.year) ?? 0) + 1);
  const definitions = definitionsOf(ctx, term, docs);
  const usedYears = [...years.keys(), ...definitions.map((d) => d.year)].filter(
    (y): y is number => y !== null,
  );
  return {
    term,
    firstYear: usedYears.length ? Math.min(...usedYears) : null,
    definitions,
    occurrences,
    headings,
    years: [...years]
      .map(([year, count]) => ({ year, count }))
      .sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity)),
    documents,
    total,
    truncated: total > occurrences.length,
    complete,
  };
}

/** Section headings that contain the term: a few thousand short titles, scanned directly. */
function headingsWith(ctx: CoreContext, term: string, docs: Map<string, DocRow>): TermHeading[] {
  const needle = foldText(term);
  const rows = statement(
    ctx.db,
    `SELECT id, document_id AS docId, label, title FROM sections ORDER BY document_id, ordinal`,
  );
  const first = statement(
    ctx.db,
    `SELECT id FROM passages WHERE section_id = ? ORDER BY ordinal LIMIT 1`,
  ).pluck();
  const out: TermHeading[] = [];
  for (const r of rows.iterate() as Iterable<{ id: string; docId: string; label: string; title: string }>) {
    const flat = occurrencesIn(foldText(r.title), needle);
    if (!flat.length) continue;
    const ranges: [number, number][] = [];
    for (let k = 0; k < flat.length; k += 2) ranges.push([flat[k]!, flat[k + 1]!]);
    const passageId = (first.get(r.id) as string | undefined) ?? null;
    out.push({
      docId: r.docId,
      sectionId: r.id,
      passageId,
      label: r.label,
      title: r.title,
      ranges,
      year: docs.get(r.docId)?.year ?? null,
    });
  }
  return out;
}

/** Glossary entries whose term is this term (quotation marks, width and case aside), oldest first. */
function definitionsOf(ctx: CoreContext, term: string, docs: Map<string, DocRow>): TermDefinition[] {
  const wanted = bare(term);
  if (!wanted) return [];
  const rows = statement(
    ctx.db,
    `SELECT id, document_id AS docId, term, definition FROM glossary_entries ORDER BY document_id, ordinal`,
  ).all() as { id: string; docId: string; term: string; definition: string }[];
  return rows
    .filter((r) => bare(r.term) === wanted)
    .map((r) => {
      const d = docs.get(r.docId);
      return {
        docId: r.docId,
        glossaryId: r.id,
        term: r.term,
        definition: r.definition,
        year: d?.year ?? null,
        issuer: d?.issuer ?? null,
        docTitle: d?.title ?? '',
      };
    })
    .sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity) || a.docId.localeCompare(b.docId));
}

/** Brute force over every passage (terms the query language cannot quote); reads the text in pages. */
function scanPassages(ctx: CoreContext, term: string) {
  const needle = foldText(term);
  const out: { docId: string; passageId: string; ranges: [number, number][] }[] = [];
  const page = statement(
    ctx.db,
    `SELECT rowid, id, document_id AS docId, text FROM passages WHERE rowid > ? ORDER BY rowid LIMIT 2000`,
  );
  for (let after = 0; ;) {
    const rows = page.all(after) as { rowid: number; id: string; docId: string; text: string }[];
    if (!rows.length) break;
    for (const r of rows) {
      const flat = occurrencesIn(foldText(r.text), needle);
      if (!flat.length) continue;
      const ranges: [number, number][] = [];
      for (let k = 0; k < flat.length; k += 2) ranges.push([flat[k]!, flat[k + 1]!]);
      out.push({ docId: r.docId, passageId: r.id, ranges });
    }
    after = rows[rows.length - 1]!.rowid;
  }
  return out;
}
