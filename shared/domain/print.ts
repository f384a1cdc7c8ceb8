/**
 * The neutral document that every print and export format is made from (PDF in both layouts, DOCX,
 * Markdown, HTML). Annotated excerpts of one document (`yandu print`, Ctrl+P) and briefings both
 * build one of these; the print pipeline never reads the library itself.
 */
import type { AnnotationColor } from './annotations';

export type PrintLayout = 'standard' | 'gongwen';
/** Notes at the foot of the page they are cited on, or gathered after each excerpt. */
export type NotePlacement = 'footnotes' | 'endnotes';
export type ExportFormat = 'pdf' | 'docx' | 'md' | 'html';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['pdf', 'docx', 'md', 'html'];

/** A marked range of an excerpt's text: a highlight, an underline or a bare note anchor. */
export interface PrintMark {
  /** UTF-16 indexes into `PrintExcerpt.text`. */
  start: number;
  end: number;
  style: 'highlight' | 'underline' | 'note';
  color: AnnotationColor;
  /** The annotation's note, printed as a numbered note at `end`; empty for none. */
  note: string;
  tags: string[];
}

export interface PrintHeading {
  kind: 'heading';
  /** 1 = `一、`-level (黑体 in 公文), 2 = `（一）`-level (楷体), 3 = deeper. */
  level: 1 | 2 | 3;
  text: string;
}

export interface PrintExcerpt {
  kind: 'excerpt';
  /** The passage text (or the quoted part of it) as printed. */
  text: string;
  /** The run-in lead phrase at the start of `text` (printed bold), or null. */
  lead: string | null;
  /** `《2021年湖里区人民政府工作报告》三（二）第2段`. */
  citation: string;
  marks: PrintMark[];
  /** A briefing excerpt whose source changed or vanished is flagged, never silently changed. */
  status: 'ok' | 'drifted' | 'orphaned';
}

/** The user's own words between excerpts (a briefing's commentary). */
export interface PrintCommentary {
  kind: 'commentary';
  text: string;
}

export type PrintBlock = PrintHeading | PrintExcerpt | PrintCommentary;

export interface PrintGlossaryEntry {
  term: string;
  definition: string;
  /** The document the definition comes from. */
  source: string;
}

export interface PrintDocument {
  title: string;
  /** Audience or meeting line under the title (`供党组理论学习中心组学习参考`), or null. */
  subtitle: string | null;
  /** The date printed in the title block, ISO `YYYY-MM-DD`. */
  date: string;
  blocks: PrintBlock[];
  /** 名词解释 entries used by the printed text, appended after the body. */
  glossary: PrintGlossaryEntry[];
}

export interface PrintOptions {
  layout: PrintLayout;
  notes: NotePlacement;
  /** Highlights as light fills (default), or as underlines per colour for monochrome printers. */
  highlightStyle: 'fill' | 'underline';
}

/** The typefaces a layout asks for; which file stands in for each is machine-dependent. */
export type FontRole =
  'fangsong' | 'xiaobiaosong' | 'heiti' | 'kaiti' | 'songti' | 'serif' | 'serifBold' | 'sans';

/** `仿宋_GB2312 → Noto Serif CJK SC`: said in the print dialog when the wanted face is missing. */
export interface FontSubstitution {
  role: FontRole;
  wanted: string;
  used: string;
}

/** Which part of one document to print as annotated excerpts. */
export type PrintScope =
  | { kind: 'document' }
  | { kind: 'section'; sectionId: string }
  | { kind: 'annotated' }
  | { kind: 'tag'; tag: string }
  | { kind: 'color'; color: AnnotationColor };

/** One positioned piece of text on a laid-out page (points, origin top left, `y` the baseline). */
export interface PageRun {
  x: number;
  y: number;
  text: string;
  role: FontRole;
  /** Set when a per-glyph fallback face replaces the role's face for these characters. */
  fallback: string | null;
  size: number;
  /** Extra advance after each character (the 公文 grid and justification). */
  spacing: number;
  width: number;
  /** Light fill behind the run (a highlight), CSS colour. */
  fill: string | null;
  underline: { color: string; pattern: UnderlinePattern } | null;
  color: string;
}

export type UnderlinePattern = 'solid' | 'double' | 'dashed' | 'dotted' | 'dashdot' | 'thick';

export interface PageRule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  color: string;
  /** Dash pattern in points (on, off, …); empty for a solid line. */
  dash: number[];
}

export interface PageFill {
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
}

/** A page as the layout engine placed it: drawn by the PDF writer and, as SVG, by the preview. */
export interface LaidOutPage {
  number: number;
  width: number;
  height: number;
  fills: PageFill[];
  runs: PageRun[];
  rules: PageRule[];
}

/** What the print dialog shows before anything is written: the first pages as the PDF will draw them. */
export interface PrintPreview {
  pageCount: number;
  pages: LaidOutPage[];
  /** Which face stands in for which (`仿宋_GB2312 → Noto Serif CJK SC`). */
  substitutions: FontSubstitution[];
  /** Faces used per glyph for characters the chosen face lacks. */
  glyphFallbacks: { font: string; characters: string }[];
}

/** The outcome of "save as …": `file` is shown to the user, null when they cancelled. */
export interface PrintSaveResult {
  file: string | null;
  bytes: number;
}
