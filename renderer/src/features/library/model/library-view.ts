import type { DocumentLevel, DocumentSummary } from '../../../../../shared/domain/library';
import { groupByYear, type YearGroup } from './group-by-year';

export const LIBRARY_SORTS = ['newest', 'oldest', 'issuer', 'annotations'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

/** What the library shows: `null` filters show everything. */
export interface LibraryView {
  year: number | null;
  issuer: string | null;
  level: DocumentLevel | null;
  sort: LibrarySort;
}

export const defaultLibraryView: LibraryView = { year: null, issuer: null, level: null, sort: 'newest' };

/** The values each filter can take in this library, for its menu (issuers in pinyin order). */
export function filterOptions(documents: readonly DocumentSummary[]) {
  const years = [...new Set(documents.flatMap((d) => (d.year === null ? [] : [d.year])))].sort(
    (a, b) => b - a,
  );
  const issuers = [...new Set(documents.flatMap((d) => (d.issuer ? [d.issuer] : [])))].sort((a, b) =>
    a.localeCompare(b, 'zh-CN'),
  );
  const levels = [...new Set(documents.map((d) => d.level))];
  return { years, issuers, levels };
}

const byIssuer = (a: DocumentSummary, b: DocumentSummary) =>
  (a.issuer ?? '\uffff').localeCompare(b.issuer ?? '\uffff', 'zh-CN');

/**
 * The documents that pass the filters, grouped by year (newest year first, or oldest for
 * `oldest`); inside a year by date, by issuer, or most annotated first.
 */
export function libraryGroups(documents: readonly DocumentSummary[], view: LibraryView): YearGroup[] {
  const shown = documents.filter(
    (d) =>
      (view.year === null || d.year === view.year) &&
      (view.issuer === null || d.issuer === view.issuer) &&
      (view.level === null || d.level === view.level),
  );
  const groups = groupByYear(shown);
  if (view.sort === 'oldest') {
    const dated = groups.filter((g) => g.year !== null).reverse();
    return [...dated, ...groups.filter((g) => g.year === null)].map((g) => ({
      ...g,
      documents: [...g.documents].reverse(),
    }));
  }
  if (view.sort === 'issuer')
    return groups.map((g) => ({ ...g, documents: [...g.documents].sort((a, b) => byIssuer(a, b)) }));
  if (view.sort === 'annotations')
    return groups.map((g) => ({
      ...g,
      documents: [...g.documents].sort((a, b) => b.annotations - a.annotations),
    }));
  return groups;
}
