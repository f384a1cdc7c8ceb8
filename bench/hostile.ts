/**
 * The "hostile inputs" rows of `npm run bench`: each case of issue 10 (a zip bomb, a paragraph of a
 * million characters, deep HTML, a PDF of thousands of pages, odd folder entries, a heavy shared
 * annotation file) imported through the CLI in a fresh process, with its time,
 * peak RSS and outcome. Target: each within 30 s and 1 GB.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../electron/main/core/app-core';
import { importFiles } from '../electron/main/ingest/import-service';
import { floodFile } from '../test/fixtures/annotations/flood';
import {
  writeDeepHtml,
  writeLongParagraphHtml,
  writeLongParagraphPdf,
  writeLongParagraphText,
  writeManyPagesPdf,
  writeOddFolder,
  writeZipBombDocx,
} from '../test/fixtures/ingest/hostile-files';

const SEED = path.resolve(__dirname, '../resources/documents/huli-2021.txt');

interface Case {
  name: string;
  /** Writes the inputs into `dir`; returns the CLI arguments (without --db). */
  make(dir: string, db: string): Promise<string[]>;
}

/** A case that writes one file and imports it. */
const importOf = (name: string, file: string, write: (file: string) => unknown): Case => ({
  name,
  make: async (dir) => {
    await write(path.join(dir, file));
    return ['import', path.join(dir, file)];
  },
});

const CASES: Case[] = [
  importOf('DOCX 0.4 MB → 400 MB (zip bomb)', 'bomb.docx', (f) => writeZipBombDocx(f, 400)),
  importOf('DOCX zip bomb, lying headers', 'lie.docx', (f) => writeZipBombDocx(f, 400, true)),
  importOf('TXT, one paragraph of 1 M characters', 'long.txt', (f) => writeLongParagraphText(f, 1_000_000)),
  importOf('HTML, one paragraph of 1 M characters', 'long.html', (f) => writeLongParagraphHtml(f, 1_000_000)),
  importOf('PDF, one paragraph over 200 pages', 'long.pdf', (f) => writeLongParagraphPdf(f, 200)),
  importOf('HTML nested 100 000 deep', 'deep.html', (f) => writeDeepHtml(f, 100_000)),
  importOf('PDF of 1000 pages (the cap)', 'pages.pdf', (f) => writeManyPagesPdf(f, 1000)),
  importOf('PDF of 5000 pages', 'many.pdf', (f) => writeManyPagesPdf(f, 5000)),
  {
    name: 'folder: broken link, FIFO, device + 2 good',
    make: async (dir) => (writeOddFolder(path.join(dir, 'odd')), ['import', path.join(dir, 'odd')]),
  },
  {
    name: 'annotations: 5000 altered quotes + 20 of 100 k chars',
    make: async (dir, db) => {
      const core = createCore({ databasePath: db });
      const id = core.ctx.db.prepare('SELECT id FROM documents LIMIT 1').pluck().get() as string;
      fs.writeFileSync(path.join(dir, 'flood.json'), floodFile(core.ctx.db, id, 5000, 20));
      core.close();
      return ['annotations', 'import', path.join(dir, 'flood.json')];
    },
  },
];

interface Outcome {
  code: number;
  ms: number;
  peakRssMb: number;
  failed: string[];
}

/** The table of hostile-input rows, as markdown. */
export async function hostileInputsTable(): Promise<string> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-bench-hostile-'));
  const seeded = path.join(base, 'seed.sqlite');
  const core = createCore({ databasePath: seeded });
  await importFiles(core.ctx, [SEED], { inline: true });
  core.close();
  const lines = ['| hostile input | outcome | exit | time | peak RSS |', '|---|---|---|---|---|'];
  for (const c of CASES) {
    const dir = fs.mkdtempSync(path.join(base, 'case-'));
    const db = path.join(dir, 'library.sqlite');
    fs.copyFileSync(seeded, db);
    const args = await c.make(dir, db);
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'hostile-child.ts'), ...args, '--db', db, '--json'],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    const last = result.stdout.trim().split('\n').pop() ?? '';
    let row: string;
    try {
      const o = JSON.parse(last) as Outcome;
      const outcome = o.failed.length ? `failed: ${[...new Set(o.failed)].join(', ')}` : 'imported';
      row = `| ${c.name} | ${outcome} | ${o.code} | ${(o.ms / 1000).toFixed(2)} s | ${o.peakRssMb.toFixed(0)} MB |`;
    } catch {
      row = `| ${c.name} | crashed: ${(result.stderr || `exit ${result.status}`).trim().split('\n').pop()} | ${result.status} | — | — |`;
    }
    lines.push(row);
    process.stderr.write(`hostile: ${c.name} done\n`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.rmSync(base, { recursive: true, force: true });
  return `${lines.join('\n')}\n\n- hostile inputs: each case imported by \`yandu\` in a fresh process (the parse worker included in its RSS); target 30 s and 1 GB each.\n`;
}

if (require.main === module) void hostileInputsTable().then((t) => process.stdout.write(t));
