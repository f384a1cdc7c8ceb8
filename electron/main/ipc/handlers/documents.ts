import type { GlossaryOccurrence } from '../../../../shared/ipc/channels/documents';
import { AppError } from '../../core/app-error';
import type { CoreContext } from '../../core/context';
import { citationsFor } from '../../store/citation';
import { getDocumentBundle, listDocuments } from '../../store/document-reader';
import type { Handlers } from '../dispatch';

type DocumentHandlers = Pick<
  Handlers,
  | 'documents:list'
  | 'documents:get'
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
      db.prepare(
        `INSERT INTO settings (key, value) VALUES ('lastDocument', ?)
                  ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      ).run(id);
      return bundle;
    },
    'documents:default': () => {
      const row = db
        .prepare(
          `SELECT d.id FROM settings s JOIN documents d ON d.id = s.value WHERE s.key = 'lastDocument'
           UNION ALL SELECT id FROM (SELECT id FROM documents ORDER BY imported_at LIMIT 1)
           LIMIT 1`,
        )
        .get() as { id: string } | undefined;
      return row ?? null;
    },
    'glossary:passages': ({ glossaryId }) => {
      const rows = db
        .prepare(
          `SELECT f.passage_id AS passageId, f.offset, f.source, p.text
           FROM footnote_refs f JOIN passages p ON p.id = f.passage_id
           WHERE f.glossary_id = ? ORDER BY p.ordinal, f.offset`,
        )
        .all(glossaryId) as {
        passageId: string;
        offset: number;
        source: 'marker' | 'mention';
        text: string;
      }[];
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
