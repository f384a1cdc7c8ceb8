import { registerDocumentAction, registerSlot } from '../../app/slots';
import { DropZone } from './DropZone';
import { ImportButtons } from './ImportButtons';
import { ImportStrip } from './ImportStrip';
import { ReplaceEditionButton } from './ReplaceEdition';

registerSlot('library-toolbar', 'import', ImportButtons);
registerSlot('app-overlay', 'import-drop', DropZone);
registerSlot('app-overlay', 'import-strip', ImportStrip);
registerDocumentAction('replace-edition', ReplaceEditionButton);
