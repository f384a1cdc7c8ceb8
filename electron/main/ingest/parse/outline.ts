import type { ParsedSection } from '../parsed-document';
import { matchHeading } from './headings';

const ADDRESS = /^(各位代表|同志们|代表们)[!！,，:：]/;

interface Position {
  index: number;
  value: number;
}

export interface Block {
  text: string;
  sectionIndex: number | null;
}

/**
 * Turns paragraphs into sections and the blocks under them. A heading counts only where its
 * number continues the outline — parts run 一, 二, 三…; sections restart at （一） in every part —
 * so a list that restarts inside a part (`一、…` in a plan's enumeration) stays body text.
 */
export function buildOutline(paragraphs: string[]): { sections: ParsedSection[]; blocks: Block[] } {
  const sections: ParsedSection[] = [];
  const blocks: Block[] = [];
  let part = null as Position | null;
  let section = null as Position | null;

  for (const text of paragraphs) {
    const h = matchHeading(text);
    if (h?.level === 1 && h.rest === '' && h.value === (part?.value ?? 0) + 1) {
      sections.push({ parentIndex: null, level: 1, label: h.label, title: h.title });
      part = { index: sections.length - 1, value: h.value };
      section = null;
      continue;
    }
    if (h?.level === 2 && h.value === (section?.value ?? 0) + 1) {
      sections.push({
        parentIndex: part?.index ?? null,
        level: part ? 2 : 1,
        label: h.label,
        title: h.title,
      });
      section = { index: sections.length - 1, value: h.value };
      if (h.rest) blocks.push({ text: h.rest, sectionIndex: section.index });
      continue;
    }
    // `各位代表！…` turns from a section's detail back to the part as a whole.
    if (ADDRESS.test(text)) section = null;
    blocks.push({ text, sectionIndex: section?.index ?? part?.index ?? null });
  }
  return { sections, blocks };
}
