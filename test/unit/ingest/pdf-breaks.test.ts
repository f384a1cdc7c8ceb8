import { describe, expect, it } from 'vitest';
import { pdfParagraphs, type PdfLine } from '../../../electron/main/ingest/formats/pdf-paragraphs';

const SIZE = 12;
const LEFT = 72;
const RIGHT = LEFT + 30 * SIZE;

/** A line of Chinese text set at `y` on `page`, full width unless it is shorter than 30 characters. */
function line(page: number, y: number, text: string, indent = 0): PdfLine {
  const x = LEFT + indent * SIZE;
  const end = Math.min(RIGHT, x + [...text].length * SIZE);
  return { page, x, y, end, size: SIZE, text, first: { str: text, x, y, width: end - x, size: SIZE } };
}

const full = (s: string) => s.repeat(30).slice(0, 30);

/** A page of lines `pitch` apart, with `extra` more before each line whose index is in `spaced`. */
function page(n: number, texts: string[], spaced: number[] = [], indents: number[] = []): PdfLine[] {
  let y = 760;
  return texts.map((t, i) => {
    if (i) y -= 20 + (spaced.includes(i) ? 8 : 0);
    return line(n, y, t, indents.includes(i) ? 2 : 0);
  });
}

describe('PDF paragraph ends', () => {
  it('ends a paragraph at space between paragraphs, even after a full line, however many are one line long', () => {
    // Most distances here are spaced ones: the line pitch is the smaller, normal one all the same.
    const texts = [full('甲'), '甲。', '乙乙。', '丙丙。', '丁丁。', full('戊'), full('己'), '己。'];
    expect(pdfParagraphs([page(1, texts, [2, 3, 4, 5, 6])])).toEqual([
      `${full('甲')}甲。`,
      '乙乙。',
      '丙丙。',
      '丁丁。',
      full('戊'),
      `${full('己')}己。`,
    ]);
  });

  it('runs a full last line on into the next page, in an indented and in a spaced document', () => {
    const indented = [
      page(1, [full('甲'), '甲甲。', full('乙'), full('乙')], [], [0, 2]),
      page(2, ['乙乙乙。', full('丙'), '丙。'], [], [1]),
    ];
    expect(pdfParagraphs(indented)).toEqual([
      full('甲') + '甲甲。',
      full('乙').repeat(2) + '乙乙乙。',
      full('丙') + '丙。',
    ]);
    const spaced = [
      page(1, [full('甲'), '甲。', full('乙'), full('乙')], [2]),
      page(2, ['乙乙。', full('丙'), '丙。'], [1]),
    ];
    expect(pdfParagraphs(spaced)).toEqual([
      full('甲') + '甲。',
      full('乙').repeat(2) + '乙乙。',
      full('丙') + '丙。',
    ]);
  });

  it('starts a paragraph at a page break where the text says so: a heading, the next list number, a lead phrase', () => {
    const closed = full('甲').slice(0, 29) + '。';
    const cases: [string, string][] = [
      ['（二）进一步优化营商环境', '（一）'],
      ['10.双促：促签约、促落地。', '9.'],
      ['廉政建设不断深化。严格落实中央八项规定及其实施细则精神。', ''],
    ];
    // A spaced document: on page 1 two paragraphs, then one full line that closes a sentence.
    const first = (last: string) =>
      page(1, [full('乙'), full('乙'), '乙。', full('丁'), '丁。', last], [3, 5]);
    for (const [next, head] of cases) {
      const pages = [first(`${head}${'甲'.repeat(29 - head.length)}。`), page(2, [next])];
      expect(pdfParagraphs(pages), next).toHaveLength(4);
    }
    // A closed sentence alone is no paragraph end: the next page goes on with it.
    expect(pdfParagraphs([first(closed), page(2, ['继续推进各项工作落实。'])])).toHaveLength(3);
  });
});
