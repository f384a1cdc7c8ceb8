import type { ParsedDocument, ParsedPassage } from './parsed-document';
import { isGlossaryCaption, parseGlossary } from './parse/glossary';
import { dropJunk } from './parse/junk';
import { leadOf } from './parse/leads';
import { findMarkers, stripMarkers } from './parse/markers';
import { extractMeasures } from './parse/measures';
import { toLines } from './parse/normalize';
import { buildOutline } from './parse/outline';
import { readTitleBlock } from './parse/title-block';

/**
 * Parses the text of a government work report (or any policy document: what it cannot structure
 * comes out as plain passages). Steps: lines with normalised spaces → title block → junk dropped →
 * body / glossary split → outline → footnote markers removed → lead phrases → measures.
 */
export function parseReport(text: string, fileName: string): ParsedDocument {
  const lines = toLines(text);
  const { meta, bodyStart } = readTitleBlock(lines, fileName);
  const rest = dropJunk(lines.slice(bodyStart));
  const captionAt = rest.findIndex(isGlossaryCaption);
  const bodyLines = captionAt === -1 ? rest : rest.slice(0, captionAt);
  const glossary = captionAt === -1 ? [] : parseGlossary(rest.slice(captionAt + 1));

  const { sections, blocks } = buildOutline(bodyLines.map((l) => l.text));
  const hits = findMarkers(
    blocks.map((b) => b.text),
    glossary,
  );
  const passages: ParsedPassage[] = blocks.map((block, i) => {
    const { text: clean, footnotes } = stripMarkers(
      block.text,
      hits.filter((h) => h.paragraph === i),
    );
    return {
      sectionIndex: block.sectionIndex,
      lead: leadOf(clean, block.sectionIndex !== null),
      text: clean,
      kind: 'body',
      footnotes,
    };
  });

  const reportYear = Number(/(\d{4})年/.exec(meta.title)?.[1] ?? meta.date?.slice(0, 4)) || null;
  return { meta, sections, passages, glossary, measures: extractMeasures(passages, sections, reportYear) };
}
