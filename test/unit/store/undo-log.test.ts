import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyState, redo, undo } from '../../../electron/main/annotations/oplog';
import { getAnnotation } from '../../../electron/main/annotations/repository';
import { createAnnotation, updateAnnotation } from '../../../electron/main/annotations/service';
import { applyStep, briefingHistory } from '../../../electron/main/briefings/oplog';
import { addItem, createBriefing, getBriefing } from '../../../electron/main/briefings/service';
import { linkHistory, redoLink, undoLink } from '../../../electron/main/links/link-oplog';
import { getLink } from '../../../electron/main/links/link-store';
import { createLink, updateLink } from '../../../electron/main/links/service';
import { openDatabase, type Db } from '../../../electron/main/store/database';
import { revisedSeed } from '../annotations/revised-seed';
import { addSeed, findText, passagesOf } from '../annotations/seed-library';

/** Two documents (the seed and its revised edition, imported as a document of its own). */
function library(db: Db) {
  const a = addSeed(db);
  const b = addSeed(db, revisedSeed());
  const annotate = (doc: string, needle: string) => {
    const { passage, start, end } = findText(db, doc, needle);
    return createAnnotation(db, { passageId: passage.id, start, end });
  };
  const [p1, p2] = passagesOf(db, a);
  const [q1] = passagesOf(db, b);
  return { a, b, annotate, p1: p1!, p2: p2!, q1: q1! };
}

const note = (text: string) => ({ kind: 'note' as const, text });
const itemTexts = (db: Db, id: string) => getBriefing(db, id).items.map((i) => i.text);

describe('the undo log', () => {
  it('undoes interleaved annotation, link and briefing actions per history, newest first in each', () => {
    const db = openDatabase(':memory:');
    const { a, b, annotate, p1, p2, q1 } = library(db);
    const briefing = createBriefing(db, { title: '学习材料' });
    const other = createBriefing(db, { title: '另一份' });

    const a1 = annotate(a, '地区生产总值1360亿元');
    const link = createLink(db, { from: p1.id, to: q1.id, note: '一' });
    const b1 = annotate(b, '地区生产总值1360亿元');
    addItem(db, { briefingId: briefing.id, addition: note('甲') });
    const a2 = annotate(a, '浪潮、宸鸿等龙头企业');
    updateLink(db, { id: link.id, note: '二' });
    addItem(db, { briefingId: other.id, addition: note('丙') });
    addItem(db, { briefingId: briefing.id, addition: note('乙') });

    // Annotations: per document. Undo in A takes A's newest, not B's (made later than a1).
    expect(undo(db, a)).toEqual({ action: 'create', annotationIds: [a2.id] });
    expect(getAnnotation(db, a2.id)).toBeUndefined();
    expect(getAnnotation(db, b1.id)).toBeDefined();
    expect(historyState(db, b)).toEqual({ undo: 'create', redo: null });

    // Links: one history for the library; the newest link action, whatever came between.
    expect(undoLink(db)).toEqual({ action: 'update', linkIds: [link.id] });
    expect(getLink(db, link.id)!.note).toBe('一');
    expect(linkHistory(db)).toEqual({ undo: 'create', redo: 'update' });

    // Briefings: per briefing.
    expect(applyStep(db, briefing.id, 'undo')).toBe('add');
    expect(itemTexts(db, briefing.id)).toEqual(['甲']);
    expect(itemTexts(db, other.id)).toEqual(['丙']);
    expect(briefingHistory(db, other.id)).toEqual({ undo: 'add', redo: null });

    expect(undo(db, a)).toEqual({ action: 'create', annotationIds: [a1.id] });
    expect(undo(db, a)).toBeNull();
    expect(historyState(db, a)).toEqual({ undo: null, redo: 'create' });

    // A new action ends the redo branch of its own history only.
    annotate(a, '浪潮、宸鸿等龙头企业');
    expect(historyState(db, a)).toEqual({ undo: 'create', redo: null });
    expect(linkHistory(db)).toEqual({ undo: 'create', redo: 'update' });
    expect(briefingHistory(db, briefing.id)).toEqual({ undo: 'add', redo: 'add' });
    expect(redoLink(db)).toEqual({ action: 'update', linkIds: [link.id] });
    expect(getLink(db, link.id)!.note).toBe('二');
    expect(applyStep(db, briefing.id, 'redo')).toBe('add');
    expect(itemTexts(db, briefing.id)).toEqual(['甲', '乙']);

    // p2 is only there to show a link history of more than one link stays one history.
    const second = createLink(db, { from: p2.id, to: q1.id });
    expect(undoLink(db)).toEqual({ action: 'create', linkIds: [second.id] });
    expect(getLink(db, second.id)).toBeNull();
    db.close();
  });

  it('keeps the newest 200 actions of a history, and one history never trims another', () => {
    const db = openDatabase(':memory:');
    const { a, b, annotate, p1, q1 } = library(db);
    createLink(db, { from: p1.id, to: q1.id });
    const other = annotate(b, '地区生产总值1360亿元');
    const first = annotate(a, '地区生产总值1360亿元');
    for (let i = 0; i < 204; i++) updateAnnotation(db, { id: first.id, note: `第${i}次` });

    const groups = (kind: string, scope: string) =>
      db
        .prepare(`SELECT count(DISTINCT group_id) FROM undo_log WHERE kind = ? AND scope = ?`)
        .pluck()
        .get(kind, scope);
    expect(groups('annotation', a)).toBe(200);
    expect(groups('annotation', b)).toBe(1);
    expect(groups('link', '')).toBe(1);

    let steps = 0;
    while (undo(db, a)) steps++;
    expect(steps).toBe(200);
    // The create and the first four edits fell off: back as far as the fourth edit left it.
    expect(getAnnotation(db, first.id)!.note).toBe('第3次');
    expect(historyState(db, b)).toEqual({ undo: 'create', redo: null });
    expect(linkHistory(db)).toEqual({ undo: 'create', redo: null });
    expect(undo(db, b)).toEqual({ action: 'create', annotationIds: [other.id] });
    db.close();
  });

  it('survives closing and reopening the library, undone steps and redo branch included', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-undo-')), 'library.db');
    let db = openDatabase(file);
    const { a, annotate, p1, q1 } = library(db);
    const ann = annotate(a, '地区生产总值1360亿元');
    updateAnnotation(db, { id: ann.id, note: '关注' });
    const link = createLink(db, { from: p1.id, to: q1.id, note: '旧' });
    updateLink(db, { id: link.id, note: '新' });
    const briefing = createBriefing(db, { title: '学习材料' });
    addItem(db, { briefingId: briefing.id, addition: note('甲') });
    addItem(db, { briefingId: briefing.id, addition: note('乙') });
    db.close();
    const seen = (db: Db) => ({
      note: getAnnotation(db, ann.id)!.note,
      link: getLink(db, link.id)!.note,
      items: itemTexts(db, briefing.id),
      histories: [historyState(db, a), linkHistory(db), briefingHistory(db, briefing.id)],
    });
    const edited = {
      note: '关注',
      link: '新',
      items: ['甲', '乙'],
      histories: [
        { undo: 'edit', redo: null },
        { undo: 'update', redo: null },
        { undo: 'add', redo: null },
      ],
    };

    db = openDatabase(file);
    expect(seen(db)).toEqual(edited);
    expect(undo(db, a)).toEqual({ action: 'edit', annotationIds: [ann.id] });
    expect(undoLink(db)).toEqual({ action: 'update', linkIds: [link.id] });
    expect(applyStep(db, briefing.id, 'undo')).toBe('add');
    db.close();

    db = openDatabase(file);
    expect(seen(db)).toEqual({
      note: '',
      link: '旧',
      items: ['甲'],
      histories: [
        { undo: 'create', redo: 'edit' },
        { undo: 'create', redo: 'update' },
        { undo: 'add', redo: 'add' },
      ],
    });
    expect(redo(db, a)).toEqual({ action: 'edit', annotationIds: [ann.id] });
    expect(redoLink(db)).toEqual({ action: 'update', linkIds: [link.id] });
    expect(applyStep(db, briefing.id, 'redo')).toBe('add');
    db.close();

    db = openDatabase(file);
    expect(seen(db)).toEqual(edited);
    db.close();
  });

  it('goes with the briefing or document it belongs to', () => {
    const db = openDatabase(':memory:');
    const { a, annotate } = library(db);
    annotate(a, '地区生产总值1360亿元');
    const briefing = createBriefing(db, { title: '学习材料' });
    addItem(db, { briefingId: briefing.id, addition: note('甲') });
    const count = (kind: string) =>
      db.prepare(`SELECT count(*) FROM undo_log WHERE kind = ?`).pluck().get(kind);
    db.prepare(`DELETE FROM briefings WHERE id = ?`).run(briefing.id);
    expect(count('briefing')).toBe(0);
    expect(count('annotation')).toBe(1);
    db.prepare(`DELETE FROM documents WHERE id = ?`).run(a);
    expect(count('annotation')).toBe(0);
    db.close();
  });
});
