import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { LibraryEvents } from '../../../electron/main/kernel/events';
import { Instances } from '../../../electron/main/kernel/instances';
import type { SearchSource, SearchUnit } from '../../../electron/main/kernel/search-source';
import { importFiles } from '../../../electron/main/ingest/import-service';
import type { ParsedDocument } from '../../../electron/main/ingest/parsed-document';
import { searchServiceFor } from '../../../electron/main/search/search-service';
import { listSegments } from '../../../electron/main/search/segment-store';
import { librarySources } from '../../../electron/main/search/library-sources';
import { openDatabase } from '../../../electron/main/store/database';
import { deleteDocument, insertDocument } from '../../../electron/main/store/document-writer';
import { sampleDocument } from '../../helpers/sample-document';
import { SEED, searchAll, tempDatabase, unitKey } from './library';

const cores: Core[] = [];
const open = (databasePath = tempDatabase()) => {
  const core = createCore({ databasePath });
  cores.push(core);
  return core;
};
afterEach(() => cores.splice(0).forEach((c) => c.ctx.db.open && c.close()));

/** A small document whose every passage carries `marker`. */
function docWith(marker: string, title = `2021年${marker}区人民政府工作报告`): ParsedDocument {
  const doc = sampleDocument(title);
  doc.passages = doc.passages.map((p) => ({ ...p, text: `${p.text}${marker}。` }));
  return doc;
}

const keys = (core: Core, q: string) => searchAll(core, q).hits.map(unitKey).sort();

describe('the search index over time', () => {
  it('persists its segments: a reopened library answers the same without indexing again', async () => {
    const file = tempDatabase();
    const first = open(file);
    await importFiles(first.ctx, [SEED], { inline: true });
    const before = keys(first, '疫情');
    expect(before.length).toBeGreaterThan(5);
    const segments = listSegments(first.ctx.db);
    expect(segments.length).toBeGreaterThan(0);
    first.close();

    const again = open(file);
    const service = searchServiceFor(again.ctx);
    expect(service.hits('疫情', { limit: 1000 }).hits.map(unitKey).sort()).toEqual(before);
    expect(listSegments(again.ctx.db).map((s) => s.id)).toEqual(segments.map((s) => s.id));
    expect(service.status()).toMatchObject({ state: 'ready', pending: 0 });
  });

  it('finds what another connection wrote since the last query, and forgets what it deleted', () => {
    const file = tempDatabase();
    const core = open(file);
    insertDocument(core.ctx.db, docWith('甲辰'), { file: null, format: null });
    expect(searchAll(core, '甲辰').total).toBeGreaterThan(0);
    expect(searchAll(core, '乙巳').total).toBe(0);
    // Another program's write moves only data_version on this connection (not its total_changes).
    const other = openDatabase(file);
    const id = insertDocument(other, docWith('乙巳'), { file: null, format: null });
    expect(searchAll(core, '乙巳').total).toBeGreaterThan(0);
    deleteDocument(other, id);
    other.close();
    expect(searchAll(core, '乙巳').total).toBe(0);
  });

  it('finds a revised edition, never the replaced one, and forgets deleted documents', async () => {
    const core = open();
    const { imported } = await importFiles(core.ctx, [SEED], { inline: true });
    const id = imported[0]!.id;
    expect(searchAll(core, '设置970个卡口').total).toBe(1);
    const revised = path.join(path.dirname(tempDatabase()), 'huli-revised.txt');
    fs.writeFileSync(revised, fs.readFileSync(SEED, 'utf8').replace('设置970个卡口', '设置980个卡口'));
    await importFiles(core.ctx, [revised], { inline: true, replace: id });
    expect(searchAll(core, '设置970个卡口').total).toBe(0);
    const now = searchAll(core, '设置980个卡口');
    expect(now.total).toBe(1);
    const live = new Set(
      (core.ctx.db.prepare(`SELECT id FROM passages`).pluck().all() as string[]).concat(
        core.ctx.db.prepare(`SELECT id FROM glossary_entries`).pluck().all() as string[],
        core.ctx.db.prepare(`SELECT id FROM measures`).pluck().all() as string[],
      ),
    );
    expect(searchAll(core, '疫情').hits.every((h) => live.has(h.recordId))).toBe(true);

    deleteDocument(core.ctx.db, id);
    expect(searchAll(core, '疫情').total).toBe(0);
  });

  it('makes each file of a running import searchable as soon as it is stored', async () => {
    const core = open();
    const service = searchServiceFor(core.ctx);
    service.hits('warm', { limit: 1 });
    const dir = path.dirname(tempDatabase());
    const files = ['甲', '乙', '丙'].map((m) => {
      const file = path.join(dir, `${m}.txt`);
      fs.writeFileSync(file, fs.readFileSync(SEED, 'utf8').replace('各位代表', `各位代表${m}甲乙丙丁`));
      return file;
    });
    const seen: number[] = [];
    core.ctx.events.on('import:progress', (p) => {
      if (p.phase === 'done') seen.push(service.hits('甲乙丙丁', { limit: 100 }).total);
    });
    await importFiles(core.ctx, files, { inline: true });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('merges many small segments into few without changing any answer', () => {
    const core = open();
    const service = searchServiceFor(core.ctx);
    for (let i = 0; i < 30; i++) {
      insertDocument(core.ctx.db, docWith(`第${i}号标记`), { file: null, format: null });
      service.hits('标记', { limit: 1 });
    }
    expect(listSegments(core.ctx.db).length).toBe(30);
    const before = keys(core, '标记');
    const wide = keys(core, '疫情防控');
    service.index.compactNow();
    expect(listSegments(core.ctx.db).length).toBeLessThan(30);
    expect(keys(core, '标记')).toEqual(before);
    expect(keys(core, '疫情防控')).toEqual(wide);
    expect(before.length).toBeGreaterThan(30);
  });

  it('rewrites a segment once most of its documents are gone', () => {
    const core = open();
    const ids = Array.from({ length: 6 }, (_, i) =>
      insertDocument(core.ctx.db, docWith(`删${i}号`), { file: null, format: null }),
    );
    const service = searchServiceFor(core.ctx);
    service.hits('号', { limit: 1 });
    const [segment] = listSegments(core.ctx.db);
    for (const id of ids.slice(0, 4)) deleteDocument(core.ctx.db, id);
    service.hits('号', { limit: 1 });
    service.index.compactNow();
    const after = listSegments(core.ctx.db);
    expect(after.map((s) => s.id)).not.toContain(segment!.id);
    expect(after.reduce((n, s) => n + s.units, 0)).toBeLessThan(segment!.units);
    expect(searchAll(core, '删5号').total).toBeGreaterThan(0);
    expect(searchAll(core, '删0号').total).toBe(0);
  });

  it('rebuilds from nothing in slices and reports progress', async () => {
    const core = open();
    for (let i = 0; i < 5; i++)
      insertDocument(core.ctx.db, docWith(`重建${i}`), { file: null, format: null });
    const service = searchServiceFor(core.ctx);
    const progress: string[] = [];
    await service.index.rebuild((p) => progress.push(`${p.done}/${p.total}`));
    expect(progress[0]).toBe('0/5');
    expect(progress.at(-1)).toBe('5/5');
    expect(searchAll(core, '重建').total).toBeGreaterThan(0);
  });

  it('answers from memory when the library is read-only', async () => {
    const file = tempDatabase();
    const writer = open(file);
    await importFiles(writer.ctx, [SEED], { inline: true });
    writer.close();
    const reader = createCore({ databasePath: file, readonly: true });
    cores.push(reader);
    expect(searchAll(reader, 'RCEP').total).toBeGreaterThan(0);
    expect(listSegments(reader.ctx.db)).toEqual([]);
  });

  it('searches a live source as it changes, with no index to rebuild', () => {
    // A core of its own: the app's core declares the annotations' source for this kind already.
    const db = openDatabase(tempDatabase());
    const notes: SearchUnit[] = [];
    const live: SearchSource = { kind: 'annotation', mode: 'live', unitsFor: () => notes };
    const ctx = {
      ...open().ctx,
      db,
      events: new LibraryEvents(),
      instances: new Instances(),
      searchSources: [...librarySources, live],
    };
    const core = { ctx, handlers: {}, close: () => db.close() } as unknown as Core;
    cores.push(core);
    const docId = insertDocument(db, sampleDocument(), { file: null, format: null });
    const note = (text: string): SearchUnit => ({
      kind: 'annotation',
      recordId: `a${notes.length}`,
      field: 'note',
      docId,
      passageId: null,
      sectionId: null,
      text,
    });
    expect(searchAll(core, '待研究').total).toBe(0);
    notes.push(note('这一条待研究'));
    expect(searchAll(core, '待研究').hits).toMatchObject([
      { kind: 'annotation', recordId: 'a0', ranges: [[3, 6]] },
    ]);
    notes[0] = { ...notes[0]!, text: '已经研究过了' };
    expect(searchAll(core, '待研究').total).toBe(0);
    const response = searchServiceFor(core.ctx).query('研究过', { limit: 5 });
    expect(response.hits[0]!.snippet).toMatchObject({ text: '已经研究过了', ranges: [[2, 5]] });
  });
});
