import { describe, expect, it } from 'vitest';
import { annotationSearchSource } from '../../../electron/main/annotations/search-source';
import { createAnnotation, updateAnnotation } from '../../../electron/main/annotations/service';
import { createCore } from '../../../electron/main/core/app-core';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { addSeed, findText } from './seed-library';

describe('annotations as a search source', () => {
  it('is declared to every core as the live source of kind annotation', () => {
    const core = createCore({ databasePath: ':memory:' });
    expect(core.ctx.searchSources).toContain(annotationSearchSource);
    expect(annotationSearchSource).toMatchObject({ kind: 'annotation', mode: 'live' });
  });

  it('gives one unit per note and per tag list, current after every edit', () => {
    const core = createCore({ databasePath: ':memory:' });
    const db = core.ctx.db;
    const doc = addSeed(db);
    const { passage, start, end } = findText(db, doc, '地区生产总值1360亿元');
    const a = createAnnotation(db, {
      passageId: passage.id,
      start,
      end,
      note: '需跟踪完成情况',
      tags: ['指标', '经济'],
    });
    const plain = findText(db, doc, '我区地处全市交通枢纽');
    createAnnotation(db, { passageId: plain.passage.id, start: plain.start, end: plain.end });
    expect(annotationSearchSource.unitsFor(db, null)).toEqual([
      {
        kind: 'annotation',
        recordId: a.id,
        docId: doc,
        passageId: passage.id,
        sectionId: passage.sectionId,
        field: 'note',
        text: '需跟踪完成情况',
      },
      expect.objectContaining({
        recordId: a.id,
        field: 'tags',
        text: expect.stringMatching(/^(指标 经济|经济 指标)$/),
      }),
    ]);
    updateAnnotation(db, { id: a.id, note: '已完成' });
    expect(annotationSearchSource.unitsFor(db, [doc])[0]!.text).toBe('已完成');
    expect(annotationSearchSource.unitsFor(db, ['other'])).toEqual([]);
  });
});

describe('finding annotations with search', () => {
  it('finds an annotation by its note and its tags as kind annotation, current after edits', async () => {
    const core = createCore({ databasePath: ':memory:' });
    const doc = addSeed(core.ctx.db);
    const { passage, start, end } = findText(core.ctx.db, doc, '地区生产总值1360亿元');
    const call = async <C extends Channel>(channel: C, payload: RequestOf<C>) => {
      const result = await dispatch(core, channel, payload);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as ResponseOf<C>;
    };
    const a = await call('annotations:create', {
      passageId: passage.id,
      start,
      end,
      note: '需要跟踪落实情况',
      tags: ['重点督办'],
    });
    const byNote = await call('search:query', { query: '跟踪落实' });
    expect(byNote.hits).toEqual([
      expect.objectContaining({ kind: 'annotation', recordId: a.id, passageId: passage.id, field: 'note' }),
    ]);
    const byTag = await call('search:query', { query: '重点督办 kind:annotation' });
    expect(byTag.hits.map((h) => [h.recordId, h.field])).toEqual([[a.id, 'tags']]);

    await call('annotations:update', { id: a.id, note: '已经办结' });
    expect((await call('search:query', { query: '跟踪落实' })).total).toBe(0);
    expect((await call('search:query', { query: '办结 kind:annotation' })).hits[0]?.recordId).toBe(a.id);
    await call('annotations:delete', { id: a.id });
    expect((await call('search:query', { query: '重点督办' })).total).toBe(0);
    core.close();
  });
});
