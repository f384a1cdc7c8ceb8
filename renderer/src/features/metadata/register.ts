import { registerDocumentAction } from '../../app/slots';
import { EditMetaButton } from './EditMetaButton';

registerDocumentAction('edit-meta', EditMetaButton);
