import { lazyT } from '../i18n';
import { registerShortcuts } from './shortcut-registry';
import { appStrings } from './strings';

const t = lazyT(appStrings);

registerShortcuts({
  id: 'general',
  order: 10,
  title: t('general'),
  items: [
    { keys: ['Ctrl', 'K'], label: t('keySearch') },
    { keys: ['?'], label: t('keyHelp') },
  ],
});
