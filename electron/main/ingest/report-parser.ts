import type { ParsedDocument } from './parsed-document';

/**
 * Placeholder-free minimal reader: every non-empty line is a passage and the first line the title.
 * The structured work-report parser replaces this module.
 */
export function parseReport(text: string, fileName: string): ParsedDocument {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return {
    meta: {
      title: lines[0] ?? fileName,
      issuer: null,
      date: null,
      level: 'unknown',
      indexNumber: null,
      speaker: null,
      meeting: null,
    },
    sections: [],
    passages: lines.map((text) => ({
      sectionIndex: null,
      lead: null,
      text,
      kind: 'body' as const,
      footnotes: [],
    })),
    glossary: [],
    measures: [],
  };
}
