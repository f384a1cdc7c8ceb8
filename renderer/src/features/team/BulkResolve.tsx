import { useState } from 'react';
import { useT } from '../../i18n';
import { teamStrings } from './strings';

type Keep = 'local' | 'remote';

/**
 * One choice over every listed conflict (a department back from an offline week may have
 * hundreds): a button per side, each asking once more before it settles them all.
 */
export function BulkResolve(props: { count: number; busy: boolean; onResolveAll: (keep: Keep) => void }) {
  const t = useT(teamStrings);
  const [confirming, setConfirming] = useState<Keep | null>(null);
  if (props.count < 2) return null;
  const side = (keep: Keep) => t(keep === 'local' ? 'side_local' : 'side_remote');
  if (confirming)
    return (
      <div
        className="team-bulk"
        role="group"
        aria-label={t('bulkConfirm', { count: props.count, side: side(confirming) })}
      >
        <span>{t('bulkConfirm', { count: props.count, side: side(confirming) })}</span>
        <button type="button" className="button" autoFocus onClick={() => setConfirming(null)}>
          {t('cancel')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={props.busy}
          onClick={() => {
            props.onResolveAll(confirming);
            setConfirming(null);
          }}
        >
          {t('bulkDo')}
        </button>
      </div>
    );
  return (
    <div className="team-bulk" role="group" aria-label={t('bulkLabel')}>
      <span>{t('bulkLabel')}</span>
      {(['local', 'remote'] as const).map((keep) => (
        <button
          key={keep}
          type="button"
          className="button"
          disabled={props.busy}
          onClick={() => setConfirming(keep)}
        >
          {t(keep === 'local' ? 'keepAllMine' : 'keepAllTheirs', { count: props.count })}
        </button>
      ))}
    </div>
  );
}
