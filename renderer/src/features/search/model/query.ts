import type { SearchKind } from '../../../../../shared/domain/search';

/** Filters picked with chips, added to what the user typed rather than written into the box. */
export interface ChipFilters {
  kinds: readonly SearchKind[];
  years: readonly number[];
  docs: readonly string[];
}

export const NO_FILTERS: ChipFilters = { kinds: [], years: [], docs: [] };

export const hasFilters = (f: ChipFilters) => f.kinds.length + f.years.length + f.docs.length > 0;

/** The query main receives: the typed text plus one filter per chip group (values of a group are OR-ed). */
export function composeQuery(input: string, filters: ChipFilters): string {
  const parts = [input.trim()];
  if (filters.kinds.length) parts.push(`kind:${filters.kinds.join(',')}`);
  if (filters.years.length) parts.push(`year:${filters.years.join(',')}`);
  if (filters.docs.length) parts.push(`doc:${filters.docs.join(',')}`);
  return parts.filter(Boolean).join(' ');
}

export function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

const HISTORY_SIZE = 20;

/** Most recent first, each query once, at most 20. */
export function remember(history: readonly string[], query: string): string[] {
  const q = query.trim();
  if (!q) return [...history];
  return [q, ...history.filter((h) => h !== q)].slice(0, HISTORY_SIZE);
}
