import type {
  TermDefinition,
  TermDocument,
  TermHeading,
  TermOccurrence,
  TermView,
} from '../../../shared/domain/xref';
import type { CoreContext } from '../kernel/context';
import { foldText, occurrencesIn, runToEnd, searchServiceFor, makeSnippet } from '../search/domain';
import { citationsFor } from '../store/citation';
import {
  documentHeadings,
  documentIds,
  libraryContentKey,
  type DocumentHeading,
} from '../store/document-lookup';
import {
  glossaryEntriesOfLibrary,
  sectionHeadingsOfLibrary,
  type LibraryGlossaryEntry,
  type SectionHeading,
} from '../store/document-rows';
import { passagesOfDocument, passageTexts } from '../store/passage-reader';

export const MAX_TERM_CHARS = 100;
/** Occurrences returned by default: the view groups them; counts per year always cover all. */
export const DEFAULT_OCCURRENCES = 200;

/**
 * The order localeCompare gives, with one collator made once rather than one per comparison — on
 * first use: making it at module load was 6 ms of every CLI start, `yandu list` included.
 */
let collator: Intl.Collator | null = null;
const byText = (a: string, b: string): number => (collator ??= new Intl.Collator()).compare(a, b);

/** Quotation marks do not make another term: “三公”经费 is defined for 三公经费 too. */
const bare = (s: string) =>
  foldText(s)
    .replace(/[“”"'‘’「」『』]/gu, '')
    .trim();

type DocRow = DocumentHeading;

interface TraceOptions {
  limit?: number;
  indexAll?: boolean;
}

/** `traceTerm` at once, on this thread: the CLI and tests. */
export function traceTerm(ctx: CoreContext, term: string, options: TraceOptions = {}): TermView {
  return runToEnd(traceTermSteps(ctx, term, options));
}

/**
 * `traceTerm` in slices on the search index's query runner (the term view over IPC): the index
 * query, each document's passages and the heading and glossary look-ups are steps, so the event
 * loop keeps serving IPC while a common word is traced over a large library.
 */
export function traceTermSliced(
  ctx: CoreContext,
  term: string,
  options: TraceOptions = {},
): Promise<TermView> {
  return searchServiceFor(ctx).index.queries.run('term', traceTermSteps(ctx, term, options), true);
}

/**
 * Every passage of the library that contains `term`, with its ranges, plus every glossary entry
 * that defines it. Which documents hold it, and how often, comes from the search index (exact
 * substring recall, every hit verified), asked for the term as one quoted literal restricted to
 * passages; the passages and ranges are then read from those documents only.
 */
function* traceTermSteps(
  ctx: CoreContext,
  termIn: string,
  { limit = DEFAULT_OCCURRENCES, indexAll = false }: TraceOptions,
): Generator<void, TermView> {
  const term = termIn.trim();
  const { db } = ctx;
  const search = searchServiceFor(ctx);
  if (indexAll) search.index.indexPendingNow();
  // The query language has no escape for a straight quote: such a term is scanned for directly.
  const quotable = !/["＂]/u.test(term);
  const docs = new Map(documentHeadings(db).map((d) => [d.id, d]));
  const yearOf = (docId: string) => docs.get(docId)?.year ?? null;
  const byYearDesc = (a: number | null, b: number | null) => (b ?? -1) - (a ?? -1);
  let perDoc: Map<string, number>;
  let complete = true;
  let hitsOf = (docId: string, max: number) => passagesWith(ctx, docId, term, max);
  if (quotable) {
    // Which documents hold the term, and in how many passages, from the index (every hit verified,
    // nothing ranked: ranking is what costs on a common word). Without `indexAll` an answer during
    // a large import covers what is indexed and says so (`complete: false`), as search does.
    const found = yield* search.index.searchSteps(`"${term}" kind:passage`);
    complete = found.complete;
    perDoc = new Map(found.result.byDoc.map((d) => [d.docId, d.count]));
    // The passages come from the index too, with the folded texts it verified them against:
    // reading and folding whole documents again was most of the time on a large library.
    const needle = foldText(term);
    hitsOf = (docId, max) =>
      found.result
        .hitsInDocument(docId)
        .slice(0, max)
        .map((h) => ({ docId, passageId: h.passageId!, ranges: rangesOf(h.folded, needle) }));
  } else perDoc = yield* countPerDocument(ctx, term);
  const total = [...perDoc.values()].reduce((a, b) => a + b, 0);
  // Passages with ranges, in the order shown (newest year first), from the documents that hold
  // the term until `limit` are found.
  const hits: Hit[] = [];
  const order = [...perDoc.keys()].sort((a, b) => byYearDesc(yearOf(a), yearOf(b)) || byText(a, b));
  for (const docId of order) {
    if (hits.length >= limit) break;
    hits.push(...hitsOf(docId, limit - hits.length));
    yield;
  }
  // The snippets' texts in one statement, not one per occurrence.
  const texts = passageTexts(
    db,
    hits.map((h) => h.passageId),
  );
  const citations = citationsFor(
    db,
    hits.map((h) => h.passageId),
  );
  const occurrences: TermOccurrence[] = hits.map(({ docId, passageId, ranges }) => ({
    docId,
    passageId,
    ranges,
    year: yearOf(docId),
    citation: citations.get(passageId) ?? '',
    snippet: makeSnippet(texts.get(passageId) ?? '', ranges),
  }));
  const documents: TermDocument[] = [...perDoc]
    .map(([docId, count]) => {
      const d = docs.get(docId);
      return { docId, title: d?.title ?? '', issuer: d?.issuer ?? null, year: d?.year ?? null, count };
    })
    .sort((a, b) => byYearDesc(a.year, b.year) || byText(a.title, b.title));
  const years = new Map<number | null, number>();
  for (const d of documents) years.set(d.year, (years.get(d.year) ?? 0) + d.count);
  yield;
  const headings = headingsWith(ctx, term, docs);
  yield;
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

/** A section heading (`passageId`: its first passage, where the view opens it), folded. */
interface TitleRow extends SectionHeading {
  folded: string;
}

interface LibraryLookups {
  key: string;
  titles: TitleRow[];
  /** The folded titles joined by a separator, and where each starts: one walk finds a term in all. */
  titleText: string;
  titleStarts: number[];
  glossary: Map<string, LibraryGlossaryEntry[]>;
}

/**
 * Section titles (folded) and glossary entries (by bare term) of the library, read once per library
 * content: they change only when a document's content does, and scanning them per call would grow
 * with the library. Kept per library by the core (ctx.instances): a restore starts with none.
 */
const lookupsOf = (ctx: CoreContext) =>
  ctx.instances.get('xref-term-lookups', () => ({ current: null as LibraryLookups | null }));

const TITLE_SEPARATOR = '\u0000';

function libraryLookups(ctx: CoreContext) {
  const key = libraryContentKey(ctx.db);
  const cache = lookupsOf(ctx);
  if (cache.current && cache.current.key === key) return cache.current;
  const titles = sectionHeadingsOfLibrary(ctx.db).map((r) => ({ ...r, folded: foldText(r.title) }));
  const glossary = new Map<string, LibraryGlossaryEntry[]>();
  for (const r of glossaryEntriesOfLibrary(ctx.db)) {
    const k = bare(r.term);
    glossary.set(k, [...(glossary.get(k) ?? []), r]);
  }
  const titleStarts: number[] = [];
  let at = 0;
  for (const t of titles) {
    titleStarts.push(at);
    at += t.folded.length + TITLE_SEPARATOR.length;
  }
  const titleText = titles.map((t) => t.folded).join(TITLE_SEPARATOR);
  cache.current = { key, titles, titleText, titleStarts, glossary };
  return cache.current;
}

/** Section headings that contain the term (folded, as search matches). */
function headingsWith(ctx: CoreContext, term: string, docs: Map<string, DocRow>): TermHeading[] {
  const needle = foldText(term);
  const out: TermHeading[] = [];
  if (!needle) return out;
  const { titles, titleText, titleStarts } = libraryLookups(ctx);
  // One walk over all titles, as search's scanOne does: a match that runs past the end of its
  // title is dropped and the walk goes on from the next title, so each title is searched alone.
  let i = 0;
  let at = titleText.indexOf(needle);
  while (at >= 0) {
    while (i + 1 < titleStarts.length && titleStarts[i + 1]! <= at) i++;
    const start = titleStarts[i]!;
    const r = titles[i]!;
    const end = start + r.folded.length;
    if (at + needle.length > end) {
      at = i + 1 < titleStarts.length ? titleText.indexOf(needle, titleStarts[i + 1]!) : -1;
      continue;
    }
    const ranges: [number, number][] = [];
    for (; at >= 0 && at + needle.length <= end; at = titleText.indexOf(needle, at + needle.length))
      ranges.push([at - start, at - start + needle.length]);
    if (at >= 0 && at < end)
      at = i + 1 < titleStarts.length ? titleText.indexOf(needle, titleStarts[i + 1]!) : -1;
    out.push({
      docId: r.docId,
      sectionId: r.id,
      passageId: r.passageId,
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
  return (libraryLookups(ctx).glossary.get(wanted) ?? [])
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
    .sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity) || byText(a.docId, b.docId));
}

interface Hit {
  docId: string;
  passageId: string;
  ranges: [number, number][];
}

/** Passages of one document containing the term (folded, as search matches), in reading order. */
function passagesWith(ctx: CoreContext, docId: string, term: string, limit: number): Hit[] {
  const needle = foldText(term);
  const rows = passagesOfDocument(ctx.db, docId);
  const out: Hit[] = [];
  for (const r of rows) {
    if (out.length >= limit) break;
    const ranges = rangesOf(foldText(r.text), needle);
    if (ranges.length) out.push({ docId, passageId: r.id, ranges });
  }
  return out;
}

/** Every occurrence of the (folded) needle in a folded text, as [start, end) pairs, unmerged. */
function rangesOf(folded: string, needle: string): [number, number][] {
  const flat = occurrencesIn(folded, needle);
  const ranges: [number, number][] = [];
  for (let k = 0; k < flat.length; k += 2) ranges.push([flat[k]!, flat[k + 1]!]);
  return ranges;
}

/** Passages per document containing a term the query language cannot quote: a scan, a document at a time. */
function* countPerDocument(ctx: CoreContext, term: string): Generator<void, Map<string, number>> {
  const ids = documentIds(ctx.db);
  const out = new Map<string, number>();
  for (const id of ids) {
    const n = passagesWith(ctx, id, term, Infinity).length;
    if (n) out.set(id, n);
    yield;
  }
  return out;
}
