import { useContext, useEffect, useState } from 'react';
import { useNavigation } from '../../app/navigation';
import type { DocumentActionProps } from '../../app/slots';
import { useT } from '../../i18n';
import { CurrentPassageContext, ReaderContext } from '../reader/reader-context';
import { PrintDialog } from './PrintDialog';
import { printStrings } from './strings';

/** 打印…: on a library row and under the reader's title; in the reader Ctrl+P opens it too. */
export function PrintButton({ docId, title, className }: DocumentActionProps) {
  // the host's class places the replace action (a library row's corner); print takes its own place
  const place = className?.includes('doc-row') ? 'doc-row-print' : `${className ?? ''} doc-print`;
  const t = useT(printStrings);
  const [open, setOpen] = useState(false);
  const nav = useNavigation();
  const reader = useContext(ReaderContext);
  const currentPassage = useContext(CurrentPassageContext);
  const inReader = reader !== null && nav.screen === 'reader' && nav.docId === docId;
  const sectionId = inReader
    ? (reader.doc.passages.find((p) => p.id === currentPassage)?.sectionId ?? null)
    : null;

  useEffect(() => {
    if (!inReader) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'p') {
        e.preventDefault(); // instead of printing the screen
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [inReader]);

  return (
    <>
      <button
        type="button"
        className={`link-button ${place}`}
        title={t('actionHint', { title })}
        aria-keyshortcuts={inReader ? 'Control+P' : undefined}
        onClick={() => setOpen(true)}
      >
        {t('action')}
      </button>
      {open && <PrintDialog open={open} onClose={() => setOpen(false)} docId={docId} sectionId={sectionId} />}
    </>
  );
}
