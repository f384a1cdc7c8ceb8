import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { parseReport } from '../../../electron/main/ingest/report-parser';
import { replaceDocument } from '../../../electron/main/store/document-writer';
import { deleteWithUndo } from '../../../electron/main/documents/document-care';
import { revisedSeed } from '../annotations/revised-seed';
import { call } from '../../helpers/ipc';
import { addSeed, findText, SEED_FILE } from '../annotations/seed-library';

function library() {
  const core = createCore({ databasePath: ':memory:' });
  const doc = addSeed(core.ctx.db);
  const passage = (needle: string) => findText(core.ctx.db, doc, needle).passage.id;
  return { core, doc, passage };
}

/** What the app does on `import --replace`: the new edition, with every replace hook in its transaction. */
function replaceWithRevised(core: Core, doc: string) {
  replaceDocument(
    core.ctx.db,
    doc,
    parseReport(revisedSeed(), 'huli-2021.txt'),
    { file: SEED_FILE, format: 'txt' },
    (previous) => core.ctx.replaceHooks.forEach((hook) => hook(doc, previous)),
  );
}

/** Deleting a document as the contract says: delete hooks first, inside the delete transaction. */
function deleteWithHooks(core: Core, doc: string) {
  deleteWithUndo(core.ctx, doc, 'orphan');
}

describe('passage links', () => {
  it('adds, edits and removes a link with backlinks, each step undoable and redoable', async () => {
    const { core, passage } = library();
    const from = passage('地区生产总值1360亿元');
    const to = passage('我区地处全市交通枢纽');
    const link = await call(core, 'links:create', { from, to, note: '目标与区位' });
    expect(link).toMatchObject({ from, to, note: '目标与区位', status: 'anchored' });
    const there = await call(core, 'xref:passage', { passageId: to });
    expect(there.backlinks.map((l) => l.id)).toEqual([link.id]);
    expect(there.refs[from]?.citation).toMatch(/^《2021年湖里区人民政府工作报告》/u);
    expect((await call(core, 'xref:passage', { passageId: from })).links.map((l) => l.id)).toEqual([link.id]);

    await call(core, 'links:update', { id: link.id, note: '改过的说明' });
    await call(core, 'links:delete', { id: link.id });
    expect((await call(core, 'xref:passage', { passageId: from })).links).toEqual([]);
    expect(await call(core, 'links:history', {})).toEqual({ undo: 'delete', redo: null });

    await call(core, 'links:undo', {});
    expect((await call(core, 'xref:passage', { passageId: from })).links[0]?.note).toBe('改过的说明');
    await call(core, 'links:undo', {});
    expect((await call(core, 'xref:passage', { passageId: from })).links[0]?.note).toBe('目标与区位');
    await call(core, 'links:redo', {});
    expect((await call(core, 'xref:passage', { passageId: from })).links[0]?.note).toBe('改过的说明');
    await call(core, 'links:undo', {});
    await call(core, 'links:undo', {});
    expect((await call(core, 'xref:passage', { passageId: from })).links).toEqual([]);
    expect(await call(core, 'links:undo', {})).toBeNull();
  });

  it('refuses a link to itself and to a passage that does not exist', async () => {
    const { core, passage } = library();
    const p = passage('地区生产总值1360亿元');
    expect(await dispatch(core, 'links:create', { from: p, to: p })).toMatchObject({
      ok: false,
      error: { code: 'link_to_itself' },
    });
    expect(await dispatch(core, 'links:create', { from: p, to: 'nope-p1' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('follows its passages to a revised edition and orphans an end whose passage is gone', async () => {
    const { core, doc, passage } = library();
    const kept = passage('浪潮、宸鸿等龙头企业');
    const dropped = passage('对口帮扶精准有效');
    const other = passage('我区地处全市交通枢纽');
    const moving = await call(core, 'links:create', { from: kept, to: other, note: '留' });
    const losing = await call(core, 'links:create', { from: other, to: dropped, note: '删段' });
    replaceWithRevised(core, doc);
    const newKept = findText(core.ctx.db, doc, '浪潮、宸鸿、天马等龙头企业').passage.id;
    const newOther = findText(core.ctx.db, doc, '我区地处全市交通枢纽').passage.id;
    expect(newKept).not.toBe(kept);
    const x = await call(core, 'xref:passage', { passageId: newKept });
    expect(x.links.map((l) => [l.id, l.to, l.status])).toEqual([[moving.id, newOther, 'anchored']]);
    const y = await call(core, 'xref:passage', { passageId: newOther });
    const orphan = y.links.find((l) => l.id === losing.id)!;
    expect(orphan).toMatchObject({ to: null, status: 'orphaned', note: '删段' });
    expect(orphan.toText).toContain('对口帮扶精准有效');
  });

  it('is orphaned, not lost, when its document is deleted, and still exported', async () => {
    const { core, doc, passage } = library();
    const link = await call(core, 'links:create', {
      from: passage('地区生产总值1360亿元'),
      to: passage('我区地处全市交通枢纽'),
      note: '保留',
    });
    deleteWithHooks(core, doc);
    const row = core.ctx.db
      .prepare(`SELECT from_passage, to_passage, note FROM passage_links WHERE id = ?`)
      .get(link.id);
    expect(row).toEqual({ from_passage: null, to_passage: null, note: '保留' });
  });

  it('travels with the annotations to a colleague, without duplicates on a second import', async () => {
    const me = library();
    const from = me.passage('地区生产总值1360亿元');
    const to = me.passage('我区地处全市交通枢纽');
    const link = await call(me.core, 'links:create', { from, to, note: '请看' });
    const exported = await call(me.core, 'annotations:export', { documentId: me.doc, format: 'w3c' });
    const items = JSON.parse(exported.text).first.items as { motivation: string }[];
    expect(items.filter((i) => i.motivation === 'linking')).toHaveLength(1);

    const colleague = library();
    const first = await call(colleague.core, 'annotations:import', { text: exported.text });
    expect(first).toMatchObject({ added: 0, linksAdded: 1, linksSkipped: 0 });
    const theirs = await call(colleague.core, 'xref:passage', {
      passageId: colleague.passage('地区生产总值1360亿元'),
    });
    expect(theirs.links.map((l) => [l.id, l.note, l.to])).toEqual([
      [link.id, '请看', colleague.passage('我区地处全市交通枢纽')],
    ]);
    const second = await call(colleague.core, 'annotations:import', { text: exported.text });
    expect(second).toMatchObject({ linksAdded: 0, linksUpdated: 0 });
    expect(colleague.core.ctx.db.prepare(`SELECT count(*) FROM passage_links`).pluck().get()).toBe(1);
  });
});

describe('cross-reference channels refuse malformed requests', () => {
  const core = createCore({ databasePath: ':memory:' });
  it.each([
    ['xref:passage', {}],
    ['xref:passage', { passageId: 'x'.repeat(201) }],
    ['xref:passage', { passageId: 'a', limit: 1000 }],
    ['xref:passage', { passageId: 'a', extra: 1 }],
    ['xref:term', { term: '' }],
    ['xref:term', { term: '   ' }],
    ['xref:term', { term: '长'.repeat(101) }],
    ['xref:term', { term: '发展', limit: 0 }],
    ['links:create', { from: 'a' }],
    ['links:create', { from: 'a', to: 'b', note: 'x'.repeat(20_001) }],
    ['links:update', { id: 'a' }],
    ['links:delete', { id: 7 }],
    ['links:undo', { documentId: 'a' }],
    ['links:redo', { again: true }],
    ['links:history', { x: 1 }],
  ] as const)('%s (case %#)', async (channel, payload) => {
    expect(await dispatch(core, channel, payload)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });
});
