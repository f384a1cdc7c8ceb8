import { ANNOTATION_COLORS } from '../../../shared/domain/annotations';
import {
  createAnnotation,
  deleteAnnotation,
  updateAnnotation,
} from '../../../electron/main/annotations/service';
import { getAnnotation } from '../../../electron/main/annotations/repository';
import {
  addItem,
  editItem,
  getBriefing,
  moveItem,
  removeItem,
} from '../../../electron/main/briefings/service';
import { createLink, deleteLink, updateLink } from '../../../electron/main/links/service';
import { updateDocumentMeta } from '../../../electron/main/store/document-meta';
import { random } from '../../../bench/generate';
import type { FuzzClient } from './fuzz-client';

/**
 * The random operations of the fuzz run, each recording what it asks the library to keep: a
 * requirement that must end up in an accepted hub version, in a conflict listed on that client,
 * or be overwritten later by the same client. All ids come from the client's own library.
 */
export interface Requirement {
  client: string;
  step: number;
  kind: string;
  id: string;
  /** 'create', 'delete', 'tag:<name>' (added), or a dotted field path with `value`. */
  what: string;
  value?: unknown;
}

export type Rng = () => number;

/** The bench's seeded generator (mulberry32): the same operations for the same seed. */
export const mulberry32 = random;

const pick = <T>(rng: Rng, list: readonly T[]): T | undefined => list[Math.floor(rng() * list.length)];
const TAGS = ['防疫', '民生', '改革', '开放', '生态'];

export interface World {
  /** The passages of the edition the client holds (a replace gives them new ids). */
  passages: (c: FuzzClient) => { id: string; length: number }[];
  briefings: string[];
  documents: string[];
}

type Op = (
  c: FuzzClient,
  rng: Rng,
  w: World,
  req: (r: Omit<Requirement, 'client' | 'step'>) => void,
) => string | null;

const own = (c: FuzzClient, table: 'annotations' | 'passage_links') =>
  c.db.prepare(`SELECT id FROM ${table} WHERE author = ? ORDER BY id`).pluck().all(c.name) as string[];

const annotate: Op = (c, rng, w, req) => {
  const p = pick(rng, w.passages(c));
  if (!p) return null; // the document deleted here, for now
  const start = Math.floor(rng() * (p.length - 1));
  const end = Math.min(p.length, start + 1 + Math.floor(rng() * 20));
  const tags = TAGS.filter(() => rng() < 0.25);
  const a = createAnnotation(c.db, {
    passageId: p.id,
    start,
    end,
    color: pick(rng, ANNOTATION_COLORS),
    note: `n${Math.floor(rng() * 1e6)}`,
    tags,
  });
  req({ kind: 'annotation', id: a.id, what: 'create' });
  req({ kind: 'annotation', id: a.id, what: 'note', value: a.note });
  return 'annotate';
};

function editAnnotation(c: FuzzClient, rng: Rng, id: string, req: Parameters<Op>[3]): void {
  const before = getAnnotation(c.db, id)!;
  const r = rng();
  if (r < 0.4) {
    const note = `e${Math.floor(rng() * 1e6)}`;
    updateAnnotation(c.db, { id, note });
    req({ kind: 'annotation', id, what: 'note', value: note });
  } else if (r < 0.7) {
    const color = pick(rng, ANNOTATION_COLORS)!;
    updateAnnotation(c.db, { id, color });
    req({ kind: 'annotation', id, what: 'color', value: color });
  } else {
    const tags = TAGS.filter(() => rng() < 0.4);
    updateAnnotation(c.db, { id, tags });
    // Marks that this client set the whole tag list again (supersedes its earlier additions).
    req({ kind: 'annotation', id, what: 'tags' });
    for (const t of tags) if (!before.tags.includes(t)) req({ kind: 'annotation', id, what: `tag:${t}` });
  }
}

const editOwn: Op = (c, rng, _w, req) => {
  const id = pick(rng, own(c, 'annotations'));
  if (!id) return null;
  editAnnotation(c, rng, id, req);
  return 'edit';
};

/** Someone else's annotation: the hub must refuse it and the client must list the refusal. */
const editOthers: Op = (c, rng, _w, req) => {
  const ids = c.db
    .prepare(`SELECT id FROM annotations WHERE author <> ? ORDER BY id`)
    .pluck()
    .all(c.name) as string[];
  const id = pick(rng, ids);
  if (!id) return null;
  const note = `x${Math.floor(rng() * 1e6)}`;
  updateAnnotation(c.db, { id, note });
  req({ kind: 'annotation', id, what: 'note', value: note });
  return 'edit-others';
};

const removeOwn: Op = (c, rng, _w, req) => {
  const id = pick(rng, own(c, 'annotations'));
  if (!id) return null;
  deleteAnnotation(c.db, id);
  req({ kind: 'annotation', id, what: 'delete' });
  return 'delete';
};

const link: Op = (c, rng, w, req) => {
  const from = pick(rng, w.passages(c));
  const to = pick(rng, w.passages(c));
  if (!from || !to || from.id === to.id) return null;
  const l = createLink(c.db, { from: from.id, to: to.id, note: `l${Math.floor(rng() * 1e6)}` });
  req({ kind: 'link', id: l.id, what: 'create' });
  return 'link';
};

const relink: Op = (c, rng, _w, req) => {
  const id = pick(rng, own(c, 'passage_links'));
  if (!id) return null;
  if (rng() < 0.5) {
    deleteLink(c.db, id);
    req({ kind: 'link', id, what: 'delete' });
    return 'unlink';
  }
  const note = `m${Math.floor(rng() * 1e6)}`;
  updateLink(c.db, { id, note });
  req({ kind: 'link', id, what: 'note', value: note });
  return 'link-note';
};

const briefingOp: Op = (c, rng, w, req) => {
  const briefingId = pick(rng, w.briefings)!;
  const items = getBriefing(c.db, briefingId).items;
  const r = rng();
  if (r < 0.35 || items.length < 2) {
    const text = `i${Math.floor(rng() * 1e6)}`;
    const before = new Set(items.map((i) => i.id));
    const after = addItem(c.db, {
      briefingId,
      addition: { kind: 'note', text },
      index: Math.floor(rng() * (items.length + 1)),
    });
    const added = after.items.find((i) => !before.has(i.id))!;
    req({ kind: 'briefing_item', id: added.id, what: 'create' });
    req({ kind: 'briefing_item', id: added.id, what: 'payload.text', value: text });
    return 'item-add';
  }
  const item = pick(rng, items)!;
  if (r < 0.65) {
    moveItem(c.db, { briefingId, itemId: item.id, to: Math.floor(rng() * items.length) });
    return 'item-move';
  }
  if (r < 0.8) {
    removeItem(c.db, { briefingId, itemId: item.id });
    req({ kind: 'briefing_item', id: item.id, what: 'delete' });
    return 'item-remove';
  }
  const text = `t${Math.floor(rng() * 1e6)}`;
  editItem(c.db, { briefingId, itemId: item.id, text });
  req({ kind: 'briefing_item', id: item.id, what: 'payload.text', value: text });
  return 'item-edit';
};

const metaEdit: Op = (c, rng, w, req) => {
  const documentId = pick(rng, w.documents)!;
  const region = `区${Math.floor(rng() * 1000)}`;
  if (!updateDocumentMeta(c.db, documentId, { region })) return null;
  req({ kind: 'meta_override', id: documentId, what: 'fields.region', value: region });
  return 'meta';
};

const WEIGHTED: [number, Op][] = [
  [22, annotate],
  [18, editOwn],
  [2, editOthers],
  [6, removeOwn],
  [7, link],
  [6, relink],
  [33, briefingOp],
  [6, metaEdit],
];
const TOTAL = WEIGHTED.reduce((n, [w]) => n + w, 0);

/** One random operation; returns its name, or null when it found nothing to act on. */
export function randomOp(c: FuzzClient, rng: Rng, w: World, req: Parameters<Op>[3]): string | null {
  let r = rng() * TOTAL;
  for (const [weight, op] of WEIGHTED) {
    if ((r -= weight) < 0) return op(c, rng, w, req);
  }
  return null;
}
