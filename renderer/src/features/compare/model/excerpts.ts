/**
 * A comparison as citable rows: each changed sentence and each new or dropped phrase with its
 * document, passage and range, e.g. for a briefing to add as excerpts. Changed sentences are given
 * in the newer report's wording; removed ones in the older report's.
 */
import type { DocumentComparison, TextRange } from '../../../../../shared/domain/compare';

export interface ChangeExcerpt {
  kind: 'changed' | 'added' | 'removed' | 'new-phrase' | 'dropped-phrase';
  docId: string;
  passageId: string;
  range: TextRange | null;
}

export function changeExcerpts(c: DocumentComparison): ChangeExcerpt[] {
  const newer = c.newer;
  const older = newer === 'a' ? 'b' : 'a';
  const out: ChangeExcerpt[] = [];
  for (const pair of [...c.preamble, ...c.sections.flatMap((s) => s.passages)]) {
    for (const change of pair.changes) {
      // `added` is in B and `removed` in A, whichever is newer; a rewording is cited as it reads now.
      const side = change.kind === 'changed' ? newer : change.kind === 'added' ? 'b' : 'a';
      const passageId = pair[side];
      const range = change[side];
      if (passageId && range) out.push({ kind: change.kind, docId: c[side].id, passageId, range });
    }
  }
  for (const [kind, rows, side] of [
    ['new-phrase', c.newPhrases, newer],
    ['dropped-phrase', c.droppedPhrases, older],
  ] as const)
    for (const row of rows)
      if (row.passageId) out.push({ kind, docId: c[side].id, passageId: row.passageId, range: row.range });
  return out;
}
