import { z } from 'zod';
import type { PassageLink } from '../../../shared/domain/xref';
import type { Db } from '../store/database';
import { passageStartingWith, passageText } from '../store/passage-reader';
import { recordLinkBatch, type LinkChange } from './link-oplog';
import { getLink, putLink } from './link-store';

/**
 * Links in the shared W3C Web Annotation file, next to the annotations: motivation `linking`, the
 * target is the passage linked from, the body the passage linked to (a SpecificResource) plus the
 * note. Both ends carry a TextQuoteSelector with the passage's opening text, so a colleague's
 * library with another edition can still find them.
 */
const passageUrn = (id: string | null) => `urn:yandu:passage:${id ?? 'orphaned'}`;

export function linkToW3C(l: PassageLink) {
  const body: Record<string, unknown>[] = [
    {
      type: 'SpecificResource',
      purpose: 'linking',
      source: passageUrn(l.to),
      selector: { type: 'TextQuoteSelector', exact: l.toText },
    },
  ];
  if (l.note)
    body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: l.note });
  return {
    id: `urn:uuid:${l.id}`,
    type: 'Annotation',
    motivation: 'linking',
    creator: { type: 'Person', name: l.author },
    created: l.created,
    modified: l.updated,
    body,
    target: { source: passageUrn(l.from), selector: { type: 'TextQuoteSelector', exact: l.fromText } },
    'yandu:link': { from: l.from, to: l.to, fromDocumentId: l.fromDocumentId, toDocumentId: l.toDocumentId },
  };
}

/** Whether an item of a shared file is a link (the annotation reader leaves these to this module). */
export function isLinkItem(item: unknown): boolean {
  if (!item || typeof item !== 'object') return false;
  const m = (item as { motivation?: unknown }).motivation;
  return m === 'linking' || (Array.isArray(m) && m.includes('linking'));
}

const end = z.string().max(200).nullable();
const linkSchema = z.looseObject({
  id: z.string().min(1).max(209),
  creator: z.looseObject({ name: z.string().max(200).optional() }).optional(),
  created: z.string().max(100).optional(),
  modified: z.string().max(100).optional(),
  body: z
    .array(
      z.looseObject({
        purpose: z.string().max(100).optional(),
        value: z.string().max(20_000).optional(),
        selector: z.looseObject({ exact: z.string().max(1000).optional() }).optional(),
      }),
    )
    .max(20),
  target: z.looseObject({ selector: z.looseObject({ exact: z.string().max(1000) }) }),
  'yandu:link': z.looseObject({
    from: end,
    to: end,
    fromDocumentId: z.string().max(200),
    toDocumentId: z.string().max(200),
  }),
});

export interface LinkImportResult {
  added: number;
  updated: number;
  unchanged: number;
  /** Links neither of whose passages is in this library, or that are not well formed. */
  skipped: number;
}

/** Finds a link end here: the same passage when its text still starts the same, else a passage that does. */
function placeEnd(db: Db, passageId: string | null, documentId: string, text: string): string | null {
  const byId = passageId ? passageText(db, passageId) : undefined;
  if (byId !== undefined && byId.startsWith(text)) return passageId;
  if (!text) return null;
  return passageStartingWith(db, documentId, text) ?? null;
}

/** Merges the links of a shared file: new ones placed, a newer note taken, nothing duplicated. */
export function importLinks(db: Db, items: readonly unknown[], now: string): LinkImportResult {
  const result: LinkImportResult = { added: 0, updated: 0, unchanged: 0, skipped: 0 };
  const changes: LinkChange[] = [];
  for (const item of items.filter(isLinkItem)) {
    const parsed = linkSchema.safeParse(item);
    if (!parsed.success) {
      result.skipped++;
      continue;
    }
    const a = parsed.data;
    const id = a.id.replace(/^urn:uuid:/i, '');
    const note = a.body
      .filter((b) => b.purpose === 'commenting' && b.value)
      .map((b) => b.value!)
      .join('\n\n');
    const local = getLink(db, id);
    const updated = a.modified ?? a.created ?? now;
    if (local) {
      if (local.note === note || local.updated >= updated) {
        result.unchanged++;
        continue;
      }
      putLink(db, { ...local, note, updated });
      changes.push({ before: local, after: getLink(db, id) });
      result.updated++;
      continue;
    }
    const meta = a['yandu:link'];
    const toText = a.body.find((b) => b.purpose === 'linking')?.selector?.exact ?? '';
    const fromText = a.target.selector.exact;
    const from = placeEnd(db, meta.from, meta.fromDocumentId, fromText);
    const to = placeEnd(db, meta.to, meta.toDocumentId, toText);
    if (from === null && to === null) {
      result.skipped++;
      continue;
    }
    putLink(db, {
      id,
      from,
      to,
      note,
      fromDocumentId: meta.fromDocumentId,
      toDocumentId: meta.toDocumentId,
      fromText,
      toText,
      author: a.creator?.name || '未署名',
      created: a.created ?? now,
      updated,
      status: from && to ? 'anchored' : 'orphaned',
    });
    changes.push({ before: null, after: getLink(db, id) });
    result.added++;
  }
  recordLinkBatch(db, 'import', changes, now);
  return result;
}
