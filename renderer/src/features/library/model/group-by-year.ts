import type { DocumentSummary } from '../../../../../shared/domain/library';

export interface YearGroup {
  year: number | null;
  documents: DocumentSummary[];
}

/** Newest year first, undated last; inside a year the latest date first, then by title. */
export function groupByYear(documents: readonly DocumentSummary[]): YearGroup[] {
  const groups = new Map<number | null, DocumentSummary[]>();
  for (const d of documents) {
    const list = groups.get(d.year) ?? [];
    list.push(d);
    groups.set(d.year, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : b - a))
    .map(([year, docs]) => ({
      year,
      documents: docs.sort(
        (a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title, 'zh-CN'),
      ),
    }));
}
