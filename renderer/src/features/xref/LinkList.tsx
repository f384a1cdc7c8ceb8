import { useState } from 'react';
import type { PassageLink, PassageRef } from '../../../../shared/domain/xref';
import { navigation } from '../../app/navigation';
import { useT } from '../../i18n';
import { apiClient } from '../../lib/api-client';
import { xrefStrings } from './strings';

interface Props {
  links: readonly PassageLink[];
  /** Which end is the passage shown: its links go out from it, its backlinks come in. */
  direction: 'out' | 'in';
  refs: Record<string, PassageRef>;
  onChanged: () => void;
  onError: (message: string) => void;
}

/** A passage's links (or backlinks): the other end, the note, and open / edit / remove. */
export function LinkList({ links, direction, refs, onChanged, onError }: Props) {
  const t = useT(xrefStrings);
  if (!links.length) return <p className="panel-note">{t('linksNone')}</p>;
  return (
    <ul className="xr-links">
      {links.map((l) => (
        <LinkItem
          key={l.id}
          link={l}
          direction={direction}
          refs={refs}
          onChanged={onChanged}
          onError={onError}
        />
      ))}
    </ul>
  );
}

function LinkItem({
  link,
  direction,
  refs,
  onChanged,
  onError,
}: Omit<Props, 'links'> & { link: PassageLink }) {
  const t = useT(xrefStrings);
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(link.note);
  const otherId = direction === 'out' ? link.to : link.from;
  const other = otherId ? refs[otherId] : undefined;
  const otherText = direction === 'out' ? link.toText : link.fromText;
  const citation = other?.citation ?? t('orphaned');
  const run = (p: Promise<unknown>) =>
    p.then(onChanged, (e: unknown) => onError(e instanceof Error ? e.message : String(e)));
  return (
    <li className="xr-link" data-link-id={link.id}>
      <span className="xr-link-dir">
        {direction === 'out' ? t('fromHere', { citation }) : t('toHere', { citation })}
      </span>
      <span className="xr-excerpt">{(other?.excerpt ?? otherText).slice(0, 60)}</span>
      {editing ? (
        <form
          className="xr-note-form"
          onSubmit={(e) => {
            e.preventDefault();
            setEditing(false);
            void run(apiClient.call('links:update', { id: link.id, note }));
          }}
        >
          <textarea
            className="xr-note-input"
            aria-label={t('editNote')}
            value={note}
            maxLength={20_000}
            autoFocus
            onChange={(e) => setNote(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
          />
          <button type="submit" className="xr-button">
            {t('save')}
          </button>
          <button type="button" className="xr-button" onClick={() => setEditing(false)}>
            {t('cancel')}
          </button>
        </form>
      ) : (
        link.note && <p className="xr-note">{link.note}</p>
      )}
      <span className="xr-actions">
        {other && (
          <button
            type="button"
            className="xr-button"
            onClick={() => navigation.openPassage(other.docId, other.passageId)}
          >
            {t('open')}
          </button>
        )}
        <button
          type="button"
          className="xr-button"
          onClick={() => {
            setNote(link.note);
            setEditing(true);
          }}
        >
          {t('editNote')}
        </button>
        <button
          type="button"
          className="xr-button xr-danger"
          onClick={() => void run(apiClient.call('links:delete', { id: link.id }))}
        >
          {t('remove')}
        </button>
      </span>
    </li>
  );
}
