import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { revisedSeed } from '../annotations/revised-seed';
import { SEED_FILE } from '../annotations/seed-library';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-briefing-cli-'));
});

interface Shown {
  id: string;
  title: string;
  items: {
    kind: string;
    text: string;
    citation: string;
    passageId: string | null;
    notes: string[];
    status: string | null;
  }[];
}

describe('yandu briefing', () => {
  it('creates, adds, shows with the contract fields, and survives an import --replace', async () => {
    const db = path.join(dir, 'lib.db');
    const imported = await runCli(['import', SEED_FILE, '--db', db, '--json']);
    const doc = imported.json<{ imported: { id: string }[] }>().imported[0]!.id;
    const { passages } = (await runCli(['export', doc, '--db', db, '--json'])).json<{
      passages: { id: string; text: string }[];
    }>();
    const at = (needle: string) => {
      const p = passages.find((x) => x.text.includes(needle))!;
      const start = p.text.indexOf(needle);
      return ['--passage', p.id, '--start', String(start), '--end', String(start + needle.length)];
    };
    const created = await runCli(['briefing', 'create', '一季度学习材料', '--db', db, '--json']);
    expect(created.code).toBe(0);
    const id = created.json<Shown>().id;
    const note = await runCli([
      'annotate',
      ...at('我区地处全市交通枢纽').slice(1),
      '--note',
      '区位优势',
      '--db',
      db,
      '--json',
    ]);
    const annotationId = note.json<{ id: string }>().id;
    const add = (...args: string[]) => runCli(['briefing', 'add', id, ...args, '--db', db, '--json']);
    expect((await add('--heading', '一、防疫')).code).toBe(0);
    await add(...at('在530个小区(自然村)设置970个卡口'));
    await add('--annotation', annotationId);
    await add(...at('平板显示产业增长13.0%,浪潮、宸鸿等龙头企业增产102.5亿元'));
    await add(...at('助力东乡县于11月21日实现脱贫'));
    await add('--note', '值得借鉴。');

    const shown = (await runCli(['briefing', 'show', id, '--db', db, '--json'])).json<Shown>();
    expect(Object.keys(shown)).toEqual(expect.arrayContaining(['id', 'title', 'items']));
    for (const item of shown.items)
      expect(Object.keys(item)).toEqual(
        expect.arrayContaining(['kind', 'text', 'citation', 'passageId', 'notes']),
      );
    expect(shown.items.map((i) => i.kind)).toEqual([
      'heading',
      'excerpt',
      'excerpt',
      'excerpt',
      'excerpt',
      'note',
    ]);
    expect(shown.items[2]).toMatchObject({ text: '我区地处全市交通枢纽', notes: ['区位优势'] });
    expect(shown.items[1]!.citation).toMatch(/^《2021年湖里区人民政府工作报告》/);

    const revised = path.join(dir, 'huli-2021-revised.txt');
    fs.writeFileSync(revised, revisedSeed());
    expect((await runCli(['import', '--replace', doc, revised, '--db', db, '--json'])).code).toBe(0);
    const after = (await runCli(['briefing', 'show', id, '--db', db, '--json'])).json<Shown>();
    expect(after.items.map((i) => i.status)).toEqual([null, 'ok', 'ok', 'drifted', 'orphaned', null]);
    expect(after.items.map((i) => i.text)).toEqual(shown.items.map((i) => i.text));
    expect(after.items[2]!.notes).toEqual(['区位优势']);
    expect(after.items[1]!.passageId).not.toBe(shown.items[1]!.passageId);

    const list = (await runCli(['briefing', 'list', '--db', db, '--json'])).json<
      { itemCount: number; flagged: number }[]
    >();
    expect(list).toEqual([expect.objectContaining({ id, itemCount: 6, flagged: 2 })]);
  });

  it('says what is wrong with a bad call', async () => {
    const db = path.join(dir, 'lib.db');
    const both = await runCli(['briefing', 'add', 'x', '--heading', 'a', '--note', 'b', '--db', db]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/exactly one of/);
    const missing = await runCli(['briefing', 'show', 'nope', '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope');
    expect((await runCli(['briefing', 'frobnicate', '--db', db])).code).toBe(2);
  });
});
