import type { AnchorContext, DriftOutcome } from '../../../shared/domain/annotations';
import type { Db } from '../store/database';
import type { ReplacedPassage } from '../store/document-writer';
import { alignPassages } from '../store/passage-alignment';
import { locate } from './anchoring/locate';
import { anchoredAt } from './anchoring/selectors';
import { clearLog } from './oplog';
import { listAnnotations, putAnnotation, type StoredAnnotation } from './repository';

interface NewPassage {
  id: string;
  text: string;
}

const contextOf = (a: StoredAnnotation): AnchorContext => ({
  passageId: a.passageId,
  start: a.start,
  end: a.end,
  quote: a.quote,
  prefix: a.prefix,
  suffix: a.suffix,
});

/**
 * Inside a replace: the new edition's passages and, for each old passage, the index of its
 * counterpart among them (or -1). Whatever points into the old passages (annotations, briefing
 * excerpts) is placed again with `locate` against these.
 */
export function editionAlignment(db: Db, documentId: string, previous: readonly ReplacedPassage[]) {
  const doc = db
    .prepare(`SELECT content_hash AS hash, edition, imported_at AS at FROM documents WHERE id = ?`)
    .get(documentId) as { hash: string; edition: number; at: string };
  const previousIds = new Map(previous.map((p, i) => [p.id, i]));
  const next = (
    db
      .prepare(`SELECT id, text FROM passages WHERE document_id = ? ORDER BY ordinal`)
      .all(documentId) as NewPassage[]
  ).filter((p) => !previousIds.has(p.id));
  const texts = next.map((p) => p.text);
  const counterpart = alignPassages(
    previous.map((p) => p.text),
    texts,
  );
  return { doc, previousIds, next, texts, counterpart };
}

/**
 * The replace hook: runs inside the transaction that swaps in a revised edition, when the old and
 * the new passages both exist. Every annotation of the document (orphans included: a later
 * edition may bring their text back) is placed again or orphaned, and the drift report is written.
 */
export function reanchorDocument(db: Db, documentId: string, previous: readonly ReplacedPassage[]): void {
  const { doc, previousIds, next, texts, counterpart } = editionAlignment(db, documentId, previous);

  const insertDrift = db.prepare(
    `INSERT INTO annotation_drift (document_id, edition, replaced_at, annotation_id, outcome, before_json, after_json)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const a of listAnnotations(db, { documentId })) {
    const oldIndex = a.passageId === null ? undefined : previousIds.get(a.passageId);
    // An anchored annotation on a passage of neither edition cannot happen; leave it be if it does.
    if (a.passageId !== null && oldIndex === undefined) continue;
    const found = locate({
      anchor: { exact: a.quote, prefix: a.prefix, suffix: a.suffix, start: a.start, end: a.end },
      passages: texts,
      corresponding: oldIndex === undefined ? -1 : counterpart[oldIndex]!,
      oldText: oldIndex === undefined ? null : previous[oldIndex]!.text,
    });
    let placed: StoredAnnotation;
    let outcome: DriftOutcome;
    if (found) {
      placed = { ...a, ...anchoredAt(next[found.passageIndex]!, found, doc.hash) };
      outcome = found.outcome;
    } else {
      placed = { ...a, passageId: null, status: 'orphaned' };
      outcome = 'orphaned';
    }
    putAnnotation(db, placed);
    insertDrift.run(
      documentId,
      doc.edition,
      doc.at,
      a.id,
      outcome,
      JSON.stringify(contextOf(a)),
      found ? JSON.stringify(contextOf(placed)) : null,
    );
  }
  clearLog(db, documentId);
}
