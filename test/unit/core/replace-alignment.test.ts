import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { addItem, createBriefing, getBriefing } from '../../../electron/main/briefings/service';
import { createCore } from '../../../electron/main/core/app-core';
import { importFiles } from '../../../electron/main/ingest/import-service';
import * as alignment from '../../../electron/main/store/passage-alignment';
import { call } from '../../helpers/ipc';
import { revisedSeed } from '../annotations/revised-seed';
import { addSeed, findText } from '../annotations/seed-library';

// Every caller of the aligner, wherever it sits, goes through this counting stand-in.
vi.mock('../../../electron/main/store/passage-alignment', async (original) => {
  const actual = await original<typeof import('../../../electron/main/store/passage-alignment')>();
  return { ...actual, alignPassages: vi.fn(actual.alignPassages) };
});

describe('import --replace', () => {
  it('aligns the two editions once, for annotations, links and briefing excerpts alike', async () => {
    const core = createCore({ databasePath: ':memory:' });
    const { db } = core.ctx;
    const doc = addSeed(db);
    const quote = '我区地处全市交通枢纽';
    const { passage, start, end } = findText(db, doc, quote);
    const target = findText(db, doc, '地区生产总值1360亿元').passage;
    await call(core, 'annotations:create', { passageId: passage.id, start, end, color: 'red' });
    await call(core, 'links:create', { from: passage.id, to: target.id });
    const briefing = createBriefing(db, { title: '学习材料', audience: '', date: '2021-03-01' });
    addItem(db, {
      briefingId: briefing.id,
      addition: { kind: 'excerpt', passageId: passage.id, start, end },
    });

    const revised = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-align-')), 'revised.txt');
    fs.writeFileSync(revised, revisedSeed());
    vi.mocked(alignment.alignPassages).mockClear();
    const summary = await importFiles(core.ctx, [revised], { inline: true, replace: doc });
    expect(summary.imported).toEqual([expect.objectContaining({ id: doc, replaced: true })]);
    expect(alignment.alignPassages).toHaveBeenCalledTimes(1);

    // Each hook still re-anchored its own rows onto the new edition, with that one alignment.
    const moved = findText(db, doc, quote).passage.id;
    expect(moved).not.toBe(passage.id);
    const annotations = await call(core, 'annotations:list', { documentId: doc });
    expect(annotations).toEqual([expect.objectContaining({ passageId: moved, status: 'anchored' })]);
    const xref = await call(core, 'xref:passage', { passageId: moved });
    expect(xref.links).toEqual([expect.objectContaining({ from: moved, status: 'anchored' })]);
    const excerpt = getBriefing(db, briefing.id).items.find((i) => i.kind === 'excerpt');
    expect(excerpt).toMatchObject({ passageId: moved, status: 'ok' });
  });
});
