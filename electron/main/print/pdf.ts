import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { LaidOutPage } from '../../../shared/domain/print';
import type { FontSet, LoadedFont } from './fonts';

const fontBuffers = new Map<string, Buffer>();

/** Draws laid-out pages with pdfkit, which subsets and embeds every face used (CID fonts, Identity-H). */
export function renderPdf(
  pages: LaidOutPage[],
  fonts: FontSet,
  meta: { title: string; date: string },
): Promise<Buffer> {
  const pdf = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    margin: 0,
    info: { Title: meta.title, Creator: '研读 Yandu', CreationDate: new Date(`${meta.date}T00:00:00`) },
    lang: 'zh-CN',
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const byName = new Map<string, LoadedFont>();
  for (const f of [...Object.values(fonts.roles), ...fonts.fallbacks]) byName.set(f.name, f);
  const registered = new Set<string>();
  const use = (font: LoadedFont) => {
    if (!registered.has(font.key)) {
      let data = fontBuffers.get(font.file);
      if (!data) fontBuffers.set(font.file, (data = fs.readFileSync(font.file)));
      pdf.registerFont(font.key, data, font.postscriptName);
      registered.add(font.key);
    }
    pdf.font(font.key);
  };
  for (const page of pages) {
    pdf.addPage({ size: [page.width, page.height], margin: 0 });
    for (const f of page.fills) pdf.rect(f.x, f.y, f.width, f.height).fill(f.color);
    for (const r of page.runs) {
      use(r.fallback ? (byName.get(r.fallback) ?? fonts.roles[r.role]) : fonts.roles[r.role]);
      pdf
        .fillColor(r.color)
        .fontSize(r.size)
        .text(r.text, r.x, r.y, { lineBreak: false, baseline: 'alphabetic', characterSpacing: r.spacing });
    }
    for (const rule of page.rules) {
      pdf.moveTo(rule.x1, rule.y1).lineTo(rule.x2, rule.y2).lineWidth(rule.width);
      if (rule.dash.length) pdf.dash(rule.dash[0]!, { space: rule.dash[1] ?? rule.dash[0]! });
      pdf.stroke(rule.color);
      pdf.undash();
    }
  }
  pdf.end();
  return done;
}
