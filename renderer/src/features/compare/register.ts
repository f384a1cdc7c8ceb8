import { registerScreen } from '../../app/screens';
import { registerShortcuts } from '../../app/shortcut-registry';
import { registerDocumentAction } from '../../app/slots';
import { lazyT } from '../../i18n';
import { CompareAction } from './CompareAction';
import { CompareScreen } from './CompareScreen';
import { compareStrings } from './strings';

const t = lazyT(compareStrings);

registerScreen({ id: 'compare', order: 30, label: t('screen'), Component: CompareScreen });
registerDocumentAction('compare', CompareAction);
registerShortcuts({
  id: 'compare',
  order: 60,
  title: t('keysTitle'),
  items: [
    { keys: ['N'], label: t('keyNext') },
    { keys: ['P'], label: t('keyPrevious') },
  ],
});
