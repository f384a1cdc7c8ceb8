import { AppError } from '../../core/app-error';
import type { CoreContext } from '../../core/context';
import { overrideVerdict } from '../../ledger/ledger-overrides';
import { ledgerSeries, listLedger } from '../../ledger/ledger-service';
import type { Handlers } from '../dispatch';

type LedgerHandlers = Pick<Handlers, 'ledger:list' | 'ledger:series' | 'ledger:override'>;

export function ledgerHandlers(ctx: CoreContext): LedgerHandlers {
  const { db } = ctx;
  return {
    'ledger:list': ({ issuer }) => listLedger(db, { issuer }),
    'ledger:series': ({ issuer, indicator }) => ledgerSeries(db, issuer, indicator),
    'ledger:override': (request) => {
      const row = overrideVerdict(db, request);
      if (!row) throw new AppError('not_found', { what: '目标', id: request.id });
      return row;
    },
  };
}
