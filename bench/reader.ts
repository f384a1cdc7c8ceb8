/**
 * The reader on long documents, in Chromium over the test bridge (the built renderer, the real
 * core): time from asking for a document to the first painted frame with its text, for the largest
 * corpus report and a generated 2,000-paragraph one; then the longest frame while scrolling the
 * 2,000-paragraph text top to bottom. Needs `npm run build` (done here when out/renderer is missing).
 */
import { chromium, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../electron/main/core/app-core';
import { importFiles } from '../electron/main/ingest/import-service';
import { readDocument } from '../electron/main/ingest/read-document';
import { insertDocument } from '../electron/main/store/document-writer';
import { eventNames } from '../shared/ipc/events';
import { startBridgeServer } from '../test/e2e/bridge-server';
import { installBridgeShim } from '../test/e2e/bridge-shim';
import { percentile } from './measure';
import { corpusFiles, ROOT } from './tiers';

const RUNS = 5;
const LONG_PARAGRAPHS = 2000;
/** One mouse-wheel notch in Chromium. */
const WHEEL_STEP = 100;
const SCROLL_FRAMES = 400;

/** The DOM the page-side functions use (bench code compiles without the DOM library). */
export interface PageDom {
  document: {
    querySelector(selector: string): {
      click(): void;
      scrollTop: number;
      clientHeight: number;
      scrollHeight: number;
    } | null;
  };
  requestAnimationFrame(callback: (time: number) => void): number;
}

function largestCorpusFile(): string {
  return corpusFiles().sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]!;
}

/** The largest report's passages repeated, in its sections, to LONG_PARAGRAPHS paragraphs. */
async function longDocument(file: string) {
  const { doc } = await readDocument(file);
  const passages = Array.from({ length: LONG_PARAGRAPHS }, (_, i) => ({
    ...doc.passages[i % doc.passages.length]!,
    footnotes: [],
  }));
  passages.sort((a, b) => (a.sectionIndex ?? -1) - (b.sectionIndex ?? -1));
  return {
    ...doc,
    meta: { ...doc.meta, title: `${LONG_PARAGRAPHS}段长文档（基准）` },
    passages,
    glossary: [],
  };
}

/** Opens a document from the library list and waits for the frame that shows its title and text. */
async function openTime(page: Page, docId: string): Promise<number> {
  await page.locator('header.topbar').getByRole('button', { name: '书架' }).click();
  await page
    .locator(`.doc-row[data-document-id="${docId}"]`)
    .waitFor({ timeout: 10_000 })
    .catch(async (error: Error) => {
      await page.screenshot({ path: path.join(ROOT, 'test-results/screenshots/bench-reader-failed.png') });
      throw error;
    });
  return page.evaluate(async (wanted) => {
    const { document: doc, requestAnimationFrame } = globalThis as unknown as PageDom;
    const row = doc.querySelector(`.doc-row[data-document-id="${wanted}"]`);
    if (!row) throw new Error(`no library row for ${wanted}`);
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const started = performance.now();
    row.click();
    for (;;) {
      await frame();
      const shown = doc.querySelector(`.passage[data-passage-id^="${wanted}-"]`);
      if (shown) break;
      if (performance.now() - started > 20_000) throw new Error('the document did not open in 20 s');
    }
    // The frame after the one whose layout holds the text is the one painted.
    await frame();
    return performance.now() - started;
  }, docId);
}

/** Scrolls the text pane down one wheel step per frame for SCROLL_FRAMES frames; returns frame intervals in ms. */
async function scrollFrames(page: Page): Promise<number[]> {
  return page.evaluate(
    async ([step, frames]) => {
      const { document: doc, requestAnimationFrame } = globalThis as unknown as PageDom;
      const pane = doc.querySelector('main.text-pane')!;
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      const gaps: number[] = [];
      pane.scrollTop = 0;
      let last = await frame();
      while (gaps.length < frames && pane.scrollTop + pane.clientHeight < pane.scrollHeight - 2) {
        pane.scrollTop += step;
        const now = await frame();
        gaps.push(now - last);
        last = now;
      }
      return gaps;
    },
    [WHEEL_STEP, SCROLL_FRAMES] as const,
  );
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

export async function readerBench(): Promise<string> {
  if (!fs.existsSync(path.join(ROOT, 'out/renderer/index.html')))
    spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-bench-reader-'));
  const core = createCore({ databasePath: path.join(dir, 'library.db') });
  const largest = largestCorpusFile();
  await importFiles(core.ctx, [largest], { inline: true });
  const long = await longDocument(largest);
  const longId = insertDocument(core.ctx.db, long, { file: null, format: 'generated' });
  const docs = core.ctx.db
    .prepare(
      `SELECT id, title, (SELECT count(*) FROM passages p WHERE p.document_id = d.id) AS n FROM documents d`,
    )
    .all() as { id: string; title: string; n: number }[];

  const server = await startBridgeServer(core, path.join(ROOT, 'out/renderer'));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  const lines = [
    `| reader (Chromium over the bridge, 1440×900) | paragraphs | first open | median of ${RUNS} | slowest | target |`,
    '|---|---|---|---|---|---|',
  ];
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    // tsx compiles with keepNames, so the shim's source calls esbuild's __name helper: define it.
    await page.addInitScript({
      content: `globalThis.__name = (f) => f; (${installBridgeShim.toString()})(${JSON.stringify(eventNames)});`,
    });
    await page.goto(server.url);
    await page.locator('.library, .reader').first().waitFor();
    for (const { id, title, n } of docs) {
      const times = [];
      for (let i = 0; i < RUNS; i++) {
        times.push(await openTime(page, id));
      }
      const sorted = [...times].sort((a, b) => a - b);
      const target = n >= LONG_PARAGRAPHS ? '≤ 500 ms' : '≤ 300 ms';
      lines.push(
        `| open → first paint: ${title} | ${n} | ${ms(times[0]!)} | ${ms(percentile(sorted, 50))} | ${ms(sorted[sorted.length - 1]!)} | ${target} |`,
      );
    }
    await openTime(page, longId);
    const gaps = (await scrollFrames(page)).sort((a, b) => a - b);
    lines.push(
      `| scroll the ${LONG_PARAGRAPHS}-paragraph text, ${WHEEL_STEP} px per frame (${gaps.length} frames): p95 / longest frame | ${LONG_PARAGRAPHS} | — | ${ms(percentile(gaps, 95))} | ${ms(gaps[gaps.length - 1]!)} | no stall (≤ 100 ms) |`,
    );
  } finally {
    await browser.close();
    await server.close();
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return `${lines.join('\n')}\n\n`;
}

if (require.main === module) void readerBench().then((t) => process.stdout.write(t));
