import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/main/kernel/app-error';
import { historyState, redo, undo } from '../../../electron/main/annotations/oplog';
import { listAnnotations, tagCounts } from '../../../electron/main/annotations/repository';
import {
  createAnnotation,
  deleteAnnotation,
  updateAnnotation,
} from '../../../electron/main/annotations/service';
import { openDatabase } from '../../../electron/main/store/database';
import { listDocuments } from '../../../electron/main/store/document-reader';
import { addSeed, findText } from './seed-library';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as AppError).code;
  }
  return 'no error';
};

describe('annotation store', () => {
  it('creates an annotation with both selectors and the edition it was made on', () => {
    const db = openDatabase(':memory:');
    const doc = addSeed(db);
    const { passage, start, end } = findText(db, doc, '地区生产总值1360亿元');
    const a = createAnnotation(db, {
      passageId: passage.id,
      start,
      end,
      color: 'red',
      note: '**量化**指标',
      tags: [' 指标 ', '#GDP', '指标'],
    });
    expect(a).toMatchObject({
      documentId: doc,
      passageId: passage.id,
      start,
      end,
      quote: '地区生产总值1360亿元',
      prefix: passage.text.slice(Math.max(0, start - 32), start),
      suffix: passage.text.slice(end, end + 32),
      kind: 'highlight',
      color: 'red',
      note: '**量化**指标',
      status: 'anchored',
    });
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect([...a.tags].sort()).toEqual(['GDP', '指标']);
    const hash = (db.prepare('SELECT content_hash AS h FROM documents').get() as { h: string }).h;
    expect(a.editionHash).toBe(hash);
    expect(listDocuments(db)[0]!.annotations).toBe(1);
  });

  it('refuses a range outside the passage and an unknown passage, storing nothing', () => {
    const db = openDatabase(':memory:');
    const doc = addSeed(db);
    const { passage } = findText(db, doc, '地区生产总值1360亿元');
    expect(code(() => createAnnotation(db, { passageId: passage.id, start: 5, end: 5 }))).toBe(
      'annotation_range',
    );
    expect(
      code(() => createAnnotation(db, { passageId: passage.id, start: 0, end: passage.text.length + 1 })),
    ).toBe('annotation_range');
    expect(code(() => createAnnotation(db, { passageId: 'nope', start: 0, end: 1 }))).toBe('not_found');
    expect(listAnnotations(db)).toEqual([]);
  });

  it('edits, deletes, undoes and redoes each action, and a new action drops the redo branch', () => {
    const db = openDatabase(':memory:');
    const doc = addSeed(db);
    const { passage, start, end } = findText(db, doc, '地区生产总值1360亿元');
    const a = createAnnotation(db, { passageId: passage.id, start, end, tags: ['指标'] });
    const edited = updateAnnotation(db, { id: a.id, color: 'blue', note: '新提法', tags: ['提法'] });
    expect(edited).toMatchObject({ color: 'blue', note: '新提法', tags: ['提法'] });
    expect(tagCounts(db, doc)).toEqual([{ tag: '提法', count: 1 }]);
    const moved = updateAnnotation(db, { id: a.id, start: start + 2 });
    expect(moved.quote).toBe('生产总值1360亿元');
    deleteAnnotation(db, a.id);
    expect(listAnnotations(db)).toEqual([]);
    expect(historyState(db, doc)).toEqual({ undo: 'delete', redo: null });

    expect(undo(db, doc)).toEqual({ action: 'delete', annotationIds: [a.id] });
    expect(listAnnotations(db)[0]).toMatchObject({ quote: '生产总值1360亿元', color: 'blue' });
    expect(undo(db, doc)?.action).toBe('edit');
    expect(listAnnotations(db)[0]).toMatchObject({ quote: '地区生产总值1360亿元', color: 'blue' });
    expect(undo(db, doc)?.action).toBe('edit');
    expect(listAnnotations(db)[0]).toMatchObject({ color: 'yellow', note: '', tags: ['指标'] });
    expect(tagCounts(db, doc)).toEqual([{ tag: '指标', count: 1 }]);
    expect(undo(db, doc)?.action).toBe('create');
    expect(listAnnotations(db)).toEqual([]);
    expect(undo(db, doc)).toBeNull();

    expect(redo(db, doc)?.action).toBe('create');
    expect(redo(db, doc)?.action).toBe('edit');
    expect(listAnnotations(db)[0]).toMatchObject({ color: 'blue', note: '新提法', tags: ['提法'] });
    expect(historyState(db, doc)).toEqual({ undo: 'edit', redo: 'edit' });

    updateAnnotation(db, { id: a.id, kind: 'underline' });
    expect(historyState(db, doc)).toEqual({ undo: 'edit', redo: null });
    expect(redo(db, doc)).toBeNull();
  });

  it('does not record an edit that changes nothing', () => {
    const db = openDatabase(':memory:');
    const doc = addSeed(db);
    const { passage, start, end } = findText(db, doc, '地区生产总值1360亿元');
    const a = createAnnotation(db, { passageId: passage.id, start, end, tags: ['a'] });
    expect(updateAnnotation(db, { id: a.id, tags: ['A'], color: 'yellow' }).updated).toBe(a.updated);
    undo(db, doc);
    expect(listAnnotations(db)).toEqual([]);
  });

  it('keeps annotations and the undo log across a restart', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-ann-')), 'library.db');
    let db = openDatabase(file);
    const doc = addSeed(db);
    const { passage, start, end } = findText(db, doc, '地区生产总值1360亿元');
    const a = createAnnotation(db, { passageId: passage.id, start, end, color: 'green', note: '本部门' });
    updateAnnotation(db, { id: a.id, note: '本部门牵头' });
    db.close();

    db = openDatabase(file);
    expect(listAnnotations(db, { documentId: doc }).map((x) => [x.id, x.note, x.color])).toEqual([
      [a.id, '本部门牵头', 'green'],
    ]);
    expect(undo(db, doc)?.action).toBe('edit');
    expect(listAnnotations(db)[0]!.note).toBe('本部门');
    db.close();
  });

  it('orphans (never deletes) annotations whose passage goes away outside re-anchoring', () => {
    const db = openDatabase(':memory:');
    const doc = addSeed(db);
    const { passage, start, end } = findText(db, doc, '地区生产总值1360亿元');
    const a = createAnnotation(db, { passageId: passage.id, start, end });
    db.prepare('DELETE FROM passages WHERE id = ?').run(passage.id);
    expect(listAnnotations(db)).toEqual([
      expect.objectContaining({
        id: a.id,
        status: 'orphaned',
        passageId: null,
        quote: '地区生产总值1360亿元',
      }),
    ]);
  });

  it('removes a document’s annotations, tags and log with the document', () => {
    const db = openDatabase(':memory:');
    const doc = addSeed(db);
    const { passage, start, end } = findText(db, doc, '地区生产总值1360亿元');
    createAnnotation(db, { passageId: passage.id, start, end, tags: ['x'] });
    db.prepare('DELETE FROM documents WHERE id = ?').run(doc);
    for (const table of ['annotations', 'annotation_tags', 'undo_log'])
      expect((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n).toBe(0);
  });
});
