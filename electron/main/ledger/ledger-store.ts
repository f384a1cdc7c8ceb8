import type { LedgerVerdict } from '../../../shared/domain/ledger';
import type { Db } from '../store/database';
import { documentHeading, documentHeadings, documentHeadingsOf } from '../store/document-lookup';
import { indicatorMeasuresOfDocument, type IndicatorMeasure } from '../store/document-rows';
import { passagePlaces } from '../store/passage-reader';
import { statement } from '../store/statements';
import { normaliseIndicator } from './indicator-names';
import { readOutcomes } from './outcome-reader';

/** Bump when the name normaliser or the outcome reader changes: every document is read again. */
export const LEDGER_READER_VERSION = 1;
/** A passage longer than this is not a review sentence list: its figures are not read (bounded work). */
const MAX_PASSAGE_CHARS = 20_000;

export interface LedgerFactRow {
  id: number;
  documentId: string;
  passageId: string;
  role: 'target' | 'outcome';
  indicatorKey: string;
  indicator: string;
  year: number;
  value: number;
  unit: string;
  change: string | null;
  qualifier: string | null;
  quote: string;
  startOffset: number;
  issuer: string | null;
  documentYear: number | null;
  documentTitle: string;
}

type MeasureRow = IndicatorMeasure;

/**
 * Reads one document's targets (indicators with status `target` for the year it plans for) and
 * outcomes (figures of its review passages for the single year they review) into `ledger_facts`,
 * replacing what was there. Work is bounded by the document's size.
 */
export function indexLedgerFacts(db: Db, docId: string): void {
  db.transaction(() => {
    db.prepare(`DELETE FROM ledger_facts WHERE document_id = ?`).run(docId);
    const doc = documentHeading(db, docId);
    if (!doc) return;
    const measures = indicatorMeasuresOfDocument(db, docId);
    const insert = db.prepare(
      `INSERT INTO ledger_facts (document_id, passage_id, role, indicator_key, indicator, year, value, unit, change,
         qualifier, quote, start_offset) VALUES (@docId, @passageId, @role, @key, @indicator, @year, @value, @unit,
         @change, @qualifier, @quote, @start)`,
    );
    const seenTargets = new Set<string>();
    for (const m of measures) {
      if (m.status !== 'target' || !m.indicator || m.value === null || !m.unit) continue;
      if (doc.year === null || m.period !== String(doc.year)) continue;
      const { key } = normaliseIndicator(m.indicator);
      // A report restates its targets when it explains them: the first statement counts.
      if (seenTargets.has(`${key}|${m.unit}`)) continue;
      seenTargets.add(`${key}|${m.unit}`);
      const start = Math.max(0, m.text.indexOf(m.title));
      insert.run({
        docId,
        passageId: m.passageId,
        role: 'target',
        key,
        indicator: m.indicator,
        year: doc.year,
        value: m.value,
        unit: m.unit,
        change: m.change,
        qualifier: m.qualifier,
        quote: m.title,
        start,
      });
    }
    for (const [passageId, rows] of groupByPassage(measures.filter((m) => m.status === 'actual'))) {
      const year = singleYear(rows);
      const text = rows[0]!.text;
      if (year === null || text.length > MAX_PASSAGE_CHARS) continue;
      const read = readOutcomes(text);
      const readKeys = new Set(read.map((o) => o.key));
      for (const o of read)
        insert.run({
          docId,
          passageId,
          role: 'outcome',
          key: o.key,
          indicator: o.indicator,
          year,
          value: o.value,
          unit: o.unit,
          change: o.change,
          qualifier: o.qualifier,
          quote: o.quote,
          start: o.start,
        });
      // Indicators the reader does not know by name: the extractor's own reading of the figure.
      for (const m of rows) {
        if (!m.indicator || m.value === null || !m.unit || m.period !== String(year)) continue;
        const { key } = normaliseIndicator(m.indicator);
        if (readKeys.has(key)) continue;
        insert.run({
          docId,
          passageId,
          role: 'outcome',
          key,
          indicator: m.indicator,
          year,
          value: m.value,
          unit: m.unit,
          change: m.change,
          qualifier: m.qualifier,
          quote: m.title,
          start: Math.max(0, text.indexOf(m.title)),
        });
      }
    }
    db.prepare(
      `INSERT INTO ledger_indexed (document_id, content_hash, reader) VALUES (?, ?, ?)
       ON CONFLICT (document_id) DO UPDATE SET content_hash = excluded.content_hash, reader = excluded.reader`,
    ).run(docId, doc.hash, LEDGER_READER_VERSION);
  })();
}

/** Documents whose facts are missing or were read from other content or by an older reader. */
export function staleLedgerDocuments(db: Db): string[] {
  const indexed = new Map(
    (
      statement(db, `SELECT document_id AS id, content_hash AS hash, reader FROM ledger_indexed`).all() as {
        id: string;
        hash: string;
        reader: number;
      }[]
    ).map((r) => [r.id, r]),
  );
  return documentHeadings(db)
    .filter((d) => {
      const read = indexed.get(d.id);
      return !read || read.hash !== d.hash || read.reader !== LEDGER_READER_VERSION;
    })
    .map((d) => d.id);
}

const FACT_COLUMNS = `f.id, f.document_id AS documentId, f.passage_id AS passageId, f.role,
  f.indicator_key AS indicatorKey, f.indicator, f.year, f.value, f.unit, f.change, f.qualifier, f.quote,
  f.start_offset AS startOffset`;

type FactRow = Omit<LedgerFactRow, 'issuer' | 'documentYear' | 'documentTitle'>;

/**
 * Facts with their document's issuer, year and title, in the ledger's order: by document year
 * (none first) and id, then where in the document (passage order, offset). Documents and passage
 * order come from the store; every fact has both (deletes cascade).
 */
function withDocuments(db: Db, facts: FactRow[]): LedgerFactRow[] {
  const docs = documentHeadingsOf(
    db,
    facts.map((f) => f.documentId),
  );
  const places = passagePlaces(
    db,
    facts.map((f) => f.passageId),
  );
  const ordinal = (f: FactRow) => places.get(f.passageId)?.ordinal ?? 0;
  const year = (f: LedgerFactRow) => f.documentYear ?? -Infinity;
  return facts
    .map((f) => {
      const d = docs.get(f.documentId);
      return {
        ...f,
        issuer: d?.issuer ?? null,
        documentYear: d?.year ?? null,
        documentTitle: d?.title ?? '',
      };
    })
    .sort(
      (a, b) =>
        year(a) - year(b) ||
        (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0) ||
        ordinal(a) - ordinal(b) ||
        a.startOffset - b.startOffset,
    );
}

/** Every target with its document's issuer and year: the ledger's rows (few; outcomes are many). */
export function loadLedgerTargets(db: Db): LedgerFactRow[] {
  return withDocuments(
    db,
    statement(db, `SELECT ${FACT_COLUMNS} FROM ledger_facts f WHERE f.role = 'target'`).all() as FactRow[],
  );
}

/** Outcomes stated for one indicator (and one year, when given), by index, in passage order. */
export function loadLedgerOutcomes(
  db: Db,
  indicatorKey: string,
  year: number | null = null,
): LedgerFactRow[] {
  return withDocuments(
    db,
    statement(
      db,
      `SELECT ${FACT_COLUMNS} FROM ledger_facts f
       WHERE f.role = 'outcome' AND f.indicator_key = @key AND (@year IS NULL OR f.year = @year)`,
    ).all({ key: indicatorKey, year }) as FactRow[],
  );
}

export interface LedgerOverrideRow {
  issuerKey: string;
  indicatorKey: string;
  year: number;
  verdict: LedgerVerdict;
  note: string;
  updatedAt: string;
}

export function loadLedgerOverrides(db: Db): LedgerOverrideRow[] {
  return statement(
    db,
    `SELECT issuer_key AS issuerKey, indicator_key AS indicatorKey, year, verdict, note, updated_at AS updatedAt
     FROM ledger_overrides`,
  ).all() as LedgerOverrideRow[];
}

export function saveLedgerOverride(db: Db, o: Omit<LedgerOverrideRow, 'updatedAt'>, now = new Date()): void {
  db.prepare(
    `INSERT INTO ledger_overrides (issuer_key, indicator_key, year, verdict, note, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (issuer_key, indicator_key, year) DO UPDATE SET verdict = excluded.verdict, note = excluded.note,
       updated_at = excluded.updated_at`,
  ).run(o.issuerKey, o.indicatorKey, o.year, o.verdict, o.note, now.toISOString());
}

export function deleteLedgerOverride(db: Db, issuerKey: string, indicatorKey: string, year: number): boolean {
  return (
    db
      .prepare(`DELETE FROM ledger_overrides WHERE issuer_key = ? AND indicator_key = ? AND year = ?`)
      .run(issuerKey, indicatorKey, year).changes > 0
  );
}

function groupByPassage(rows: MeasureRow[]): Map<string, MeasureRow[]> {
  const out = new Map<string, MeasureRow[]>();
  for (const r of rows) {
    const list = out.get(r.passageId) ?? [];
    list.push(r);
    out.set(r.passageId, list);
  }
  return out;
}

/** The year a review passage is about, when its figures are about one year (not a five-year span). */
function singleYear(rows: MeasureRow[]): number | null {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.period) counts.set(r.period, (counts.get(r.period) ?? 0) + 1);
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return best && /^\d{4}$/.test(best[0]) ? Number(best[0]) : null;
}
