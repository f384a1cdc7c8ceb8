/** The target ledger (目标台账): a target beside the outcome the same issuer's next report states. */

export type LedgerVerdict = 'met' | 'missed' | 'unclear' | 'pending';
export const LEDGER_VERDICTS: readonly LedgerVerdict[] = ['met', 'missed', 'unclear', 'pending'];

/** One figure with the passage that states it: enough to cite it, open it or add it to a briefing. */
export interface LedgerFigure {
  docId: string;
  passageId: string;
  value: number;
  unit: string;
  qualifier: string | null;
  change: string | null;
  /** The words as written, from the indicator's name to the figure. */
  text: string;
  /** `2021年政府工作报告 · 一（二）` */
  citation: string;
  documentTitle: string;
  /** Where `text` starts in the passage, for highlighting. */
  start: number;
}

export interface LedgerRow {
  /** Stable across re-imports: `issuerKey|indicator|year`. */
  id: string;
  issuer: string;
  issuerKey: string;
  /** The normalised indicator name. */
  indicator: string;
  /** The year the target is for. */
  year: number;
  target: LedgerFigure;
  outcome: LedgerFigure | null;
  /** The verdict shown: the user's when they overrode it. */
  verdict: LedgerVerdict;
  /** What the rules gave, whatever the user said. */
  computedVerdict: LedgerVerdict;
  /** Why the rules gave that verdict (`实际 5.1% ≤ 目标 5.5%左右`). */
  reason: string;
  override: { verdict: LedgerVerdict; note: string; updatedAt: string } | null;
}

export interface LedgerSeriesPoint {
  year: number;
  target: LedgerFigure | null;
  actual: LedgerFigure | null;
  verdict: LedgerVerdict | null;
}

export interface LedgerSeries {
  issuerKey: string;
  issuer: string;
  indicator: string;
  unit: string | null;
  points: LedgerSeriesPoint[];
}
