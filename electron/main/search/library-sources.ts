import type { Db } from '../store/database';
import type { SectionInput } from './segment-build';
import { statement } from '../store/statements';
import type { SearchSource, SearchUnit } from '../kernel/search-source';

/** Glossary terms and measure titles are what a reader looks up by name: they weigh more. */
export const TERM_BOOST = 3;
export const MEASURE_BOOST = 1.5;

function allDocIds(db: Db): string[] {
  return (db.prepare(`SELECT id FROM documents ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
}

function perDocument<Row>(
  db: Db,
  docIds: readonly string[] | null,
  sql: string,
  toUnits: (row: Row) => SearchUnit[],
): SearchUnit[] {
  const rows = statement(db, sql);
  const units: SearchUnit[] = [];
  for (const docId of docIds ?? allDocIds(db))
    for (const row of rows.all(docId) as Row[]) units.push(...toUnits(row));
  return units;
}

interface PassageRow {
  id: string;
  docId: string;
  sectionId: string | null;
  lead: string | null;
  text: string;
}

/** One column of one row, or null; `column` comes from a fixed list, never from a request. */
function cell(db: Db, table: string, column: string, id: string): string | null {
  const row = statement(db, `SELECT ${column} AS v FROM ${table} WHERE id = ?`).get(id) as
    { v: string } | undefined;
  return row?.v ?? null;
}

export const passageSource: SearchSource = {
  kind: 'passage',
  mode: 'indexed',
  textOf: (db, id, field) => (field === 'text' ? cell(db, 'passages', 'text', id) : null),
  unitsFor: (db, docIds) =>
    perDocument<PassageRow>(
      db,
      docIds,
      `SELECT id, document_id AS docId, section_id AS sectionId, lead, text
       FROM passages WHERE document_id = ? ORDER BY ordinal`,
      (p) => {
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
      },
    ),
};

interface GlossaryRow {
  id: string;
  docId: string;
  term: string;
  definition: string;
  passageId: string | null;
}

export const glossarySource: SearchSource = {
  kind: 'glossary',
  mode: 'indexed',
  textOf: (db, id, field) =>
    field === 'term' || field === 'definition' ? cell(db, 'glossary_entries', field, id) : null,
  labelOf: (db, id) => cell(db, 'glossary_entries', 'term', id),
  unitsFor: (db, docIds) =>
    perDocument<GlossaryRow>(
      db,
      docIds,
      // The reader opens a glossary hit where the term is first referred to, if it is.
      `SELECT g.id, g.document_id AS docId, g.term, g.definition,
         (SELECT f.passage_id FROM footnote_refs f JOIN passages p ON p.id = f.passage_id
          WHERE f.glossary_id = g.id ORDER BY p.ordinal, f.offset LIMIT 1) AS passageId
       FROM glossary_entries g WHERE g.document_id = ? ORDER BY g.ordinal`,
      (g) => {
        const base = { kind: 'glossary' as const, recordId: g.id, docId: g.docId, passageId: g.passageId };
        const units: SearchUnit[] = [];
        if (g.term) units.push({ ...base, field: 'term', sectionId: null, text: g.term, boost: TERM_BOOST });
        if (g.definition) units.push({ ...base, field: 'definition', sectionId: null, text: g.definition });
        return units;
      },
    ),
};

interface MeasureRow {
  id: string;
  docId: string;
  passageId: string;
  sectionId: string | null;
  title: string;
  indicator: string | null;
}

export const measureSource: SearchSource = {
  kind: 'measure',
  mode: 'indexed',
  textOf: (db, id, field) =>
    field === 'title' || field === 'indicator' ? cell(db, 'measures', field, id) : null,
  labelOf: (db, id) => cell(db, 'measures', 'coalesce(indicator, title)', id),
  unitsFor: (db, docIds) =>
    perDocument<MeasureRow>(
      db,
      docIds,
      `SELECT m.id, m.document_id AS docId, m.passage_id AS passageId, p.section_id AS sectionId, m.title, m.indicator
       FROM measures m JOIN passages p ON p.id = m.passage_id WHERE m.document_id = ? ORDER BY m.ordinal`,
      (m) => {
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
      },
    ),
};

export const librarySources: readonly SearchSource[] = [passageSource, glossarySource, measureSource];

export function sectionsOf(db: Db, docIds: readonly string[]): SectionInput[] {
  const statement = db.prepare(
    `SELECT id, parent_id AS parentId, title FROM sections WHERE document_id = ? ORDER BY ordinal`,
  );
  return docIds.flatMap((id) => statement.all(id) as SectionInput[]);
}
