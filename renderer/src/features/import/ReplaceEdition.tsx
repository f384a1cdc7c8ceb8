import { useState } from 'react';
import { Dialog, focusOnOpen } from '../../app/Dialog';
import { useT } from '../../i18n';
import { apiClient } from '../../lib/api-client';
import { useStore } from '../../lib/store';
import { importBatch, startImport } from './import-store';
import type { ChosenFile } from '../../../../shared/domain/import';
import { importStrings } from './strings';
import './import.css';

/**
 * 导入修订版…: picks ONE file, asks before replacing the document's text (it keeps its id, its
 * annotations re-anchor), then runs it as a one-file batch so the strip shows the outcome.
 */
export function ReplaceEditionButton({
  docId,
  title,
  className,
}: {
  docId: string;
  title: string;
  className?: string;
}) {
  const t = useT(importStrings);
  const running = useStore(importBatch)?.running ?? false;
  const [file, setFile] = useState<ChosenFile | null>(null);
  const choose = async () => {
    const [picked] = await apiClient.call('app:choose-documents', { multiple: false });
    if (picked) setFile(picked);
  };
  const confirm = () => {
    const chosen = file;
    setFile(null);
    if (chosen) void startImport([chosen], docId);
  };
  return (
    <>
      <button
        type="button"
        className={`link-button ${className ?? ''}`}
        disabled={running}
        title={t('replaceActionHint', { title })}
        onClick={() => void choose()}
      >
        {t('replaceAction')}
      </button>
      <Dialog
        open={file !== null}
        onClose={() => setFile(null)}
        title={t('replaceTitle')}
        closeLabel={t('replaceClose')}
        className="replace-dialog"
      >
        <p>{t('replaceBody', { title })}</p>
        <p className="replace-file">
          <span className="replace-file-label">{t('replaceFile')}</span>
          <span className="replace-file-name" title={file?.path ?? ''}>
            {file?.name ?? ''}
          </span>
        </p>
        <p className="replace-note">{t('replaceKeeps')}</p>
        <div className="replace-actions">
          <button type="button" className="button" onClick={() => setFile(null)}>
            {t('replaceCancel')}
          </button>
          <button type="button" className="button button-primary" ref={focusOnOpen} autoFocus onClick={confirm}>
            {t('replaceConfirm')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
