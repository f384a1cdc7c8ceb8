import { getDocumentBundle, listDocuments } from '../../main/store/document-reader';
import { UsageError, writeJson, type CliCommand } from '../command';

export const listCommand: CliCommand = {
  name: 'list',
  usage: 'list [--db PATH] [--json]',
  summary: 'List the documents in the library.',
  options: {},
  run(ctx) {
    const docs = listDocuments(ctx.core().ctx.db);
    if (ctx.values.json) {
      writeJson(
        ctx.stdout,
        docs.map(({ id, title, issuer, date, passages, year, level, region }) => ({
          id,
          title,
          issuer,
          date,
          passages,
          year,
          level,
          region,
        })),
      );
    } else {
      for (const d of docs)
        ctx.stdout.write(`${d.id}\t${d.date ?? '----------'}\t${d.passages}\t${d.title}\n`);
    }
    return 0;
  },
};

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export <docId> [--db PATH] --json',
  summary: 'Print a document with its sections, passages, glossary, footnotes and measures.',
  options: {},
  run(ctx) {
    const [id] = ctx.args;
    if (!id || ctx.args.length > 1) throw new UsageError('expects exactly one document id');
    const bundle = getDocumentBundle(ctx.core().ctx.db, id);
    if (!bundle) {
      ctx.stderr.write(`yandu export: no document ${id}\n`);
      return 1;
    }
    const { document: d, ...rest } = bundle;
    writeJson(ctx.stdout, { document: d, ...rest });
    return 0;
  },
};
