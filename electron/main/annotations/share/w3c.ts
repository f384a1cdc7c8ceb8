import { z } from 'zod';
import {
  ANNOTATION_COLORS,
  ANNOTATION_KINDS,
  type Annotation,
  type AnnotationKind,
} from '../../../../shared/domain/annotations';
import { AppError } from '../../kernel/app-error';
import { isLinkItem } from '../../links/domain';
import { fromCodePoints, toCodePoints } from '../anchoring/selectors';
import type { StoredAnnotation } from '../repository';

/**
 * W3C Web Annotation (JSON-LD) for sharing. The target's source is the passage; both selectors are
 * given (TextQuoteSelector first: it survives edits). Yandu's own fields carry the `yandu:` prefix:
 * document and passage ids, the edition hash, kind, colour and its label, status, merge history.
 */
export const YANDU_NS = 'https://yandu.app/ns/annotation#';
const CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { yandu: YANDU_NS }];

export interface Exportable extends StoredAnnotation {
  /** The passage text, to turn the UTF-16 range into W3C code points; null for an orphan. */
  passageText: string | null;
  colorLabel: string;
}

const urn = (id: string) => `urn:uuid:${id}`;

function toW3C(a: Exportable) {
  const selectors: Record<string, unknown>[] = [
    { type: 'TextQuoteSelector', exact: a.quote, prefix: a.prefix, suffix: a.suffix },
  ];
  if (a.passageText !== null)
    selectors.push({
      type: 'TextPositionSelector',
      start: toCodePoints(a.passageText, a.start),
      end: toCodePoints(a.passageText, a.end),
    });
  const body: Record<string, unknown>[] = [];
  if (a.note)
    body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: a.note });
  for (const tag of a.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  return {
    id: urn(a.id),
    type: 'Annotation',
    motivation: a.kind === 'note' ? 'commenting' : 'highlighting',
    creator: { type: 'Person', name: a.author },
    created: a.created,
    modified: a.updated,
    ...(body.length ? { body } : {}),
    target: {
      source: `urn:yandu:passage:${a.passageId ?? 'orphaned'}`,
      selector: selectors,
    },
    'yandu:documentId': a.documentId,
    'yandu:passageId': a.passageId,
    'yandu:editionHash': a.editionHash,
    'yandu:kind': a.kind,
    'yandu:color': a.color,
    'yandu:colorLabel': a.colorLabel,
    'yandu:status': a.status,
    'yandu:history': a.history,
  };
}

/** What names a shared collection: a stable URI, a label and when it was made. */
export interface CollectionHead {
  /** `urn:yandu:library:<library>:annotations:<document id|all>`: the same for every export of one scope. */
  id: string;
  label: string;
  generated: string;
}

/**
 * The annotations as one W3C AnnotationCollection with its single AnnotationPage embedded (Web
 * Annotation Data Model §5: the collection has an IRI, a label, the total and its first and last
 * page; the page has an IRI, is part of the collection, and gives its items and start index).
 * `links`: passage links already in W3C form (links/share.ts), shared in the same collection.
 */
export function exportW3C(
  annotations: readonly Exportable[],
  head: CollectionHead,
  links: readonly unknown[] = [],
): string {
  const page = `${head.id}:page:0`;
  const collection = {
    '@context': CONTEXT,
    id: head.id,
    type: 'AnnotationCollection',
    label: head.label,
    generator: { type: 'Software', name: '研读 Yandu' },
    generated: head.generated,
    total: annotations.length + links.length,
    first: {
      id: page,
      type: 'AnnotationPage',
      partOf: head.id,
      startIndex: 0,
      items: [...annotations.map(toW3C), ...links],
    },
    last: page,
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/** An annotation read from a shared file, positions still in W3C code points. */
export type IncomingAnnotation = Pick<
  Annotation,
  'id' | 'quote' | 'prefix' | 'suffix' | 'kind' | 'color' | 'note' | 'tags' | 'author' | 'created' | 'updated'
> & {
  documentId: string | null;
  passageId: string | null;
  editionHash: string | null;
  /** Code points into the passage text, when the file gave a position. */
  position: { start: number; end: number } | null;
  history: string[];
};

const text = (max: number) => z.string().max(max);
const selector = z.looseObject({
  type: z.string().max(100),
  exact: text(100_000).optional(),
  prefix: text(1000).optional(),
  suffix: text(1000).optional(),
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(0).optional(),
});
const bodySchema = z.looseObject({
  type: z.string().max(100).optional(),
  purpose: z.string().max(100).optional(),
  value: text(20_000).optional(),
});
const person = z.union([z.string().max(200), z.looseObject({ name: z.string().max(200).optional() })]);
const annotationSchema = z.looseObject({
  id: z.string().min(1).max(209),
  type: z.union([z.string(), z.array(z.string())]).optional(),
  motivation: z.union([z.string().max(100), z.array(z.string().max(100))]).optional(),
  creator: person.optional(),
  created: z.string().max(100).optional(),
  modified: z.string().max(100).optional(),
  body: z.union([bodySchema, z.array(bodySchema).max(100), z.string().max(20_000)]).optional(),
  target: z.looseObject({
    source: z.string().max(500).optional(),
    selector: z.union([selector, z.array(selector).max(10)]),
  }),
  'yandu:documentId': z.string().max(200).nullish(),
  'yandu:passageId': z.string().max(200).nullish(),
  'yandu:editionHash': z.string().max(200).nullish(),
  'yandu:kind': z.enum(ANNOTATION_KINDS).optional(),
  'yandu:color': z.enum(ANNOTATION_COLORS).optional(),
  'yandu:history': z.array(z.string().max(64)).max(200).optional(),
});
const pageSchema = z.looseObject({ items: z.array(z.unknown()) });
const collectionSchema = z.looseObject({ first: pageSchema });

const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const stripUrn = (id: string) => id.replace(/^urn:uuid:/i, '');

/** Reads an AnnotationCollection, an AnnotationPage, an array or a single Annotation. */
export function parseW3C(textIn: string): IncomingAnnotation[] {
  // Passage links (motivation `linking`) travel in the same file; links/share.ts reads them.
  return readW3CItems(textIn)
    .filter((item) => !isLinkItem(item))
    .map((item, index) => {
      const parsed = annotationSchema.safeParse(item);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new AppError('annotation_import_invalid', {
          reason: `第 ${index + 1} 条：${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
        });
      }
      return fromW3C(parsed.data, index);
    });
}

/** The items of a shared file, whatever its outer form; refuses what is not JSON. */
export function readW3CItems(textIn: string): unknown[] {
  let data: unknown;
  try {
    data = JSON.parse(textIn);
  } catch (error) {
    throw new AppError('annotation_import_invalid', { reason: `不是 JSON（${(error as Error).message}）` });
  }
  const collection = collectionSchema.safeParse(data);
  const page = pageSchema.safeParse(data);
  const items: unknown[] = Array.isArray(data)
    ? data
    : collection.success
      ? collection.data.first.items
      : page.success
        ? page.data.items
        : [data];
  return items;
}

function fromW3C(a: z.infer<typeof annotationSchema>, index: number): IncomingAnnotation {
  const selectors = list(a.target.selector);
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector' && s.exact);
  if (!quote?.exact)
    throw new AppError('annotation_import_invalid', { reason: `第 ${index + 1} 条没有 TextQuoteSelector` });
  const pos = selectors.find((s) => s.type === 'TextPositionSelector');
  const bodies = typeof a.body === 'string' ? [{ value: a.body, purpose: 'commenting' }] : list(a.body);
  const motivations = list(a.motivation);
  const kind: AnnotationKind =
    a['yandu:kind'] ?? (motivations.includes('highlighting') || !motivations.length ? 'highlight' : 'note');
  const author = typeof a.creator === 'string' ? a.creator : (a.creator?.name ?? '');
  const fallbackTime = a.created ?? new Date(0).toISOString();
  return {
    id: stripUrn(a.id),
    documentId: a['yandu:documentId'] ?? null,
    passageId: a['yandu:passageId'] ?? null,
    editionHash: a['yandu:editionHash'] ?? null,
    position:
      pos?.start !== undefined && pos.end !== undefined && pos.end > pos.start
        ? { start: pos.start, end: pos.end }
        : null,
    quote: quote.exact,
    prefix: quote.prefix ?? '',
    suffix: quote.suffix ?? '',
    kind,
    color: a['yandu:color'] ?? 'yellow',
    note: bodies
      .filter((b) => b.purpose !== 'tagging' && b.value)
      .map((b) => b.value!)
      .join('\n\n'),
    tags: bodies.filter((b) => b.purpose === 'tagging' && b.value).map((b) => b.value!.trim()),
    author: author || '未署名',
    created: fallbackTime,
    updated: a.modified ?? fallbackTime,
    history: a['yandu:history'] ?? [],
  };
}

/** The incoming W3C position, as a UTF-16 range into the passage text. */
export function utf16Range(passageText: string, position: { start: number; end: number }) {
  return {
    start: fromCodePoints(passageText, position.start),
    end: fromCodePoints(passageText, position.end),
  };
}
