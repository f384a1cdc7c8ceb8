import type { GlossaryOccurrence } from '../../../../shared/ipc/channels/documents';
import { AppError } from '../../kernel/app-error';
import type { CoreContext } from '../../kernel/context';
import { citationsFor } from '../../store/citation';
import {
  getDocumentBundle,
  getDocumentMeta,
  glossaryOccurrences,
  listDocuments,
} from '../../store/document-reader';
import { defaultDocumentId, rememberLastDocument } from '../../store/settings';
import type { Handlers } from '../../kernel/api';

type DocumentHandlers = Pick<
  Handlers,
  | 'documents:list'
  | 'documents:get'
  | 'documents:opened'
  | 'documents:default'
  | 'glossary:passages'
  | 'app:info'
  | 'app:choose-documents'
>;

const SNIPPET_RADIUS = 40;

export function documentHandlers(ctx: CoreContext): DocumentHandlers {
  const { db } = ctx;
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
  };
}
