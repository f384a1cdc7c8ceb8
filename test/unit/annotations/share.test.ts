import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/main/core/app-core';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { call } from '../../helpers/ipc';
import { addSeed, findText } from './seed-library';

/** A library with the bundled report: what every colleague's machine starts with. */
function library() {
  const core = createCore({ databasePath: ':memory:' });
  const doc = addSeed(core.ctx.db);
  const annotate = (needle: string, extra: Partial<RequestOf<'annotations:create'>> = {}) => {
    const { passage, start, end } = findText(core.ctx.db, doc, needle);
    return call(core, 'annotations:create', { passageId: passage.id, start, end, ...extra });
  };
  return { core, doc, annotate };
}

const comparable = (list: ResponseOf<'annotations:list'>) =>
  list.map(({ editionHash: _h, ...a }) => ({ ...a, tags: [...a.tags].sort() }));

describe('sharing annotations', () => {
  it('reproduces the same annotations in a fresh library, author and times kept', async () => {
    const me = library();
    await call(me.core, 'annotations:set-author', { author: '王处长' });
    await me.annotate('地区生产总值1360亿元', { color: 'red', note: '**目标**完成', tags: ['指标', 'GDP'] });
    await me.annotate('我区地处全市交通枢纽', { kind: 'underline', color: 'blue' });
    await me.annotate('助力东乡县于11月21日实现脱贫', { kind: 'note', color: 'green', note: '对口帮扶' });
    const exported = await call(me.core, 'annotations:export', { documentId: me.doc, format: 'w3c' });
    expect(exported.count).toBe(3);
    const json = JSON.parse(exported.text);
    expect(json['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(json.first.items[0]).toMatchObject({
      type: 'Annotation',
      creator: { name: '王处长' },
      'yandu:documentId': me.doc,
      'yandu:color': 'red',
      target: {
        selector: [
          { type: 'TextQuoteSelector', exact: '地区生产总值1360亿元' },
          { type: 'TextPositionSelector' },
        ],
      },
    });

    const colleague = library();
    expect(colleague.doc).toBe(me.doc);
    const first = await call(colleague.core, 'annotations:import', { text: exported.text });
    expect(first).toEqual({ added: 3, updated: 0, unchanged: 0, conflicts: [], orphaned: 0, skipped: 0 });
    const mine = await call(me.core, 'annotations:list', { documentId: me.doc });
    const theirs = await call(colleague.core, 'annotations:list', { documentId: me.doc });
    expect(comparable(theirs)).toEqual(comparable(mine));
    expect(theirs.every((a) => a.author === '王处长')).toBe(true);

    const again = await call(colleague.core, 'annotations:import', { text: exported.text });
    expect(again).toEqual({ added: 0, updated: 0, unchanged: 3, conflicts: [], orphaned: 0, skipped: 0 });
    expect(await call(colleague.core, 'annotations:list', {})).toHaveLength(3);
  });

  it('names the collection by a stable URI of the library and scope, as the W3C model asks (§5)', async () => {
    const me = library();
    await me.annotate('我区地处全市交通枢纽', { kind: 'underline', color: 'blue' });
    const exportOf = async (documentId?: string) =>
      JSON.parse((await call(me.core, 'annotations:export', { documentId, format: 'w3c' })).text);
    const once = await exportOf(me.doc);
    const again = await exportOf(me.doc);
    const all = await exportOf();
    const other = await (async () => {
      const lib = library();
      return JSON.parse((await call(lib.core, 'annotations:export', { documentId: lib.doc, format: 'w3c' })).text);
    })();
    expect(once.id).toMatch(new RegExp(`^urn:yandu:library:[0-9a-f-]{36}:annotations:${me.doc}$`));
    expect(again.id).toBe(once.id);
    expect(all.id).not.toBe(once.id);
    expect(other.id).not.toBe(once.id);
    expect(once).toMatchObject({ type: 'AnnotationCollection', total: 1, last: `${once.id}:page:0` });
    expect(typeof once.label).toBe('string');
    expect(once.first).toMatchObject({
      id: `${once.id}:page:0`,
      type: 'AnnotationPage',
      partOf: once.id,
      startIndex: 0,
    });
    expect(once.first.items).toHaveLength(once.total);
  });

  it('takes a colleague’s later edit, keeps mine when they are behind, and reports edits on both sides', async () => {
    const me = library();
    const a = await me.annotate('地区生产总值1360亿元', { note: '原始' });
    const b = await me.annotate('我区地处全市交通枢纽', { note: '原始' });
    const c = await me.annotate('牢牢守住安全底线', { note: '原始' });
    const colleague = library();
    await call(colleague.core, 'annotations:import', {
      text: (await call(me.core, 'annotations:export', { format: 'w3c' })).text,
    });

    await call(colleague.core, 'annotations:update', { id: a.id, note: '同事补充', tags: ['待核实'] });
    await call(colleague.core, 'annotations:update', { id: c.id, color: 'purple' });
    await call(me.core, 'annotations:update', { id: b.id, note: '我后来改的' });
    await call(me.core, 'annotations:update', { id: c.id, color: 'red' });

    const back = await call(colleague.core, 'annotations:export', { documentId: me.doc, format: 'w3c' });
    const merged = await call(me.core, 'annotations:import', { text: back.text });
    expect(merged).toMatchObject({ added: 0, updated: 1, unchanged: 1, orphaned: 0 });
    expect(merged.conflicts).toEqual([
      expect.objectContaining({
        id: c.id,
        quote: '牢牢守住安全底线',
        local: expect.objectContaining({ color: 'red' }),
        incoming: expect.objectContaining({ color: 'purple' }),
      }),
    ]);
    const byId = async (id: string) =>
      (await call(me.core, 'annotations:list', { documentId: me.doc })).find((x) => x.id === id)!;
    expect(await byId(a.id)).toMatchObject({ note: '同事补充', tags: ['待核实'] });
    expect((await byId(b.id)).note).toBe('我后来改的');
    expect((await byId(c.id)).color).toBe('red');
    expect(await call(me.core, 'annotations:conflicts', { documentId: me.doc })).toHaveLength(1);

    // The merge is one undoable step.
    expect((await call(me.core, 'annotations:history', { documentId: me.doc })).undo).toBe('import');

    await call(me.core, 'annotations:resolve', { id: c.id, keep: 'incoming' });
    expect((await byId(c.id)).color).toBe('purple');
    expect(await call(me.core, 'annotations:conflicts', {})).toEqual([]);
    // Importing the same file again now changes nothing and reports no conflict.
    expect(await call(me.core, 'annotations:import', { text: back.text })).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 3,
      conflicts: [],
    });
  });

  it('keeping my side of a conflict makes later imports of that version no-ops', async () => {
    const me = library();
    const a = await me.annotate('地区生产总值1360亿元');
    const colleague = library();
    await call(colleague.core, 'annotations:import', {
      text: (await call(me.core, 'annotations:export', { format: 'w3c' })).text,
    });
    await call(colleague.core, 'annotations:update', { id: a.id, color: 'grey' });
    await call(me.core, 'annotations:update', { id: a.id, color: 'green' });
    const theirs = (await call(colleague.core, 'annotations:export', { format: 'w3c' })).text;
    expect((await call(me.core, 'annotations:import', { text: theirs })).conflicts).toHaveLength(1);
    await call(me.core, 'annotations:resolve', { id: a.id, keep: 'local' });
    expect(await call(me.core, 'annotations:import', { text: theirs })).toMatchObject({
      unchanged: 1,
      conflicts: [],
    });
    // …and the colleague, importing mine, takes my choice.
    const mine = (await call(me.core, 'annotations:export', { format: 'w3c' })).text;
    expect(await call(colleague.core, 'annotations:import', { text: mine })).toMatchObject({ updated: 1 });
  });

  it('anchors a colleague’s annotations made on another edition by their quote, or keeps them as orphans', async () => {
    const me = library();
    await me.annotate('我区地处全市交通枢纽', { note: '保留' });
    const exported = JSON.parse((await call(me.core, 'annotations:export', { format: 'w3c' })).text);
    const item = exported.first.items[0];
    // As if made on another edition: unknown passage id and edition hash, position meaningless.
    item['yandu:passageId'] = `${me.doc}-e7-p3`;
    item['yandu:editionHash'] = 'f'.repeat(64);
    item.target.selector[1] = { type: 'TextPositionSelector', start: 0, end: 10 };
    const lost = structuredClone(item);
    lost.id = 'urn:uuid:00000000-0000-4000-8000-000000000001';
    lost.target.selector[0].exact = '这句话不在报告里出现过';
    const stranger = structuredClone(item);
    stranger.id = 'urn:uuid:00000000-0000-4000-8000-000000000002';
    stranger['yandu:documentId'] = 'd0000000000';
    const fresh = library();
    const result = await call(fresh.core, 'annotations:import', {
      text: JSON.stringify({ ...exported, first: { ...exported.first, items: [item, lost, stranger] } }),
    });
    expect(result).toMatchObject({ added: 2, orphaned: 1, skipped: 1 });
    const list = await call(fresh.core, 'annotations:list', { documentId: fresh.doc });
    const placed = list.find((a) => a.note === '保留')!;
    expect(placed.status).toBe('anchored');
    const { passage, start } = findText(fresh.core.ctx.db, fresh.doc, '我区地处全市交通枢纽');
    expect([placed.passageId, placed.start]).toEqual([passage.id, start]);
    expect(list.find((a) => a.quote === '这句话不在报告里出现过')?.status).toBe('orphaned');
  });

  it('refuses a file that is not Web Annotation JSON with a reason', async () => {
    const { core } = library();
    const bad = await dispatch(core, 'annotations:import', { text: '{"items":[{"id":"x"}]}' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('annotation_import_invalid');
    const notJson = await dispatch(core, 'annotations:import', { text: 'hello' });
    expect(!notJson.ok && notJson.error.code).toBe('annotation_import_invalid');
    expect(await call(core, 'annotations:list', {})).toEqual([]);
  });

  it('exports a readable Markdown digest with colour labels, tags, notes and orphans', async () => {
    const me = library();
    await call(me.core, 'annotations:set-color-label', { color: 'red', label: '量化目标' });
    await me.annotate('地区生产总值1360亿元', { color: 'red', note: '需跟踪', tags: ['指标'] });
    const md = (await call(me.core, 'annotations:export', { documentId: me.doc, format: 'md' })).text;
    expect(md).toMatch(/^# 《2021年湖里区人民政府工作报告》批注/);
    expect(md).toContain('**地区生产总值1360亿元**');
    expect(md).toContain('**量化目标**（红色高亮）');
    expect(md).toContain('#指标');
    expect(md).toContain('需跟踪');
    expect(md).toMatch(/## 一、?.*第\d+段/);
  });
});
