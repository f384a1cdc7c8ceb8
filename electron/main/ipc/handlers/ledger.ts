import { AppError } from '../../kernel/app-error';
import type { CoreContext } from '../../kernel/context';
import { overrideVerdict } from '../../ledger/ledger-overrides';
import { ledgerSeries, listLedger, refreshLedgerInSlices } from '../../ledger/ledger-service';
import type { Handlers } from '../../kernel/api';

type LedgerHandlers = Pick<Handlers, 'ledger:list' | 'ledger:series' | 'ledger:override'>;

export function ledgerHandlers(ctx: CoreContext): LedgerHandlers {
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
