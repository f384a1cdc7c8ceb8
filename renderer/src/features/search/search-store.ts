import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchResponse, SearchResultItem } from '../../../../shared/domain/search';
import { apiClient } from '../../lib/api-client';
import { createStore } from '../../lib/store';
import { remember } from './model/query';

export const PAGE = 100;
const DEBOUNCE_MS = 120;

/** Queries the user opened a hit of, most recent first (kept across sessions). */
export const searchHistory = createStore<readonly string[]>([], 'yandu.search.history');
export const rememberQuery = (q: string) => searchHistory.set((h) => remember(h, q));

/** The query whose hits the reader marks in the open document, set when a hit is opened. */
export const readerHighlight = createStore<{ query: string } | null>(null);

export interface SearchView {
  response: SearchResponse | null;
  hits: SearchResultItem[];
  loading: boolean;
  error: string | null;
  loadMore(): void;
}

/**
 * Results of a query as the user types: asked a moment after the last keystroke, answers to an
 * older query dropped, further pages fetched as the list is scrolled.
 */
export function useSearchResults(query: string): SearchView {
  // Results with the query they answer: while a newer one is asked, the older stay on screen.
  const [state, setState] = useState<{
    query: string;
    response: SearchResponse | null;
    hits: SearchResultItem[];
    error: string | null;
  }>({ query: '', response: null, hits: [], error: null });
  const latest = useRef(0);
  const fetching = useRef(false);
  const empty = !query.trim();

  useEffect(() => {
    const id = ++latest.current;
    if (!query.trim()) return;
    const timer = setTimeout(() => {
      apiClient.call('search:query', { query, limit: PAGE }).then(
        (r) => id === latest.current && setState({ query, response: r, hits: r.hits, error: null }),
        (e: unknown) =>
          id === latest.current &&
          setState({ query, response: null, hits: [], error: e instanceof Error ? e.message : String(e) }),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const { response, hits } = state;
  const loadMore = useCallback(() => {
    if (!response || fetching.current || hits.length >= response.total) return;
    const id = latest.current;
    const offset = hits.length;
    fetching.current = true;
    apiClient
      .call('search:query', { query: response.query, offset, limit: PAGE })
      .then(
        (r) =>
          id === latest.current &&
          setState((prev) =>
            prev.response === response && prev.hits.length === offset
              ? { ...prev, hits: [...prev.hits, ...r.hits] }
              : prev,
          ),
        () => {},
      )
      .finally(() => (fetching.current = false));
  }, [response, hits.length]);

  if (empty) return { response: null, hits: [], loading: false, error: null, loadMore };
  return { response, hits, loading: state.query !== query, error: state.error, loadMore };
}
