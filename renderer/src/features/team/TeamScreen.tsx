import { useEffect, useState } from 'react';
import type {
  TeamAnnotationView,
  TeamConflictView,
  TeamStatusView,
  TeamSyncProgress,
} from '../../../../shared/ipc/channels/team';
import { useLocale, useT, type KeyOf } from '../../i18n';
import { ApiError, apiClient } from '../../lib/api-client';
import { ConflictList } from './ConflictList';
import { BulkResolve } from './BulkResolve';
import { sideLabel, teamStrings, type KeepSide } from './strings';
import './team.css';

type TeamKey = KeyOf<typeof teamStrings>;
const messageOf = (error: unknown) =>
  error instanceof ApiError || error instanceof Error ? error.message : String(error);

/** Join form: hub address, invitation code, the member's name. */
function JoinForm(props: {
  busy: boolean;
  onJoin: (r: { hubUrl: string; code: string; memberName: string }) => void;
}) {
  const t = useT(teamStrings);
  const [hubUrl, setHubUrl] = useState('');
  const [code, setCode] = useState('');
  const [memberName, setMemberName] = useState('');
  return (
    <form
      className="team-join"
      onSubmit={(e) => {
        e.preventDefault();
        props.onJoin({ hubUrl, code, memberName });
      }}
    >
      <label>
        {t('hubUrl')}
        <input
          value={hubUrl}
          onChange={(e) => setHubUrl(e.target.value)}
          placeholder="http://hub.dept.local:8787"
          required
        />
      </label>
      <label>
        {t('code')}
        <input value={code} onChange={(e) => setCode(e.target.value)} required minLength={8} />
      </label>
      <label>
        {t('memberName')}
        <input value={memberName} onChange={(e) => setMemberName(e.target.value)} required maxLength={80} />
      </label>
      <button type="submit" className="button button-primary" disabled={props.busy}>
        {props.busy ? t('joining') : t('join')}
      </button>
    </form>
  );
}

/** 团队: hub status, sync with progress, members and roles, conflicts side by side, who wrote what. */
export function TeamScreen() {
  const t = useT(teamStrings);
  const locale = useLocale();
  const [status, setStatus] = useState<TeamStatusView | null>(null);
  const [conflicts, setConflicts] = useState<TeamConflictView[]>([]);
  const [annotations, setAnnotations] = useState<TeamAnnotationView[]>([]);
  const [mine, setMine] = useState(false);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const dateText = (iso: string) => new Date(iso).toLocaleString(locale);

  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    const load = async () => {
      const s = await apiClient.call('team:status', {});
      const c = s.joined ? await apiClient.call('team:conflicts', {}) : [];
      if (!live) return;
      setStatus(s);
      setConflicts(c);
    };
    load().catch((e: unknown) => live && setMessage(t('failed', { message: messageOf(e) })));
    return () => {
      live = false;
    };
  }, [t, version]);
  const reload = () => setVersion((v) => v + 1);
  useEffect(() => {
    apiClient.call('team:annotations', { mine }).then(setAnnotations, () => setAnnotations([]));
  }, [mine, status]);
  // The sync tells how far it got as it goes (a large first sync takes a while), background syncs too.
  const [live, setLive] = useState<TeamSyncProgress | null>(null);
  useEffect(
    () =>
      apiClient.on('team:progress', (p) => {
        setLive(p.phase === 'done' ? null : p);
        if (p.phase === 'done') reload();
      }),
    [],
  );

  const run = async (work: () => Promise<string>) => {
    // The last outcome must not stand beside a new run: 同步完成 from before would read as this one's.
    setMessage('');
    setBusy(true);
    try {
      setMessage(await work());
    } catch (error) {
      setMessage(t('failed', { message: messageOf(error) }));
    } finally {
      setBusy(false);
      reload();
    }
  };
  const sync = () =>
    run(async () => {
      const r = await apiClient.call('team:sync', {});
      return t('synced', {
        accepted: r.accepted,
        pulled: r.pulled,
        documents: r.documents,
        conflicts: r.conflicts,
      });
    });
  const resolve = (id: number, keep: KeepSide) =>
    run(async () => {
      await apiClient.call('team:resolve', { id, keep });
      return t('kept', { side: sideLabel(t, keep) });
    });

  const resolveAll = (keep: KeepSide) =>
    run(async () => {
      const r = await apiClient.call('team:resolve-all', { keep, ids: conflicts.map((c) => c.id) });
      const side = sideLabel(t, keep);
      return r.failed.length
        ? t('keptAllFailed', {
            resolved: r.resolved,
            side,
            failed: r.failed.length,
            message: r.failed[0]!.message,
          })
        : t('keptAll', { resolved: r.resolved, side });
    });

  const progress = live ?? status?.syncing;
  return (
    <main className="team-screen" aria-labelledby="team-title">
      <header className="team-header">
        <h1 id="team-title">{t('team')}</h1>
        {status?.joined && (
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void sync()}>
            {busy ? t('syncing') : t('syncNow')}
          </button>
        )}
      </header>
      <p className="team-status" role="status" aria-live="polite">
        {progress
          ? t('progress', {
              phase: t(`phase_${progress.phase}` as TeamKey),
              pushed: progress.pushed,
              pulled: progress.pulled,
            })
          : message}
      </p>
      {!status ? (
        <p>{t('loading')}</p>
      ) : !status.joined ? (
        <>
          <p className="team-intro">{t('intro')}</p>
          <JoinForm
            busy={busy}
            onJoin={(r) => void run(async () => (await apiClient.call('team:join', r), t('syncNow')))}
          />
        </>
      ) : (
        <>
          <dl className="team-facts">
            <dt>{t('hub')}</dt>
            <dd>
              {status.hubUrl}{' '}
              <span className={status.online ? 'team-online' : 'team-offline'}>
                {status.online ? t('online') : t('offline')}
              </span>
            </dd>
            <dt>{t('library')}</dt>
            <dd>{status.library?.name}</dd>
            <dt>{t('me')}</dt>
            <dd>
              {status.member?.name} ({status.member ? t(`role_${status.member.role}` as TeamKey) : ''})
            </dd>
            <dt>{t('lastSync')}</dt>
            <dd>{status.lastSync ? dateText(status.lastSync) : t('never')}</dd>
            <dt>{t('pending')}</dt>
            <dd>{status.pending}</dd>
          </dl>
          {status.lastSyncReplaced > 0 && <p>{t('replaced', { count: status.lastSyncReplaced })}</p>}
          {status.lastError && (
            <p className="team-warning">{t('lastError', { message: status.lastError })}</p>
          )}
          <section aria-labelledby="team-members">
            <h2 id="team-members">{t('members')}</h2>
            <ul className="team-members">
              {status.members.map((m) => (
                <li key={m.id}>
                  {m.name} <span className="team-role">{t(`role_${m.role}` as TeamKey)}</span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="team-conflicts">
            <h2 id="team-conflicts">
              {t('conflicts')} ({conflicts.length})
            </h2>
            <BulkResolve
              count={conflicts.length}
              busy={busy}
              onResolveAll={(keep) => void resolveAll(keep)}
            />
            <ConflictList
              conflicts={conflicts}
              busy={busy}
              onResolve={(id, keep) => void resolve(id, keep)}
            />
          </section>
        </>
      )}
      <section aria-labelledby="team-annotations">
        <h2 id="team-annotations">{t('annotations')}</h2>
        <div className="team-filter" role="radiogroup" aria-label={t('annotations')}>
          {([false, true] as const).map((value) => (
            <label key={String(value)}>
              <input
                type="radio"
                name="team-filter"
                checked={mine === value}
                onChange={() => setMine(value)}
              />
              {value ? t('filterMine') : t('filterAll')}
            </label>
          ))}
        </div>
        {annotations.length === 0 ? (
          <p>{t('noAnnotations')}</p>
        ) : (
          <ul className="team-annotations">
            {annotations.map((a) => (
              <li key={a.id}>
                <q>{a.quote}</q> {a.note && <span className="team-note">{a.note}</span>}
                <span className="team-author">
                  {t('by', { author: a.author, date: dateText(a.updated) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {status?.joined && (
        <footer className="team-footer">
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run(async () => (await apiClient.call('team:leave', {}), t('left')))}
          >
            {t('leave')}
          </button>
        </footer>
      )}
    </main>
  );
}
