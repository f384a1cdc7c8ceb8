import type { ParsedDocument, ParsedGlossaryEntry, ParsedPassage } from './parsed-document';
import { completeMeta } from './parse/body-meta';
import { parseGlossary } from './parse/glossary';
import { dropJunk } from './parse/junk';
import { leadOf } from './parse/leads';
import { findMarkers, stripMarkers } from './parse/markers';
import { extractMeasures } from './parse/measures';
import { findMentions } from './parse/mentions';
import { toLines, type Line } from './parse/normalize';
import { buildOutline, type Block } from './parse/outline';
import { assembleParagraphs } from './parse/paragraphs';
import { cutTrailer, splitRegions } from './parse/regions';
import { planMeta } from './parse/plan-meta';
import { readTitleBlock } from './parse/title-block';

/** How much of the body's start is read for metadata the title block lacks. */
const OPENING_CHARS = 6000;

/** Parses the text of a government work report (plain text in any line-end convention). */
export function parseReport(text: string, fileName: string): ParsedDocument {
  return parseLines(toLines(text), fileName);
}

/**
 * Parses a document given as lines (from text, or from the blocks of an HTML, DOCX or PDF file).
 * Any policy document works: what cannot be structured comes out as plain passages. Steps: title
 * block → page trailer and junk dropped → body / glossary / appendices → paragraphs → outline →
 * footnote markers removed (or glossary mentions found) → lead phrases → metadata completed →
 * measures.
 */
export function parseLines(lines: Line[], fileName: string): ParsedDocument {
  const { meta: headerMeta, bodyStart, titleFound } = readTitleBlock(lines, fileName);
  const { body, tail } = splitRegions(dropJunk(cutTrailer(lines.slice(bodyStart))));
  const glossary: ParsedGlossaryEntry[] = tail
    .filter((r) => r.kind === 'glossary')
    .flatMap((r) => parseGlossary(r.lines));

  const { sections, blocks } = buildOutline(assembleParagraphs(body));
  const appendix: Block[] = tail
    .filter((r) => r.kind === 'appendix')
    .flatMap((r) => [...r.caption, ...r.lines])
    .map((l) => ({ text: l.text, sectionIndex: null, lead: null }));
  const structured = [...blocks, ...appendix];
  // A file with text never comes out empty: if everything was read as header or chrome, its lines
  // are the passages.
  const all: Block[] = structured.length
    ? structured
    : lines.map((l) => ({ text: l.text, sectionIndex: null, lead: null }));
  const bodyCount = structured.length ? blocks.length : all.length;
  const hits = findMarkers(
    all.map((b) => b.text),
    glossary,
  );
  const withMarkers = hits.length > 0;
  const passages: ParsedPassage[] = all.map((block, i) => {
    const kind = i < bodyCount ? 'body' : 'appendix';
    const { text, footnotes } = stripMarkers(
      block.text,
      hits.filter((h) => h.paragraph === i),
    );
    return {
      sectionIndex: block.sectionIndex,
      lead: kind === 'body' ? (block.lead ?? leadOf(text, block.sectionIndex !== null)) : null,
      text,
      kind,
      footnotes: withMarkers || kind !== 'body' ? footnotes : findMentions(text, glossary),
    };
  });

  const completed = completeMeta(
    headerMeta,
    passages.slice(0, 3).map((p) => p.text),
    sections,
    titleFound,
  );
  // A news lead can stand before `我代表国务院` (national 2020): read a bounded opening.
  const opening = passages
    .slice(0, 8)
    .map((p) => p.text)
    .join('\n')
    .slice(0, OPENING_CHARS);
  const meta = { ...completed, ...planMeta(completed, opening) };
  const reportYear = Number(/(\d{4})年/.exec(meta.title)?.[1] ?? meta.date?.slice(0, 4)) || null;
  return { meta, sections, passages, glossary, measures: extractMeasures(passages, sections, reportYear) };
}
