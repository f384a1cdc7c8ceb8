import { registerScreen } from '../../app/screens';
import { registerSlot } from '../../app/slots';
import { lazyT } from '../../i18n';
import { BriefingEditorScreen } from './BriefingEditor';
import { BriefingList } from './BriefingList';
import { BriefingPicker } from './BriefingPicker';
import './briefings.css';
import { briefingStrings } from './strings';

const lazy = lazyT(briefingStrings);

registerScreen({ id: 'briefing', order: 40, label: lazy('screen'), Component: BriefingEditorScreen });
registerSlot('library-sections', 'briefings', BriefingList);
registerSlot('app-overlay', 'briefing-picker', BriefingPicker);
