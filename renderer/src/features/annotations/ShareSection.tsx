import { useEffect, useRef, useState } from 'react';
import type {
  AnnotationConflict,
  AnnotationContent,
  AnnotationImportResult,
  DriftReport,
} from '../../../../shared/domain/annotations';
import { useT } from '../../i18n';
import { apiClient } from '../../lib/api-client';
import { download } from '../../lib/download';
import { useStore } from '../../lib/store';
import { useReader } from '../reader';
import { annotations, useAnnotationsOf } from './annotation-store';
import { driftFocus } from './drift-focus';
import { NoteText } from './NoteText';
import { annotationStrings } from './strings';

/** Characters of old and new text shown around a re-anchored quote: enough to see what changed nearby. */
const DRIFT_CONTEXT = 20;

/** Export, import (with conflicts side by side) and the drift report of the last new edition. */
export function ShareSection({ docId, version }: { docId: string; version: number }) {
  const t = useT(annotationStrings);
  const fileRef = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<AnnotationImportResult | null>(null);
  const [conflicts, setConflicts] = useState<AnnotationConflict[]>([]);
  const [drift, setDrift] = useState<DriftReport | null>(null);

  useEffect(() => {
    let live = true;
    apiClient.call('annotations:conflicts', { documentId: docId }).then(
      (c) => live && setConflicts(c),
      () => undefined,
    );
    apiClient.call('annotations:drift', { documentId: docId }).then(
      (d) => live && setDrift(d),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [docId, version]);

  const exportAs = async (format: 'w3c' | 'md') => {
    try {
      const file = await apiClient.call('annotations:export', { documentId: docId, format });
      download(file.filename, file.mime, file.text);
    } catch (error) {
      annotations.notify(t('actionFailed', { message: (error as Error).message }));
    }
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      setResult(await apiClient.call('annotations:import', { text: await file.text() }));
    } catch (error) {
      annotations.notify(t('actionFailed', { message: (error as Error).message }));
    }
    if (fileRef.current) fileRef.current.value = '';
    await annotations.reload();
  };
  const resolve = async (id: string, keep: 'local' | 'incoming') => {
    try {
      await apiClient.call('annotations:resolve', { id, keep });
    } catch (error) {
      annotations.notify(t('actionFailed', { message: (error as Error).message }));
    }
    await annotations.reload();
  };

  return (
    <section className="ann-share" aria-label={t('share')}>
      <h3 className="ann-section-title">{t('share')}</h3>
      <div className="ann-share-actions">
        <button type="button" className="button" onClick={() => void exportAs('w3c')}>
          {t('exportW3C')}
        </button>
        <button type="button" className="button" onClick={() => void exportAs('md')}>
          {t('exportMarkdown')}
        </button>
        <button type="button" className="button" onClick={() => fileRef.current?.click()}>
          {t('importFile')}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".jsonld,.json,application/ld+json,application/json"
          hidden
          onChange={(e) => void importFile(e.target.files?.[0])}
        />
      </div>
      {result && (
        <p className="panel-note" role="status">
          {t('importResult', { ...result, conflicts: result.conflicts.length })}
          {result.skipped > 0 && ` ${t('importSkipped', { n: result.skipped })}`}
        </p>
      )}
      {conflicts.length > 0 && (
        <div className="ann-conflicts">
          <h4 className="ann-section-title">{t('conflicts', { n: conflicts.length })}</h4>
          <p className="panel-note">{t('conflictHelp')}</p>
          {conflicts.map((c) => (
            <div key={c.id} className="ann-conflict">
              <p className="ann-quote">{c.quote}</p>
              <div className="ann-conflict-sides">
                <ConflictSide title={t('mine')} content={c.local} />
                <ConflictSide title={t('theirs')} content={c.incoming} />
              </div>
              <div className="ann-editor-actions">
                <button type="button" className="button" onClick={() => void resolve(c.id, 'local')}>
                  {t('keepMine')}
                </button>
                <button type="button" className="button" onClick={() => void resolve(c.id, 'incoming')}>
                  {t('keepTheirs')}
                </button>
              </div>
            </div>
          ))}
        </div>
      )}
      {drift && drift.items.length > 0 && <DriftSummary report={drift} />}
    </section>
  );
}

function ConflictSide({ title, content }: { title: string; content: AnnotationContent }) {
  const t = useT(annotationStrings);
  return (
    <div className={`ann-conflict-side ann-c-${content.color}`}>
      <strong>{title}</strong>
      <span>
        <span className="ann-swatch-dot" aria-hidden="true" /> {t(`colorName_${content.color}`)} ·{' '}
        {t(
          content.kind === 'highlight'
            ? 'highlight'
            : content.kind === 'underline'
              ? 'underline'
              : 'noteOnly',
        )}
      </span>
      {content.note && <NoteText className="ann-item-note" note={content.note} />}
      {content.tags.length > 0 && <span>{content.tags.map((x) => `#${x}`).join(' ')}</span>}
      <span className="ann-item-by">
        {t('by', { author: content.author, date: content.updated.slice(0, 10) })}
      </span>
    </div>
  );
}

function DriftSummary({ report }: { report: DriftReport }) {
  const t = useT(annotationStrings);
  const changed = report.items.filter((i) => i.outcome !== 'exact');
  const ref = useRef<HTMLDetailsElement>(null);
  const focus = useStore(driftFocus);
  const { openPassage } = useReader();
  const { list } = useAnnotationsOf(report.documentId);
  /** Scrolls the text to where the annotation is now (the reader flashes the paragraph) and selects it. */
  const show = (annotationId: string) => {
    const a = list.find((x) => x.id === annotationId);
    if (!a?.passageId) return;
    openPassage(a.passageId, { start: a.start, end: a.end });
    annotations.select(a.id);
  };
  useEffect(() => {
    if (focus !== report.documentId || !ref.current) return;
    ref.current.open = true;
    ref.current.scrollIntoView({ block: 'nearest' });
    driftFocus.set(null);
  }, [focus, report.documentId]);
  return (
    <details className="ann-drift" ref={ref}>
      <summary>
        {t('drift', { edition: report.edition })}:{' '}
        {(['exact', 'moved', 'fuzzy', 'orphaned'] as const)
          .map((o) => `${t(`drift_${o}`)} ${report.counts[o]}`)
          .join(' · ')}
      </summary>
      <ul className="ann-list">
        {changed.map((i) => (
          <li key={i.annotationId} className="ann-drift-item" data-outcome={i.outcome}>
            <strong>{t(`drift_${i.outcome}`)}</strong>
            <span>
              {t('driftBefore')}：…{i.before.prefix.slice(-DRIFT_CONTEXT)}【{i.before.quote}】
              {i.before.suffix.slice(0, DRIFT_CONTEXT)}…
            </span>
            {i.after && (
              <span>
                {t('driftAfter')}：…{i.after.prefix.slice(-DRIFT_CONTEXT)}【{i.after.quote}】
                {i.after.suffix.slice(0, DRIFT_CONTEXT)}…
              </span>
            )}
            {i.after && (
              <button
                type="button"
                className="link-button ann-drift-show"
                onClick={() => show(i.annotationId)}
              >
                {t('driftShow')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
