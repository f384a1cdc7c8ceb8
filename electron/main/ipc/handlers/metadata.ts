import type { DocumentMetaEdit } from '../../../../shared/ipc/channels/metadata';
import { AppError } from '../../kernel/app-error';
import type { CoreContext } from '../../kernel/context';
import { metaSources, updateDocumentMeta } from '../../store/document-meta';
import { getDocumentMeta } from '../../store/document-reader';
import type { Handlers } from '../../kernel/api';

type MetadataHandlers = Pick<Handlers, 'documents:update-meta' | 'documents:meta'>;

export function metadataHandlers(ctx: CoreContext): MetadataHandlers {
  const { db } = ctx;
  const edit = (id: string): DocumentMetaEdit => {
    const meta = getDocumentMeta(db, id);
    if (!meta) throw new AppError('not_found', { what: '文档', id });
    const sources = metaSources(db, id);
    return {
      meta,
      userFields: Object.entries(sources)
        .filter(([, s]) => s === 'user')
        .map(([f]) => f as never),
    };
  };
  return {
    'documents:meta': ({ id }) => edit(id),
    'documents:update-meta': ({ id, patch, reset }) => {
      if (!updateDocumentMeta(db, id, patch, reset ?? []))
        throw new AppError('not_found', { what: '文档', id });
      ctx.events.emit('library:changed', { documentIds: [id] });
      return edit(id);
    },
  };
}
