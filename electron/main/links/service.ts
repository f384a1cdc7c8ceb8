import { randomUUID } from '../kernel/crypto';
import type { PassageLink } from '../../../shared/domain/xref';
import { AppError } from '../kernel/app-error';
import type { Db } from '../store/database';
import type { EditionAlignment } from '../kernel/context';
import { storedPassage, type StoredPassage } from '../store/passage-reader';
import { getAuthor } from '../store/settings';
import { statement } from '../store/statements';
import { recordLinkBatch } from './link-oplog';
import {
  getLink,
  moveLinkEnds,
  orphanDocumentLinks,
  orphanEnds,
  putLink,
  removeLink,
  setLinkEnd,
} from './link-store';

/** The start of a passage kept on the link: shown for an orphaned end, and used to find it again. */
const EXCERPT_CHARS = 300;
export const MAX_NOTE_CHARS = 20_000;

function passage(db: Db, id: string): StoredPassage {
  const row = storedPassage(db, id);
  if (!row) throw new AppError('not_found', { what: '段落', id });
  return row;
}

function existing(db: Db, id: string): PassageLink {
  const link = getLink(db, id);
  if (!link) throw new AppError('not_found', { what: '关联', id });
  return link;
}

export function createLink(
  db: Db,
  input: { from: string; to: string; note?: string },
  now = new Date().toISOString(),
): PassageLink {
  if (input.from === input.to) throw new AppError('link_to_itself', { id: input.from });
  return db.transaction(() => {
    const from = passage(db, input.from);
    const to = passage(db, input.to);
    const link: PassageLink = {
      id: randomUUID(),
      from: from.id,
      to: to.id,
      note: input.note ?? '',
      fromDocumentId: from.documentId,
      toDocumentId: to.documentId,
      fromText: from.text.slice(0, EXCERPT_CHARS),
      toText: to.text.slice(0, EXCERPT_CHARS),
      author: getAuthor(db),
      created: now,
      updated: now,
      status: 'anchored',
    };
    putLink(db, link);
    const stored = getLink(db, link.id)!;
    recordLinkBatch(db, 'create', [{ before: null, after: stored }], now);
    return stored;
  })();
}

export function updateLink(
  db: Db,
  input: { id: string; note: string },
  now = new Date().toISOString(),
): PassageLink {
  return db.transaction(() => {
    const before = existing(db, input.id);
    if (before.note === input.note) return before;
    putLink(db, { ...before, note: input.note, updated: now });
    const after = getLink(db, input.id)!;
    recordLinkBatch(db, 'update', [{ before, after }], now);
    return after;
  })();
}

export function deleteLink(db: Db, id: string, now = new Date().toISOString()): { id: string } {
  db.transaction(() => {
    const before = existing(db, id);
    removeLink(db, id);
    recordLinkBatch(db, 'delete', [{ before, after: null }], now);
  })();
  return { id };
}

/**
 * The replace hook: links on a passage of the old edition follow it to the passage that "is" it
 * in the new one (the annotations' alignment); a passage with no counterpart orphans its link
 * ends. Ends orphaned earlier come back when a passage of the new edition starts with their text.
 * The alignment is the replace's own, computed once for every hook.
 */
export function reanchorLinks(db: Db, documentId: string, alignment: EditionAlignment): void {
  const { previous, next, counterpart } = alignment;
  const linked = statement(
    db,
    `SELECT count(*) FROM passage_links WHERE from_document = ? OR to_document = ?`,
  ).pluck();
  if (!(linked.get(documentId, documentId) as number)) return;
  previous.forEach((p, i) => moveLinkEnds(db, p.id, counterpart[i]! >= 0 ? next[counterpart[i]!]!.id : null));
  for (const end of orphanEnds(db, documentId)) {
    const match = end.text ? next.find((p) => p.text.startsWith(end.text)) : undefined;
    if (match) setLinkEnd(db, end.id, end.end, match.id);
  }
}

/** The delete hook: a deleted document's link ends are orphaned; the links, notes and texts stay. */
export function orphanLinksOfDocument(db: Db, documentId: string): void {
  orphanDocumentLinks(db, documentId);
}
