import type { Briefing, BriefingItem } from '../../../shared/domain/briefings';
import type { PrintBlock, PrintDocument, PrintGlossaryEntry } from '../../../shared/domain/print';
import type { Db } from '../store/database';
import { glossaryOfDocuments } from '../store/document-reader';
import { passageWithEdition } from '../store/passage-reader';
import { getBriefing } from './service';

/**
 * A briefing as the neutral print model: headings keep their level, commentary is printed as the
 * user's words, excerpts carry citation, marks and their drift flag; the 名词解释 entries of the
 * source documents whose term occurs in a printed excerpt are appended (first definition wins).
 */
export function toPrintDocument(
  briefing: Briefing,
  sources: { leadOf: (item: BriefingItem) => string | null; glossary: readonly PrintGlossaryEntry[] },
): PrintDocument {
  const blocks: PrintBlock[] = briefing.items.map((item): PrintBlock => {
    if (item.kind === 'heading') return { kind: 'heading', level: item.level, text: item.text };
    if (item.kind === 'note') return { kind: 'commentary', text: item.text };
    return {
      kind: 'excerpt',
      text: item.text,
      lead: sources.leadOf(item),
      citation: item.citation,
      status: item.status ?? 'ok',
      marks: item.marks
        .filter((m) => m.end <= item.text.length)
        .map((m) => ({
          start: m.start,
          end: m.end,
          style: m.kind,
          color: m.color,
          note: m.note,
          tags: m.tags,
        })),
    };
  });
  const printed = blocks.flatMap((b) => (b.kind === 'excerpt' ? [b.text] : []));
  const seen = new Set<string>();
  const glossary = sources.glossary.filter((g) => {
    if (seen.has(g.term) || !printed.some((text) => text.includes(g.term))) return false;
    seen.add(g.term);
    return true;
  });
  return {
    title: briefing.title,
    subtitle: briefing.audience || null,
    date: briefing.date,
    blocks,
    glossary,
  };
}

/** The briefing read from the library and made printable. */
export function briefingPrintDocument(db: Db, briefingId: string): PrintDocument {
  const briefing = getBriefing(db, briefingId);
  const documentIds = briefing.items.flatMap((i) =>
    i.kind === 'excerpt' && i.documentId ? [i.documentId] : [],
  );
  return toPrintDocument(briefing, {
    // The passage's run-in lead is printed bold when the excerpt starts with it.
    leadOf: (item) => {
      if (item.status !== 'ok' || item.start !== 0 || !item.passageId) return null;
      const lead = passageWithEdition(db, item.passageId)?.lead;
      return lead && item.text.startsWith(lead) ? lead : null;
    },
    glossary: glossaryOfDocuments(db, documentIds),
  });
}
