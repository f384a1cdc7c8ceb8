import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { revisedSeed } from './revised-seed';
import { SEED_FILE, seedText } from './seed-library';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-ann-cli-'));
});

async function libraryWithSeed(name: string) {
  const db = path.join(dir, `${name}.db`);
  const imported = await runCli(['import', SEED_FILE, '--db', db, '--json']);
  expect(imported.code).toBe(0);
  const doc = imported.json<{ imported: { id: string }[] }>().imported[0]!.id;
  const bundle = (await runCli(['export', doc, '--db', db, '--json'])).json<{
    passages: { id: string; text: string }[];
  }>();
  const at = (needle: string) => {
    const p = bundle.passages.find((x) => x.text.includes(needle))!;
    const start = p.text.indexOf(needle);
    return [p.id, '--start', String(start), '--end', String(start + needle.length)];
  };
  return { db, doc, at };
}

const LIST_KEYS = ['color', 'end', 'id', 'note', 'passageId', 'quote', 'start', 'status', 'tags'];

describe('yandu annotate / annotations', () => {
  it('annotates, lists, exports and imports with the documented JSON shapes', async () => {
    const me = await libraryWithSeed('me');
    const made = await runCli([
      'annotate',
      ...me.at('地区生产总值1360亿元'),
      '--color',
      '量化目标',
      '--note',
      '需跟踪',
      '--tag',
      '指标',
      '--tag',
      'GDP',
      '--db',
      me.db,
      '--json',
    ]);
    expect(made.code).toBe(0);
    const created = made.json<{ id: string; quote: string; color: string }>();
    expect(created).toMatchObject({ quote: '地区生产总值1360亿元', color: 'red' });
    await runCli(['annotate', ...me.at('我区地处全市交通枢纽'), '--color', 'blue', '--db', me.db, '--json']);

    const listed = await runCli(['annotations', me.doc, '--db', me.db, '--json']);
    const rows = listed.json<Record<string, unknown>[]>();
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0]!).sort()).toEqual(LIST_KEYS);
    expect(rows[0]).toMatchObject({ id: created.id, note: '需跟踪', status: 'anchored' });
    expect((rows[0]!.tags as string[]).sort()).toEqual(['GDP', '指标']);
    expect((await runCli(['annotations', '--db', me.db, '--json'])).json()).toEqual(rows);

    const w3c = await runCli(['annotations', 'export', me.doc, '--format', 'w3c', '--db', me.db]);
    expect(w3c.code).toBe(0);
    expect(JSON.parse(w3c.stdout).total).toBe(2);
    const md = await runCli(['annotations', 'export', 'all', '--format', 'md', '--db', me.db]);
    expect(md.stdout).toContain('**地区生产总值1360亿元**');

    const file = path.join(dir, 'shared.jsonld');
    fs.writeFileSync(file, w3c.stdout);
    const other = await libraryWithSeed('other');
    const first = await runCli(['annotations', 'import', file, '--db', other.db, '--json']);
    const summary = first.json<Record<string, unknown>>();
    expect(Object.keys(summary).sort()).toEqual(['added', 'conflicts', 'orphaned', 'unchanged', 'updated']);
    expect(summary).toEqual({ added: 2, updated: 0, unchanged: 0, conflicts: [], orphaned: 0 });
    const second = await runCli(['annotations', 'import', file, '--db', other.db, '--json']);
    expect(second.json()).toEqual({ added: 0, updated: 0, unchanged: 2, conflicts: [], orphaned: 0 });
    expect((await runCli(['annotations', '--db', other.db, '--json'])).json()).toEqual(rows);
  });

  it('re-anchors on `import --replace` and reports the drift', async () => {
    const me = await libraryWithSeed('me');
    await runCli(['annotate', ...me.at('助力东乡县于11月21日实现脱贫'), '--db', me.db]);
    await runCli(['annotate', ...me.at('我区地处全市交通枢纽'), '--db', me.db]);
    const revised = path.join(dir, 'huli-2021-revised.txt');
    fs.writeFileSync(revised, revisedSeed());
    const replaced = await runCli(['import', revised, '--replace', me.doc, '--db', me.db, '--json']);
    expect(replaced.code).toBe(0);
    const rows = (await runCli(['annotations', me.doc, '--db', me.db, '--json'])).json<
      { quote: string; status: string; passageId: string | null }[]
    >();
    expect(rows.map((r) => [r.quote, r.status])).toEqual([
      ['我区地处全市交通枢纽', 'anchored'],
      ['助力东乡县于11月21日实现脱贫', 'orphaned'],
    ]);
    const drift = (await runCli(['annotations', 'drift', me.doc, '--db', me.db, '--json'])).json<{
      counts: Record<string, number>;
    }>();
    expect(drift.counts).toEqual({ exact: 1, moved: 0, fuzzy: 0, orphaned: 1 });
    expect(seedText()).toContain('助力东乡县');
  });

  it('refuses bad arguments with a usage error and exit code 2', async () => {
    const me = await libraryWithSeed('me');
    const [passage] = me.at('我区地处全市交通枢纽');
    expect((await runCli(['annotate', passage!, '--start', 'x', '--end', '3', '--db', me.db])).code).toBe(2);
    expect(
      (await runCli(['annotate', passage!, '--start', '0', '--end', '3', '--color', 'pink', '--db', me.db]))
        .code,
    ).toBe(2);
    const outOfRange = await runCli(['annotate', passage!, '--start', '0', '--end', '99999', '--db', me.db]);
    expect(outOfRange.code).toBe(2);
    expect(outOfRange.stderr).toContain('批注范围无效');
    expect((await runCli(['annotations', 'export', me.doc, '--format', 'pdf', '--db', me.db])).code).toBe(2);
    expect((await runCli(['annotations', 'nosuchdoc', '--db', me.db, '--json'])).code).toBe(1);
    expect((await runCli(['annotations', '--db', me.db, '--json'])).json()).toEqual([]);
  });
});
