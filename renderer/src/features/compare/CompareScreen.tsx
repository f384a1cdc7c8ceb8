import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PhraseRow } from '../../../../shared/domain/compare';
import { useDocumentBundle, useDocumentList } from '../../app/data';
import { isTypingTarget } from '../../app/shortcut-registry';
import { useT } from '../../i18n';
import { useNavigation } from '../reader';
import { ComparePanes, type PaneFocus } from './ComparePanes';
import { buildRows, changeStops, countChanges, nextStop } from './model/compare-view';
import { PhraseLists } from './PhraseLists';
import { compareStrings } from './strings';
import { useComparison, usePairChoice, type CompareArg } from './use-comparison';
import './compare.css';

function DocumentPicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | null;
  onChange: (id: string) => void;
}) {
  const t = useT(compareStrings);
  const docs = useDocumentList();
  return (
    <label className="compare-picker">
      <span className="compare-picker-label">{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="" disabled>
          {t('choose')}
        </option>
        {docs.status === 'ready' &&
          docs.value.map((d) => (
            <option key={d.id} value={d.id}>
              {d.year ? `${d.year} · ` : ''}
              {d.title}
            </option>
          ))}
      </select>
    </label>
  );
}

/** 对照阅读: two reports side by side, sections aligned, changes marked, new and dropped phrases listed. */
export function CompareScreen() {
  const t = useT(compareStrings);
  const arg = useNavigation().screenArg as CompareArg | null;
  const { pair, setPair, none } = usePairChoice(arg);
  const comparison = useComparison(pair.a, pair.b);
  const bundleA = useDocumentBundle(pair.a);
  const bundleB = useDocumentBundle(pair.b);
  const [position, setPosition] = useState<{ rows: unknown; index: number }>({ rows: null, index: -1 });
  const [focus, setFocus] = useState<PaneFocus | null>(null);
  const rowElements = useRef(new Map<number, HTMLElement>());

  const rows = useMemo(
    () =>
      comparison.status === 'ready' && bundleA.status === 'ready' && bundleB.status === 'ready'
        ? buildRows(comparison.value, bundleA.value, bundleB.value)
        : [],
    [comparison, bundleA, bundleB],
  );
  const stops = useMemo(() => changeStops(rows), [rows]);
  // The change last stepped to; a new comparison starts before its first change.
  const current = position.rows === rows ? position.index : -1;

  const goTo = useCallback(
    (index: number | null) => {
      if (index === null) return;
      setPosition({ rows, index });
      const el = rowElements.current.get(index);
      el?.focus({ preventScroll: true });
      el?.scrollIntoView({ block: 'center' });
    },
    [rows],
  );
  const step = useCallback((dir: 1 | -1) => goTo(nextStop(stops, current, dir)), [goTo, stops, current]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      if (e.key === 'n' || e.key === 'N') step(1);
      else if (e.key === 'p' || e.key === 'P') step(-1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);

  const rowRef = useCallback((index: number, el: HTMLElement | null) => {
    if (el) rowElements.current.set(index, el);
    else rowElements.current.delete(index);
  }, []);

  const showPhrase = useCallback(
    (row: PhraseRow) => {
      const index = rows.findIndex(
        (r) => r.kind === 'passage' && (r.a?.id === row.passageId || r.b?.id === row.passageId),
      );
      if (index < 0 || !row.passageId) return;
      setFocus({ passageId: row.passageId, range: row.range });
      goTo(index);
    },
    [rows, goTo],
  );

  const stopNumber = stops.indexOf(current) + 1;
  return (
    <div className="compare-screen">
      <header className="compare-head">
        <h1 className="compare-title">{t('screen')}</h1>
        <div className="compare-pickers">
          <DocumentPicker label={t('older')} value={pair.a} onChange={(a) => setPair((p) => ({ ...p, a }))} />
          <button
            type="button"
            className="icon-button"
            aria-label={t('swap')}
            title={t('swap')}
            onClick={() => setPair((p) => ({ a: p.b, b: p.a }))}
          >
            ⇄
          </button>
          <DocumentPicker label={t('newer')} value={pair.b} onChange={(b) => setPair((p) => ({ ...p, b }))} />
        </div>
        {comparison.status === 'ready' && (
          <div className="compare-summary">
            <span role="status">{t('counts', { ...countChanges(comparison.value) })}</span>
            <span className="compare-stepper">
              <button
                type="button"
                className="button"
                aria-keyshortcuts="P"
                onClick={() => step(-1)}
                disabled={!stops.length}
              >
                {t('previous')} <kbd>P</kbd>
              </button>
              <span className="compare-stop" aria-live="polite">
                {stops.length === 0
                  ? t('noChanges')
                  : stopNumber
                    ? t('changeOf', { n: stopNumber, total: stops.length })
                    : ''}
              </span>
              <button
                type="button"
                className="button"
                aria-keyshortcuts="N"
                onClick={() => step(1)}
                disabled={!stops.length}
              >
                {t('next')} <kbd>N</kbd>
              </button>
            </span>
          </div>
        )}
      </header>
      {(!pair.a || !pair.b) && <p className="screen-message">{none ? t('noPair') : t('pickTwo')}</p>}
      {comparison.status === 'loading' && <p className="screen-message">{t('loading')}</p>}
      {comparison.status === 'error' && (
        <p className="screen-message" role="alert">
          {t('failed', { message: comparison.message })}
        </p>
      )}
      {comparison.status === 'ready' && rows.length > 0 && (
        <div className="compare-body">
          <ComparePanes
            rows={rows}
            titleA={comparison.value.a.title}
            titleB={comparison.value.b.title}
            focus={focus}
            rowRef={rowRef}
          />
          <PhraseLists
            newPhrases={comparison.value.newPhrases}
            droppedPhrases={comparison.value.droppedPhrases}
            newer={comparison.value[comparison.value.newer]}
            older={comparison.value[comparison.value.newer === 'a' ? 'b' : 'a']}
            onShow={showPhrase}
          />
        </div>
      )}
      {comparison.status === 'ready' && comparison.value.capped && (
        <p className="compare-note">{t('capped')}</p>
      )}
    </div>
  );
}
