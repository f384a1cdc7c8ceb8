/**
 * The little Markdown a note needs on screen: **bold**, *italic*, `code`, line breaks. Parsed to
 * plain tokens (never HTML), so a note can hold anything without reaching the DOM as markup.
 */
export interface MdToken {
  text: string;
  style: 'plain' | 'strong' | 'em' | 'code' | 'break';
}

const INLINE = /(\*\*([^*\n]+)\*\*|\*([^*\n]+)\*|`([^`\n]+)`|\n)/g;

export function inlineMarkdown(source: string): MdToken[] {
  const tokens: MdToken[] = [];
  let last = 0;
  for (const m of source.matchAll(INLINE)) {
    if (m.index > last) tokens.push({ text: source.slice(last, m.index), style: 'plain' });
    if (m[2] !== undefined) tokens.push({ text: m[2], style: 'strong' });
    else if (m[3] !== undefined) tokens.push({ text: m[3], style: 'em' });
    else if (m[4] !== undefined) tokens.push({ text: m[4], style: 'code' });
    else tokens.push({ text: '\n', style: 'break' });
    last = m.index + m[0].length;
  }
  if (last < source.length) tokens.push({ text: source.slice(last), style: 'plain' });
  return tokens;
}
