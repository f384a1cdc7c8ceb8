import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintDocument } from '../../../shared/domain/print';
import { exportPrintDocument } from '../../../electron/main/print/export';
import { convertWithOffice, soffice } from '../ingest/pdf-office-layouts';
import { seedText } from '../ingest/seed-fixture';
import { pdfLines, type BoxPage } from './read-back';

/**
 * The 公文 DOCX as a word processor lays it out: LibreOffice turns it into a PDF and the page is
 * measured against GB/T 9704-2012 — 版心 156 × 225 mm, 37 mm from the top and 28 mm from the left,
 * 22 lines of 28 characters of 3号, page numbers `— N —` in 4号 7 mm below the type area, odd
 * pages right and even pages left, one character in.
 */
const MM = 72 / 25.4;
const AREA = { left: 28 * MM, top: 37 * MM, width: 156 * MM, height: 225 * MM };
const ONE_CHAR = 14; // 4号, the page number's size

let dir: string;
let pages: BoxPage[];

/** Report text without Latin letters or figures: every character takes one cell of the grid. */
function chineseOnly(): string {
  return seedText()
    .split('\n')
    .map((l) => l.replace(/[^\u4e00-\u9fff，。、；：“”（）！]/g, ''))
    .filter((l) => l.length > 80)
    .slice(0, 12)
    .join('');
}

beforeAll(async () => {
  if (!fs.existsSync(soffice)) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-gongwen-docx-'));
  const doc: PrintDocument = {
    title: '政府工作报告摘编',
    subtitle: null,
    date: '2026-11-30',
    blocks: [
      {
        kind: 'excerpt',
        text: chineseOnly(),
        lead: null,
        citation: '《湖里区政府工作报告》第1段',
        marks: [],
        status: 'ok',
      },
    ],
    glossary: [],
  };
  const docx = path.join(dir, 'gongwen.docx');
  fs.writeFileSync(
    docx,
    await exportPrintDocument(doc, { layout: 'gongwen', notes: 'endnotes', highlightStyle: 'fill' }, 'docx'),
  );
  await convertWithOffice([docx], dir);
  pages = pdfLines(path.join(dir, 'gongwen.pdf'));
}, 240_000);
afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

const isPageNumber = (text: string) => /^—\s*\d+\s*—$/.test(text.trim());
/** The body lines of a page: everything but the page number. */
const bodyOf = (page: BoxPage) => page.lines.filter((l) => !isPageNumber(l.text));
const compact = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(!fs.existsSync(soffice))('the 公文 DOCX opened in LibreOffice', () => {
  it('fills pages of 22 lines of 28 characters inside the 156 × 225 mm type area at 37 mm / 28 mm', () => {
    // The middle pages hold nothing but the excerpt: full pages of the grid.
    const full = pages.slice(1, -1);
    expect(full.length).toBeGreaterThanOrEqual(2);
    for (const [i, page] of full.entries()) {
      const body = bodyOf(page);
      expect(body.length, `page ${i + 2}: lines`).toBe(22);
      // 28 to a line; one fewer where line breaking keeps a mark with its neighbour.
      const counts = body.slice(0, -1).map((l) => compact(l.text).length);
      expect(Math.max(...counts), `page ${i + 2}: characters per line`).toBe(28);
      expect(counts.filter((n) => n === 28).length, `page ${i + 2}: full lines`).toBeGreaterThan(
        counts.length * 0.75,
      );
      expect(Math.min(...counts), `page ${i + 2}: characters per line`).toBeGreaterThanOrEqual(26);
      const left = Math.min(...body.map((l) => l.xMin));
      const right = Math.max(...body.map((l) => l.xMax));
      expect(left, 'left margin').toBeGreaterThan(AREA.left - 2);
      expect(left, 'left margin').toBeLessThan(AREA.left + 2);
      expect(right, 'right edge').toBeLessThan(AREA.left + AREA.width + 2);
      expect(right, 'right edge').toBeGreaterThan(AREA.left + AREA.width - 8);
      const top = Math.min(...body.map((l) => l.yMin));
      const bottom = Math.max(...body.map((l) => l.yMax));
      expect(top, 'top margin').toBeGreaterThan(AREA.top - 2);
      // Word processors set a line at the foot of its exactly-sized line box: within the first line.
      expect(top, 'top margin').toBeLessThan(AREA.top + AREA.height / 22);
      expect(bottom, 'bottom of the type area').toBeLessThan(AREA.top + AREA.height + 2);
      expect(bottom, 'bottom of the type area').toBeGreaterThan(AREA.top + AREA.height - 12);
    }
  });

  it('numbers every page — N — 7 mm below the type area, odd pages right and even pages left', () => {
    for (const [i, page] of pages.entries()) {
      const n = i + 1;
      const number = page.lines.find((l) => isPageNumber(l.text));
      expect(number, `page ${n}`).toBeDefined();
      expect(compact(number!.text)).toBe(`—${n}—`);
      // Its 4号 em box starts 7 mm below the type area: the box's middle half a character lower.
      const middle = (number!.yMin + number!.yMax) / 2;
      expect(
        Math.abs(middle - (AREA.top + AREA.height + 7 * MM + ONE_CHAR / 2)),
        `page ${n}: 7 mm below`,
      ).toBeLessThan(3);
      if (n % 2) expect(AREA.left + AREA.width - number!.xMax, `page ${n}: right`).toBeCloseTo(ONE_CHAR, -1);
      else expect(number!.xMin - AREA.left, `page ${n}: left`).toBeCloseTo(ONE_CHAR, -1);
    }
  });
});
