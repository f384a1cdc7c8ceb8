import { withChromiumPage } from './format-fixtures';

/**
 * Ways a web page gets printed to PDF: page sizes, fonts, sizes, margins, alignment, with and
 * without first-line indents, paragraph spacing and running headers. Paragraph ends must be found
 * in every one of them, so the PDF reader cannot lean on any one generator's habits.
 */
export interface PdfLayout {
  name: string;
  format: 'A4' | 'A5' | 'Letter' | 'Legal';
  font: string;
  fontSize: string;
  /** First-line indent, or '0'. */
  indent: string;
  /** Space after each paragraph, or '0'. */
  spacing: string;
  align: 'justify' | 'left';
  margin: string;
  lineHeight: number;
  /** A header with the title and date, a footer with `page / total`. */
  running: boolean;
}

export const PDF_LAYOUTS: PdfLayout[] = [
  {
    name: 'a4-sans-indent-justify',
    format: 'A4',
    font: '"Noto Sans CJK SC"',
    fontSize: '12pt',
    indent: '2em',
    spacing: '0',
    align: 'justify',
    margin: '25mm',
    lineHeight: 1.6,
    running: true,
  },
  {
    name: 'letter-mono-spaced-left',
    format: 'Letter',
    font: '"Noto Sans Mono CJK SC"',
    fontSize: '10.5pt',
    indent: '0',
    spacing: '1em',
    align: 'left',
    margin: '15mm',
    lineHeight: 1.4,
    running: false,
  },
  {
    name: 'a5-large-indent-left',
    format: 'A5',
    font: '"Noto Sans CJK SC"',
    fontSize: '14pt',
    indent: '2em',
    spacing: '0',
    align: 'left',
    margin: '12mm',
    lineHeight: 1.5,
    running: true,
  },
  {
    name: 'legal-small-spaced-justify',
    format: 'Legal',
    font: '"Noto Sans CJK SC", "DejaVu Serif"',
    fontSize: '9pt',
    indent: '0',
    spacing: '0.6em',
    align: 'justify',
    margin: '30mm',
    lineHeight: 1.8,
    running: true,
  },
  {
    name: 'a4-both-indent-and-spacing',
    format: 'A4',
    font: '"Noto Sans CJK SC"',
    fontSize: '16pt',
    indent: '2em',
    spacing: '0.5em',
    align: 'justify',
    margin: '20mm',
    lineHeight: 1.3,
    running: false,
  },
];

/** Web pages printed as the issue found them: no indent, space between paragraphs (tuned on). */
export const WEB_LAYOUTS: PdfLayout[] = [
  {
    name: 'web-letter-noindent-6pt',
    format: 'Letter',
    font: '"Noto Sans CJK SC"',
    fontSize: '12pt',
    indent: '0',
    spacing: '6pt',
    align: 'left',
    margin: '12.7mm',
    lineHeight: 1.5,
    running: true,
  },
  {
    name: 'web-a5-indent',
    format: 'A5',
    font: '"Noto Serif CJK SC"',
    fontSize: '11pt',
    indent: '2em',
    spacing: '0',
    align: 'justify',
    margin: '10mm',
    lineHeight: 1.6,
    running: true,
  },
  {
    name: 'web-a4-serif-noindent-4pt-justify',
    format: 'A4',
    font: '"Noto Serif CJK SC"',
    fontSize: '10.5pt',
    indent: '0',
    spacing: '4pt',
    align: 'justify',
    margin: '18mm',
    lineHeight: 1.75,
    running: false,
  },
  {
    name: 'web-a5-sans-noindent-8pt',
    format: 'A5',
    font: '"Noto Sans CJK SC"',
    fontSize: '9.5pt',
    indent: '0',
    spacing: '8pt',
    align: 'left',
    margin: '8mm',
    lineHeight: 1.4,
    running: true,
  },
];

/**
 * Web layouts the reader was never run on while it was tuned (added after, figures reported apart).
 */
export const WEB_HELD_OUT: PdfLayout[] = [
  {
    name: 'web-legal-serif-noindent-10pt-justify',
    format: 'Legal',
    font: '"Noto Serif CJK SC"',
    fontSize: '13pt',
    indent: '0',
    spacing: '10pt',
    align: 'justify',
    margin: '22mm',
    lineHeight: 2,
    running: false,
  },
  {
    name: 'web-a4-mono-indent-3pt',
    format: 'A4',
    font: '"Noto Sans Mono CJK SC"',
    fontSize: '11pt',
    indent: '2em',
    spacing: '3pt',
    align: 'left',
    margin: '16mm',
    lineHeight: 1.45,
    running: true,
  },
];

/** How many of `expected` come back exactly (each may be matched once). */
export function identical(expected: string[], got: string[]): number {
  const bag = new Map<string, number>();
  for (const g of got) bag.set(g, (bag.get(g) ?? 0) + 1);
  let same = 0;
  for (const e of expected) {
    const n = bag.get(e) ?? 0;
    if (!n) continue;
    same++;
    bag.set(e, n - 1);
  }
  return same;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Prints the paragraphs as a web page in each layout: one PDF per layout, in the same browser. */
export async function printLayouts(
  paragraphs: string[],
  layouts: PdfLayout[],
  fileOf: (layout: PdfLayout) => string,
): Promise<void> {
  await withChromiumPage(async (page) => {
    const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
    for (const l of layouts) {
      await page.setContent(
        `<html lang="zh-CN"><head><meta charset="utf-8"><title>政府工作报告</title><style>
          body { font-family: ${l.font}; font-size: ${l.fontSize}; line-height: ${l.lineHeight}; margin: 0; }
          p { margin: 0 0 ${l.spacing}; text-indent: ${l.indent}; text-align: ${l.align}; }
        </style></head><body>${body}</body></html>`,
      );
      await page.pdf({
        path: fileOf(l),
        format: l.format,
        margin: { top: l.margin, bottom: l.margin, left: l.margin, right: l.margin },
        displayHeaderFooter: l.running,
        headerTemplate:
          '<div style="font-size:8pt;width:100%;padding:0 10mm;display:flex;justify-content:space-between"><span class="date"></span><span class="title"></span></div>',
        footerTemplate:
          '<div style="font-size:8pt;width:100%;text-align:center"><span class="pageNumber"></span>/<span class="totalPages"></span></div>',
      });
    }
  });
}
