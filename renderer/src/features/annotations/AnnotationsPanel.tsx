import { useMemo, useState } from 'react';
import type { Annotation } from '../../../../shared/domain/annotations';
import { useT } from '../../i18n';
import { AddToBriefingButton } from '../briefings/AddToBriefingButton';
import { useReader, type PanelProps } from '../reader';
import { annotations, colorLabel, useAnnotationState, type AnnotationState } from './annotation-store';
import { NoteEditor, TagEditor } from './editors';
import { NoteText } from './NoteText';
import { LegendSection } from './LegendSection';
import {
  facetCounts,
  filterAnnotations,
  isFiltering,
  NO_FILTER,
  toggle,
  type AnnotationFilter,
} from './model/filter';
import { ShareSection } from './ShareSection';
import { annotationStrings } from './strings';

/** The 批注 tab: every annotation of the document, filterable by colour, tag and text; a click jumps to it. */
export function AnnotationsPanel({ doc }: PanelProps) {
  const t = useT(annotationStrings);
  const state = useAnnotationState();
  const [filter, setFilter] = useState<AnnotationFilter>(NO_FILTER);
  const facets = useMemo(() => facetCounts(state.list), [state.list]);
  const shown = useMemo(() => filterAnnotations(state.list, filter), [state.list, filter]);
  const anchored = shown.filter((a) => a.status === 'anchored');
  const orphans = shown.filter((a) => a.status === 'orphaned');

  if (!state.loaded || state.docId !== doc.document.id) return <p className="panel-empty">{t('loading')}</p>;
  if (state.error) return <p className="panel-error">{t('loadFailed', { message: state.error })}</p>;
  return (
    <div className="panel ann-panel">
      <div className="panel-toolbar">
        <input
          type="search"
          className="panel-filter"
          aria-label={t('filter')}
          placeholder={t('filterPlaceholder')}
          value={filter.text}
          onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))}
        />
        <span className="panel-count" data-testid="annotation-count">
          {isFiltering(filter)
            ? t('countOf', { shown: shown.length, n: state.list.length })
            : t('count', { n: state.list.length })}
        </span>
      </div>
      {state.list.length > 0 && (
        <div className="ann-facets">
          <div className="ann-chips" role="group" aria-label={t('colorFilters')}>
            {facets.colors
              .filter((c) => c.count > 0)
              .map(({ color, count }) => (
                <button
                  key={color}
                  type="button"
                  className={`ann-chip ann-c-${color}`}
                  aria-pressed={filter.colors.includes(color)}
                  onClick={() => setFilter((f) => ({ ...f, colors: toggle(f.colors, color) }))}
                >
                  <span className="ann-swatch-dot" aria-hidden="true" />
                  {colorLabel(state.prefs, color) || t(`colorName_${color}`)}
                  <span className="ann-chip-count">{count}</span>
                </button>
              ))}
          </div>
          {facets.tags.length > 0 && (
            <div className="ann-chips" role="group" aria-label={t('tagFilters')}>
              {facets.tags.map(({ tag, count }) => (
                <button
                  key={tag}
                  type="button"
                  className="ann-chip ann-chip-tag"
                  aria-pressed={filter.tags.includes(tag)}
                  onClick={() => setFilter((f) => ({ ...f, tags: toggle(f.tags, tag) }))}
                >
                  #{tag}
                  <span className="ann-chip-count">{count}</span>
                </button>
              ))}
            </div>
          )}
          {isFiltering(filter) && (
            <button type="button" className="ann-link" onClick={() => setFilter(NO_FILTER)}>
              {t('clearFilters')}
            </button>
          )}
        </div>
      )}
      {state.list.length === 0 && <p className="panel-note">{t('empty')}</p>}
      {state.list.length > 0 && shown.length === 0 && <p className="panel-note">{t('noMatch')}</p>}
      <ul className="ann-list" aria-label={t('tab')}>
        {anchored.map((a) => (
          <AnnotationItem key={a.id} annotation={a} state={state} />
        ))}
      </ul>
      {orphans.length > 0 && (
        <section className="ann-orphans" aria-label={t('orphans', { n: orphans.length })}>
          <h3 className="ann-section-title">{t('orphans', { n: orphans.length })}</h3>
          <p className="panel-note">{t('orphansHelp')}</p>
          <ul className="ann-list">
            {orphans.map((a) => (
              <AnnotationItem key={a.id} annotation={a} state={state} />
            ))}
          </ul>
        </section>
      )}
      <ShareSection docId={doc.document.id} version={state.version} />
      <LegendSection prefs={state.prefs} />
    </div>
  );
}

function AnnotationItem({ annotation: a, state }: { annotation: Annotation; state: AnnotationState }) {
  const t = useT(annotationStrings);
  const { openPassage, citation } = useReader();
  const active = state.activeId === a.id;
  const editor = active && state.editor?.place === 'panel' ? state.editor.mode : null;
  const label = colorLabel(state.prefs, a.color) || t(`colorName_${a.color}`);
  const jump = () => {
    if (!a.passageId) return annotations.select(a.id);
    openPassage(a.passageId, { start: a.start, end: a.end });
    annotations.select(a.id);
  };
  const suggestions = [...new Set(state.list.flatMap((x) => x.tags))];
  return (
    <li
      className={`ann-item ann-c-${a.color}`}
      data-annotation-item={a.id}
      aria-current={active || undefined}
    >
      <button type="button" className="jump-item ann-jump" onClick={jump}>
        <span className="ann-item-head">
          <span className="ann-swatch-dot" aria-hidden="true" />
          <span className="ann-item-label">{label}</span>
          {a.kind !== 'highlight' && (
            <span className="ann-item-kind">{t(a.kind === 'underline' ? 'underline' : 'noteOnly')}</span>
          )}
          {a.passageId && (
            <span className="jump-citation">{citation(a.passageId).replace(/^《[^》]*》/, '')}</span>
          )}
        </span>
        <span className="jump-snippet ann-quote">
          {a.status === 'orphaned'
            ? `…${a.prefix.slice(-10)}【${a.quote}】${a.suffix.slice(0, 10)}…`
            : a.quote}
        </span>
        {a.note && <NoteText className="ann-item-note" note={a.note} />}
        {a.tags.length > 0 && (
          <span className="ann-item-tags">
            {a.tags.map((tag) => (
              <span key={tag} className="ann-tag">
                #{tag}
              </span>
            ))}
          </span>
        )}
      </button>
      <div className="ann-item-actions">
        <span className="ann-item-by">{t('by', { author: a.author, date: a.updated.slice(0, 10) })}</span>
        {(['note', 'tags'] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            className="ann-link"
            aria-pressed={editor === mode}
            onClick={() => annotations.select(a.id, editor === mode ? null : { mode, place: 'panel' })}
          >
            {t(mode === 'note' ? 'note' : 'tag')}
          </button>
        ))}
        {a.passageId && <AddToBriefingButton className="ann-link" sources={{ annotationId: a.id }} />}
        <button
          type="button"
          className="ann-link ann-link-danger"
          onClick={() => void annotations.remove(a.id)}
        >
          {t('delete')}
        </button>
      </div>
      {editor === 'note' && <NoteEditor annotation={a} onDone={() => annotations.openEditor(null)} />}
      {editor === 'tags' && (
        <TagEditor annotation={a} suggestions={suggestions} onDone={() => annotations.openEditor(null)} />
      )}
    </li>
  );
}
