import { useEffect, useState } from 'react';
import { apiClient } from '../../lib/api-client';
import { useT } from '../../i18n';
import { startImport } from './import-store';
import { pathsFromUriList } from './model/batch';
import { importStrings } from './strings';

const carriesFiles = (e: DragEvent) =>
  !!e.dataTransfer && [...e.dataTransfer.types].some((t) => t === 'Files' || t === 'text/uri-list');

/**
 * Files dropped anywhere on the window are imported. Paths come from the preload (Electron knows
 * where a dropped file lives) or from a `text/uri-list` of `file://` URLs; a drop without paths
 * says how to import instead.
 */
export function DropZone() {
  const t = useT(importStrings);
  const [over, setOver] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overHandler = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const dt = e.dataTransfer!;
      const fromFiles = [...dt.files].map((f) => apiClient.pathForFile(f)).filter(Boolean);
      const paths = fromFiles.length ? fromFiles : pathsFromUriList(dt.getData('text/uri-list'));
      if (!paths.length) {
        setNotice(t('dropNoPaths'));
        return;
      }
      setNotice(null);
      // Main registers what was dropped and hands back tokens: the only way into an import.
      void apiClient
        .call('imports:register-drop', { paths })
        .then((chosen) => startImport(chosen))
        .catch((error: unknown) => setNotice(error instanceof Error ? error.message : String(error)));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [t]);

  return (
    <>
      {over && (
        <div className="import-drop" aria-hidden="true">
          <div className="import-drop-card">
            <p className="import-drop-title">{t('dropTitle')}</p>
            <p className="import-drop-body">{t('dropBody')}</p>
          </div>
        </div>
      )}
      {notice && (
        <p className="import-notice" role="alert" onClick={() => setNotice(null)}>
          {notice}
        </p>
      )}
    </>
  );
}
