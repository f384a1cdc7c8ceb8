import {
  ANNOTATION_COLORS,
  type Annotation,
  type AnnotationColor,
} from '../../../../../shared/domain/annotations';

export interface AnnotationFilter {
  text: string;
  colors: readonly AnnotationColor[];
  tags: readonly string[];
}

export const NO_FILTER: AnnotationFilter = { text: '', colors: [], tags: [] };

export const isFiltering = (f: AnnotationFilter) =>
  Boolean(f.text.trim() || f.colors.length || f.tags.length);

/** Colours: any of those chosen; tags: any of those chosen; text: in the quote, note or a tag. */
export function filterAnnotations(list: readonly Annotation[], f: AnnotationFilter): Annotation[] {
  const q = f.text.trim().toLowerCase();
  const tags = f.tags.map((t) => t.toLowerCase());
  return list.filter(
    (a) =>
      (!f.colors.length || f.colors.includes(a.color)) &&
      (!tags.length || a.tags.some((t) => tags.includes(t.toLowerCase()))) &&
      (!q ||
        a.quote.toLowerCase().includes(q) ||
        a.note.toLowerCase().includes(q) ||
        a.tags.some((t) => t.toLowerCase().includes(q))),
  );
}

export interface Facets {
  colors: { color: AnnotationColor; count: number }[];
  tags: { tag: string; count: number }[];
}

/** Counts per colour (palette order) and per tag (most used first) for the filter chips. */
export function facetCounts(list: readonly Annotation[]): Facets {
  const colors = new Map<AnnotationColor, number>();
  const tags = new Map<string, number>();
  for (const a of list) {
    colors.set(a.color, (colors.get(a.color) ?? 0) + 1);
    for (const t of a.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
  }
  return {
    colors: ANNOTATION_COLORS.map((color) => ({ color, count: colors.get(color) ?? 0 })),
    tags: [...tags]
      .map(([tag, count]) => ({ tag, count }))
      .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)),
  };
}

export const toggle = <T>(list: readonly T[], item: T): T[] =>
  list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
