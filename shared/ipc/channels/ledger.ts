import { z } from 'zod';
import { LEDGER_VERDICTS, type LedgerRow, type LedgerSeries, type LedgerVerdict } from '../../domain/ledger';
import { channel } from '../define';

const name = z.string().trim().min(1).max(100);

export const ledgerChannels = {
  /** Every target with the outcome the same issuer's next report states; `issuer` filters. */
  'ledger:list': channel(() => z.object({ issuer: z.string().trim().max(100).optional() }).strict())<
    LedgerRow[]
  >(),
  /** One indicator of one issuer, target against actual by year. */
  'ledger:series': channel(() => z.object({ issuer: name, indicator: name }).strict())<LedgerSeries>(),
  /** The user's verdict with a note (verdict null: back to the computed one). */
  'ledger:override': channel(() =>
    z
      .object({
        /** `LedgerRow.id` */
        id: z.string().min(1).max(300),
        verdict: z.enum(LEDGER_VERDICTS as [LedgerVerdict, ...LedgerVerdict[]]).nullable(),
        note: z.string().max(2000).optional(),
      })
      .strict(),
  )<LedgerRow | null>(),
};
