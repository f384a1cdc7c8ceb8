import { PanelGroup } from '../reader/PanelGroup';
import { useState } from 'react';
import type { PassageXref } from '../../../../shared/domain/xref';
import { navigation } from '../../app/navigation';
import { useT } from '../../i18n';
import { apiClient } from '../../lib/api-client';
import { useCurrentPassageId, useReader, type PanelProps } from '../reader';
import { linkMark, useLinkMark } from './link-mark';
import { LinkList } from './LinkList';
import { openTermView } from './open-term';
import { xrefStrings } from './strings';
import { useXref } from './use-xref';

/** The 关联 tab: what the passage at the reading position connects to, across the library. */
export function XrefPanel(_props: PanelProps) {
  const t = useT(xrefStrings);
  const passageId = useCurrentPassageId();
  const { state, reload } = useXref(passageId);
  const [error, setError] = useState<string | null>(null);
  if (!passageId) return <p className="panel-empty">{t('noPassage')}</p>;
  if (state.status === 'error')
    return (
      <p className="panel-error" role="alert">
        {state.message}
      </p>
    );
  if (state.status !== 'ready') return <p className="panel-empty">{t('loading')}</p>;
  const x = state.data;
  const done = () => {
    setError(null);
    reload();
  };
  const fail = (message: string) => setError(message);
  return (
    <div className="panel xr-panel" data-passage-id={x.passageId}>
      {error && (
        <p className="panel-error" role="alert">
          {error}
        </p>
      )}
      <TermsAndMeasures x={x} />
      <PanelGroup title={t('related')} count={x.related.length}>
        {!x.complete && <p className="panel-note">{t('incomplete')}</p>}
        {x.related.length === 0 ? (
          <p className="panel-note">{t('relatedNone')}</p>
        ) : (
          <ol className="xr-related">
            {x.related.map((r) => (
              <li key={r.passageId} className="xr-related-item" data-passage-id={r.passageId}>
                <button
                  type="button"
                  className="jump-item"
                  onClick={() => navigation.openPassage(r.docId, r.passageId)}
                >
                  <span className="jump-citation">{r.citation}</span>
                  <span className="jump-snippet">{r.excerpt}</span>
                  <span className="xr-shared">{t('shared', { phrases: r.shared.join('、') })}</span>
                </button>
                <button
                  type="button"
                  className="xr-button"
                  aria-label={t('linkToLabel', { citation: r.citation })}
                  onClick={() =>
                    void apiClient
                      .call('links:create', { from: x.passageId, to: r.passageId })
                      .then(done, (e: unknown) => fail(e instanceof Error ? e.message : String(e)))
                  }
                >
                  {t('linkTo')}
                </button>
              </li>
            ))}
          </ol>
        )}
      </PanelGroup>
      <PanelGroup title={t('links')} count={x.links.length}>
        <LinkControls x={x} onChanged={done} onError={fail} />
        <LinkList links={x.links} direction="out" refs={x.refs} onChanged={done} onError={fail} />
      </PanelGroup>
      <PanelGroup title={t('backlinks')} count={x.backlinks.length}>
        <LinkList links={x.backlinks} direction="in" refs={x.refs} onChanged={done} onError={fail} />
      </PanelGroup>
    </div>
  );
}

function TermsAndMeasures({ x }: { x: PassageXref }) {
  const t = useT(xrefStrings);
  const reader = useReader();
  const text = reader.index.passageById.get(x.passageId)?.text ?? '';
  return (
    <>
      {x.terms.length > 0 && (
        <PanelGroup title={t('terms')} count={x.terms.length}>
          <ul className="xr-terms">
            {x.terms.map((term) => (
              <li key={term.glossaryId}>
                <button
                  type="button"
                  className="xr-chip"
                  aria-label={t('traceLabel', { term: term.term })}
                  onClick={() => openTermView(term.term)}
                >
                  {term.term}
                </button>
              </li>
            ))}
          </ul>
        </PanelGroup>
      )}
      {x.measures.length > 0 && (
        <PanelGroup title={t('measures')} count={x.measures.length}>
          <ul className="xr-measures">
            {x.measures.map((m) => {
              const at = text.indexOf(m.title);
              return (
                <li key={m.id}>
                  <button
                    type="button"
                    className="jump-item"
                    onClick={() =>
                      reader.openPassage(
                        x.passageId,
                        at >= 0 ? { start: at, end: at + m.title.length } : null,
                      )
                    }
                  >
                    <span className={`chip chip-${m.kind === 'indicator' ? 'target' : 'actual'}`}>
                      {t(m.kind)}
                    </span>
                    <span className="jump-snippet">{m.title}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </PanelGroup>
      )}
    </>
  );
}

/** Remember this paragraph, or link the remembered one to it (with a note); undo and redo. */
function LinkControls({
  x,
  onChanged,
  onError,
}: {
  x: PassageXref;
  onChanged: () => void;
  onError: (m: string) => void;
}) {
  const t = useT(xrefStrings);
  const reader = useReader();
  const mark = useLinkMark();
  const [note, setNote] = useState('');
  const run = (p: Promise<unknown>) =>
    p.then(onChanged, (e: unknown) => onError(e instanceof Error ? e.message : String(e)));
  return (
    <div className="xr-link-controls">
      {mark && mark.passageId !== x.passageId ? (
        <form
          className="xr-note-form"
          onSubmit={(e) => {
            e.preventDefault();
            const from = mark.passageId;
            linkMark.set(null);
            setNote('');
            void run(apiClient.call('links:create', { from, to: x.passageId, note }));
          }}
        >
          <span className="panel-note">{t('marked', { citation: mark.citation })}</span>
          <input
            className="panel-filter"
            aria-label={t('notePlaceholder')}
            placeholder={t('notePlaceholder')}
            maxLength={20_000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <button type="submit" className="xr-button">
            {t('linkMarked')}
          </button>
          <button type="button" className="xr-button" onClick={() => linkMark.set(null)}>
            {t('clearMark')}
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="xr-button"
          aria-pressed={mark?.passageId === x.passageId}
          onClick={() => linkMark.set({ passageId: x.passageId, citation: reader.citation(x.passageId) })}
        >
          {t('mark')}
        </button>
      )}
      <button
        type="button"
        className="xr-button"
        aria-label={t('undoLabel')}
        onClick={() => void run(apiClient.call('links:undo', {}))}
      >
        {t('undo')}
      </button>
      <button
        type="button"
        className="xr-button"
        aria-label={t('redoLabel')}
        onClick={() => void run(apiClient.call('links:redo', {}))}
      >
        {t('redo')}
      </button>
    </div>
  );
}
