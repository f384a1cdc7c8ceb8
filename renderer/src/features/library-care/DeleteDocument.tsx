import { useId, useState } from 'react';
import type { DeleteKeep } from '../../../../shared/domain/document-care';
import { Dialog } from '../../app/Dialog';
import type { DocumentActionProps } from '../../app/slots';
import { InlineConfirm } from '../../components/InlineConfirm';
import { useT } from '../../i18n';
import { useStore } from '../../lib/store';
import { deleteDocument, deletionNotice, undoDeletion } from './deletion-store';
import { libraryCareStrings } from './strings';
import './library-care.css';

/** 删除: asks what becomes of the document's annotations, then deletes (undoable from the strip). */
export function DeleteDocumentButton({ docId, title, className }: DocumentActionProps) {
  const t = useT(libraryCareStrings);
  const [open, setOpen] = useState(false);
  const [keep, setKeep] = useState<DeleteKeep>('orphan');
  const group = useId();
  const confirm = () => {
    setOpen(false);
    void deleteDocument(docId, title, keep);
  };
  return (
    <>
      <button
        type="button"
        className={`link-button ${className ?? ''}`}
        title={t('deleteHint', { title })}
        onClick={() => setOpen(true)}
      >
        {t('deleteAction')}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('deleteTitle')} closeLabel={t('close')}>
        <InlineConfirm
          placement="dialog"
          tone="danger"
          question={t('deleteBody', { title })}
          cancelLabel={t('cancel')}
          confirmLabel={t('deleteConfirm')}
          onCancel={() => setOpen(false)}
          onConfirm={confirm}
        >
          <fieldset className="care-choice">
            <legend>{t('deleteKeepLegend')}</legend>
            {(['orphan', 'export'] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name={group}
                  value={value}
                  checked={keep === value}
                  onChange={() => setKeep(value)}
                />
                {t(value === 'orphan' ? 'keepOrphan' : 'keepExport')}
              </label>
            ))}
          </fieldset>
        </InlineConfirm>
      </Dialog>
    </>
  );
}

/** The outcome of the last deletion, with 撤销删除 while it can still be undone. */
export function DeletionStrip() {
  const t = useT(libraryCareStrings);
  const notice = useStore(deletionNotice);
  if (!notice) return null;
  const text =
    notice.kind === 'failed'
      ? t('failed', { message: notice.message ?? '' })
      : notice.kind === 'undone'
        ? t('undone', { title: notice.title })
        : notice.exported
          ? t('deletedExported', { title: notice.title, n: notice.exported })
          : notice.kept
            ? t('deletedOrphans', { title: notice.title, n: notice.kept })
            : t('deleted', { title: notice.title });
  return (
    <div className="care-strip" role="status" aria-live="polite">
      <span>{text}</span>
      {notice.kind === 'deleted' && (
        <button type="button" className="button" onClick={() => void undoDeletion(notice)}>
          {t('undo')}
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label={t('dismiss')}
        onClick={() => deletionNotice.set(null)}
      >
        ×
      </button>
    </div>
  );
}
