import { registerShortcuts } from '../../app/shortcut-registry';
import { registerDocumentAction } from '../../app/slots';
import { lazyT } from '../../i18n';
import { PrintButton } from './PrintButton';
import { printStrings } from './strings';

const t = lazyT(printStrings);

registerDocumentAction('print', PrintButton);
registerShortcuts({
  id: 'print',
  order: 40,
  title: t('shortcutsTitle'),
  items: [{ keys: ['Ctrl', 'P'], label: t('keyPrint') }],
});
