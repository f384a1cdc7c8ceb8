import { useCallback, useEffect, useState } from 'react';
import type { PassageXref } from '../../../../shared/domain/xref';
import { apiClient } from '../../lib/api-client';

export type XrefState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: PassageXref }
  | { status: 'error'; message: string };

type Answer = { key: string; data: PassageXref } | { key: string; message: string };

/** The cross-references of a passage, fetched again when the library changes or `reload` is called. */
export function useXref(passageId: string | null): { state: XrefState; reload: () => void } {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => apiClient.on('library:changed', reload), [reload]);
  useEffect(() => {
    if (!passageId) return;
    let live = true;
    apiClient.call('xref:passage', { passageId }).then(
      (data) => live && setAnswer({ key: passageId, data }),
      (e: unknown) =>
        live && setAnswer({ key: passageId, message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [passageId, version]);
  // A reload keeps showing the passage's previous answer until the new one arrives.
  let state: XrefState;
  if (!passageId) state = { status: 'idle' };
  else if (!answer || answer.key !== passageId) state = { status: 'loading' };
  else
    state =
      'data' in answer
        ? { status: 'ready', data: answer.data }
        : { status: 'error', message: answer.message };
  return { state, reload };
}
