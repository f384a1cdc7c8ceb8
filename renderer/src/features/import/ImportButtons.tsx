import { useStore } from '../../lib/store';
import { apiClient } from '../../lib/api-client';
import { useT } from '../../i18n';
import { importBatch, startImport } from './import-store';
import { importStrings } from './strings';
import './import.css';

/** 导入文件… / 导入文件夹… in the library header: the system dialog picks, main imports. */
export function ImportButtons() {
  const t = useT(importStrings);
  const running = useStore(importBatch)?.running ?? false;
  const choose = async (folder: boolean) => {
    const files = await apiClient.call('app:choose-documents', { folder });
    await startImport(files);
  };
  return (
    <div className="import-buttons" title={t('importHint')}>
      <button
        type="button"
        className="button button-primary"
        disabled={running}
        onClick={() => void choose(false)}
      >
        {t('importFiles')}
      </button>
      <button type="button" className="button" disabled={running} onClick={() => void choose(true)}>
        {t('importFolder')}
      </button>
    </div>
  );
}
