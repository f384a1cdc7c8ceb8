import { useEffect, useRef, useState } from 'react';
import type { Snippet } from '../../../../shared/domain/search';
import type { TermOccurrence, TermView } from '../../../../shared/domain/xref';
import { navigation, useNavigation } from '../../app/navigation';
import { useT } from '../../i18n';
import { apiClient } from '../../lib/api-client';
import { leaveTermView, openTermView } from './open-term';
import { xrefStrings } from './strings';
import { occurrenceRef, useOccurrenceActions } from './term-actions';
import { YearChart } from './YearChart';

type Answer = { term: string; view: TermView } | { term: string; message: string };

/** The term view: a term traced through the whole library, by year, with every definition given for it. */
export function TermScreen() {
  const t = useT(xrefStrings);
  const arg = useNavigation().screenArg as { term?: string } | null;
  const term = arg?.term ?? '';
  const [answer, setAnswer] = useState<Answer | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    let live = true;
    apiClient.call('xref:term', { term }).then(
      (view) => live && setAnswer({ term, view }),
      (e: unknown) => live && setAnswer({ term, message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [term]);
  const current = answer?.term === term ? answer : null;
  useEffect(() => heading.current?.focus(), [term]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && !e.defaultPrevented && leaveTermView();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <main className="xr-term-screen" aria-labelledby="xr-term-heading">
      <header className="xr-term-header">
        <button type="button" className="xr-button" onClick={leaveTermView}>
          ← {t('back')}
        </button>
        <h1 id="xr-term-heading" ref={heading} tabIndex={-1}>
          {t('termTitle', { term })}
        </h1>
        <TermForm key={term} term={term} />
      </header>
      {!current && <p className="screen-message">{t('loading')}</p>}
      {current && 'message' in current && (
        <p className="panel-error" role="alert">
          {current.message}
        </p>
      )}
      {current && 'view' in current && <TermBody view={current.view} />}
    </main>
  );
}

/** Trace another term from here; starts from the current one. */
function TermForm({ term }: { term: string }) {
  const t = useT(xrefStrings);
  const [input, setInput] = useState(term);
  return (
    <form
      className="xr-term-form"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        openTermView(input);
      }}
    >
      <input
        className="panel-filter"
        aria-label={t('termInput')}
        placeholder={t('termInput')}
        maxLength={100}
        value={input}
        onChange={(e) => setInput(e.target.value)}
      />
      <button type="submit" className="xr-button">
        {t('go')}
      </button>
    </form>
  );
}

function TermBody({ view }: { view: TermView }) {
  const t = useT(xrefStrings);
  return (
    <div className="xr-term-body">
      <section className="xr-term-summary" aria-label={t('chartTitle')}>
        <p className="xr-first-year">
          {view.firstYear === null ? t('firstYearNone') : t('firstYear', { year: view.firstYear })}
        </p>
        <p className="panel-note">{t('totals', { total: view.total, docs: view.documents.length })}</p>
        {!view.complete && <p className="panel-note">{t('incomplete')}</p>}
        {view.years.length > 0 && <YearChart years={view.years} />}
      </section>
      <section className="xr-definitions" aria-labelledby="xr-def-heading">
        <h2 id="xr-def-heading">{t('definitions')}</h2>
        {view.definitions.length === 0 ? (
          <p className="panel-note">{t('definitionsNone')}</p>
        ) : (
          <ul className="xr-definition-grid">
            {view.definitions.map((d) => (
              <li key={d.glossaryId} className="xr-definition" data-glossary-id={d.glossaryId}>
                <p className="xr-definition-source">
                  {d.year ?? '—'} · {d.issuer ?? d.docTitle}
                </p>
                <p className="xr-definition-term">{d.term}</p>
                <p>{d.definition}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Occurrences view={view} />
    </div>
  );
}

function Occurrences({ view }: { view: TermView }) {
  const t = useT(xrefStrings);
  const actions = useOccurrenceActions();
  const byDoc = new Map<string, TermOccurrence[]>();
  for (const o of view.occurrences) byDoc.set(o.docId, [...(byDoc.get(o.docId) ?? []), o]);
  const years = [...new Set(view.documents.map((d) => d.year))];
  return (
    <section className="xr-occurrences" aria-labelledby="xr-occ-heading">
      <h2 id="xr-occ-heading">{t('occurrences')}</h2>
      {view.truncated && <p className="panel-note">{t('truncated', { n: view.occurrences.length })}</p>}
      {view.headings.length > 0 && (
        <>
          <h3>{t('headings')}</h3>
          <ul className="xr-occ-list">
            {view.headings.map((h) => (
              <li key={h.sectionId}>
                <button
                  type="button"
                  className="jump-item"
                  disabled={!h.passageId}
                  onClick={() => h.passageId && navigation.openPassage(h.docId, h.passageId)}
                >
                  <span className="jump-citation">
                    {h.year ?? '—'} {h.label}
                  </span>
                  <Marked snippet={{ text: h.title, ranges: h.ranges, before: false, after: false }} />
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {years.map((year) => (
        <section
          key={String(year)}
          className="xr-year"
          aria-label={year === null ? t('undated') : String(year)}
        >
          <h3 className="xr-year-title">{year ?? t('undated')}</h3>
          {view.documents
            .filter((d) => d.year === year && byDoc.has(d.docId))
            .map((d) => (
              <div key={d.docId} className="xr-doc">
                <h4 className="xr-doc-title">
                  《{d.title}》 <span className="panel-count">{t('docCount', { n: d.count })}</span>
                </h4>
                <ul className="xr-occ-list">
                  {byDoc.get(d.docId)!.map((o) => {
                    const ref = occurrenceRef(o);
                    return (
                      <li
                        key={o.passageId}
                        data-passage-id={o.passageId}
                        data-range={`${ref.range.start},${ref.range.end}`}
                      >
                        <button
                          type="button"
                          className="jump-item"
                          title={t('openOccurrence', { citation: o.citation })}
                          onClick={() => navigation.openPassage(o.docId, o.passageId, ref.range)}
                        >
                          <span className="jump-citation">{o.citation.replace(/^《[^》]*》/u, '')}</span>
                          <Marked snippet={o.snippet} />
                        </button>
                        {actions.map((a) => (
                          <button key={a.id} type="button" className="xr-button" onClick={() => a.run(ref)}>
                            {a.label()}
                          </button>
                        ))}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
        </section>
      ))}
    </section>
  );
}

/** A snippet with its hit ranges marked. */
function Marked({ snippet }: { snippet: Snippet }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  snippet.ranges.forEach(([s, e], i) => {
    if (s > at) parts.push(snippet.text.slice(at, s));
    parts.push(<mark key={i}>{snippet.text.slice(s, e)}</mark>);
    at = e;
  });
  parts.push(snippet.text.slice(at));
  return (
    <span className="jump-snippet xr-snippet">
      {snippet.before && '…'}
      {parts}
      {snippet.after && '…'}
    </span>
  );
}
