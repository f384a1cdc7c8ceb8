import { SEARCH_KINDS, type SearchResponse } from '../../../../shared/domain/search';
import { useT } from '../../i18n';
import { hasFilters, NO_FILTERS, toggle, type ChipFilters } from './model/query';
import { searchStrings } from './strings';

const MAX_DOCS = 6;

/** `2021年湖里区` for a work report; a title that would shrink to a bare year stays whole. */
function shortTitle(title: string): string {
  const short = title.replace(/(人民政府|政府)工作报告$/u, '');
  return /^\d{4}年?$/u.test(short) || !short ? title : short;
}
const MAX_YEARS = 8;

/** Chips that narrow the results by kind, year and document, with the unfiltered counts. */
export function FilterChips({
  facets,
  filters,
  onChange,
}: {
  facets: SearchResponse | null;
  filters: ChipFilters;
  onChange: (f: ChipFilters) => void;
}) {
  const t = useT(searchStrings);
  if (!facets || facets.total === 0) return null;
  const kinds = SEARCH_KINDS.filter((k) => facets.byKind[k] > 0 || filters.kinds.includes(k));
  const yearCounts = new Map<number, number>();
  for (const d of facets.byDoc)
    if (d.year !== null) yearCounts.set(d.year, (yearCounts.get(d.year) ?? 0) + d.count);
  const years = [...yearCounts].sort((a, b) => b[0] - a[0]).slice(0, MAX_YEARS);
  const docs = facets.byDoc.slice(0, MAX_DOCS);
  const showKinds = kinds.length > 1 || filters.kinds.length > 0;
  if (!showKinds && years.length < 2 && docs.length < 2 && !hasFilters(filters)) return null;
  const chip = (key: string, label: string, count: number | null, pressed: boolean, onClick: () => void) => (
    <button key={key} type="button" className="search-chip" aria-pressed={pressed} onClick={onClick}>
      {label}
      {count !== null && <span className="search-chip-count">{count}</span>}
    </button>
  );
  return (
    <div className="search-chips" role="group" aria-label={t('filters')}>
      {showKinds ? (
        <div className="search-chip-group">
          {chip('all', t('kindAll'), facets.total, filters.kinds.length === 0, () =>
            onChange({ ...filters, kinds: [] }),
          )}
          {kinds.map((k) =>
            chip(k, t(`kind_${k}`), facets.byKind[k], filters.kinds.includes(k), () =>
              onChange({ ...filters, kinds: toggle(filters.kinds, k) }),
            ),
          )}
        </div>
      ) : null}
      {years.length > 1 && (
        <div className="search-chip-group" aria-label={t('years')}>
          {years.map(([y, n]) =>
            chip(`y${y}`, String(y), n, filters.years.includes(y), () =>
              onChange({ ...filters, years: toggle(filters.years, y) }),
            ),
          )}
        </div>
      )}
      {docs.length > 1 && (
        <div className="search-chip-group" aria-label={t('docs')}>
          {docs.map((d) =>
            chip(d.docId, shortTitle(d.title), d.count, filters.docs.includes(d.docId), () =>
              onChange({ ...filters, docs: toggle(filters.docs, d.docId) }),
            ),
          )}
        </div>
      )}
      {hasFilters(filters) && (
        <button type="button" className="link-button search-chip-clear" onClick={() => onChange(NO_FILTERS)}>
          {t('clearFilters')}
        </button>
      )}
    </div>
  );
}
