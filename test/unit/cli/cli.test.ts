import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';

const seed = path.resolve(__dirname, '../../../resources/documents/huli-2021.txt');
let dir: string;
let db: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-cli-'));
  db = path.join(dir, 'library.db');
});

interface Summary {
  imported: { id: string; file: string; title: string; passages: number }[];
  skipped: { file: string; reason: string }[];
  failed: { file: string; error: string }[];
}

describe('yandu CLI', () => {
  it('imports, lists and exports a document with the documented JSON shapes', async () => {
    const imported = await runCli(['import', seed, '--db', db, '--json']);
    expect(imported.code).toBe(0);
    const summary = imported.json<Summary>();
    expect(summary.imported).toHaveLength(1);
    expect(Object.keys(summary.imported[0]!).sort()).toEqual(
      ['file', 'footnotes', 'glossary', 'id', 'measures', 'passages', 'title'].sort(),
    );
    expect(imported.stderr).toMatch(/\[1\/1\] done/);
    const id = summary.imported[0]!.id;

    const listed = await runCli(['list', '--db', db, '--json']);
    const rows = listed.json<Record<string, unknown>[]>();
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual([
      'date',
      'id',
      'issuer',
      'level',
      'passages',
      'region',
      'title',
      'year',
    ]);
    expect(rows[0]).toMatchObject({
      id,
      title: summary.imported[0]!.title,
      passages: summary.imported[0]!.passages,
    });

    const exported = await runCli(['export', id, '--db', db, '--json']);
    const bundle = exported.json<Record<string, unknown[]> & { document: Record<string, unknown> }>();
    expect(Object.keys(bundle).sort()).toEqual([
      'document',
      'footnotes',
      'glossary',
      'measures',
      'passages',
      'sections',
    ]);
    expect(bundle.document).toMatchObject({ id, title: summary.imported[0]!.title });
    expect(bundle.passages).toHaveLength(summary.imported[0]!.passages);
  });

  it('skips identical content on a second import and still exits 0', async () => {
    await runCli(['import', seed, '--db', db, '--json']);
    const again = await runCli(['import', seed, '--db', db, '--json']);
    expect(again.code).toBe(0);
    expect(again.json<Summary>().skipped).toEqual([
      { file: seed, reason: expect.any(String), existingId: expect.any(String) },
    ]);
  });

  it('reports a missing file as failed, imports the rest, and exits 1', async () => {
    const missing = path.join(dir, 'nope.txt');
    const run = await runCli(['import', missing, seed, '--db', db, '--json']);
    expect(run.code).toBe(1);
    const summary = run.json<Summary>();
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]!.file).toBe(missing);
    expect(summary.failed[0]!.error).toContain('nope.txt');
    expect(summary.imported).toHaveLength(1);
  });

  it('imports every file of a folder of more than 500, in batches, and says so once', async () => {
    // The window's choice stops at 500 files; `yandu import <folder>` of a generated 600-report
    // library once imported the first 500 and said nothing of the rest.
    const folder = path.join(dir, 'reports');
    fs.mkdirSync(folder);
    for (let i = 0; i < 520; i++)
      fs.writeFileSync(
        path.join(folder, `${String(i).padStart(3, '0')}.txt`),
        `第${i}号工作报告\n\n一、总体情况\n\n第${i}号报告的正文，推动高质量发展。\n`,
      );
    const run = await runCli(['import', folder, '--db', db, '--json']);
    expect(run.code).toBe(0);
    const summary = run.json<Summary>();
    expect(summary.imported).toHaveLength(520);
    expect(summary.failed).toEqual([]);
    const listed = await runCli(['list', '--db', db, '--json']);
    expect(listed.json<unknown[]>()).toHaveLength(520);
  }, 120_000);

  it('uses YANDU_DB when --db is absent', async () => {
    const previous = process.env['YANDU_DB'];
    process.env['YANDU_DB'] = db;
    try {
      await runCli(['import', seed, '--json']);
    } finally {
      if (previous === undefined) delete process.env['YANDU_DB'];
      else process.env['YANDU_DB'] = previous;
    }
    expect((await runCli(['list', '--db', db, '--json'])).json()).toHaveLength(1);
  });

  it.each([
    [['frobnicate'], /unknown command/],
    [['export', '--db', 'x.db'], /exactly one document id/],
    [['list', '--no-such-flag'], /Unknown option/],
    [['import', '--db', 'x.db'], /at least one file/],
  ])('refuses bad usage %j with exit 2', async (argv, message) => {
    const run = await runCli(argv.map((a) => (a === 'x.db' ? db : a)));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('exits 1 for an unknown document id', async () => {
    const run = await runCli(['export', 'd0000000000', '--db', db, '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('d0000000000');
  });
});
