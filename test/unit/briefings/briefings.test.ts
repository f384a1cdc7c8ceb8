import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../electron/main/annotations/service';
import {
  acceptSourceText,
  addItem,
  createBriefing,
  editItem,
  getBriefing,
  moveItem,
  removeItem,
  stepBriefing,
  MAX_ITEMS,
} from '../../../electron/main/briefings/service';
import { briefingHistory } from '../../../electron/main/briefings/oplog';
import { createCore } from '../../../electron/main/core/app-core';
import { parseReport } from '../../../electron/main/ingest/report-parser';
import { openDatabase } from '../../../electron/main/store/database';
import { deleteDocument, replaceDocument } from '../../../electron/main/store/document-writer';
import { deleteWithUndo } from '../../../electron/main/documents/document-care';
import { revisedSeed } from '../annotations/revised-seed';
import { addSeed, findText, passagesOf } from '../annotations/seed-library';

function setup() {
  const core = createCore({ databasePath: ':memory:' });
  const { db } = core.ctx;
  const doc = addSeed(db);
  const briefing = createBriefing(db, {
    title: '学习材料',
    audience: '供中心组学习参考',
    date: '2021-03-01',
  });
  const excerpt = (needle: string) => {
    const { passage, start, end } = findText(db, doc, needle);
    return addItem(db, {
      briefingId: briefing.id,
      addition: { kind: 'excerpt', passageId: passage.id, start, end },
    });
  };
  return { core, db, doc, briefing, excerpt };
}

function replaceThroughCore(core: ReturnType<typeof setup>['core'], doc: string, text: string) {
  replaceDocument(
    core.ctx.db,
    doc,
    parseReport(text, 'huli-2021-revised.txt'),
    { file: null, format: 'txt' },
    (prev) => core.ctx.replaceHooks.forEach((hook) => hook(doc, prev)),
  );
}

describe('briefings', () => {
  it('keeps an ordered outline of headings, excerpts and notes, with citations and marks', () => {
    const { db, doc, briefing, excerpt } = setup();
    const needle = '地区生产总值1360亿元';
    const { passage, start } = findText(db, doc, needle);
    const ann = createAnnotation(db, {
      passageId: passage.id,
      start: start + 2,
      end: start + 6,
      note: '核心指标',
      color: 'red',
    });
    addItem(db, { briefingId: briefing.id, addition: { kind: 'heading', text: '一、经济运行', level: 1 } });
    excerpt(needle);
    addItem(db, { briefingId: briefing.id, addition: { kind: 'note', text: '  总量稳中有进。 ' } });
    const b = addItem(db, { briefingId: briefing.id, addition: { kind: 'excerpt', annotationId: ann.id } });
    expect(b.items.map((i) => i.kind)).toEqual(['heading', 'excerpt', 'note', 'excerpt']);
    const ex = b.items[1]!;
    expect(ex).toMatchObject({
      text: needle,
      status: 'ok',
      passageId: passage.id,
      documentId: doc,
      sourceText: null,
    });
    expect(ex.citation).toMatch(/^《2021年湖里区人民政府工作报告》.+第\d+段$/);
    expect(ex.marks).toEqual([
      expect.objectContaining({ annotationId: ann.id, start: 2, end: 6, color: 'red', note: '核心指标' }),
    ]);
    expect(b.items[2]!.text).toBe('总量稳中有进。');
    expect(b.items[3]).toMatchObject({
      text: '生产总值',
      marks: [expect.objectContaining({ start: 0, end: 4 })],
    });
  });

  it('moves, indents, edits and removes as single undoable steps that survive a reopen', () => {
    const { db, briefing, excerpt } = setup();
    excerpt('我区地处全市交通枢纽');
    let b = addItem(db, { briefingId: briefing.id, addition: { kind: 'heading', text: '要点' } });
    const heading = b.items[1]!;
    b = moveItem(db, { briefingId: briefing.id, itemId: heading.id, to: 0 });
    b = editItem(db, { briefingId: briefing.id, itemId: heading.id, level: 2, text: '（一）要点' });
    expect(b.items[0]).toMatchObject({ kind: 'heading', level: 2, text: '（一）要点' });
    expect(() => editItem(db, { briefingId: briefing.id, itemId: b.items[1]!.id, text: 'x' })).toThrow(
      /quotes its source/,
    );
    b = removeItem(db, { briefingId: briefing.id, itemId: b.items[1]!.id });
    expect(b.items).toHaveLength(1);

    expect(stepBriefing(db, briefing.id, 'undo')?.action).toBe('remove');
    expect(getBriefing(db, briefing.id).items).toHaveLength(2);
    expect(stepBriefing(db, briefing.id, 'undo')?.briefing.items[0]).toMatchObject({
      level: 1,
      text: '要点',
    });
    expect(stepBriefing(db, briefing.id, 'undo')?.briefing.items[0]!.kind).toBe('excerpt');
    expect(briefingHistory(db, briefing.id)).toEqual({ undo: 'add', redo: 'move' });
    expect(stepBriefing(db, briefing.id, 'redo')?.briefing.items[0]!.kind).toBe('heading');
  });

  it('refuses a range outside the passage and a briefing over the cap', () => {
    const { db, doc, briefing } = setup();
    const passage = passagesOf(db, doc)[3]!;
    expect(() =>
      addItem(db, {
        briefingId: briefing.id,
        addition: { kind: 'excerpt', passageId: passage.id, start: 0, end: 1e6 },
      }),
    ).toThrow(/Invalid excerpt range/);
    db.prepare(`UPDATE briefings SET updated_at = updated_at`).run();
    for (let i = 0; i < MAX_ITEMS; i++)
      db.prepare(
        `INSERT INTO briefing_items (id, briefing_id, ordinal, kind, text) VALUES (?, ?, ?, 'note', 'x')`,
      ).run(`n${i}`, briefing.id, i);
    expect(() =>
      addItem(db, { briefingId: briefing.id, addition: { kind: 'note', text: 'one more' } }),
    ).toThrow(/at most 500/);
    expect(getBriefing(db, briefing.id).items).toHaveLength(MAX_ITEMS);
  });

  it('survives a replace by a revised edition: re-anchored, a changed excerpt flagged, nothing lost', () => {
    const { core, db, doc, briefing, excerpt } = setup();
    excerpt('在530个小区(自然村)设置970个卡口');
    excerpt('我区地处全市交通枢纽');
    excerpt('平板显示产业增长13.0%,浪潮、宸鸿等龙头企业增产102.5亿元');
    const before = excerpt('助力东乡县于11月21日实现脱贫');
    replaceThroughCore(core, doc, revisedSeed());

    const after = getBriefing(db, briefing.id);
    expect(after.items.map((i) => i.status)).toEqual(['ok', 'ok', 'drifted', 'orphaned']);
    expect(after.items.map((i) => i.text)).toEqual(before.items.map((i) => i.text));
    const texts = new Map(passagesOf(db, doc).map((p) => [p.id, p.text]));
    for (const item of after.items.slice(0, 2)) {
      expect(item.passageId).toMatch(new RegExp(`^${doc}-e[0-9a-f]{10}-p\\d+$`));
      expect(texts.get(item.passageId!)!.slice(item.start!, item.end!)).toBe(item.text);
    }
    expect(after.items[0]!.start).toBe(before.items[0]!.start! + '迅速组织全区力量,'.length);
    expect(after.items[2]!.sourceText).toBe('平板显示产业增长13.0%,浪潮、宸鸿、天马等龙头企业增产102.5亿元');
    expect(after.items[3]).toMatchObject({ passageId: null, citation: before.items[3]!.citation });
    // The undo log pointed at the old passages: it starts afresh.
    expect(briefingHistory(db, briefing.id)).toEqual({ undo: null, redo: null });

    // Taking the new source text is the user's choice, and undoable.
    const drifted = after.items[2]!;
    const accepted = acceptSourceText(db, { briefingId: briefing.id, itemId: drifted.id });
    expect(accepted.items[2]).toMatchObject({ status: 'ok', text: drifted.sourceText, sourceText: null });
    expect(() => acceptSourceText(db, { briefingId: briefing.id, itemId: drifted.id })).toThrow(
      /has not changed/,
    );
    expect(stepBriefing(db, briefing.id, 'undo')?.briefing.items[2]).toMatchObject({
      status: 'drifted',
      text: drifted.text,
    });
  });

  it('orphans excerpts when their document is deleted, keeping quote, citation and marks', () => {
    const { core, db, doc, briefing, excerpt } = setup();
    const needle = '我区地处全市交通枢纽';
    const { passage, start, end } = findText(db, doc, needle);
    createAnnotation(db, { passageId: passage.id, start, end, note: '区位' });
    const before = excerpt(needle);
    deleteWithUndo(core.ctx, doc, 'orphan');
    const after = getBriefing(db, briefing.id).items[0]!;
    expect(after).toMatchObject({
      status: 'orphaned',
      passageId: null,
      text: needle,
      citation: before.items[0]!.citation,
    });
    expect(after.marks).toEqual([expect.objectContaining({ note: '区位' })]);
  });

  it('orphans rather than loses an excerpt whose passage is deleted outside the hooks', () => {
    const db = openDatabase(':memory:');
    const doc = addSeed(db);
    const b = createBriefing(db, { title: 't' });
    const p = passagesOf(db, doc)[2]!;
    addItem(db, { briefingId: b.id, addition: { kind: 'excerpt', passageId: p.id } });
    deleteDocument(db, doc);
    expect(getBriefing(db, b.id).items[0]).toMatchObject({ status: 'orphaned', text: p.text });
  });

  it('undoes after a restart: the log is in the library file', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-briefing-undo-')), 'library.db');
    const first = createCore({ databasePath: file });
    const b = createBriefing(first.ctx.db, { title: '重启前' });
    addItem(first.ctx.db, { briefingId: b.id, addition: { kind: 'note', text: '第一条' } });
    addItem(first.ctx.db, { briefingId: b.id, addition: { kind: 'note', text: '第二条' } });
    first.close();
    const second = createCore({ databasePath: file });
    expect(stepBriefing(second.ctx.db, b.id, 'undo')?.briefing.items.map((i) => i.text)).toEqual(['第一条']);
    second.close();
  });
});
