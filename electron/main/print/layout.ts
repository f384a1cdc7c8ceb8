import type {
  FontSubstitution,
  LaidOutPage,
  PrintDocument,
  PrintOptions,
} from '../../../shared/domain/print';
import { AppError } from '../kernel/app-error';
import { printFonts, type FontSet } from './fonts';
import { EM_ASCENT, layoutParagraph, Measurer, type Line } from './line-break';
import { noteLabel, ParagraphBuilder } from './paragraphs';
import { MM, profileFor, type LayoutProfile } from './profiles';

/** A print job's bounds: beyond them the job is refused with a clear error rather than run for minutes. */
export const PRINT_LIMITS = { pages: 600, characters: 600_000 };

/** Refused before minutes are spent: the user is told to choose a smaller scope. */
export class PrintTooLargeError extends AppError {
  constructor(reason: string) {
    super('print_too_large', { reason });
  }
}

export interface PrintLayoutResult {
  profile: LayoutProfile;
  pages: LaidOutPage[];
  substitutions: FontSubstitution[];
  /** Faces used per glyph for characters the role's face lacks (`name → characters`). */
  glyphFallbacks: { font: string; characters: string }[];
}

interface Item {
  line: Line;
  keepWithNext: boolean;
  blank: boolean;
}

function documentSize(doc: PrintDocument): number {
  let n = doc.title.length + (doc.subtitle?.length ?? 0);
  for (const b of doc.blocks)
    n +=
      b.text.length +
      (b.kind === 'excerpt' ? b.citation.length + b.marks.reduce((s, m) => s + m.note.length, 0) : 0);
  for (const g of doc.glossary) n += g.term.length + g.definition.length + g.source.length;
  return n;
}

function shift(line: Line, dx: number, dy: number, page: LaidOutPage): void {
  for (const f of line.fills) page.fills.push({ ...f, x: f.x + dx, y: f.y + dy });
  for (const r of line.runs) if (r.text.trim()) page.runs.push({ ...r, x: r.x + dx, y: r.y + dy });
  for (const r of line.rules)
    page.rules.push({ ...r, x1: r.x1 + dx, x2: r.x2 + dx, y1: r.y1 + dy, y2: r.y2 + dy });
}

/** Lays out a print document into positioned pages: the one layout both the PDF and the preview draw. */
export function layoutPrintDocument(
  doc: PrintDocument,
  options: PrintOptions,
  fonts: FontSet = printFonts(),
): PrintLayoutResult {
  const steps = layoutSteps(doc, options, fonts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same layout in slices, giving the event loop a turn between them (the app's main process). */
export async function layoutPrintDocumentSliced(
  doc: PrintDocument,
  options: PrintOptions,
  fonts: FontSet = printFonts(),
): Promise<PrintLayoutResult> {
  const steps = layoutSteps(doc, options, fonts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Paragraphs laid out between two yields: a few milliseconds of work. */
const PARAGRAPHS_PER_SLICE = 150;

function* layoutSteps(
  doc: PrintDocument,
  options: PrintOptions,
  fonts: FontSet,
): Generator<void, PrintLayoutResult> {
  const size = documentSize(doc);
  if (size > PRINT_LIMITS.characters)
    throw new PrintTooLargeError(
      `a print job holds at most ${PRINT_LIMITS.characters} characters (this one ${size})`,
    );
  const profile = profileFor(options.layout);
  const { area, grid } = profile;
  const measurer = new Measurer(fonts);
  const builder = new ParagraphBuilder(profile, options);
  builder.build(doc);

  const items: Item[] = [];
  for (const [index, p] of builder.paragraphs.entries()) {
    if (index > 0 && index % PARAGRAPHS_PER_SLICE === 0) yield;
    const lines = layoutParagraph(p.spans, area.width, measurer, grid !== null);
    const blank = p.spans.every((s) => !s.text.trim());
    lines.forEach((line, i) =>
      items.push({ line, blank, keepWithNext: i === lines.length - 1 ? p.keepWithNext : lines.length === 2 }),
    );
  }
  const footnotes = new Map<number, Line[]>();
  for (const n of builder.notes)
    if (builder.atPageFoot(n))
      footnotes.set(
        n.number,
        layoutParagraph(
          [builder.span(`${noteLabel(n.number)} ${n.text}`, 'note')],
          area.width,
          measurer,
          grid !== null,
        ),
      );

  const separatorGap = grid ? 0 : 8;
  // on the grid the last line needs only its em box, not a whole pitch: 22 pitches span the area plus one gap
  const flowHeight = grid ? grid.lines * grid.linePitch : area.height;
  const pages: LaidOutPage[] = [];
  let page: LaidOutPage | null = null;
  let used = 0;
  let foot: Line[] = [];
  const footHeight = () => foot.reduce((n, l) => n + l.height, 0) + (foot.length ? separatorGap : 0);
  const flush = () => {
    if (!page) return;
    let y = area.top + flowHeight - footHeight() + (foot.length ? separatorGap : 0);
    if (foot.length) {
      const ry = y - (grid ? 6 : separatorGap / 2);
      page.rules.push({
        x1: area.left,
        y1: ry,
        x2: area.left + area.width / 4,
        y2: ry,
        width: 0.5,
        color: '#1a1a1a',
        dash: [],
      });
    }
    for (const l of foot) {
      shift(l, area.left, y, page);
      y += l.height;
    }
    pages.push(page);
    page = null;
  };
  const open = () => {
    if (pages.length >= PRINT_LIMITS.pages)
      throw new PrintTooLargeError(
        `a print job has at most ${PRINT_LIMITS.pages} pages: choose a smaller scope`,
      );
    page = {
      number: pages.length + 1,
      width: profile.page.width,
      height: profile.page.height,
      fills: [],
      runs: [],
      rules: [],
    };
    used = 0;
    foot = [];
  };
  items.forEach((item, i) => {
    const notes = item.line.notes.flatMap((n) => footnotes.get(n) ?? []);
    const noteHeight =
      notes.reduce((n, l) => n + l.height, 0) + (notes.length && !foot.length ? separatorGap : 0);
    const next = items[i + 1];
    const keep = item.keepWithNext && next ? next.line.height : 0;
    if (!page) open();
    if (used > 0 && used + item.line.height + keep + footHeight() + noteHeight > flowHeight + 0.01) {
      flush();
      open();
    }
    if (used === 0 && item.blank) return; // no blank line at the top of a page
    shift(item.line, area.left, area.top + used, page as unknown as LaidOutPage);
    used += item.line.height;
    foot.push(...notes);
  });
  flush();
  addPageNumbers(pages, profile, measurer, builder);

  const fallbackChars = new Map<string, Set<string>>();
  for (const p of pages)
    for (const r of p.runs)
      if (r.fallback)
        for (const ch of r.text)
          (fallbackChars.get(r.fallback) ?? fallbackChars.set(r.fallback, new Set()).get(r.fallback))?.add(
            ch,
          );
  return {
    profile,
    pages,
    substitutions: fonts.substitutions.filter((s) =>
      Object.values(profile.styles).some((st) => st.role === s.role),
    ),
    glyphFallbacks: [...fallbackChars].map(([font, chars]) => ({ font, characters: [...chars].join('') })),
  };
}

/** 公文: `— N —` in 4号 宋体 7 mm below the type area, odd pages right and even pages left, one character in. */
function addPageNumbers(
  pages: LaidOutPage[],
  profile: LayoutProfile,
  m: Measurer,
  builder: ParagraphBuilder,
): void {
  const { area } = profile;
  const style = profile.styles.pageNumber;
  for (const page of pages) {
    const text = `— ${page.number} —`;
    const span = builder.span(text, 'pageNumber');
    const [line] = layoutParagraph(
      [{ ...span, style: { ...style, align: 'left', indent: 0 } }],
      area.width,
      m,
      true,
    );
    if (!line?.runs[0]) continue;
    const width = line.runs.reduce((n, r) => n + r.width, 0);
    let x = area.left + (area.width - width) / 2;
    let top = area.top + area.height + 10 * MM;
    if (profile.grid) {
      x = page.number % 2 === 1 ? area.left + area.width - style.size - width : area.left + style.size;
      top = area.top + area.height + 7 * MM;
    }
    shift(line, x, top + EM_ASCENT * style.size - line.runs[0].y, page);
  }
}
