import type { ParsedSection } from '../parsed-document';
import { matchHeading, STYLE_RANK, type HeadingMatch, type HeadingStyle } from './headings';
import type { Paragraph } from './paragraphs';

export interface Block {
  text: string;
  sectionIndex: number | null;
  /** A lead phrase that stood on its own line before the paragraph (`生态底色更加亮丽。` ⏎ `…`). */
  lead: string | null;
}

interface OpenList {
  style: HeadingStyle;
  value: number;
  sectionIndex: number;
  level: number;
  /** Opened by a Word heading style without a number: a sibling of the numbered headings of its rank. */
  styled?: boolean;
}

/** Word heading levels that open sections when their text carries no number that fits. */
const STYLED_LEVELS = 2;
/** What a heading reads like: short, no sentence inside (a whole paragraph in Heading style is body text). */
const STYLED_TITLE = /^[^。！？!?]{1,48}[。]?$/;

const ADDRESS = /^(各位代表|同志们|代表们)[!！,，:：]/;
/** Closing parts without a number (`结束语`). */
const CLOSING = /^(结束语|结语)$/;
/** A lead phrase alone on its line: short, one clause, closed by 。. */
const LEAD_LINE = /^([^，,；;：:、。！!？?]{4,24})。$/;

/**
 * Turns paragraphs into sections and the blocks under them. A heading counts only where its
 * number continues an open list — parts run 一、二、三…, sections restart at （一） in every part —
 * or where it starts a new list at 一 (a list inside a part, as the 1986 plan has: `一、` … `五、`
 * inside part 二, closed again by `三、` of the parts). Anything else that looks like a heading
 * stays body text.
 */
export function buildOutline(paragraphs: Paragraph[]): { sections: ParsedSection[]; blocks: Block[] } {
  const sections: ParsedSection[] = [];
  const blocks: Block[] = [];
  const stack: OpenList[] = [];
  const innermost = () => stack[stack.length - 1]?.sectionIndex ?? null;
  let pendingLead: string | null = null;
  /** After `各位代表！…` text belongs to the part until the next heading; the lists stay open for numbering. */
  let addressed = false;

  const open = (h: HeadingMatch, level: number, parentIndex: number | null) => {
    sections.push({ parentIndex, level, label: h.label, title: h.title });
    return sections.length - 1;
  };

  for (const p of paragraphs) {
    const h = matchHeading(p.text, p.labelled);
    const placed = h ? place(h) : false;
    if (placed) {
      pendingLead = null;
      addressed = false;
      if (h!.rest) blocks.push({ text: h!.rest, sectionIndex: innermost(), lead: null });
      continue;
    }
    if (p.heading && p.heading <= STYLED_LEVELS && STYLED_TITLE.test(p.text)) {
      openStyled(p.heading, p.text.replace(/[。；;]$/, ''));
      pendingLead = null;
      addressed = false;
      continue;
    }
    if (CLOSING.test(p.text) && sections.length) {
      stack.length = 0;
      sections.push({ parentIndex: null, level: 1, label: p.text, title: p.text });
      stack.push({ style: 'part', value: Infinity, sectionIndex: sections.length - 1, level: 1 });
      continue;
    }
    // `各位代表！…` turns from a section's detail back to the part as a whole.
    if (ADDRESS.test(p.text)) addressed = true;
    const section = addressed ? (stack[0]?.sectionIndex ?? null) : innermost();
    const leadLine = LEAD_LINE.exec(p.text);
    if (leadLine && section !== null && pendingLead === null) {
      pendingLead = leadLine[1]!;
      blocks.push({ text: p.text, sectionIndex: section, lead: null });
      continue;
    }
    if (pendingLead !== null && !ADDRESS.test(p.text) && p.text.length > pendingLead.length + 1) {
      // The lead line and the paragraph it opens become one passage.
      const leadBlock = blocks.pop()!;
      blocks.push({
        text: `${leadBlock.text}${p.text}`,
        sectionIndex: leadBlock.sectionIndex,
        lead: pendingLead,
      });
      pendingLead = null;
      continue;
    }
    pendingLead = null;
    blocks.push({ text: p.text, sectionIndex: section, lead: null });
  }
  return { sections, blocks };

  function place(h: HeadingMatch): boolean {
    for (let i = stack.length - 1; i >= 0; i--) {
      const list = stack[i]!;
      if (list.style !== h.style || list.value + 1 !== h.value) continue;
      stack.length = i + 1;
      list.value = h.value;
      list.sectionIndex = open(h, list.level, stack[i - 1]?.sectionIndex ?? null);
      return true;
    }
    if (h.value !== 1) return false;
    const rank = STYLE_RANK[h.style];
    for (let top = stack.at(-1); top; top = stack.at(-1)) {
      // Inner lists close; so does a styled heading of the same rank (`一、` after a styled `前言`).
      if (STYLE_RANK[top.style] > rank || (top.styled && STYLE_RANK[top.style] >= rank)) stack.pop();
      else break;
    }
    const level = stack.length + 1;
    stack.push({ style: h.style, value: 1, sectionIndex: open(h, level, innermost()), level });
    return true;
  }

  /**
   * A Word heading without a number (`总体要求` in Heading 1, `经济运行` in Heading 2) opens a
   * section at its level, closing the lists at that level and below; its title is its label, as
   * with 结束语. A Heading 2 with no part above it is a part.
   */
  function openStyled(headingLevel: number, title: string): void {
    while (stack.length && stack[stack.length - 1]!.level >= headingLevel) stack.pop();
    const level = Math.min(headingLevel, stack.length + 1);
    const sectionIndex = sections.length;
    sections.push({ parentIndex: innermost(), level, label: title, title });
    stack.push({ style: level === 1 ? 'part' : 'paren', value: Infinity, sectionIndex, level, styled: true });
  }
}
