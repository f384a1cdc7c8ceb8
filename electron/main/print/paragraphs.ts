import type { PrintDocument, PrintExcerpt, PrintOptions } from '../../../shared/domain/print';
import type { Span } from './line-break';
import { notesOf, segmentExcerpt } from './segments';
import {
  gridSpacing,
  HIGHLIGHT_FILL,
  HIGHLIGHT_LINE,
  UNDERLINE_PATTERN,
  type LayoutProfile,
  type StyleName,
} from './profiles';

/** The print's own words; printed matter is in Chinese whatever the UI language. */
export const PRINT_WORDS = {
  printed: '打印日期：',
  glossary: '名词解释',
  endnotes: '注：',
  drifted: '［原文已修订，本摘录据旧版，请核对］',
  orphaned: '［原文已删除或无法定位，本摘录据旧版］',
  source: '来源：',
};

export interface Paragraph {
  spans: Span[];
  /** Keep on the same page as the next paragraph's first line (headings, a title block). */
  keepWithNext: boolean;
}

/** Characters beyond which a footnote would take more than about a third of a page. */
const LONG_NOTE = 300;

export interface NoteBody {
  number: number;
  text: string;
}

export function noteLabel(n: number): string {
  return `[${n}]`;
}

/** `2026-11-30` → `2026年11月30日`. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

export class ParagraphBuilder {
  readonly paragraphs: Paragraph[] = [];
  readonly notes: NoteBody[] = [];

  constructor(
    private readonly profile: LayoutProfile,
    private readonly options: PrintOptions,
  ) {}

  /**
   * Whether a note goes to the foot of its page. A note too long to share a page with its line (notes
   * may hold thousands of characters) is printed after its excerpt instead, whole.
   */
  atPageFoot(note: NoteBody): boolean {
    return this.options.notes === 'footnotes' && note.text.length <= LONG_NOTE;
  }

  span(text: string, style: StyleName, extra: Partial<Span> = {}): Span {
    const s = this.profile.styles[style];
    return {
      text,
      style: s,
      spacing: gridSpacing(this.profile, s),
      fill: null,
      underline: null,
      noteRef: null,
      ...extra,
    };
  }

  add(spans: Span[], keepWithNext = false): void {
    const [first] = spans;
    if (!first) return;
    const blank = (): Paragraph => ({ spans: [{ ...first, text: ' ' }], keepWithNext: true });
    for (let i = 0; i < first.style.before; i++) this.paragraphs.push(blank());
    this.paragraphs.push({ spans, keepWithNext });
    for (let i = 0; i < first.style.after; i++) this.paragraphs.push({ ...blank(), keepWithNext });
  }

  excerptSpans(excerpt: PrintExcerpt): Span[] {
    const segments = segmentExcerpt(excerpt, this.options.highlightStyle, this.notes.length + 1);
    this.notes.push(...notesOf(segments));
    // the first span carries the paragraph's alignment and indent
    const spans: Span[] = [this.span('', 'body')];
    for (const s of segments)
      spans.push(
        s.kind === 'ref'
          ? this.span(noteLabel(s.number), 'body', { noteRef: s.number })
          : this.span(s.text, s.lead ? 'lead' : 'body', {
              fill: s.fill ? HIGHLIGHT_FILL[s.fill] : null,
              underline: s.underline
                ? { color: HIGHLIGHT_LINE[s.underline], pattern: UNDERLINE_PATTERN[s.underline] }
                : null,
            }),
      );
    return spans;
  }

  build(doc: PrintDocument): void {
    this.add([this.span(doc.title, 'title')], true);
    if (doc.subtitle) this.add([this.span(doc.subtitle, 'subtitle')], true);
    this.add([this.span(`${PRINT_WORDS.printed}${chineseDate(doc.date)}`, 'date')]);
    for (const block of doc.blocks) {
      if (block.kind === 'heading') this.add([this.span(block.text, `h${block.level}`)], true);
      else if (block.kind === 'commentary') this.add([this.span(block.text, 'commentary')]);
      else {
        if (block.status !== 'ok')
          this.add(
            [this.span(block.status === 'drifted' ? PRINT_WORDS.drifted : PRINT_WORDS.orphaned, 'flag')],
            true,
          );
        const first = this.notes.length;
        this.add(this.excerptSpans(block), true);
        this.add([this.span(block.citation, 'citation')]);
        for (const note of this.notes.slice(first))
          if (!this.atPageFoot(note)) this.add([this.span(`${noteLabel(note.number)} ${note.text}`, 'note')]);
      }
    }
    if (doc.glossary.length) {
      this.add([this.span(PRINT_WORDS.glossary, 'appendixHeading')], true);
      for (const entry of doc.glossary)
        this.add([
          this.span('', 'body'),
          this.span(entry.term, 'term'),
          this.span(`：${entry.definition}`, 'body'),
          this.span(`（${PRINT_WORDS.source}${entry.source}）`, 'body'),
        ]);
    }
  }
}
