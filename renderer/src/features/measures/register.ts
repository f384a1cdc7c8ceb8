import { lazyT } from '../../i18n';
import { registerPanelTab } from '../reader';
import { MeasuresPanel } from './MeasuresPanel';
import { measuresStrings } from './strings';

registerPanelTab({
  id: 'measures',
  order: 20,
  label: lazyT(measuresStrings)('tab'),
  Component: MeasuresPanel,
});
