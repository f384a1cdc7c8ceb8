import type { CoreContext } from '../../kernel/context';
import { deleteWithUndo, undoDelete } from '../../documents/document-care';
import type { Handlers } from '../../kernel/api';

type DocumentCareHandlers = Pick<Handlers, 'documents:delete' | 'documents:undo-delete'>;

export function documentCareHandlers(ctx: CoreContext): DocumentCareHandlers {
  return {
    'documents:delete': ({ id, keep }) => deleteWithUndo(ctx, id, keep),
    'documents:undo-delete': ({ undoId }) => undoDelete(ctx, undoId),
  };
}
