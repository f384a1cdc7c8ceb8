import { registerScreen } from '../../app/screens';
import { registerDocumentAction, registerSlot } from '../../app/slots';
import { lazyT } from '../../i18n';
import { BackupsScreen } from './BackupsScreen';
import { DeleteDocumentButton, DeletionStrip } from './DeleteDocument';
import { libraryCareStrings } from './strings';

const label = lazyT(libraryCareStrings);

registerScreen({ id: 'backups', order: 60, label: label('backups'), Component: BackupsScreen });
registerDocumentAction('delete-document', DeleteDocumentButton);
registerSlot('app-overlay', 'deletion-strip', DeletionStrip);
