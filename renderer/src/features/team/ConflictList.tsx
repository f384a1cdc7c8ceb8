import type { TeamConflictView } from '../../../../shared/ipc/channels/team';
import { useT, type KeyOf } from '../../i18n';
import { teamStrings } from './strings';

/** Keys built from a kind or reason the hub and the engine name (`kind_annotation`, `reason_edit`). */
type TeamKey = KeyOf<typeof teamStrings>;

/** One version of an object as readable lines: the conflicting fields first and marked. */
function VersionBody({ data, fields }: { data: Record<string, unknown> | null; fields: string[] }) {
  const t = useT(teamStrings);
  if (!data) return <p className="team-deleted">{t('deleted')}</p>;
  const flat: [string, unknown][] = [];
  for (const [k, v] of Object.entries(data))
    if (v && typeof v === 'object' && !Array.isArray(v))
      for (const [k2, v2] of Object.entries(v as Record<string, unknown>)) flat.push([`${k}.${k2}`, v2]);
    else flat.push([k, v]);
  const hot = (k: string) => fields.includes('*') || fields.includes(k);
  flat.sort(([a], [b]) => Number(hot(b)) - Number(hot(a)));
  return (
    <dl className="team-version">
      {flat.slice(0, 12).map(([k, v]) => (
        <div key={k} className={hot(k) ? 'team-field team-field-hot' : 'team-field'}>
          <dt>{k}</dt>
          <dd>{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The open conflicts, each with both versions side by side and the choice between them. */
export function ConflictList(props: {
  conflicts: TeamConflictView[];
  busy: boolean;
  onResolve: (id: number, keep: 'local' | 'remote') => void;
}) {
  const t = useT(teamStrings);
  if (!props.conflicts.length) return <p>{t('noConflicts')}</p>;
  return (
    <ul className="team-conflicts">
      {props.conflicts.map((c) => (
        <li
          key={c.id}
          className="team-conflict"
          aria-label={`${t(`kind_${c.kind}` as TeamKey)} ${c.objectId}`}
        >
          <p className="team-conflict-head">
            <strong>{t(`kind_${c.kind}` as TeamKey)}</strong> <code>{c.objectId.slice(0, 12)}</code> ·{' '}
            {t(`reason_${c.reason}` as TeamKey)} · {t('fields', { fields: c.fields.join(', ') })}
          </p>
          <div className="team-sides">
            <section aria-label={t('mine')}>
              <h3>{t('mine')}</h3>
              <VersionBody data={c.local} fields={c.fields} />
              <button
                type="button"
                className="button"
                disabled={props.busy}
                onClick={() => props.onResolve(c.id, 'local')}
              >
                {t('keepMine')}
              </button>
            </section>
            <section aria-label={t('theirs', { author: c.remoteAuthor ?? '' })}>
              <h3>{t('theirs', { author: c.remoteAuthor ?? '' })}</h3>
              <VersionBody data={c.remote} fields={c.fields} />
              <button
                type="button"
                className="button"
                disabled={props.busy}
                onClick={() => props.onResolve(c.id, 'remote')}
              >
                {t('keepTheirs')}
              </button>
            </section>
          </div>
        </li>
      ))}
    </ul>
  );
}
