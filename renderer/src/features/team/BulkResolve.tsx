import { useState } from 'react';
import { InlineConfirm } from '../../components/InlineConfirm';
import { useT } from '../../i18n';
import { sideLabel, teamStrings, type KeepSide } from './strings';

/**
 * One choice over every listed conflict (a department back from an offline week may have
 * hundreds): a button per side, each asking once more before it settles them all.
 */
export function BulkResolve(props: { count: number; busy: boolean; onResolveAll: (keep: KeepSide) => void }) {
  const t = useT(teamStrings);
  const [confirming, setConfirming] = useState<KeepSide | null>(null);
  if (props.count < 2) return null;
  if (confirming)
    return (
      <InlineConfirm
        className="team-bulk"
        question={t('bulkConfirm', { count: props.count, side: sideLabel(t, confirming) })}
        cancelLabel={t('cancel')}
        confirmLabel={t('bulkDo')}
        busy={props.busy}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          props.onResolveAll(confirming);
          setConfirming(null);
        }}
      />
    );
  return (
    <div className="team-bulk team-bulk-choice" role="group" aria-label={t('bulkLabel')}>
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
