import type { TeamConflictView } from '../../../../shared/ipc/channels/team';
import { useT, type KeyOf, type Translate } from '../../i18n';
import { flatten, isEmpty, conflictRows } from './model/conflict-rows';
import { teamStrings, type KeepSide } from './strings';

/** Keys built from a kind or reason the hub and the engine name (`kind_annotation`, `reason_edit`). */
type TeamKey = KeyOf<typeof teamStrings>;

/**
 * A synced field's name for people: the last part of its dotted path (`fields.title`, a metadata
 * correction's title, reads 标题), `*` the whole object; a field this table does not know keeps its name.
 */
export function fieldLabel(t: Translate<TeamKey>, path: string): string {
  const leaf = path === '*' ? 'all' : (path.split('.').pop() ?? path);
  const key = `field_${leaf}`;
  return key in teamStrings['zh-CN'] ? t(key as TeamKey) : path;
}

/** One version of an object as readable lines, on the rows both versions share. */
function VersionBody(props: {
  kind: string;
  data: Record<string, unknown> | null;
  rows: string[];
  fields: string[];
}) {
  const t = useT(teamStrings);
  if (!props.data) return <p className="team-deleted">{t('deleted')}</p>;
  const flat = flatten(props.data);
  const hot = (k: string) => props.fields.includes('*') || props.fields.includes(k);
  // A briefing item's kind reads as the 简报 editor names it (评注, not `note`).
  const itemKind = (v: unknown) => `itemKind_${String(v)}`;
  const shown = (k: string, v: unknown) =>
    isEmpty(v)
      ? '—'
      : props.kind === 'briefing_item' && k === 'kind' && itemKind(v) in teamStrings['zh-CN']
        ? t(itemKind(v) as TeamKey)
        : typeof v === 'string'
          ? v
          : JSON.stringify(v);
  return (
    <dl className="team-version">
      {props.rows.map((k) => (
        <div key={k} className={hot(k) ? 'team-field team-field-hot' : 'team-field'}>
          <dt title={k}>{fieldLabel(t, k)}</dt>
          <dd>{shown(k, flat.get(k))}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One side of a conflict: its heading, its version and the button that keeps it. */
function VersionColumn(props: {
  kind: string;
  title: string;
  keepLabel: string;
  data: Record<string, unknown> | null;
  rows: string[];
  fields: string[];
  busy: boolean;
  onKeep: () => void;
}) {
  return (
    <section aria-label={props.title}>
      <h3>{props.title}</h3>
      <VersionBody kind={props.kind} data={props.data} rows={props.rows} fields={props.fields} />
      <button type="button" className="button" disabled={props.busy} onClick={props.onKeep}>
        {props.keepLabel}
      </button>
    </section>
  );
}

/**
 * What a conflict is about: its document's title where it has one here (a metadata correction, a
 * document, an annotation), else its briefing's (a briefing, one of its items), the id kept beside
 * it (whole in the tooltip); else the object's id.
 */
function ConflictSubject({ conflict: c }: { conflict: TeamConflictView }) {
  const t = useT(teamStrings);
  const title = c.documentTitle ?? c.briefingTitle;
  if (!title) return <code title={c.objectId}>{c.objectId.slice(0, 12)}</code>;
  const ofDocument = c.documentTitle !== null;
  const id = ofDocument ? (c.documentId ?? c.objectId) : c.objectId;
  return (
    <>
      <cite className="team-conflict-doc">{t('documentTitle', { title })}</cite>{' '}
      <code
        className="team-conflict-id"
        title={id}
        aria-label={t(ofDocument ? 'documentId' : 'objectId', { id })}
      >
        {id.slice(0, 12)}
      </code>
    </>
  );
}

const rowsOf = (c: TeamConflictView) => conflictRows(c.local, c.remote, c.fields);

/** The open conflicts, each with both versions side by side and the choice between them. */
export function ConflictList(props: {
  conflicts: TeamConflictView[];
  busy: boolean;
  onResolve: (id: number, keep: KeepSide) => void;
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
            <strong>{t(`kind_${c.kind}` as TeamKey)}</strong> <ConflictSubject conflict={c} /> ·{' '}
            {t(`reason_${c.reason}` as TeamKey)} ·{' '}
            {t('fields', { fields: c.fields.map((f) => fieldLabel(t, f)).join('、') })}
          </p>
          <div className="team-sides">
            <VersionColumn
              kind={c.kind}
              title={t('mine')}
              keepLabel={t('keepMine')}
              data={c.local}
              rows={rowsOf(c)}
              fields={c.fields}
              busy={props.busy}
              onKeep={() => props.onResolve(c.id, 'local')}
            />
            <VersionColumn
              kind={c.kind}
              title={t('theirs', { author: c.remoteAuthor ?? '' })}
              keepLabel={t('keepTheirs')}
              data={c.remote}
              rows={rowsOf(c)}
              fields={c.fields}
              busy={props.busy}
              onKeep={() => props.onResolve(c.id, 'remote')}
            />
          </div>
        </li>
      ))}
    </ul>
  );
}
