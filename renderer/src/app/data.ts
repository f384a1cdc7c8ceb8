import { useEffect, useState } from 'react';
import type { DocumentBundle, DocumentSummary } from '../../../shared/domain/library';
import type { IpcError } from '../../../shared/ipc/result';
import { ApiError, apiClient } from '../lib/api-client';

export type Loadable<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: IpcError };

function toIpcError(error: unknown): IpcError {
  if (error instanceof ApiError) return error.error;
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** No bridge (a page opened outside the app) must not crash the screen: the load reports it instead. */
function onLibraryChanged(listener: (documentIds: string[]) => void): (() => void) | undefined {
  try {
    return apiClient.on('library:changed', ({ documentIds }) => listener(documentIds));
  } catch {
    return undefined;
  }
}

/** Loads with `load`, reloads when `deps` change or when the library changes in a way `affects`. */
function useLibraryQuery<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
  affects: (documentIds: string[]) => boolean = () => true,
): Loadable<T> {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(
    () => onLibraryChanged((ids) => affects(ids) && setVersion((v) => v + 1)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the filter follows `deps`
    deps,
  );
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ status: 'ready', value }),
      (error: unknown) => live && setState({ status: 'error', error: toIpcError(error) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` is rebuilt every render
  }, [...deps, version]);
  return state;
}

export function useDocumentList(): Loadable<DocumentSummary[]> {
  return useLibraryQuery(() => apiClient.call('documents:list', {}), []);
}

export function useDocumentBundle(docId: string | null): Loadable<DocumentBundle> {
  return useLibraryQuery(
    () =>
      docId
        ? apiClient.call('documents:get', { id: docId })
        : Promise.reject(new ApiError({ code: 'not_found', message: '' })),
    [docId],
    (ids) => docId !== null && ids.includes(docId),
  );
}

/** For features' own library-wide queries (the ledger): reloads on library changes and on `deps`. */
export { useLibraryQuery };
