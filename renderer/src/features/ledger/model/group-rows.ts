import type { LedgerRow } from '../../../../../shared/domain/ledger';

export interface LedgerIssuerGroup {
  issuerKey: string;
  issuer: string;
  years: { year: number; rows: LedgerRow[] }[];
}

/** Issuers in the order the ledger gives them, newest year first inside each. */
export function groupLedger(rows: readonly LedgerRow[]): LedgerIssuerGroup[] {
  const groups = new Map<string, LedgerIssuerGroup>();
  for (const r of rows) {
    let g = groups.get(r.issuerKey);
    if (!g) groups.set(r.issuerKey, (g = { issuerKey: r.issuerKey, issuer: r.issuer, years: [] }));
    let y = g.years.find((x) => x.year === r.year);
    if (!y) g.years.push((y = { year: r.year, rows: [] }));
    y.rows.push(r);
  }
  for (const g of groups.values()) g.years.sort((a, b) => b.year - a.year);
  return [...groups.values()];
}

/** Issuers to filter by, once each. */
export function issuersOf(rows: readonly LedgerRow[]): { key: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const r of rows) if (!seen.has(r.issuerKey)) seen.set(r.issuerKey, r.issuer);
  return [...seen.entries()].map(([key, label]) => ({ key, label }));
}

/** `6%以上`, `1.37万亿斤` */
export const figureText = (f: { value: number; unit: string; qualifier: string | null }): string =>
  `${f.value}${f.unit}${f.qualifier ?? ''}`;
