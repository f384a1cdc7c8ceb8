import type { GlossaryOccurrence } from '../../../shared/ipc/channels/documents';
import type { DocumentMetaEdit } from '../../../shared/ipc/channels/metadata';
import { AppError } from '../kernel/app-error';
import type { CoreContext } from '../kernel/context';
import { citationsFor } from '../store/citation';
import { metaSources, reapplyMetaOverrides, updateDocumentMeta } from '../store/document-meta';
import {
  getDocumentBundle,
  getDocumentMeta,
  glossaryOccurrences,
  listDocuments,
} from '../store/document-reader';
import { defaultDocumentId, rememberLastDocument } from '../store/settings';
import type { Handlers } from '../kernel/api';
import type { Domain } from '../kernel/domain';
import { deleteWithUndo, undoDelete } from './document-care';

type DocumentChannel =
  | 'documents:list'
  | 'documents:get'
  | 'documents:opened'
  | 'documents:default'
  | 'glossary:passages'
  | 'app:info'
  | 'app:choose-documents'
  | 'documents:update-meta'
  | 'documents:meta'
  | 'documents:delete'
  | 'documents:undo-delete';

const SNIPPET_RADIUS = 40;

/**
 * The library's documents: listing and reading them, metadata corrections (which outlive a
 * replace: the replace wrote the inferred values, the hook puts the user's back), deleting with
 * undo, and the app's own facts.
 */
export const documentsDomain: Domain<DocumentChannel> = {
  name: 'documents',
  handlers: documentHandlers,
  onReplace: (ctx, documentId) => reapplyMetaOverrides(ctx.db, documentId),
};

// What a team pull uses to take a document out of the library the way the user would.
export { deleteWithUndo } from './document-care';

function documentHandlers(ctx: CoreContext): Pick<Handlers, DocumentChannel> {
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
    'documents:list': () => listDocuments(db),
    'documents:get': ({ id }) => {
      const bundle = getDocumentBundle(db, id);
      if (!bundle) throw new AppError('not_found', { what: '文档', id });
      return bundle;
    },
    'documents:opened': ({ id }) => {
      if (!getDocumentMeta(db, id)) throw new AppError('not_found', { what: '文档', id });
      // A read-only library is read all the same; only the place to reopen at is not kept.
      if (!db.readonly) rememberLastDocument(db, id);
      return { id };
    },
    'documents:default': () => {
      const id = defaultDocumentId(db);
      return id ? { id } : null;
    },
    'glossary:passages': ({ glossaryId }) => {
      const rows = glossaryOccurrences(db, glossaryId);
      const citations = citationsFor(
        db,
        rows.map((r) => r.passageId),
      );
      return rows.map((r): GlossaryOccurrence => ({
        passageId: r.passageId,
        offset: r.offset,
        source: r.source,
        citation: citations.get(r.passageId) ?? '',
        snippet: r.text.slice(Math.max(0, r.offset - SNIPPET_RADIUS), r.offset + SNIPPET_RADIUS),
      }));
    },
    'app:info': () => ({
      version: ctx.version,
      databasePath: ctx.databasePath,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      locale: ctx.locale,
    }),
    'app:choose-documents': async ({ folder, multiple }) =>
      ctx.importTokens.issue(
        await ctx.platform.chooseDocuments({ folder: folder ?? false, multiple: multiple ?? true }),
      ),
    'documents:meta': ({ id }) => edit(id),
    'documents:update-meta': ({ id, patch, reset }) => {
      if (!updateDocumentMeta(db, id, patch, reset ?? []))
        throw new AppError('not_found', { what: '文档', id });
      ctx.events.emit('library:changed', { documentIds: [id] });
      return edit(id);
    },
    'documents:delete': ({ id, keep }) => deleteWithUndo(ctx, id, keep),
    'documents:undo-delete': ({ undoId }) => undoDelete(ctx, undoId),
  };
}
