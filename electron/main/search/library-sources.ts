import type { Db } from '../store/database';
import { documentIds } from '../store/document-lookup';
import {
  glossaryRowsOfDocument,
  glossaryTextsByIds,
  measureRowsOfDocument,
  measureTextsByIds,
  passageRowsOfDocument,
  sectionTitlesOf,
} from '../store/document-rows';
import { passageText } from '../store/passage-reader';
import type { SectionInput } from './segment-build';
import { statement } from '../store/statements';
import type { SearchSource, SearchUnit, SourceRecord } from '../kernel/search-source';

/** Glossary terms and measure titles are what a reader looks up by name: they weigh more. */
export const TERM_BOOST = 3;
export const MEASURE_BOOST = 1.5;

function perDocument<Row>(
  db: Db,
  docIds: readonly string[] | null,
  rowsOf: (db: Db, docId: string) => Row[],
  toUnits: (row: Row) => SearchUnit[],
): SearchUnit[] {
  const units: SearchUnit[] = [];
  for (const docId of docIds ?? documentIds(db))
    for (const row of rowsOf(db, docId)) units.push(...toUnits(row));
  return units;
}

/**
 * One column of a glossary entry or measure, or null; `column` comes from a fixed list, never
 * from a request. (Passage text comes from the store's passage reader.)
 */
function cell(db: Db, table: string, column: string, id: string): string | null {
  const row = statement(db, `SELECT ${column} AS v FROM ${table} WHERE id = ?`).get(id) as
    { v: string } | undefined;
  return row?.v ?? null;
}

export const passageSource: SearchSource = {
  kind: 'passage',
  mode: 'indexed',
  textOf: (db, id, field) => (field === 'text' ? (passageText(db, id) ?? null) : null),
  unitsFor: (db, docIds) =>
    perDocument(db, docIds, passageRowsOfDocument, (p) => {
      const at = p.lead ? p.text.indexOf(p.lead) : -1;
      return [
        {
          kind: 'passage',
          recordId: p.id,
          field: 'text',
          docId: p.docId,
          passageId: p.id,
          sectionId: p.sectionId,
          text: p.text,
          emphasis: at >= 0 ? [at, at + p.lead!.length] : null,
        },
      ];
    }),
};

export const glossarySource: SearchSource = {
  kind: 'glossary',
  mode: 'indexed',
  textOf: (db, id, field) =>
    field === 'term' || field === 'definition' ? cell(db, 'glossary_entries', field, id) : null,
  labelOf: (db, id) => cell(db, 'glossary_entries', 'term', id),
  recordsOf: (db, ids) =>
    new Map(
      glossaryTextsByIds(db, ids).map((g): [string, SourceRecord] => [
        g.id,
        { texts: { term: g.term, definition: g.definition }, label: g.term },
      ]),
    ),
  unitsFor: (db, docIds) =>
    perDocument(
      db,
      docIds,
      // The reader opens a glossary hit where the term is first referred to, if it is.
      glossaryRowsOfDocument,
      (g) => {
        const base = { kind: 'glossary' as const, recordId: g.id, docId: g.docId, passageId: g.passageId };
        const units: SearchUnit[] = [];
        if (g.term) units.push({ ...base, field: 'term', sectionId: null, text: g.term, boost: TERM_BOOST });
        if (g.definition) units.push({ ...base, field: 'definition', sectionId: null, text: g.definition });
        return units;
      },
    ),
};

export const measureSource: SearchSource = {
  kind: 'measure',
  mode: 'indexed',
  textOf: (db, id, field) =>
    field === 'title' || field === 'indicator' ? cell(db, 'measures', field, id) : null,
  labelOf: (db, id) => cell(db, 'measures', 'coalesce(indicator, title)', id),
  recordsOf: (db, ids) =>
    new Map(
      measureTextsByIds(db, ids).map((m): [string, SourceRecord] => [
        m.id,
        { texts: { title: m.title, indicator: m.indicator }, label: m.indicator ?? m.title },
      ]),
    ),
  unitsFor: (db, docIds) =>
    perDocument(db, docIds, measureRowsOfDocument, (m) => {
      const base = {
        kind: 'measure' as const,
        recordId: m.id,
        docId: m.docId,
        passageId: m.passageId,
        sectionId: m.sectionId,
        boost: MEASURE_BOOST,
      };
      // An indicator's title can be just its figure (`增长24%`); its name (招商引资到位资金) is searched too.
      return [
        ...(m.title ? [{ ...base, field: 'title', text: m.title }] : []),
        ...(m.indicator ? [{ ...base, field: 'indicator', text: m.indicator }] : []),
      ];
    }),
};

export const librarySources: readonly SearchSource[] = [passageSource, glossarySource, measureSource];

export function sectionsOf(db: Db, docIds: readonly string[]): SectionInput[] {
  return sectionTitlesOf(db, docIds);
}
