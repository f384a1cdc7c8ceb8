import { useEffect, useState } from 'react';
import type { DocumentComparison } from '../../../../shared/domain/compare';
import { ApiError, apiClient } from '../../lib/api-client';

export type ComparisonState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: DocumentComparison }
  | { status: 'error'; message: string };

const messageOf = (error: unknown) =>
  error instanceof ApiError || error instanceof Error ? error.message : String(error);

/** The comparison of `a` and `b`, computed in main (sliced there, so the window stays responsive). */
export function useComparison(a: string | null, b: string | null): ComparisonState {
  const key = a && b ? `${a}\u0000${b}` : null;
  const [answer, setAnswer] = useState<{ key: string; state: ComparisonState } | null>(null);
  // A revised edition of either report (or its deletion) makes the comparison stale: compute it again.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!a || !b) return;
    try {
      return apiClient.on('library:changed', ({ documentIds }) => {
        if (documentIds.includes(a) || documentIds.includes(b)) setVersion((v) => v + 1);
      });
    } catch {
      return undefined; // no bridge: the call below reports it
    }
  }, [a, b]);
  useEffect(() => {
    if (!a || !b) return;
    let live = true;
    const done = (state: ComparisonState) => live && setAnswer({ key: `${a}\u0000${b}`, state });
    apiClient.call('compare:documents', { a, b }).then(
      (value) => done({ status: 'ready', value }),
      (error: unknown) => done({ status: 'error', message: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [a, b, version]);
  if (!key) return { status: 'idle' };
  return answer?.key === key ? answer.state : { status: 'loading' };
}

export interface CompareArg {
  a?: string | null;
  b?: string | null;
}

interface Choice {
  arg: CompareArg | null;
  a: string | null;
  b: string | null;
  /** No default pair exists and the argument named fewer than two documents. */
  none: boolean;
}

const fromArg = (arg: CompareArg | null): Choice => ({
  arg,
  a: arg?.a ?? null,
  b: arg?.b ?? null,
  none: false,
});

/**
 * Which two documents to show: what the screen was opened with (again when it is reopened with
 * another argument); a missing side is filled with the default pair (the document and its
 * predecessor, or the library's newest pair).
 */
export function usePairChoice(arg: CompareArg | null) {
  const [choice, setChoice] = useState<Choice>(() => fromArg(arg));
  if (choice.arg !== arg) setChoice(fromArg(arg));
  useEffect(() => {
    const a = arg?.a ?? null;
    const b = arg?.b ?? null;
    if (a && b) return;
    let live = true;
    const docId = b ?? a;
    const settle = (found: { a: string; b: string } | null) =>
      live &&
      setChoice((c) => (c.arg !== arg ? c : found ? { ...c, a: found.a, b: found.b } : { ...c, none: true }));
    apiClient.call('compare:default-pair', docId ? { docId } : {}).then(settle, () => settle(null));
    return () => {
      live = false;
    };
  }, [arg]);
  const setPair = (
    update: (pair: { a: string | null; b: string | null }) => { a: string | null; b: string | null },
  ) => setChoice((c) => ({ ...c, ...update({ a: c.a, b: c.b }) }));
  return { pair: { a: choice.a, b: choice.b }, setPair, none: choice.none };
}
