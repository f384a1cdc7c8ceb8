import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgressEvent } from '../../../shared/ipc/events';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { createDocumentReader, type DocumentReader } from '../../../electron/main/ingest/worker/parse-client';
import { SEED_FILE, seedText } from './seed-fixture';

let dir: string;
const cores: Core[] = [];
const file = (name: string) => path.join(dir, name);

function newCore(): Core {
  const core = createCore({ databasePath: path.join(dir, `lib-${cores.length}.sqlite`) });
  cores.push(core);
  return core;
}

const documentCount = (core: Core) =>
  (core.ctx.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;

/** Every progress event of the core, as `index phase`. */
function recordProgress(core: Core): string[] {
  const seen: string[] = [];
  core.ctx.events.on('import:progress', (e: ImportProgressEvent) => seen.push(`${e.index} ${e.phase}`));
  return seen;
}

/** A reader that calls `onRead` right after handing a file to the real reader: the parse is in flight. */
function readerCalling(real: DocumentReader, onRead: (file: string) => void): DocumentReader {
  return {
    get mode() {
      return real.mode;
    },
    get workersStarted() {
      return real.workersStarted;
    },
    read(f, options) {
      const pending = real.read(f, options);
      onRead(f);
      return pending;
    },
    close: () => real.close(),
  };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-cancel-'));
  fs.writeFileSync(file('notes.txt'), '周末去图书馆还书。\n\n下周二给王老师打电话。\n');
  fs.writeFileSync(file('memo.txt'), '会议纪要\n\n一、会议议定事项。\n\n请各单位抓好落实。\n');
  // Some 4 MB of report text: a parse that takes the worker a while, so a cancel meets it busy.
  const body = seedText();
  fs.writeFileSync(
    file('large.txt'),
    Array.from({ length: 60 }, (_, i) => body.replace(/2021年/g, `${1900 + i}年`)).join('\n'),
  );
});
afterAll(() => {
  for (const c of cores) c.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('cancelling an import', () => {
  it('between files: the files stored stay stored, the rest are reported cancelled', async () => {
    const core = newCore();
    const seen = recordProgress(core);
    const changed: string[][] = [];
    core.ctx.events.on('library:changed', (e) => changed.push(e.documentIds));
    const controller = new AbortController();
    core.ctx.events.on('import:progress', (e) => e.index === 0 && e.phase === 'done' && controller.abort());

    const files = [SEED_FILE, file('notes.txt'), file('memo.txt')];
    const summary = await importFiles(core.ctx, files, { inline: true, signal: controller.signal });

    expect(summary.imported.map((d) => d.file)).toEqual([SEED_FILE]);
    expect(summary.failed).toEqual([]);
    expect(summary.cancelled).toBe(true);
    expect(summary.skipped).toEqual([
      { file: file('notes.txt'), code: 'import_cancelled', reason: '已取消：notes.txt 未导入。' },
      { file: file('memo.txt'), code: 'import_cancelled', reason: '已取消：memo.txt 未导入。' },
    ]);
    // Nothing after the cancel was even read.
    expect(seen).toEqual(['0 reading', '0 storing', '0 done', '1 cancelled', '2 cancelled']);
    expect(documentCount(core)).toBe(1);
    expect(changed).toEqual([[summary.imported[0]!.id]]);
  });

  it('during a slow parse in the worker: the worker is stopped and nothing of the file is stored', async () => {
    const core = newCore();
    const seen = recordProgress(core);
    const controller = new AbortController();
    const real = createDocumentReader();
    expect(real.mode).toBe('worker');
    const reader = readerCalling(real, (f) => f === file('large.txt') && controller.abort());
    try {
      const files = [SEED_FILE, file('large.txt'), file('notes.txt')];
      const summary = await importFiles(core.ctx, files, { reader, signal: controller.signal });

      expect(summary.imported.map((d) => d.file)).toEqual([SEED_FILE]);
      expect(summary.skipped.map((s) => [path.basename(s.file), s.code])).toEqual([
        ['large.txt', 'import_cancelled'],
        ['notes.txt', 'import_cancelled'],
      ]);
      expect(seen).toEqual(['0 reading', '0 storing', '0 done', '1 reading', '1 cancelled', '2 cancelled']);
      expect(documentCount(core)).toBe(1);
      expect(core.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');

      // The busy worker was dropped: the next read needs (and gets) a fresh one.
      expect(real.workersStarted).toBe(1);
      const again = await real.read(file('notes.txt'));
      expect(again.doc.passages).toHaveLength(2);
      expect(real.workersStarted).toBe(2);
    } finally {
      await real.close();
    }
  }, 60_000);

  it('on this thread: a parse finished after the cancel is dropped, not stored', async () => {
    const core = newCore();
    const controller = new AbortController();
    const reader = readerCalling(createDocumentReader({ inline: true }), (f) => {
      if (f === SEED_FILE) controller.abort();
    });
    const summary = await importFiles(core.ctx, [SEED_FILE], { reader, signal: controller.signal });
    expect(summary).toMatchObject({ imported: [], failed: [], cancelled: true });
    expect(summary.skipped.map((s) => s.code)).toEqual(['import_cancelled']);
    expect(documentCount(core)).toBe(0);
  });

  it('cancelled before it began: no file is read', async () => {
    const core = newCore();
    const seen = recordProgress(core);
    const summary = await importFiles(core.ctx, [SEED_FILE, file('notes.txt')], {
      inline: true,
      signal: AbortSignal.abort(),
    });
    expect(summary.imported).toEqual([]);
    expect(summary.skipped).toHaveLength(2);
    expect(seen).toEqual(['0 cancelled', '1 cancelled']);
  });

  it('a batch that runs to its end is not marked cancelled', async () => {
    const core = newCore();
    const summary = await importFiles(core.ctx, [file('notes.txt')], {
      inline: true,
      signal: new AbortController().signal,
    });
    expect(summary.imported).toHaveLength(1);
    expect(summary.cancelled).toBeUndefined();
  });
});
