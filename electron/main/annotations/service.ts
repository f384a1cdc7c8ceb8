import { randomUUID } from '../kernel/crypto';
import {
  ANNOTATION_COLORS,
  type Annotation,
  type AnnotationColor,
  type AnnotationKind,
  type AnnotationPrefs,
} from '../../../shared/domain/annotations';
import { AppError } from '../kernel/app-error';
import type { Db } from '../store/database';
import { passageWithEdition, type PassageEdition } from '../store/passage-reader';
import { getAuthor, saveAuthor } from '../store/settings';
import { quoteAt } from './anchoring/selectors';
import { contentHash, mergeHistory } from './content-hash';
import { recordBatch } from './oplog';
import { colorLabelled, colorLabels, saveColorLabel } from './side-tables';
import {
  getAnnotation,
  normalizeTags,
  publicView,
  putAnnotation,
  removeAnnotation,
  type StoredAnnotation,
} from './repository';

export interface CreateInput {
  passageId: string;
  start: number;
  end: number;
  kind?: AnnotationKind;
  color?: AnnotationColor;
  note?: string;
  tags?: string[];
}

export interface UpdateInput {
  id: string;
  start?: number;
  end?: number;
  kind?: AnnotationKind;
  color?: AnnotationColor;
  note?: string;
  tags?: string[];
}

export interface Clock {
  now?: () => Date;
}

const stamp = (clock: Clock) => (clock.now?.() ?? new Date()).toISOString();

type PassageRow = PassageEdition;

function passageRow(db: Db, passageId: string): PassageRow {
  const row = passageWithEdition(db, passageId);
  if (!row) throw new AppError('not_found', { what: '段落', id: passageId });
  return row;
}

function checkRange(passage: PassageRow, start: number, end: number): void {
  if (!(start >= 0 && end > start && end <= passage.text.length))
    throw new AppError('annotation_range', { start, end, length: passage.text.length });
}

function load(db: Db, id: string): StoredAnnotation {
  const found = getAnnotation(db, id);
  if (!found) throw new AppError('not_found', { what: '批注', id });
  return found;
}

/** Creates an annotation on `passage.text[start, end)`; one transaction with its undo record. */
export function createAnnotation(db: Db, input: CreateInput, clock: Clock = {}): Annotation {
  return db.transaction(() => {
    const passage = passageRow(db, input.passageId);
    checkRange(passage, input.start, input.end);
    const now = stamp(clock);
    const q = quoteAt(passage.text, input.start, input.end);
    const record: StoredAnnotation = {
      id: randomUUID(),
      documentId: passage.documentId,
      passageId: passage.id,
      start: input.start,
      end: input.end,
      quote: q.exact,
      prefix: q.prefix,
      suffix: q.suffix,
      kind: input.kind ?? 'highlight',
      color: input.color ?? 'yellow',
      note: input.note ?? '',
      tags: normalizeTags(input.tags ?? []),
      author: getAuthor(db),
      created: now,
      updated: now,
      status: 'anchored',
      editionHash: passage.editionHash,
      history: [],
    };
    putAnnotation(db, record);
    const after = getAnnotation(db, record.id)!;
    recordBatch(db, record.documentId, 'create', [{ before: null, after }], now);
    return publicView(after);
  })();
}

/** Changes the fields given. Moving the range stays within the annotation's passage. */
export function updateAnnotation(db: Db, input: UpdateInput, clock: Clock = {}): Annotation {
  return db.transaction(() => {
    const before = load(db, input.id);
    const next: StoredAnnotation = {
      ...before,
      kind: input.kind ?? before.kind,
      color: input.color ?? before.color,
      note: input.note ?? before.note,
      tags: input.tags ? normalizeTags(input.tags) : before.tags,
    };
    if (input.start !== undefined || input.end !== undefined) {
      if (!before.passageId) throw new AppError('annotation_orphaned', { id: before.id });
      const passage = passageRow(db, before.passageId);
      const start = input.start ?? before.start;
      const end = input.end ?? before.end;
      checkRange(passage, start, end);
      const q = quoteAt(passage.text, start, end);
      Object.assign(next, { start, end, quote: q.exact, prefix: q.prefix, suffix: q.suffix });
    }
    const contentChanged = contentHash(next) !== contentHash(before);
    const rangeChanged = next.start !== before.start || next.end !== before.end;
    if (!contentChanged && !rangeChanged) return publicView(before);
    const now = stamp(clock);
    next.updated = now;
    if (contentChanged) next.history = mergeHistory(before.history, [contentHash(before)]);
    putAnnotation(db, next);
    const after = getAnnotation(db, next.id)!;
    recordBatch(db, before.documentId, 'edit', [{ before, after }], now);
    return publicView(after);
  })();
}

export function deleteAnnotation(db: Db, id: string, clock: Clock = {}): { id: string } {
  return db.transaction(() => {
    const before = load(db, id);
    removeAnnotation(db, id);
    recordBatch(db, before.documentId, 'delete', [{ before, after: null }], stamp(clock));
    return { id };
  })();
}

export function getPrefs(db: Db): AnnotationPrefs {
  return { colors: colorLabels(db), author: getAuthor(db) };
}

export function setColorLabel(db: Db, color: AnnotationColor, label: string): AnnotationPrefs {
  saveColorLabel(db, color, label.trim());
  return getPrefs(db);
}

export function setAuthor(db: Db, author: string): AnnotationPrefs {
  saveAuthor(db, author);
  return getPrefs(db);
}

/** A colour given by palette name (`red`) or by the label the user gave it (`量化目标`). */
export function resolveColor(db: Db, nameOrLabel: string): AnnotationColor | undefined {
  const wanted = nameOrLabel.trim();
  if ((ANNOTATION_COLORS as readonly string[]).includes(wanted.toLowerCase()))
    return wanted.toLowerCase() as AnnotationColor;
  return colorLabelled(db, wanted);
}
