import type { ParsedDocument } from '../electron/main/ingest/parsed-document';
import type { Db } from '../electron/main/store/database';
import { getDocumentBundle } from '../electron/main/store/document-reader';

/** A new document for the library: a stored one with a marker no other text has, as a parser would hand it over. */
export function oneMoreDocument(db: Db, marker: string): ParsedDocument {
  const id = (
    db.prepare(`SELECT id FROM documents ORDER BY imported_at DESC LIMIT 1`).get() as { id: string }
  ).id;
  const b = getDocumentBundle(db, id)!;
  const sectionIndex = new Map(b.sections.map((s, i) => [s.id, i]));
  const passageIndex = new Map(b.passages.map((p, i) => [p.id, i]));
  return {
    meta: { ...b.document, title: `${b.document.title}（${marker}）` },
    sections: b.sections.map((s) => ({
      parentIndex: s.parentId === null ? null : (sectionIndex.get(s.parentId) ?? null),
      level: s.level,
      label: s.label,
      title: s.title,
    })),
    passages: b.passages.map((p, i) => ({
      sectionIndex: p.sectionId === null ? null : (sectionIndex.get(p.sectionId) ?? null),
      lead: p.lead,
      text: i === 1 ? `${p.text}${marker}。` : p.text,
      kind: p.kind,
      footnotes: [],
    })),
    glossary: b.glossary.map((g) => ({ number: g.number, term: g.term, definition: g.definition })),
    measures: b.measures.map((m) => ({ ...m, passageIndex: passageIndex.get(m.passageId) ?? 0 })),
  };
}
