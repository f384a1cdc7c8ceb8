import type { PrintDocument, PrintOptions } from '../../../shared/domain/print';
import { chineseDate, noteLabel, PRINT_WORDS } from './paragraphs';
import { HIGHLIGHT_FILL, HIGHLIGHT_LINE, profileFor, UNDERLINE_PATTERN } from './profiles';
import { notesOf, segmentExcerpt } from './segments';

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const CSS_LINE: Record<string, string> = {
  solid: 'solid',
  double: 'double',
  dashed: 'dashed',
  dotted: 'dotted',
  dashdot: 'dashed',
  thick: 'solid',
};

function css(options: PrintOptions): string {
  const gongwen = options.layout === 'gongwen';
  const p = profileFor(options.layout);
  const mm = (pt: number) => `${(pt / (72 / 25.4)).toFixed(1)}mm`;
  const body = gongwen
    ? `font: 16pt/${p.grid?.linePitch.toFixed(2)}pt "FangSong_GB2312","仿宋_GB2312","FangSong","仿宋","Noto Serif CJK SC",serif;`
    : 'font: 11.5pt/1.85 "Noto Serif CJK SC","Source Han Serif SC","SimSun",serif;';
  return [
    `@page { size: A4; margin: ${mm(p.area.top)} ${mm(p.page.width - p.area.left - p.area.width)} ${mm(p.page.height - p.area.top - p.area.height)} ${mm(p.area.left)}; }`,
    `body { ${body} color: #1a1a1a; max-width: ${mm(p.area.width)}; margin: 2em auto; }`,
    `h1 { text-align: center; font-size: ${gongwen ? '22pt' : '20pt'}; ${gongwen ? 'font-family: "FZXiaoBiaoSong-B05S","方正小标宋简体","Noto Serif CJK SC",serif; font-weight: normal;' : ''} }`,
    `h2 { font-size: ${gongwen ? '16pt' : '14pt'}; ${gongwen ? 'font-family: "SimHei","黑体","Noto Sans CJK SC",sans-serif; font-weight: normal; text-indent: 2em;' : ''} }`,
    `h3, h4 { font-size: ${gongwen ? '16pt' : '12.5pt'}; ${gongwen ? 'font-family: "KaiTi_GB2312","楷体_GB2312","KaiTi","Noto Serif CJK SC",serif; font-weight: normal; text-indent: 2em;' : ''} }`,
    '.sub, .date { text-align: center; } .date { color: #555; }',
    '.excerpt p { text-indent: 2em; margin: 0; text-align: justify; }',
    '.cite { text-align: right; font-size: 0.75em; color: #555; margin: 0.2em 0 1em; }',
    '.flag { color: #9a2a1f; font-size: 0.8em; } .note { font-size: 0.8em; } .commentary { font-style: italic; text-indent: 2em; }',
    'sup { font-size: 0.6em; } .lead { font-weight: bold; }',
    ...Object.entries(HIGHLIGHT_FILL).map(
      ([c, fill]) =>
        `.hl-${c} { background: ${fill}; -webkit-print-color-adjust: exact; print-color-adjust: exact; }`,
    ),
    ...Object.entries(HIGHLIGHT_LINE).map(
      ([c, line]) =>
        `.ul-${c} { text-decoration: underline ${CSS_LINE[UNDERLINE_PATTERN[c as keyof typeof UNDERLINE_PATTERN]]} ${line}; text-underline-offset: 0.2em; }`,
    ),
  ].join('\n');
}

/** One self-contained HTML file: inline CSS, no scripts, no remote fonts or images. */
export function renderHtml(doc: PrintDocument, options: PrintOptions): string {
  const out: string[] = [`<h1>${esc(doc.title)}</h1>`];
  if (doc.subtitle) out.push(`<p class="sub">${esc(doc.subtitle)}</p>`);
  out.push(`<p class="date">${PRINT_WORDS.printed}${chineseDate(doc.date)}</p>`);
  const footnotes: string[] = [];
  let note = 1;
  for (const block of doc.blocks) {
    if (block.kind === 'heading') out.push(`<h${block.level + 1}>${esc(block.text)}</h${block.level + 1}>`);
    else if (block.kind === 'commentary') out.push(`<p class="commentary">${esc(block.text)}</p>`);
    else {
      const segments = segmentExcerpt(block, options.highlightStyle, note);
      const notes = notesOf(segments);
      note += notes.length;
      const text = segments
        .map((s) => {
          if (s.kind === 'ref')
            return `<sup><a href="#n${s.number}" id="r${s.number}">${noteLabel(s.number)}</a></sup>`;
          const cls = [
            s.lead ? 'lead' : '',
            s.fill ? `hl-${s.fill}` : '',
            s.underline ? `ul-${s.underline}` : '',
          ].filter(Boolean);
          return cls.length ? `<span class="${cls.join(' ')}">${esc(s.text)}</span>` : esc(s.text);
        })
        .join('');
      const flag =
        block.status === 'ok'
          ? ''
          : `<p class="flag">${block.status === 'drifted' ? PRINT_WORDS.drifted : PRINT_WORDS.orphaned}</p>`;
      const noteHtml = notes.map(
        (n) => `<p class="note" id="n${n.number}">${noteLabel(n.number)} ${esc(n.text)}</p>`,
      );
      if (options.notes === 'footnotes') footnotes.push(...noteHtml);
      out.push(
        `<section class="excerpt">${flag}<p>${text}</p><p class="cite">${esc(block.citation)}</p>${options.notes === 'endnotes' ? noteHtml.join('') : ''}</section>`,
      );
    }
  }
  if (footnotes.length) out.push('<hr>', ...footnotes);
  if (doc.glossary.length) {
    out.push(`<h2>${PRINT_WORDS.glossary}</h2>`);
    for (const g of doc.glossary)
      out.push(
        `<p class="glossary"><b>${esc(g.term)}</b>：${esc(g.definition)}（${PRINT_WORDS.source}${esc(g.source)}）</p>`,
      );
  }
  return `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(doc.title)}</title>\n<style>\n${css(options)}\n</style></head>\n<body>\n${out.join('\n')}\n</body></html>\n`;
}
