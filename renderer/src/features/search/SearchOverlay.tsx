import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchResponse, SearchResultItem, SearchStatus } from '../../../../shared/domain/search';
import { navigation, useNavigation } from '../../app/navigation';
import { useT } from '../../i18n';
import { apiClient } from '../../lib/api-client';
import { createStore, useStore } from '../../lib/store';
import { addToBriefing } from '../briefings/add-to-briefing';
import { briefingSourceOf } from './briefing-source';
import { FilterChips } from './FilterChips';
import { composeQuery, hasFilters, NO_FILTERS, type ChipFilters } from './model/query';
import { groupRows } from './model/rows';
import { hitElementId, ResultList } from './ResultList';
import { readerHighlight, rememberQuery, searchHistory, useSearchResults } from './search-store';
import { searchStrings } from './strings';

/** What was typed last, so Ctrl+K comes back to it (selected, ready to be replaced). */
const lastInput = createStore('');

/** Opens a hit in the reader: the passage, its first range marked, every hit of the query shown. */
function openHit(hit: SearchResultItem, input: string) {
  rememberQuery(input);
  readerHighlight.set({ query: input });
  const first = hit.ranges[0];
  if (!hit.passageId) navigation.openDocument(hit.docId);
  else
    navigation.openPassage(
      hit.docId,
      hit.passageId,
      hit.kind === 'passage' && first ? { start: first[0], end: first[1] } : null,
    );
}

/** The Ctrl+K overlay: a modal dialog over whatever screen is open. */
export function SearchOverlay() {
  const t = useT(searchStrings);
  const { searchOpen } = useNavigation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (searchOpen && !dialog.open) dialog.showModal();
    if (!searchOpen && dialog.open) dialog.close();
  }, [searchOpen]);
  // Loading the index starts with the window, not with the first query.
  useEffect(() => {
    apiClient.call('search:status', {}).catch(() => {});
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog search-dialog"
      aria-label={t('title')}
      onClose={() => navigation.closeSearch()}
      onClick={(e) => e.target === e.currentTarget && navigation.closeSearch()}
    >
      {searchOpen && <SearchPanel />}
    </dialog>
  );
}

function SearchPanel() {
  const t = useT(searchStrings);
  const [input, setInput] = useState(lastInput.get());
  const [filters, setFilters] = useState<ChipFilters>(NO_FILTERS);
  // The selection belongs to the query it was made in: a new query starts at the top.
  const [selection, setSelection] = useState({ query: '', index: 0 });
  const inputRef = useRef<HTMLInputElement>(null);
  const query = composeQuery(input, filters);
  const { response, hits, loading, error, loadMore } = useSearchResults(query);
  const facets = useFacets(input, hasFilters(filters) ? null : response);
  const status = useIndexStatus(response);
  const history = useStore(searchHistory);
  const counts = useMemo(() => new Map(response?.byDoc.map((d) => [d.docId, d.count]) ?? []), [response]);
  const rows = useMemo(() => groupRows(hits, counts), [hits, counts]);
  const ordered = useMemo(() => rows.flatMap((r) => (r.type === 'hit' ? [r.hit] : [])), [rows]);
  const showHistory = !input.trim();
  const selected = selection.query === query ? selection.index : 0;
  const setSelected = useCallback((index: number) => setSelection({ query, index }), [query]);

  useEffect(() => {
    inputRef.current?.select();
  }, []);
  useEffect(() => lastInput.set(input), [input]);

  const open = useCallback((hit: SearchResultItem) => openHit(hit, input), [input]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const count = showHistory ? history.length : ordered.length;
    const move = (to: number) => {
      e.preventDefault();
      setSelected(Math.max(0, Math.min(count - 1, to)));
    };
    if (e.key === 'ArrowDown') move(selected + 1);
    else if (e.key === 'ArrowUp') move(selected - 1);
    else if (e.key === 'PageDown') move(selected + 6);
    else if (e.key === 'PageUp') move(selected - 6);
    else if (e.altKey && e.code === 'KeyB' && !showHistory && ordered[selected]) {
      e.preventDefault();
      const source = briefingSourceOf(ordered[selected]!);
      if (source) addToBriefing(source);
    } else if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      if (showHistory && history[selected]) setInput(history[selected]!);
      else if (ordered[selected]) open(ordered[selected]!);
    }
  };

  return (
    <div className="search-panel">
      <div className="search-box">
        <input
          ref={inputRef}
          className="search-input"
          type="text"
          enterKeyHint="search"
          role="combobox"
          aria-label={t('title')}
          aria-expanded={!showHistory && ordered.length > 0}
          aria-controls="search-results"
          aria-autocomplete="list"
          aria-activedescendant={!showHistory && ordered.length ? hitElementId(selected) : undefined}
          placeholder={t('placeholder')}
          value={input}
          spellCheck={false}
          onChange={(e) => setInput(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          className="icon-button"
          aria-label={t('close')}
          onClick={() => navigation.closeSearch()}
        >
          ×
        </button>
      </div>
      {!showHistory && <FilterChips facets={facets} filters={filters} onChange={setFilters} />}
      <StatusLine response={response} loading={loading} error={error} status={status} query={input} />
      {showHistory ? (
        <HistoryView history={history} selected={selected} onPick={setInput} />
      ) : (
        <ResultList
          rows={rows}
          selected={selected}
          onSelect={setSelected}
          onOpen={open}
          onNearEnd={loadMore}
        />
      )}
      <footer className="search-keys" aria-hidden="true">
        <span>
          <kbd>↑</kbd>
          <kbd>↓</kbd> {t('keysSelect')}
        </span>
        <span>
          <kbd>Enter</kbd> {t('keysOpen')}
        </span>
        <span>
          <kbd>Alt B</kbd> {t('keysBriefing')}
        </span>
        <span>
          <kbd>Tab</kbd> {t('keysFilters')}
        </span>
        <span>
          <kbd>Esc</kbd> {t('keysClose')}
        </span>
      </footer>
    </div>
  );
}

/** Counts for the chips come from the query without chips, so a chip never hides its siblings. */
function useFacets(input: string, unfiltered: SearchResponse | null): SearchResponse | null {
  const [facets, setFacets] = useState<SearchResponse | null>(null);
  useEffect(() => {
    if (unfiltered || !input.trim()) return;
    let live = true;
    apiClient.call('search:query', { query: input, limit: 1 }).then(
      (r) => live && setFacets(r),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [input, unfiltered]);
  return unfiltered ?? facets;
}

/** While the index is still being built, how far it has got. */
function useIndexStatus(response: SearchResponse | null): SearchStatus | null {
  const [status, setStatus] = useState<SearchStatus | null>(null);
  const indexing = response !== null && !response.complete;
  useEffect(() => {
    if (!indexing) return;
    const timer = setInterval(() => apiClient.call('search:status', {}).then(setStatus, () => {}), 700);
    return () => clearInterval(timer);
  }, [indexing]);
  return indexing ? status : null;
}

function StatusLine({
  response,
  loading,
  error,
  status,
  query,
}: {
  response: SearchResponse | null;
  loading: boolean;
  error: string | null;
  status: SearchStatus | null;
  query: string;
}) {
  const t = useT(searchStrings);
  if (!query.trim()) return null;
  return (
    <div className="search-status" role="status" aria-live="polite" data-loading={loading}>
      {error ? (
        <span className="search-error">{t('error', { message: error })}</span>
      ) : response && response.total === 0 && !loading ? (
        <span>
          {t('none', { q: query.trim() })} <span className="search-muted">{t('noneHint')}</span>
        </span>
      ) : response ? (
        <span>
          {t('total', { n: response.total })}{' '}
          <span className="search-muted">· {t('took', { ms: response.tookMs })}</span>
        </span>
      ) : null}
      {response && !response.complete && (
        <span className="search-indexing">
          {t('indexing', { done: status?.indexed ?? '…', total: status?.documents ?? '…' })}
        </span>
      )}
    </div>
  );
}

function HistoryView({
  history,
  selected,
  onPick,
}: {
  history: readonly string[];
  selected: number;
  onPick: (q: string) => void;
}) {
  const t = useT(searchStrings);
  return (
    <div className="search-idle">
      {history.length > 0 && (
        <section aria-label={t('history')}>
          <header className="search-idle-head">
            <h3>{t('history')}</h3>
            <button type="button" className="link-button" onClick={() => searchHistory.set([])}>
              {t('clearHistory')}
            </button>
          </header>
          <ul className="search-history">
            {history.map((q, i) => (
              <li key={q}>
                <button
                  type="button"
                  className="search-history-item"
                  aria-current={i === selected}
                  onClick={() => onPick(q)}
                >
                  {q}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-label={t('tipsTitle')}>
        <h3>{t('tipsTitle')}</h3>
        <ul className="search-tips">
          {(['tipTerms', 'tipPhrase', 'tipExclude', 'tipOr', 'tipFilters'] as const).map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
