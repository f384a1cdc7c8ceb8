import type { LedgerFigure, LedgerRow, LedgerSeries, LedgerVerdict } from '../../../shared/domain/ledger';
import { citationsFor } from '../store/citation';
import type { Db } from '../store/database';
import { issuerYears } from '../store/document-lookup';
import { directionOf } from './indicator-names';
import {
  indexLedgerFacts,
  loadLedgerOutcomes,
  loadLedgerTargets,
  loadLedgerOverrides,
  staleLedgerDocuments,
  type LedgerFactRow,
} from './ledger-store';
import { comparable, judge } from './verdict';

/**
 * One key per issuer whatever the wording: `中华人民共和国国务院` = `国务院`, `厦门市湖里区人民政府` =
 * `湖里区人民政府` (the last administrative unit named). Pairing never crosses keys.
 */
export function issuerKey(issuer: string | null): string {
  if (!issuer) return '';
  const bare = issuer
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^中华人民共和国/, '')
    .replace(/(人民)?政府$/, '');
  const units = bare.match(/.+?(?:自治区|特别行政区|省|市|区|县|旗|州)/g);
  return units ? units.at(-1)! : bare;
}

/**
 * A row's identity, stable across re-imports: issuer, indicator, year and unit (a report may set
 * both a level and a rate for one indicator: `地区生产总值240亿元`, `增长21%`). Overrides are stored
 * under it, `indicator_key` holding `indicator|unit`.
 */
export const rowId = (issuer: string, indicator: string, year: number, unit: string): string =>
  `${issuer}|${indicator}|${unit}|${year}`;

/** Reads the facts of every document imported, replaced or re-read since the last call. */
export function refreshLedger(db: Db): number {
  const stale = staleLedgerDocuments(db);
  for (const id of stale) indexLedgerFacts(db, id);
  return stale.length;
}

/** Documents read per slice when a whole library is read at once (after the migration, a reader update). */
const REFRESH_SLICE = 4;

/**
 * `refreshLedger` for the window's main process: a library imported before the ledger existed has
 * every document to read (seconds at 500 documents), so it is read a few documents at a time,
 * yielding to the event loop between slices.
 */
export async function refreshLedgerInSlices(db: Db): Promise<number> {
  const stale = staleLedgerDocuments(db);
  for (let i = 0; i < stale.length; i += REFRESH_SLICE) {
    for (const id of stale.slice(i, i + REFRESH_SLICE)) indexLedgerFacts(db, id);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return stale.length;
}

export interface LedgerQuery {
  issuer?: string;
  /** False when the caller has just refreshed (in slices). */
  refresh?: boolean;
}

/**
 * The ledger: every target of the library beside the outcome that the same issuer's report of the
 * next year states, grouped by issuer and year. Targets with no next-year report are `pending`.
 */
export function listLedger(db: Db, query: LedgerQuery = {}): LedgerRow[] {
  if (query.refresh !== false) refreshLedger(db);
  const years = new Set(issuerYears(db).map((r) => `${issuerKey(r.issuer)}|${r.year}`));
  const overrides = new Map(
    loadLedgerOverrides(db).map((o) => [`${o.issuerKey}|${o.indicatorKey}|${o.year}`, o]),
  );
  const filter = query.issuer?.trim();
  const targets = loadLedgerTargets(db).filter(
    (f) => !filter || (f.issuer ?? '').includes(filter) || issuerKey(f.issuer) === issuerKey(filter),
  );
  const pairs = targets.map((t) => {
    const ik = issuerKey(t.issuer);
    const id = rowId(ik, t.indicatorKey, t.year, t.unit);
    // Outcomes of the target's year, from a report of the year after, of the same issuer.
    const candidates = loadLedgerOutcomes(db, t.indicatorKey, t.year).filter(
      (o) => o.documentYear === t.year + 1 && issuerKey(o.issuer) === ik,
    );
    const outcome = candidates.find((o) => comparable(t, o)) ?? candidates[0] ?? null;
    return { t, id, outcome };
  });
  const citations = citationsFor(
    db,
    pairs.flatMap((p) => [p.t.passageId, ...(p.outcome ? [p.outcome.passageId] : [])]),
  );
  const figure = (f: LedgerFactRow) => figureOf(f, citations);
  const rows = pairs.map(({ t, id, outcome }): LedgerRow => {
    const ik = issuerKey(t.issuer);
    const { verdict, reason } = judge(
      t,
      outcome,
      directionOf(t.indicatorKey),
      years.has(`${ik}|${t.year + 1}`),
    );
    const o = overrides.get(id);
    return {
      id,
      issuer: t.issuer ?? '',
      issuerKey: ik,
      indicator: t.indicatorKey,
      year: t.year,
      target: figure(t),
      outcome: outcome ? figure(outcome) : null,
      verdict: o?.verdict ?? verdict,
      computedVerdict: verdict,
      reason,
      override: o ? { verdict: o.verdict, note: o.note, updatedAt: o.updatedAt } : null,
    };
  });
  return rows.sort((a, b) => a.issuer.localeCompare(b.issuer, 'zh') || a.year - b.year);
}

/** Target against actual by year for one indicator of one issuer: what the chart draws. */
export function ledgerSeries(db: Db, issuer: string, indicator: string): LedgerSeries {
  const ik = issuerKey(issuer);
  const rows = listLedger(db).filter((r) => r.issuerKey === ik && r.indicator === indicator);
  const facts = loadLedgerOutcomes(db, indicator).filter(
    (f) => issuerKey(f.issuer) === ik && f.documentYear === f.year + 1,
  );
  const byYear = new Map<
    number,
    { target: LedgerFigure | null; actual: LedgerFigure | null; verdict: LedgerVerdict | null }
  >();
  for (const r of rows) byYear.set(r.year, { target: r.target, actual: r.outcome, verdict: r.verdict });
  const unit = rows[0]?.target.unit ?? null;
  // Years with a stated outcome but no target in the library still belong on the line.
  const citations = citationsFor(
    db,
    facts.map((f) => f.passageId),
  );
  for (const f of facts) {
    if (byYear.has(f.year) || (unit !== null && f.unit !== unit)) continue;
    byYear.set(f.year, {
      target: null,
      verdict: null,
      actual: figureOf(f, citations),
    });
  }
  const points = [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([year, p]) => ({ year, ...p }));
  return { issuerKey: ik, issuer: rows[0]?.issuer ?? issuer, indicator, unit, points };
}

function figureOf(f: LedgerFactRow, citations: Map<string, string>): LedgerFigure {
  return {
    docId: f.documentId,
    passageId: f.passageId,
    value: f.value,
    unit: f.unit,
    qualifier: f.qualifier,
    change: f.change,
    text: f.quote,
    citation: citations.get(f.passageId) ?? f.documentTitle,
    documentTitle: f.documentTitle,
    start: f.startOffset,
  };
}
