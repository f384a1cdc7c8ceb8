import { registerScreen } from '../../app/screens';
import { registerShortcuts } from '../../app/shortcut-registry';
import { registerSlot } from '../../app/slots';
import { lazyT } from '../../i18n';
import { BriefingEditorScreen } from './BriefingEditor';
import { BriefingList } from './BriefingList';
import { registerOccurrenceAction } from '../xref/term-actions';
import { addToBriefing } from './add-to-briefing';
import { BriefingPicker } from './BriefingPicker';
import './briefings.css';
import { briefingStrings } from './strings';

const lazy = lazyT(briefingStrings);

registerScreen({ id: 'briefing', order: 40, label: lazy('screen'), Component: BriefingEditorScreen });
registerSlot('library-sections', 'briefings', BriefingList);
registerSlot('app-overlay', 'briefing-picker', BriefingPicker);
// A term's occurrence goes in as its whole passage: the term alone says nothing in a briefing.
registerOccurrenceAction({
  id: 'add-to-briefing',
  label: lazy('addTo'),
  run: ({ passageId }) => addToBriefing({ passageId }),
});
registerShortcuts({
  id: 'briefings',
  order: 60,
  title: lazy('shortcutsTitle'),
  items: [
    { keys: ['Alt', '↑'], label: lazy('moveUp') },
    { keys: ['Alt', '↓'], label: lazy('moveDown') },
    { keys: ['Alt', '→'], label: lazy('indent') },
    { keys: ['Alt', '←'], label: lazy('outdent') },
    { keys: ['Ctrl', 'Z'], label: lazy('undo') },
    { keys: ['Ctrl', 'Shift', 'Z'], label: lazy('redo') },
  ],
});
