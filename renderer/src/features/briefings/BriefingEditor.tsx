import { useEffect, useState } from 'react';
import type { Briefing } from '../../../../shared/domain/briefings';
import { isTypingTarget } from '../../app/shortcut-registry';
import { useNavigation } from '../../app/navigation';
import { useT } from '../../i18n';
import { BriefingList } from './BriefingList';
import { briefings, followLibraryChanges, openBriefing, useBriefingEditor } from './briefings-store';
import { OutlineItem } from './OutlineItem';
import { ExportBar } from './ExportBar';
import { TextEntry } from './forms';
import { briefingStrings } from './strings';
import './briefings.css';

/** The briefing screen: the editor of `{ briefingId }`, or the list of briefings without one. */
export function BriefingEditorScreen() {
  const { screenArg } = useNavigation();
  const briefingId = (screenArg as { briefingId?: string } | null)?.briefingId ?? null;
  return (
    <div className="briefing-screen">
      {briefingId ? <BriefingEditor id={briefingId} /> : <BriefingList headingLevel={1} />}
    </div>
  );
}

const STEPS = [
  { direction: 'undo', keys: 'Control+Z' },
  { direction: 'redo', keys: 'Control+Shift+Z' },
] as const;

function BriefingEditor({ id }: { id: string }) {
  const t = useT(briefingStrings);
  const { briefing, loading, error, notice, focusId } = useBriefingEditor();
  const [dragging, setDragging] = useState<number | null>(null);
  useEffect(() => {
    void openBriefing(id);
    return followLibraryChanges();
  }, [id]);

  // Ctrl+Z / Ctrl+Shift+Z undo and redo briefing edits, except while typing in a field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z' || isTypingTarget(e.target)) return;
      e.preventDefault();
      void briefings.step(e.shiftKey ? 'redo' : 'undo');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (error)
    return (
      <p className="screen-message" role="alert">
        {t('loadFailed', { message: error })}
      </p>
    );
  if (!briefing || briefing.id !== id)
    return (
      <p className="screen-message" role="status">
        {loading ? t('loading') : ''}
      </p>
    );
  return (
    <article className="briefing-editor" aria-label={briefing.title}>
      {/* Keyed by the stored values: an undo or another window's change shows at once. */}
      <BriefingFields key={`${briefing.title}\n${briefing.audience}\n${briefing.date}`} briefing={briefing} />
      <div className="briefing-toolbar" role="toolbar" aria-label={t('outline')}>
        {STEPS.map(({ direction, keys }) => (
          <button
            key={direction}
            type="button"
            className="button"
            aria-keyshortcuts={keys}
            onClick={() => void briefings.step(direction)}
          >
            {t(direction)}
          </button>
        ))}
        <span className="briefing-saved" aria-live="polite">
          {notice?.text ?? t('saved')}
        </span>
      </div>
      <h2 className="briefing-outline-title" id="briefing-outline-title">
        {t('outline')}
      </h2>
      <p className="briefing-hint" id="briefing-outline-help">
        {t('outlineHelp')}
      </p>
      {briefing.items.length === 0 ? (
        <p className="briefing-hint">{t('empty')}</p>
      ) : (
        <ol
          className="briefing-outline"
          aria-labelledby="briefing-outline-title"
          aria-describedby="briefing-outline-help"
        >
          {briefing.items.map((item, index) => (
            <OutlineItem
              key={item.id}
              item={item}
              index={index}
              count={briefing.items.length}
              focusMe={focusId === item.id}
              dragging={dragging}
              onDragging={setDragging}
            />
          ))}
        </ol>
      )}
      <AddForms />
      <ExportBar briefingId={briefing.id} version={briefing.updated} />
    </article>
  );
}

/** Title, audience line and date: each saved when the field is left or on Enter (one undoable step). */
function BriefingFields({ briefing }: { briefing: Briefing }) {
  const t = useT(briefingStrings);
  const [fields, setFields] = useState({
    title: briefing.title,
    audience: briefing.audience,
    date: briefing.date,
  });
  const commit = (name: keyof typeof fields) => {
    const value = fields[name].trim();
    if (value === briefing[name] || (name !== 'audience' && !value)) return;
    void briefings.update({ [name]: value });
  };
  const field = (
    name: keyof typeof fields,
    props: { type?: string; placeholder?: string; className: string },
  ) => (
    <input
      className={`briefing-input ${props.className}`}
      type={props.type ?? 'text'}
      aria-label={t(name)}
      placeholder={props.placeholder}
      maxLength={name === 'title' ? 200 : 300}
      value={fields[name]}
      onChange={(e) => setFields((f) => ({ ...f, [name]: e.target.value }))}
      onBlur={() => commit(name)}
      onKeyDown={(e) => e.key === 'Enter' && commit(name)}
    />
  );
  return (
    <header className="briefing-fields">
      {field('title', { className: 'briefing-title-input' })}
      {field('audience', { className: 'briefing-audience-input', placeholder: t('audiencePlaceholder') })}
      <label className="briefing-date">
        <span>{t('date')}</span>
        {field('date', { type: 'date', className: 'briefing-date-input' })}
      </label>
    </header>
  );
}

function AddForms() {
  const t = useT(briefingStrings);
  const [open, setOpen] = useState<'heading' | 'note' | null>(null);
  if (open)
    return (
      <TextEntry
        label={t(open === 'heading' ? 'addHeading' : 'addNote')}
        placeholder={t(open === 'heading' ? 'headingPlaceholder' : 'notePlaceholder')}
        multiline={open === 'note'}
        submitLabel={t('add')}
        onCancel={() => setOpen(null)}
        onSubmit={(text) => {
          void briefings.add(
            open === 'heading' ? { kind: 'heading', text, level: 1 } : { kind: 'note', text },
          );
          setOpen(null);
        }}
      />
    );
  return (
    <div className="briefing-add">
      {(['heading', 'note'] as const).map((kind) => (
        <button key={kind} type="button" className="button" onClick={() => setOpen(kind)}>
          + {t(kind === 'heading' ? 'addHeading' : 'addNote')}
        </button>
      ))}
    </div>
  );
}
