import type { DocumentLevel, DocumentSummary } from '../../../../shared/domain/library';
import { useT } from '../../i18n';
import './library.css';
import { filterOptions, LIBRARY_SORTS, type LibrarySort, type LibraryView } from './model/library-view';
import { libraryStrings } from './strings';

interface Choice {
  value: string;
  label: string;
}

/** One labelled menu; a native select, so keyboards and screen readers know it. */
function FilterSelect(props: {
  label: string;
  value: string;
  choices: Choice[];
  onChange: (value: string) => void;
}) {
  return (
    <label className="library-filter">
      <span>{props.label}</span>
      <select aria-label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Sort and filter menus above the library list. An empty value means "all". */
export function LibraryFilters({
  documents,
  view,
  onChange,
}: {
  documents: readonly DocumentSummary[];
  view: LibraryView;
  onChange: (view: LibraryView) => void;
}) {
  const t = useT(libraryStrings);
  const { years, issuers, levels } = filterOptions(documents);
  const all: Choice = { value: '', label: t('all') };
  const filtered = view.year !== null || view.issuer !== null || view.level !== null;
  return (
    <div className="library-filters" role="group" aria-label={t('filtersLabel')}>
      <FilterSelect
        label={t('sortLabel')}
        value={view.sort}
        choices={LIBRARY_SORTS.map((s) => ({ value: s, label: t(`sort_${s}`) }))}
        onChange={(v) => onChange({ ...view, sort: v as LibrarySort })}
      />
      <FilterSelect
        label={t('yearLabel')}
        value={view.year === null ? '' : String(view.year)}
        choices={[all, ...years.map((y) => ({ value: String(y), label: t('year', { year: y }) }))]}
        onChange={(v) => onChange({ ...view, year: v ? Number(v) : null })}
      />
      <FilterSelect
        label={t('issuerLabel')}
        value={view.issuer ?? ''}
        choices={[all, ...issuers.map((i) => ({ value: i, label: i }))]}
        onChange={(v) => onChange({ ...view, issuer: v || null })}
      />
      <FilterSelect
        label={t('levelLabel')}
        value={view.level ?? ''}
        choices={[all, ...levels.map((l) => ({ value: l, label: t(`level_${l}`) }))]}
        onChange={(v) => onChange({ ...view, level: (v || null) as DocumentLevel | null })}
      />
      {filtered && (
        <button
          type="button"
          className="link-button"
          onClick={() => onChange({ ...view, year: null, issuer: null, level: null })}
        >
          {t('clearFilters')}
        </button>
      )}
    </div>
  );
}
