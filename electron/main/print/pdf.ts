import type { LaidOutPage } from '../../../shared/domain/print';
import type { FontSet, LoadedFont } from './fonts';

/** How many pages are drawn before the event loop gets a turn (a 600-page job must not freeze the app). */
const PAGES_PER_SLICE = 4;

interface GlyphRun {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[];
  advanceWidth: number;
}

/**
 * pdfkit shapes every run with the font's OpenType features, which for CJK faces is slow (each run is
 * new text, so its cache never hits) and could move glyphs away from where our layout measured them.
 * Our layout already placed every line with plain cmap advances; this maps text to glyphs the same way.
 */
function plainGlyphRuns(embedded: { layoutRun: (text: string) => GlyphRun }, font: LoadedFont): void {
  const scale = 1000 / font.font.unitsPerEm;
  embedded.layoutRun = (text: string): GlyphRun => {
    const run: GlyphRun = { glyphs: [], positions: [], advanceWidth: 0 };
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 32;
      const glyph = font.font.glyphForCodePoint(cp);
      const advance = glyph.advanceWidth * scale;
      run.glyphs.push({ id: glyph.id, advanceWidth: glyph.advanceWidth, codePoints: [cp] });
      run.positions.push({ xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advance });
      run.advanceWidth += advance;
    }
    return run;
  };
}

/** Draws laid-out pages with pdfkit, which subsets and embeds every face used (CID fonts, Identity-H). */
export async function renderPdf(
  pages: LaidOutPage[],
  fonts: FontSet,
  meta: { title: string; date: string },
): Promise<Buffer> {
  // pdfkit loads on first use (a package import, so it works bundled, built and from source): a
  // command that prints nothing (`yandu list`) must not pay for it.
  const { default: PDFDocument } = await import('pdfkit');
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
    if (registered.has(font.key)) {
      pdf.font(font.key);
      return;
    }
    pdf.registerFont(font.key, font.data, font.postscriptName);
    pdf.font(font.key);
    plainGlyphRuns((pdf as unknown as { _font: { layoutRun: (t: string) => GlyphRun } })._font, font);
    registered.add(font.key);
  };
  for (const [i, page] of pages.entries()) {
    if (i > 0 && i % PAGES_PER_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
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
