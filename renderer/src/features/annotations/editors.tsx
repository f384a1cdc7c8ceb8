import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Annotation } from '../../../../shared/domain/annotations';
import { useT } from '../../i18n';
import { annotations } from './annotation-store';
import { annotationStrings } from './strings';

/**
 * Focuses a new editor field. `autoFocus` alone is not enough: the toolbar mounts hidden until it is
 * positioned by the selection, and a hidden field cannot take the focus, so a keyboard user (N, T)
 * would be left typing into the text. Tries again for a few frames until the field is shown.
 */
function useFocusWhenShown(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      const el = ref.current;
      if (!el || document.activeElement === el) return;
      el.focus();
      if (document.activeElement !== el && ++tries < 10) frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [ref]);
}

/** The note of one annotation: Ctrl+Enter saves, Esc cancels. */
export function NoteEditor({ annotation, onDone }: { annotation: Annotation; onDone: () => void }) {
  const t = useT(annotationStrings);
  const [text, setText] = useState(annotation.note);
  const field = useRef<HTMLTextAreaElement>(null);
  useFocusWhenShown(field);
  const save = async () => {
    await annotations.update(annotation.id, { note: text.trim() });
    onDone();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onDone();
    }
  };
  return (
    <div className="ann-editor" onKeyDown={onKeyDown}>
      <textarea
        ref={field}
        className="ann-note-input"
        aria-label={t('noteLabel')}
        placeholder={t('notePlaceholder')}
        value={text}
        rows={4}
        maxLength={20_000}
        autoFocus
        onChange={(e) => setText(e.target.value)}
      />
      <div className="ann-editor-actions">
        <button type="button" className="button" onClick={onDone}>
          {t('cancel')}
        </button>
        <button type="button" className="button ann-primary" onClick={() => void save()}>
          {t('save')}
        </button>
      </div>
    </div>
  );
}

/** Tags of one annotation: Enter (or ，/,) adds, the × on a chip removes; saved at once. */
export function TagEditor({
  annotation,
  suggestions,
  onDone,
}: {
  annotation: Annotation;
  suggestions: readonly string[];
  onDone: () => void;
}) {
  const t = useT(annotationStrings);
  const [draft, setDraft] = useState('');
  const field = useRef<HTMLInputElement>(null);
  useFocusWhenShown(field);
  const setTags = (tags: string[]) => annotations.update(annotation.id, { tags });
  const add = () => {
    const tag = draft.trim().replace(/^#/, '').slice(0, 40);
    setDraft('');
    if (tag && !annotation.tags.some((x) => x.toLowerCase() === tag.toLowerCase()))
      void setTags([...annotation.tags, tag]);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',' || e.key === '，') {
      e.preventDefault();
      if (draft.trim()) add();
      else if (e.key === 'Enter') onDone();
    } else if (e.key === 'Backspace' && !draft && annotation.tags.length) {
      void setTags(annotation.tags.slice(0, -1));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onDone();
    }
  };
  const listId = `ann-tag-suggestions-${annotation.id}`;
  return (
    <div className="ann-editor">
      <div className="ann-tag-field">
        {annotation.tags.map((tag) => (
          <span key={tag} className="ann-tag">
            #{tag}
            <button
              type="button"
              className="ann-tag-remove"
              aria-label={t('removeTag', { tag })}
              onClick={() => void setTags(annotation.tags.filter((x) => x !== tag))}
            >
              ×
            </button>
          </span>
        ))}
        <input
          ref={field}
          className="ann-tag-input"
          aria-label={t('tagLabel')}
          placeholder={t('tagPlaceholder')}
          list={listId}
          value={draft}
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <datalist id={listId}>
          {suggestions
            .filter((s) => !annotation.tags.includes(s))
            .map((s) => (
              <option key={s} value={s} />
            ))}
        </datalist>
      </div>
      <div className="ann-editor-actions">
        <button type="button" className="button" onClick={onDone}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
