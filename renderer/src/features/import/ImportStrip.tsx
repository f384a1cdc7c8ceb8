import { useState } from 'react';
import { navigation } from '../../app/navigation';
import { useT } from '../../i18n';
import { useStore } from '../../lib/store';
import { reviewAnnotationChanges } from '../annotations/drift-focus';
import { cancelImport, dismissImport, importBatch } from './import-store';
import { tally, type FileRow } from './model/batch';
import { importStrings } from './strings';

/** The strip at the foot of the window while and after a batch runs: a bar, a count, each file's outcome. */
export function ImportStrip() {
  const t = useT(importStrings);
  const batch = useStore(importBatch);
  const [open, setOpen] = useState(false);
  if (!batch) return null;
  const n = tally(batch);
  const current = batch.files.find((f) => f.status === 'reading' || f.status === 'storing');
  const replaced = batch.files.find((f) => f.replaced);
  const headline = batch.error
    ? t('failedToStart', { message: batch.error })
    : batch.running
      ? t(batch.cancelling ? 'cancelling' : 'running', { done: n.done, total: n.total })
      : replaced
        ? t('finishedReplaced', { file: replaced.name })
        : t(n.cancelled ? 'finishedCancelled' : 'finished', { ...n });
  // A replace shows its row unasked: that is where the way to the annotation changes is.
  const showList =
    open || (!batch.running && (n.failed > 0 || n.skipped > 0 || n.cancelled > 0 || !!replaced));
  return (
    <section
      className="import-strip"
      aria-label={t('results')}
      data-state={batch.running ? 'running' : 'finished'}
    >
      <div className="import-strip-head">
        <p className="import-strip-title" role="status" aria-live="polite">
          {headline}
        </p>
        <progress className="import-strip-bar" max={n.total} value={n.done} aria-label={headline} />
        {current && <span className="import-strip-current">{t('current', { file: current.name })}</span>}
        <button type="button" className="link-button" onClick={() => setOpen((o) => !o)}>
          {showList ? t('hideDetails') : t('details')}
        </button>
        {batch.running && (
          <button
            type="button"
            className="button import-strip-cancel"
            disabled={batch.cancelling}
            aria-label={t('cancelLabel')}
            onClick={() => void cancelImport()}
          >
            {t('cancel')}
          </button>
        )}
        {!batch.running && (
          <button type="button" className="link-button" onClick={dismissImport}>
            {t('dismiss')}
          </button>
        )}
      </div>
      {showList && (
        <ul className="import-files">
          {batch.files.map((row, i) => (
            <FileLine key={`${i}-${row.file}`} row={row} />
          ))}
        </ul>
      )}
    </section>
  );
}

function FileLine({ row }: { row: FileRow }) {
  const t = useT(importStrings);
  return (
    <li className="import-file" data-status={row.status} data-replaced={row.replaced || undefined}>
      <span className="import-file-status">{t(row.replaced ? 'replaced' : row.status)}</span>
      <span className="import-file-name" title={row.file}>
        {row.name}
      </span>
      {row.passages !== null && (
        <span className="import-file-count">{t('passages', { n: row.passages })}</span>
      )}
      {/* A cancelled row's chip says it all; its message repeats it. */}
      {row.message && row.status !== 'cancelled' && (
        <span className="import-file-message">{row.message}</span>
      )}
      {row.documentId && row.status !== 'failed' && (
        <button
          type="button"
          className="link-button"
          onClick={() => navigation.openDocument(row.documentId!)}
        >
          {t('open')}
        </button>
      )}
      {row.replaced && row.documentId && (
        <button
          type="button"
          className="link-button"
          onClick={() => reviewAnnotationChanges(row.documentId!)}
        >
          {t('reviewChanges')}
        </button>
      )}
    </li>
  );
}
