import { useEffect, useState } from 'react';
import type { BackupInfo, BackupPolicy } from '../../../../shared/domain/backups';
import type { BackupOverview } from '../../../../shared/ipc/channels/backups';
import { Dialog } from '../../app/Dialog';
import { InlineConfirm } from '../../components/InlineConfirm';
import { useLocale, useT } from '../../i18n';
import { ApiError, apiClient } from '../../lib/api-client';
import { libraryCareStrings } from './strings';
import './library-care.css';

const sizeText = (bytes: number) =>
  bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
const messageOf = (error: unknown) =>
  error instanceof ApiError || error instanceof Error ? error.message : String(error);

/**
 * 备份与恢复: the library's backups (by id: the renderer never names a file), back up now, restore
 * one, and compact the library.
 */
export function BackupsScreen() {
  const t = useT(libraryCareStrings);
  const locale = useLocale();
  const [overview, setOverview] = useState<BackupOverview | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [policy, setPolicy] = useState<BackupPolicy | null>(null);
  const dateText = (iso: string) => new Date(iso).toLocaleString(locale);

  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    apiClient.call('backups:list', {}).then(
      (value) => {
        if (!live) return;
        setOverview(value);
        setPolicy(value.policy);
      },
      (error: unknown) => live && setStatus(t('failed', { message: messageOf(error) })),
    );
    return () => {
      live = false;
    };
  }, [t, version]);
  const reload = () => setVersion((v) => v + 1);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setStatus(await work());
      reload();
    } catch (error) {
      setStatus(t('failed', { message: messageOf(error) }));
    } finally {
      setBusy(false);
    }
  };
  const backUp = () =>
    run(async () => t('backupDone', { size: sizeText((await apiClient.call('backups:create', {})).bytes) }));
  const restore = (backup: BackupInfo) => {
    setRestoring(null);
    void run(async () => {
      const result = await apiClient.call('backups:restore', { id: backup.id });
      return t('restored', { documents: result.documents, annotations: result.annotations });
    });
  };
  const [compacting, setCompacting] = useState(false);
  const compact = () => {
    setCompacting(true);
    void run(async () => {
      const result = await apiClient.call('backups:compact', {});
      return t('compacted', { before: sizeText(result.bytesBefore), after: sizeText(result.bytesAfter) });
    }).finally(() => setCompacting(false));
  };
  const savePolicy = () =>
    policy && run(async () => (await apiClient.call('backups:set-policy', policy), t('policySaved')));

  const readOnly = overview?.readOnly ?? false;
  return (
    <main className="care-screen" aria-labelledby="care-title">
      <header className="care-header">
        <h1 id="care-title">{t('backups')}</h1>
        <button
          type="button"
          className="button button-primary"
          disabled={busy || readOnly}
          onClick={() => void backUp()}
        >
          {busy && !compacting ? t('backingUp') : t('backupNow')}
        </button>
      </header>
      <p className="care-intro">
        {t('backupsIntro')} <code>{overview?.folder ?? ''}</code>
      </p>
      {readOnly && <p className="care-warning">{t('readOnly')}</p>}
      <p className="care-status" role="status" aria-live="polite">
        {status}
      </p>
      {!overview ? (
        <p>{t('loading')}</p>
      ) : overview.backups.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <table className="care-table">
          <thead>
            <tr>
              {(
                ['colDate', 'colReason', 'colSize', 'colDocuments', 'colAnnotations', 'colActions'] as const
              ).map((k) => (
                <th key={k} scope="col">
                  {t(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {overview.backups.map((b) => (
              <tr key={b.id}>
                <td>{dateText(b.createdAt)}</td>
                <td>{t(`reason_${b.reason}`)}</td>
                <td className="care-number">{sizeText(b.bytes)}</td>
                {b.problem ? (
                  <td colSpan={3} className="care-problem">
                    {t('damaged', { problem: b.problem })}
                  </td>
                ) : (
                  <>
                    <td className="care-number">{b.documents}</td>
                    <td className="care-number">{b.annotations}</td>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        disabled={busy || readOnly}
                        title={t('restoreHint')}
                        aria-label={`${t('restore')} ${dateText(b.createdAt)}`}
                        onClick={() => setRestoring(b)}
                      >
                        {t('restore')}
                      </button>
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {policy && (
        <fieldset className="care-policy" disabled={busy || readOnly}>
          <legend>{t('policy')}</legend>
          <NumberSetting
            before={t('keepDaily')}
            after={t('keepDailyUnit')}
            min={1}
            max={365}
            value={policy.keepDaily}
            onChange={(keepDaily) => setPolicy({ ...policy, keepDaily })}
          />
          <NumberSetting
            before={t('interval')}
            after={t('intervalUnit')}
            min={0}
            max={720}
            value={policy.intervalHours}
            onChange={(intervalHours) => setPolicy({ ...policy, intervalHours })}
          />
          <button type="button" className="button" onClick={() => void savePolicy()}>
            {t('savePolicy')}
          </button>
        </fieldset>
      )}
      <section className="care-compact" aria-labelledby="care-compact">
        <h2 id="care-compact">{t('compact')}</h2>
        <p>{t('compactIntro')}</p>
        <button type="button" className="button" disabled={busy || readOnly} onClick={compact}>
          {compacting ? t('compacting') : t('compactNow')}
        </button>
      </section>
      <Dialog
        open={restoring !== null}
        onClose={() => setRestoring(null)}
        title={t('restoreTitle')}
        closeLabel={t('close')}
      >
        {restoring && (
          <InlineConfirm
            placement="dialog"
            tone="danger"
            question={t('restoreBody', {
              date: dateText(restoring.createdAt),
              documents: restoring.documents ?? 0,
              annotations: restoring.annotations ?? 0,
            })}
            cancelLabel={t('cancel')}
            confirmLabel={t('restoreConfirm')}
            onCancel={() => setRestoring(null)}
            onConfirm={() => restore(restoring)}
          />
        )}
      </Dialog>
    </main>
  );
}

/** A whole number within [min, max], labelled by the words around it. */
function NumberSetting(props: {
  before: string;
  after: string;
  min: number;
  max: number;
  value: number;
  onChange: (value: number) => void;
}) {
  const { min, max } = props;
  return (
    <label>
      {props.before}{' '}
      <input
        type="number"
        min={min}
        max={max}
        value={props.value}
        onChange={(e) =>
          props.onChange(Math.min(max, Math.max(min, Math.round(Number(e.target.value) || 0))))
        }
      />{' '}
      {props.after}
    </label>
  );
}
