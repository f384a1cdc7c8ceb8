import { useEffect, useMemo, useRef, useState } from 'react';
import type { SearchResultItem } from '../../../../shared/domain/search';
import { useT } from '../../i18n';
import { addToBriefing } from '../briefings/add-to-briefing';
import { briefingStrings } from '../briefings/strings';
import { briefingSourceOf } from './briefing-source';
import { highlightParts, layoutRows, scrollToShow, visibleRange, type ResultRow } from './model/rows';
import { searchStrings } from './strings';

export const hitElementId = (index: number) => `search-hit-${index}`;

/**
 * The result list, windowed by hand: only the rows in view (and a few around them) are in the DOM,
 * placed at their computed offsets, so ten thousand hits scroll as lightly as ten.
 */
export function ResultList({
  rows,
  selected,
  onSelect,
  onOpen,
  onNearEnd,
}: {
  rows: ResultRow[];
  selected: number;
  onSelect: (index: number) => void;
  onOpen: (hit: SearchResultItem) => void;
  onNearEnd: () => void;
}) {
  const t = useT(searchStrings);
  const tb = useT(briefingStrings);
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 480 });
  const layout = useMemo(() => layoutRows(rows), [rows]);
  const total = layout.tops[layout.tops.length - 1]!;
  const [from, to] = visibleRange(layout, view.top, view.height);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Keep the selected hit in view as the keyboard moves it.
  useEffect(() => {
    const el = ref.current;
    const row = layout.rowOfHit[selected];
    if (!el || row === undefined) return;
    const next = scrollToShow(layout, row, el.scrollTop, el.clientHeight);
    if (next !== el.scrollTop) el.scrollTop = next;
  }, [selected, layout]);

  useEffect(() => {
    if (view.top + view.height > total - 800) onNearEnd();
  }, [view, total, onNearEnd]);

  return (
    <div
      ref={ref}
      className="search-results"
      id="search-results"
      role="listbox"
      aria-label={t('results')}
      onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
    >
      <div className="search-results-inner" style={{ height: total }}>
        {rows.slice(from, to).map((row, k) => {
          const i = from + k;
          const style = { top: layout.tops[i], height: layout.tops[i + 1]! - layout.tops[i]! };
          if (row.type === 'doc')
            return (
              <div key={`d-${row.docId}`} className="search-doc" style={style} aria-hidden="true">
                <span className="search-doc-title">{row.title}</span>
                <span className="search-doc-count">{t('hits', { n: row.count })}</span>
              </div>
            );
          const { hit, index } = row;
          return (
            <div
              key={`h-${hit.kind}-${hit.recordId}-${hit.field}`}
              id={hitElementId(index)}
              className="search-hit"
              role="option"
              aria-selected={index === selected}
              data-kind={hit.kind}
              style={style}
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => index !== selected && onSelect(index)}
              onClick={() => onOpen(hit)}
            >
              <div className="search-hit-head">
                {hit.kind !== 'passage' && (
                  <span className="search-kind">
                    {t(`kind_${hit.kind}`)}
                    {hit.label ? `：${hit.label}` : ''}
                  </span>
                )}
                <span className="search-citation">{hit.citation}</span>
                {briefingSourceOf(hit) && (
                  // Not a button: an option holds no focusable control (axe nested-interactive).
                  // Keyboard and screen-reader users add the selected hit with Alt+B instead.
                  <span
                    className="search-add-briefing link-button"
                    aria-hidden="true"
                    onClick={(e) => {
                      e.stopPropagation();
                      addToBriefing(briefingSourceOf(hit)!);
                    }}
                  >
                    {tb('addTo')}
                  </span>
                )}
              </div>
              <p className="search-snippet">
                {hit.snippet.before && '…'}
                {highlightParts(hit.snippet.text, hit.snippet.ranges).map((p, j) =>
                  p.hit ? <mark key={j}>{p.text}</mark> : <span key={j}>{p.text}</span>,
                )}
                {hit.snippet.after && '…'}
              </p>
            </div>
          );
        })}
      </div>
    </div>
  );
}
