import type { LedgerRow, LedgerVerdict } from '../../../shared/domain/ledger';
import type { Db } from '../store/database';
import { listLedger } from './ledger-service';
import { deleteLedgerOverride, saveLedgerOverride } from './ledger-store';

/**
 * The user's verdict on one target (by `LedgerRow.id`), kept by issuer, indicator, unit and year so
 * that it survives a re-import; `null` removes it. Returns the row as the ledger now shows it, or
 * null when there is no such target.
 */
export function overrideVerdict(
  db: Db,
  o: { id: string; verdict: LedgerVerdict | null; note?: string },
): LedgerRow | null {
  const find = () => listLedger(db).find((r) => r.id === o.id) ?? null;
  const row = find();
  if (!row) return null;
  const indicatorKey = `${row.indicator}|${row.target.unit}`;
  if (o.verdict === null) deleteLedgerOverride(db, row.issuerKey, indicatorKey, row.year);
  else
    saveLedgerOverride(db, {
      issuerKey: row.issuerKey,
      indicatorKey,
      year: row.year,
      verdict: o.verdict,
      note: o.note ?? '',
    });
  return find();
}
