import { registerScreen } from '../../app/screens';
import { lazyT } from '../../i18n';
import { LedgerScreen } from './LedgerScreen';
import { ledgerStrings } from './strings';

registerScreen({ id: 'ledger', order: 20, label: lazyT(ledgerStrings)('screen'), Component: LedgerScreen });
