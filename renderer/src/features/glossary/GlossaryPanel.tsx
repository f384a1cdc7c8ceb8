import { useEffect, useRef, useState } from 'react';
import { TraceButton } from '../xref/TraceButton';
import type { GlossaryEntry } from '../../../../shared/domain/library';
import type { GlossaryOccurrence } from '../../../../shared/ipc/channels/documents';
import { useT } from '../../i18n';
import { ApiError, apiClient } from '../../lib/api-client';
import { useReader, type PanelProps } from '../reader';
import { glossaryStrings } from './strings';

/** The glossary of the open document; an entry opens to its definition and the passages using it. */
export function GlossaryPanel({ doc, request }: PanelProps) {
  const t = useT(glossaryStrings);
  const [openId, setOpenId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const listRef = useRef<HTMLUListElement>(null);

  // A footnote popover's link asks for one entry: open it, clear the filter, bring it into view.
  const requested = requestedGlossaryId(request?.arg);
  const [handledNonce, setHandledNonce] = useState<number | null>(null);
  if (request && requested && request.nonce !== handledNonce) {
    setHandledNonce(request.nonce);
    setOpenId(requested);
    setQuery('');
  }
  useEffect(() => {
    if (!requested) return;
    const el = listRef.current?.querySelector<HTMLElement>(
      `[data-glossary-entry="${CSS.escape(requested)}"]`,
    );
    el?.scrollIntoView({ block: 'start' });
    el?.querySelector<HTMLElement>('.gl-term')?.focus({ preventScroll: true });
  }, [requested, handledNonce]);

  if (doc.glossary.length === 0) return <p className="panel-empty">{t('empty')}</p>;
  const q = query.trim();
  const entries = q
    ? doc.glossary.filter((g) => g.term.includes(q) || g.definition.includes(q) || String(g.number) === q)
    : doc.glossary;

  return (
    <div className="panel glossary-panel">
      <div className="panel-toolbar">
        <input
          type="search"
          className="panel-filter"
          aria-label={t('filter')}
          placeholder={t('filterPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span className="panel-count">{t('count', { n: entries.length })}</span>
      </div>
      {entries.length === 0 && <p className="panel-empty">{t('noMatch', { q })}</p>}
      <ul className="gl-list" ref={listRef} aria-label={t('tab')}>
        {entries.map((entry) => (
          <GlossaryItem
            key={entry.id}
            entry={entry}
            open={entry.id === openId}
            onToggle={() => setOpenId((id) => (id === entry.id ? null : entry.id))}
          />
        ))}
      </ul>
    </div>
  );
}

function requestedGlossaryId(arg: unknown): string | null {
  if (typeof arg !== 'object' || arg === null || !('glossaryId' in arg)) return null;
  const id = (arg as { glossaryId: unknown }).glossaryId;
  return typeof id === 'string' ? id : null;
}

function GlossaryItem({
  entry,
  open,
  onToggle,
}: {
  entry: GlossaryEntry;
  open: boolean;
  onToggle: () => void;
}) {
  const panelId = `gl-${entry.id}`;
  const itemRef = useRef<HTMLLIElement>(null);
  return (
    <li ref={itemRef} className={`gl-item${open ? ' is-open' : ''}`} data-glossary-entry={entry.id}>
      <button
        type="button"
        className="gl-term"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={onToggle}
      >
        <span className="gl-number">{entry.number ?? '·'}</span>
        <span className="gl-term-text">{entry.term}</span>
      </button>
      {open && (
        <div className="gl-body" id={panelId}>
          <p className="gl-definition">{entry.definition}</p>
          <TraceButton term={entry.term} />
          <Occurrences entry={entry} onLoaded={() => itemRef.current?.scrollIntoView({ block: 'nearest' })} />
        </div>
      )}
    </li>
  );
}

type OccurrenceState =
  | { status: 'loading' }
  | { status: 'ready'; items: GlossaryOccurrence[] }
  | { status: 'error'; message: string };

function Occurrences({ entry, onLoaded }: { entry: GlossaryEntry; onLoaded: () => void }) {
  const t = useT(glossaryStrings);
  const reader = useReader();
  const [state, setState] = useState<OccurrenceState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    apiClient.call('glossary:passages', { glossaryId: entry.id }).then(
      (items) => live && setState({ status: 'ready', items }),
      (e: unknown) =>
        live && setState({ status: 'error', message: e instanceof ApiError ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [entry.id]);

  // Once the list is in, keep the opened entry (definition and list) in view.
  const ready = state.status === 'ready';
  useEffect(() => {
    if (ready) onLoaded();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per load, not per render
  }, [ready]);

  if (state.status === 'loading') return <p className="panel-note">{t('loading')}</p>;
  if (state.status === 'error')
    return <p className="panel-error">{t('loadFailed', { message: state.message })}</p>;
  if (state.items.length === 0) return <p className="panel-note">{t('noOccurrences')}</p>;
  return (
    <>
      <h3 className="gl-occ-title">{t('occurrences', { n: state.items.length })}</h3>
      <ol className="gl-occurrences">
        {state.items.map((o) => (
          <li key={`${o.passageId}:${o.offset}`}>
            <button
              type="button"
              className="jump-item"
              onClick={() => reader.openPassage(o.passageId, termRange(reader, o, entry.term))}
            >
              <span className="jump-citation">{o.citation.replace(/^《[^》]*》/, '')}</span>
              <span className="jump-snippet">{o.snippet}</span>
            </button>
          </li>
        ))}
      </ol>
    </>
  );
}

/** The term just before the marker (allowing a closing quote between), to highlight on arrival. */
function termRange(reader: ReturnType<typeof useReader>, o: GlossaryOccurrence, term: string) {
  const text = reader.index.passageById.get(o.passageId)?.text ?? '';
  const at = text.lastIndexOf(term, o.offset - term.length);
  if (at < 0 || o.offset - (at + term.length) > 2) return null;
  return { start: at, end: at + term.length };
}
