import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { chromium, type Page } from '@playwright/test';

/**
 * Copies of one text in every form the importer reads, made in the test from the text itself:
 * encodings (GB18030 through Python's codec, as Node has no GB18030 encoder), line ends, a DOCX
 * (a minimal WordprocessingML package) and a PDF printed by Chromium.
 */
export function writeTextVariants(text: string, dir: string, stem: string): Record<string, string> {
  const out: Record<string, string> = {};
  const write = (name: string, bytes: Uint8Array | string) => {
    const file = path.join(dir, `${stem}.${name}.txt`);
    fs.writeFileSync(file, bytes);
    out[name] = file;
  };
  const lf = text.replace(/\r\n/g, '\n');
  write('utf8', lf);
  write('utf8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lf, 'utf8')]));
  write('crlf', lf.replace(/\n/g, '\r\n'));
  write('utf16le-bom', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lf, 'utf16le')]));
  write('utf16be-bom', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(lf, 'utf16le').swap16()]));
  const gb = path.join(dir, `${stem}.gb18030.txt`);
  execFileSync('python3', [
    '-c',
    'import sys; open(sys.argv[2], "wb").write(open(sys.argv[1], encoding="utf-8").read().encode("gb18030"))',
    out.utf8!,
    gb,
  ]);
  out.gb18030 = gb;
  return out;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph in a Word paragraph style, by its style id (`Heading1`). */
export interface StyledParagraph {
  text: string;
  style: string;
}

/** A DOCX whose paragraphs are the given lines, some maybe in a paragraph style. */
export async function makeDocx(paragraphs: (string | StyledParagraph)[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = paragraphs
    .map((p) => {
      const { text, style } = typeof p === 'string' ? { text: p, style: null } : p;
      const props = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
      return `<w:p>${props}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
    })
    .join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export const chromiumPath = '/usr/bin/chromium';

/** Runs `print` with a fresh page of the system Chromium, closed afterwards. */
export async function withChromiumPage(print: (page: Page) => Promise<void>): Promise<void> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    await print(await browser.newPage());
  } finally {
    await browser.close();
  }
}

/** A PDF with a text layer: the paragraphs set as an A4 document with indented first lines, page numbers in the footer. */
export async function makePdf(paragraphs: string[], file: string): Promise<void> {
  await withChromiumPage(async (page) => {
    const html = paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('\n');
    await page.setContent(
      `<html lang="zh-CN"><head><meta charset="utf-8"><style>
        body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 12pt; line-height: 1.6; }
        p { margin: 0 0 0.4em; text-indent: 2em; text-align: justify; }
      </style></head><body>${html}</body></html>`,
    );
    await page.pdf({
      path: file,
      format: 'A4',
      margin: { top: '25mm', bottom: '25mm', left: '25mm', right: '25mm' },
      displayHeaderFooter: true,
      headerTemplate: '<div style="font-size:9pt;width:100%;text-align:center">政府工作报告</div>',
      footerTemplate:
        '<div style="font-size:9pt;width:100%;text-align:center">- <span class="pageNumber"></span> -</div>',
    });
  });
}

/** A PDF with no text layer at all: a page holding only a drawing. */
export async function makeScanLikePdf(file: string): Promise<void> {
  await withChromiumPage(async (page) => {
    await page.setContent(
      '<html><body><svg width="400" height="300"><rect x="20" y="20" width="300" height="200" fill="#888"/><circle cx="200" cy="150" r="60" fill="#222"/></svg></body></html>',
    );
    await page.pdf({ path: file, format: 'A4' });
  });
}
