import { randomUUID } from '../kernel/crypto';
import type {
  Briefing,
  BriefingAction,
  BriefingAddition,
  HeadingLevel,
} from '../../../shared/domain/briefings';
import { quoteAt } from '../annotations/domain';
import { AppError } from '../kernel/app-error';
import { citationFor } from '../store/citation';
import type { Db } from '../store/database';
import { applyStep, recordAction } from './oplog';
import { liveMarks, publicBriefing } from './view';
import {
  annotationAnchor,
  deleteBriefingRow,
  loadState,
  saveState,
  type BriefingState,
  type StoredItem,
} from './repository';
import { passageWithEdition, type PassageEdition } from '../store/passage-reader';

/** Keeps every edit (one whole-briefing snapshot in the undo log) and every export bounded. */
export const MAX_ITEMS = 500;

export interface Clock {
  now?: () => Date;
}
const stamp = (clock: Clock) => (clock.now?.() ?? new Date()).toISOString();

function load(db: Db, id: string): BriefingState {
  const state = loadState(db, id);
  if (!state) throw new AppError('not_found', { what: '简报', id });
  return state;
}

export function getBriefing(db: Db, id: string): Briefing {
  return publicBriefing(db, load(db, id));
}

/** One user action: read, change, write, log, all in one transaction (this is the autosave). */
function edit(
  db: Db,
  id: string,
  action: BriefingAction,
  change: (state: BriefingState) => void,
  clock: Clock,
): Briefing {
  return db.transaction(() => {
    const before = load(db, id);
    const next: BriefingState = structuredClone(before);
    change(next);
    if (next.items.length > MAX_ITEMS) throw new AppError('briefing_full', { limit: MAX_ITEMS });
    const now = stamp(clock);
    next.briefing.updated = now;
    saveState(db, next);
    const after = load(db, id);
    recordAction(db, id, action, before, after, now);
    return publicBriefing(db, after);
  })();
}

const today = (clock: Clock) => stamp(clock).slice(0, 10);

export function createBriefing(
  db: Db,
  input: { title: string; audience?: string; date?: string },
  clock: Clock = {},
): Briefing {
  return db.transaction(() => {
    const now = stamp(clock);
    const state: BriefingState = {
      briefing: {
        id: randomUUID(),
        title: input.title.trim(),
        audience: input.audience?.trim() ?? '',
        date: input.date ?? today(clock),
        created: now,
        updated: now,
      },
      items: [],
    };
    saveState(db, state);
    return publicBriefing(db, load(db, state.briefing.id));
  })();
}

export function updateBriefing(
  db: Db,
  input: { id: string; title?: string; audience?: string; date?: string },
  clock: Clock = {},
): Briefing {
  return edit(
    db,
    input.id,
    'edit',
    ({ briefing }) => {
      if (input.title !== undefined) briefing.title = input.title.trim();
      if (input.audience !== undefined) briefing.audience = input.audience.trim();
      if (input.date !== undefined) briefing.date = input.date;
    },
    clock,
  );
}

export function deleteBriefing(db: Db, id: string): { id: string } {
  if (!deleteBriefingRow(db, id)) throw new AppError('not_found', { what: '简报', id });
  return { id };
}

function excerptOf(db: Db, passage: PassageEdition, start: number, end: number): StoredItem {
  if (!(start >= 0 && end > start && end <= passage.text.length))
    throw new AppError('excerpt_range', { start, end, length: passage.text.length });
  const q = quoteAt(passage.text, start, end);
  return {
    id: randomUUID(),
    kind: 'excerpt',
    level: 1,
    text: q.exact,
    documentId: passage.documentId,
    passageId: passage.id,
    start,
    end,
    exact: q.exact,
    prefix: q.prefix,
    suffix: q.suffix,
    editionHash: passage.editionHash,
    citation: citationFor(db, passage.id),
    status: 'ok',
    marks: liveMarks(db, passage.id, start, end),
  };
}

function newItem(db: Db, addition: BriefingAddition): StoredItem {
  if (addition.kind !== 'excerpt') {
    return {
      id: randomUUID(),
      kind: addition.kind,
      level: addition.kind === 'heading' ? (addition.level ?? 1) : 1,
      text: addition.text.trim(),
      ...{ documentId: null, passageId: null, start: null, end: null, exact: null, prefix: null },
      ...{ suffix: null, editionHash: null, citation: '', status: null, marks: [] },
    };
  }
  if ('annotationId' in addition) {
    const anchor = annotationAnchor(db, addition.annotationId);
    if (!anchor) throw new AppError('not_found', { what: '批注', id: addition.annotationId });
    if (!anchor.passageId) throw new AppError('excerpt_source_orphaned');
    return excerptOf(db, passageWithEdition(db, anchor.passageId)!, anchor.start, anchor.end);
  }
  const passage = passageWithEdition(db, addition.passageId);
  if (!passage) throw new AppError('not_found', { what: '段落', id: addition.passageId });
  return excerptOf(db, passage, addition.start ?? 0, addition.end ?? passage.text.length);
}

function indexOf(state: BriefingState, itemId: string): number {
  const at = state.items.findIndex((i) => i.id === itemId);
  if (at < 0) throw new AppError('not_found', { what: '简报条目', id: itemId });
  return at;
}

/** Adds at `index` (default: the end). */
export function addItem(
  db: Db,
  input: { briefingId: string; addition: BriefingAddition; index?: number },
  clock: Clock = {},
): Briefing {
  return edit(
    db,
    input.briefingId,
    'add',
    (state) => {
      const at = Math.min(input.index ?? state.items.length, state.items.length);
      state.items.splice(at, 0, newItem(db, input.addition));
    },
    clock,
  );
}

/** Rewrites a heading's or a note's text, or a heading's level; an excerpt's quote stays as quoted. */
export function editItem(
  db: Db,
  input: { briefingId: string; itemId: string; text?: string; level?: HeadingLevel },
  clock: Clock = {},
): Briefing {
  return edit(
    db,
    input.briefingId,
    'edit',
    (state) => {
      const item = state.items[indexOf(state, input.itemId)]!;
      if (item.kind === 'excerpt' && input.text !== undefined) throw new AppError('briefing_item_fixed');
      if (input.text !== undefined) item.text = input.text.trim();
      if (input.level !== undefined && item.kind === 'heading') item.level = input.level;
    },
    clock,
  );
}

/**
 * The user's choice, never automatic: a drifted excerpt takes the text its source now reads at its
 * place (one undoable step), and is no longer flagged.
 */
export function acceptSourceText(
  db: Db,
  input: { briefingId: string; itemId: string },
  clock: Clock = {},
): Briefing {
  return edit(
    db,
    input.briefingId,
    'edit',
    (state) => {
      const item = state.items[indexOf(state, input.itemId)]!;
      if (item.status !== 'drifted' || !item.passageId) throw new AppError('excerpt_not_drifted');
      item.text = item.exact!;
      item.status = 'ok';
      item.marks = liveMarks(db, item.passageId, item.start!, item.end!);
    },
    clock,
  );
}

/** Moves an item to position `to` of the outline (clamped to its ends). */
export function moveItem(
  db: Db,
  input: { briefingId: string; itemId: string; to: number },
  clock: Clock = {},
): Briefing {
  return edit(
    db,
    input.briefingId,
    'move',
    (state) => {
      const [item] = state.items.splice(indexOf(state, input.itemId), 1);
      state.items.splice(Math.min(Math.max(input.to, 0), state.items.length), 0, item!);
    },
    clock,
  );
}

export function removeItem(
  db: Db,
  input: { briefingId: string; itemId: string },
  clock: Clock = {},
): Briefing {
  return edit(
    db,
    input.briefingId,
    'remove',
    (state) => void state.items.splice(indexOf(state, input.itemId), 1),
    clock,
  );
}

/** Undoes or redoes the last action; the briefing as it now stands plus what was done, or null. */
export function stepBriefing(
  db: Db,
  briefingId: string,
  direction: 'undo' | 'redo',
): { action: BriefingAction; briefing: Briefing } | null {
  load(db, briefingId);
  const action = applyStep(db, briefingId, direction);
  return action && { action, briefing: getBriefing(db, briefingId) };
}
