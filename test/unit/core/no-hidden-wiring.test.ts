import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { revisedSeed } from '../annotations/revised-seed';
import { importSeedWithCli } from '../../helpers/seed-cli';

describe('the CLI path, through core.call', () => {
  it('re-anchors annotations on import --replace and keeps them searchable', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-wiring-'));
    const db = path.join(dir, 'library.db');
    const { doc, passages } = await importSeedWithCli(db);
    const quote = '我区地处全市交通枢纽';
    const p = passages.find((x) => x.text.includes(quote))!;
    const start = p.text.indexOf(quote);
    const range = ['--start', String(start), '--end', String(start + quote.length)];
    const note = ['--note', '枢纽区位批注'];
    expect((await runCli(['annotate', p.id, ...range, ...note, '--db', db])).code).toBe(0);

    const revised = path.join(dir, 'revised.txt');
    fs.writeFileSync(revised, revisedSeed());
    expect((await runCli(['import', revised, '--replace', doc, '--db', db, '--json'])).code).toBe(0);

    const rows = (await runCli(['annotations', doc, '--db', db, '--json'])).json<
      { quote: string; status: string; passageId: string | null }[]
    >();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ quote, status: 'anchored' });
    // Re-anchored onto the new edition's rows, not left on the old passage id.
    expect(rows[0]!.passageId).not.toBe(p.id);
    const found = (await runCli(['search', '枢纽区位批注 kind:annotation', '--db', db, '--json'])).json<{
      total: number;
      hits: { kind: string }[];
    }>();
    expect(found.total).toBe(1);
    expect(found.hits[0]!.kind).toBe('annotation');
  });
});

describe('wiring rules over the source', () => {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      return e.isDirectory() ? files(full) : e.name.endsWith('.ts') ? [full] : [];
    });
  const electronDir = path.resolve(__dirname, '../../../electron');
  const sources = files(electronDir).map((file) => ({
    file: path.relative(electronDir, file),
    text: fs.readFileSync(file, 'utf8'),
  }));

  it('keeps settings SQL in one store module', () => {
    const offenders = sources
      .filter((s) => /(FROM|INTO|UPDATE)\s+settings\b/.test(s.text))
      .map((s) => s.file)
      .filter((f) => !f.startsWith('main/store/migrations/'));
    expect(offenders).toEqual(['main/store/settings.ts']);
  });

  it('lets CLI commands reach the core only through core.call (the exceptions are listed)', () => {
    // backup --list and restore also work on a library that will not open (a damaged one is
    // what a restore is for): no core can answer there.
    const pending = ['cli/commands/backup.ts'];
    const domainImport = /from '\.\.\/\.\.\/main\/(?!kernel\/)[^']+'/;
    const offenders = sources
      .filter((s) => s.file.startsWith('cli/commands/') && domainImport.test(s.text))
      .map((s) => s.file)
      .sort();
    expect(offenders).toEqual(pending.sort());
  });

  // Issue 17: one owner of the document tables. Statements naming documents, passages, sections or
  // the rows parsed with them (glossary entries, their footnote references, measures) as a table
  // (word-bounded: `detached_documents` or `passages_fts` are other tables).
  const queriesDocumentTables =
    /\b(FROM|JOIN|INTO|UPDATE)\s+(documents|passages|sections|glossary_entries|footnote_refs|measures)\b/;

  it('recognises a statement over the document tables and nothing else', () => {
    for (const sql of [
      'SELECT id FROM documents',
      'x JOIN passages p ON',
      'INSERT INTO sections (id)',
      'UPDATE documents SET',
      'SELECT id FROM glossary_entries',
      'f JOIN footnote_refs r',
      'DELETE FROM measures WHERE',
    ])
      expect(sql).toMatch(queriesDocumentTables);
    for (const sql of [
      'SELECT 1 FROM detached_documents',
      'DELETE FROM passages_fts',
      'INSERT INTO document_meta_overrides',
      'JOIN search_segment_docs s',
      'turns paragraphs into sections',
      'FROM measures_fts',
      'JOIN ledger_measures l',
    ])
      expect(sql).not.toMatch(queriesDocumentTables);
  });

  it('queries the document tables only in store/ (their one owner)', () => {
    const offenders = sources
      .filter((s) => queriesDocumentTables.test(s.text))
      .map((s) => s.file)
      .filter((f) => !f.startsWith('main/store/'))
      .sort();
    expect(offenders).toEqual([]);
  });

  it('never swallows an error of background work', () => {
    const swallow = /\.catch\(\s*\(\s*\w*\s*\)\s*=>\s*(\{\s*\}|undefined|null)\s*\)/;
    expect(sources.filter((s) => swallow.test(s.text)).map((s) => s.file)).toEqual([]);
  });
});
