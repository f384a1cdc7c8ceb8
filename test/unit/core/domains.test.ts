import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { annotationsDomain } from '../../../electron/main/annotations/domain';
import { compareServiceFor } from '../../../electron/main/compare/compare-service';
import { createCore, mergeHandlers, type Core } from '../../../electron/main/core/app-core';
import type { Domain } from '../../../electron/main/kernel/domain';
import { searchDomain } from '../../../electron/main/search/domain';
import { searchServiceFor } from '../../../electron/main/search/search-service';
import { insertDocument } from '../../../electron/main/store/document-writer';
import { sampleDocument } from '../../helpers/sample-document';
import { addSeed } from '../annotations/seed-library';

const cores: Core[] = [];
const dirs: string[] = [];
afterEach(() => {
  cores.splice(0).forEach((core) => core.ctx.db.open && core.close());
  dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
});

function openCore(): Core {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-domains-'));
  dirs.push(dir);
  const core = createCore({ databasePath: path.join(dir, 'library.db') });
  cores.push(core);
  return core;
}

/** A section title and a passage text only the sample document has (the seed is another report). */
const SAMPLE_HEADING = '示例区独有的章节标题';
const SAMPLE_TEXT = '示例区独有的段落标记';

function markedSample() {
  const doc = sampleDocument();
  doc.sections[1]!.title = SAMPLE_HEADING;
  doc.passages[0]!.text += SAMPLE_TEXT;
  return doc;
}
const termLookups = (core: Core) => core.ctx.instances.get('xref-term-lookups', () => ({ current: null }));

describe('a restore: stop all domains → swap → start all', () => {
  it('makes every per-library service anew over the swapped file and stops the old ones', async () => {
    const core = openCore();
    const seed = addSeed(core.ctx.db);
    core.ctx.events.emit('library:changed', { documentIds: [seed] });
    const backup = await core.call('backups:create', {});
    // The library moves on: the seed goes, the sample document comes.
    core.ctx.db.prepare('DELETE FROM documents').run();
    const sample = insertDocument(core.ctx.db, markedSample(), { file: null, format: 'test' });
    core.ctx.events.emit('library:changed', { documentIds: [seed, sample] });

    // Warm every per-library service over the file as it is now.
    const search = searchServiceFor(core.ctx);
    expect(search.hits(SAMPLE_TEXT).total).toBe(1);
    expect(search.hits('营商环境').total).toBe(0);
    expect((await core.call('xref:term', { term: SAMPLE_HEADING })).headings).toHaveLength(1);
    const lookups = termLookups(core);
    expect(lookups.current).not.toBeNull();
    const compare = compareServiceFor(core.ctx);
    const team = core.team;
    const stopped = vi.spyOn(search, 'stop');

    await core.call('backups:restore', { id: backup.id });

    expect(stopped).toHaveBeenCalledOnce();
    const after = searchServiceFor(core.ctx);
    expect(after).not.toBe(search);
    expect(after.hits(SAMPLE_TEXT).total).toBe(0);
    expect(after.hits('营商环境').total).toBeGreaterThan(0);
    // The old service follows the library's events no more: nothing was queued on it since.
    expect(search.index.runner.busy).toBeNull();
    expect((await core.call('search:hits', { query: '营商环境' })).total).toBeGreaterThan(0);

    expect(termLookups(core)).not.toBe(lookups);
    expect((await core.call('xref:term', { term: SAMPLE_HEADING })).headings).toEqual([]);
    expect((await core.call('xref:term', { term: '营商环境' })).total).toBeGreaterThan(0);
    expect(compareServiceFor(core.ctx)).not.toBe(compare);
    expect(core.team).not.toBe(team);
  }, 60_000);

  it('installs each domain once: hooks and listeners do not double after reopens', async () => {
    const core = openCore();
    const hooks = [core.ctx.replaceHooks.length, core.ctx.deleteHooks.length];
    expect(hooks[0]).toBeGreaterThan(0);
    expect(hooks[1]).toBeGreaterThan(0);
    for (let i = 0; i < 2; i++) {
      const backup = await core.call('backups:create', {});
      await core.call('backups:restore', { id: backup.id });
    }
    expect([core.ctx.replaceHooks.length, core.ctx.deleteHooks.length]).toEqual(hooks);
    expect(core.ctx.searchSources.map((s) => s.kind)).toEqual([
      'passage',
      'glossary',
      'measure',
      'annotation',
    ]);
  }, 60_000);
});

describe('merging the domains', () => {
  it('refuses domains that leave a channel unanswered, or answer one twice', () => {
    const core = openCore();
    // @ts-expect-error the compiler sees the channels no domain answers
    expect(() => mergeHandlers(core.ctx, [searchDomain, annotationsDomain])).toThrow(
      /channels without a handler: .*documents:list/,
    );
    const twice: Domain<'search:status'> = {
      name: 'again',
      handlers: () => ({ 'search:status': () => searchServiceFor(core.ctx).status() }),
    };
    // @ts-expect-error most channels are unanswered here too
    expect(() => mergeHandlers(core.ctx, [searchDomain, twice])).toThrow(/answered twice: search:status/);
  });
});
