import { AppError } from '../kernel/app-error';
import type { CoreContext } from '../kernel/context';
import { overrideVerdict } from './ledger-overrides';
import { ledgerSeries, listLedger, refreshLedgerInSlices } from './ledger-service';
import type { Handlers } from '../kernel/api';
import type { Domain } from '../kernel/domain';
import { logBackgroundError } from '../kernel/log';
import { indexLedgerFacts } from './ledger-store';

type LedgerChannel = 'ledger:list' | 'ledger:series' | 'ledger:override';

/** The target ledger: its channels, and each changed document's targets and outcomes read again. */
export const ledgerDomain: Domain<LedgerChannel> = {
  name: 'ledger',
  handlers: ledgerHandlers,
  listeners: {
    // Deletes cascade. A failure here must not fail the import that already committed: the ledger
    // re-reads stale documents on use.
    'library:changed': (ctx, { documentIds }) => {
      for (const id of documentIds) {
        try {
          indexLedgerFacts(ctx.db, id);
        } catch (error) {
          logBackgroundError(`ledger: reading targets and outcomes of ${id}`, error);
        }
      }
    },
  },
};

// What team sync writes: the verdict overrides shared by the team.
export { deleteLedgerOverride, saveLedgerOverride } from './ledger-store';

function ledgerHandlers(ctx: CoreContext): Pick<Handlers, LedgerChannel> {
  const { db } = ctx;
  return {
    'ledger:list': async ({ issuer }) => {
      await refreshLedgerInSlices(db);
      return listLedger(db, { issuer, refresh: false });
    },
    'ledger:series': async ({ issuer, indicator }) => {
      await refreshLedgerInSlices(db);
      return ledgerSeries(db, issuer, indicator);
    },
    'ledger:override': async (request) => {
      await refreshLedgerInSlices(db);
      const row = overrideVerdict(db, request);
      if (!row) throw new AppError('not_found', { what: '目标', id: request.id });
      return row;
    },
  };
}
