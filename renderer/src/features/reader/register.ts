import { registerShortcuts } from '../../app/shortcut-registry';
import { lazyT } from '../../i18n';
import { readerStrings } from './strings';

const t = lazyT(readerStrings);

registerShortcuts({
  id: 'reader',
  order: 20,
  title: t('shortcutsTitle'),
  items: [
    { keys: ['J'], label: t('keyNext') },
    { keys: ['K'], label: t('keyPrev') },
    { keys: [']'], label: t('keyNextSection') },
    { keys: ['['], label: t('keyPrevSection') },
    { keys: ['Ctrl', 'C'], label: t('keyCopy') },
    { keys: ['Esc'], label: t('keyEsc') },
  ],
});
