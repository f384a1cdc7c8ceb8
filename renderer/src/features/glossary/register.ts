import { lazyT } from '../../i18n';
import { registerPanelTab } from '../reader';
import { GlossaryPanel } from './GlossaryPanel';
import { glossaryStrings } from './strings';

registerPanelTab({
  id: 'glossary',
  order: 10,
  label: lazyT(glossaryStrings)('tab'),
  Component: GlossaryPanel,
});
