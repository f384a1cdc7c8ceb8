import type { PrintDocument, PrintOptions } from '../../../shared/domain/print';
import { chineseDate, noteLabel, PRINT_WORDS } from './paragraphs';
import { notesOf, segmentExcerpt } from './segments';

/** Markdown has no syntax of its own for these: `==` marks a highlight, `<u>` an underline (common renderers show both). */
const escape = (s: string) => s.replace(/([\\`*_[\]#<>|=~])/g, '\\$1').replace(/\n/g, '  \n');

export function renderMarkdown(doc: PrintDocument, options: PrintOptions): string {
  const out: string[] = [`# ${escape(doc.title)}`, ''];
  if (doc.subtitle) out.push(escape(doc.subtitle), '');
  out.push(`${PRINT_WORDS.printed}${chineseDate(doc.date)}`, '');
  const footnotes: string[] = [];
  let note = 1;
  for (const block of doc.blocks) {
    if (block.kind === 'heading') out.push(`${'#'.repeat(block.level + 1)} ${escape(block.text)}`, '');
    else if (block.kind === 'commentary') out.push(`*${escape(block.text)}*`, '');
    else {
      if (block.status !== 'ok')
        out.push(`**${block.status === 'drifted' ? PRINT_WORDS.drifted : PRINT_WORDS.orphaned}**`, '');
      const segments = segmentExcerpt(block, options.highlightStyle, note);
      const notes = notesOf(segments);
      note += notes.length;
      const text = segments
        .map((s) => {
          if (s.kind === 'ref')
            return options.notes === 'footnotes' ? `[^${s.number}]` : `<sup>${noteLabel(s.number)}</sup>`;
          let t = escape(s.text);
          if (s.lead) t = `**${t}**`;
          if (s.fill) t = `==${t}==`;
          else if (s.underline) t = `<u>${t}</u>`;
          return t;
        })
        .join('');
      out.push(`> ${text}`, '>', `> —— ${escape(block.citation)}`, '');
      for (const n of notes)
        if (options.notes === 'footnotes') footnotes.push(`[^${n.number}]: ${escape(n.text)}`);
        else out.push(`${noteLabel(n.number)} ${escape(n.text)}`, '');
    }
  }
  if (doc.glossary.length) {
    out.push(`## ${PRINT_WORDS.glossary}`, '');
    for (const g of doc.glossary)
      out.push(
        `**${escape(g.term)}**：${escape(g.definition)}（${PRINT_WORDS.source}${escape(g.source)}）`,
        '',
      );
  }
  if (footnotes.length) out.push(...footnotes, '');
  return out.join('\n');
}
