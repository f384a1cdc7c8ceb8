import { useState } from 'react';
import { focusOnOpen } from '../../app/Dialog';
import { useT } from '../../i18n';
import { briefingStrings } from './strings';

/**
 * A text box with cancel and submit, for headings (one line: Enter saves) and commentary (several
 * lines: Ctrl+Enter saves). Esc cancels without letting the key reach the outline.
 */
export function TextEntry({
  label,
  placeholder,
  initial = '',
  multiline,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  label: string;
  placeholder?: string;
  initial?: string;
  multiline: boolean;
  submitLabel: string;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}) {
  const t = useT(briefingStrings);
  const [text, setText] = useState(initial);
  const submit = () => (text.trim() ? onSubmit(text.trim()) : onCancel());
  return (
    <form
      className="briefing-text-entry"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <textarea
        className="briefing-input"
        aria-label={label}
        placeholder={placeholder}
        autoFocus
        rows={multiline ? 3 : 1}
        maxLength={20_000}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          }
          if (e.key === 'Enter' && (e.ctrlKey || !multiline)) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <div className="briefing-form-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={!text.trim()}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/** A one-line "new briefing" title field with its button (library list and add-to picker). */
export function NewBriefingForm({
  submitLabel,
  disabled,
  autoFocus,
  onCreate,
}: {
  submitLabel: string;
  disabled?: boolean;
  autoFocus?: boolean;
  onCreate: (title: string) => void;
}) {
  const t = useT(briefingStrings);
  const [title, setTitle] = useState('');
  return (
    <form
      className="briefing-new"
      onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim()) return;
        onCreate(title.trim());
        setTitle('');
      }}
    >
      <input
        className="briefing-input"
        aria-label={t('newBriefing')}
        placeholder={t('newTitlePlaceholder')}
        maxLength={200}
        value={title}
        autoFocus={autoFocus}
        ref={autoFocus ? focusOnOpen : undefined}
        onChange={(e) => setTitle(e.target.value)}
      />
      <button type="submit" className="button button-primary" disabled={disabled || !title.trim()}>
        {submitLabel}
      </button>
    </form>
  );
}
