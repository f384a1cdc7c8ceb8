import { beforeAll, describe, expect, it } from 'vitest';
import type { PrintDocument, PrintOptions } from '../../../shared/domain/print';
import { exportPrintDocument } from '../../../electron/main/print/export';
import { preparePrintFonts } from '../../../electron/main/print/fonts';
import { layoutPrintDocument, PRINT_LIMITS, PrintTooLargeError } from '../../../electron/main/print/layout';

// The layout measures with fontkit, which print jobs load on first use.
beforeAll(async () => {
  await preparePrintFonts();
});
import { HIGHLIGHT_FILL, HIGHLIGHT_LINE } from '../../../electron/main/print/profiles';

const GONGWEN: PrintOptions = { layout: 'gongwen', notes: 'footnotes', highlightStyle: 'fill' };

function docOf(text: string, extra: Partial<PrintDocument> = {}): PrintDocument {
  return {
    title: '测试',
    subtitle: null,
    date: '2026-11-30',
    blocks: [{ kind: 'excerpt', text, lead: null, citation: '《测试》第1段', marks: [], status: 'ok' }],
    glossary: [],
    ...extra,
  };
}

/** The text of each line of the excerpt (lines between the title block and the citation). */
function bodyLines(doc: PrintDocument, options = GONGWEN): string[] {
  const [page] = layoutPrintDocument(doc, options).pages;
  const byY = new Map<number, string>();
  for (const r of page!.runs) byY.set(Math.round(r.y), (byY.get(Math.round(r.y)) ?? '') + r.text);
  return [...byY.values()].filter(
    (t) => !t.startsWith('测试') && !t.startsWith('打印') && !t.startsWith('《') && !t.startsWith('—'),
  );
}

describe('print layout', () => {
  it('puts 28 characters on a full 公文 line and wraps the rest', () => {
    // the first line is indented two characters: 26 fit, then 28 a line
    const lines = bodyLines(docOf('国'.repeat(26 + 28 + 5)));
    expect(lines.map((l) => [...l].length)).toEqual([26, 28, 5]);
  });

  it('never starts a line with closing punctuation nor ends one with an opening mark', () => {
    // a comma falls exactly at the start of the second line: the last character goes down with it
    const closing = bodyLines(docOf(`${'国'.repeat(26)}，${'家'.repeat(10)}`));
    expect(closing[1]!.startsWith('国，')).toBe(true);
    expect(closing[0]).toHaveLength(25);
    // an opening quote falls at the end of the first line: it moves down to its word
    const opening = bodyLines(docOf(`${'国'.repeat(25)}“家家”${'民'.repeat(10)}`));
    expect(opening[0]!.endsWith('“')).toBe(false);
    expect(opening[1]!.startsWith('“')).toBe(true);
  });

  it('fills highlights or underlines them per colour, as the user chooses', () => {
    const doc = docOf('稳就业稳金融', {});
    const block = doc.blocks[0]!;
    if (block.kind === 'excerpt')
      block.marks = [{ start: 0, end: 3, style: 'highlight', color: 'yellow', note: '', tags: [] }];
    const filled = layoutPrintDocument(doc, GONGWEN).pages[0]!;
    expect(filled.fills.map((f) => f.color)).toEqual([HIGHLIGHT_FILL.yellow]);
    const lined = layoutPrintDocument(doc, { ...GONGWEN, highlightStyle: 'underline' }).pages[0]!;
    expect(lined.fills).toEqual([]);
    expect(lined.rules.map((r) => r.color)).toContain(HIGHLIGHT_LINE.yellow);
  });

  it('refuses a job beyond its bounds with a clear error', async () => {
    const huge = docOf('国'.repeat(PRINT_LIMITS.characters + 1));
    expect(() => layoutPrintDocument(huge, GONGWEN)).toThrow(PrintTooLargeError);
    await expect(exportPrintDocument(huge, GONGWEN, 'pdf')).rejects.toThrow(/at most/);
    const manyPages: PrintDocument = docOf('', {
      blocks: Array.from({ length: 12_000 }, () => ({
        kind: 'heading' as const,
        level: 1 as const,
        text: '标题',
      })),
    });
    expect(() => layoutPrintDocument(manyPages, { ...GONGWEN, layout: 'standard' })).toThrow(
      /at most 600 pages/,
    );
  });

  it('writes self-contained HTML and Markdown with the notes and citation', async () => {
    const doc = docOf('稳就业稳金融');
    const block = doc.blocks[0]!;
    if (block.kind === 'excerpt')
      block.marks = [{ start: 0, end: 3, style: 'highlight', color: 'red', note: '<重点>', tags: [] }];
    const html = (await exportPrintDocument(doc, GONGWEN, 'html')).toString('utf8');
    expect(html).not.toMatch(/<script|<link|src=|url\(/);
    expect(html).toContain('&lt;重点&gt;');
    expect(html).toContain('《测试》第1段');
    const md = (await exportPrintDocument(doc, GONGWEN, 'md')).toString('utf8');
    expect(md).toContain('==稳就业==[^1]');
    expect(md).toContain('[^1]: \\<重点\\>');
  });
});

describe('per-glyph fallback', () => {
  it('prints a character the chosen face lacks in a face that has it, and says which', async () => {
    const { printFonts } = await import('../../../electron/main/print/fonts');
    const real = printFonts();
    const serif = real.roles.fangsong;
    // a 仿宋 stand-in that lacks 𠮷 (U+20BB7) and 鿏, as GB2312-only faces do
    const lacking = new Set([0x20bb7, 0x9fcf]);
    const narrow = {
      ...serif,
      name: 'GB2312-only face',
      font: Object.assign(Object.create(serif.font) as typeof serif.font, {
        hasGlyphForCodePoint: (cp: number) => !lacking.has(cp) && serif.font.hasGlyphForCodePoint(cp),
      }),
    };
    const fonts = { ...real, roles: { ...real.roles, fangsong: narrow } };
    const doc = docOf('吉𠮷鿏国');
    const result = layoutPrintDocument(doc, GONGWEN, fonts);
    const runs = result.pages[0]!.runs.filter((r) => /[𠮷鿏]/u.test(r.text));
    expect(runs.map((r) => r.fallback)).toEqual([real.fallbacks[0]!.name]);
    expect(result.glyphFallbacks).toEqual([{ font: real.fallbacks[0]!.name, characters: '𠮷鿏' }]);
  });
});

describe('long notes', () => {
  it('prints a note too long for the page foot after its excerpt, whole, on as many pages as it needs', () => {
    const long = '批注'.repeat(3000);
    const doc = docOf('稳就业稳金融');
    const block = doc.blocks[0]!;
    if (block.kind === 'excerpt')
      block.marks = [{ start: 0, end: 3, style: 'highlight', color: 'red', note: long, tags: [] }];
    const { pages, profile } = layoutPrintDocument(doc, GONGWEN);
    expect(pages.length).toBeGreaterThan(5);
    const printed = pages
      .flatMap((p) => p.runs.filter((r) => r.role === 'fangsong' && r.size === 14).map((r) => r.text))
      .join('');
    expect(printed.replace(/^\[1\] /, '')).toBe(long);
    const bottom = profile.area.top + profile.area.height + 1;
    for (const p of pages)
      for (const r of p.runs) if (!r.text.startsWith('—')) expect(r.y).toBeLessThan(bottom);
  });
});
