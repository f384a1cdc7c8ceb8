import type { KeyboardEvent, ReactNode } from 'react';
import { focusOnOpen } from '../app/Dialog';
import './inline-confirm.css';

/**
 * Where the question is asked, which sets its look:
 * - `inline`: question and buttons on one line, in a screen's toolbar;
 * - `row`: the same in a list row, smaller, with link buttons that keep the row's height;
 * - `dialog`: the body of a modal dialog, the question as its paragraph and the buttons under it on the right.
 */
export type InlineConfirmPlacement = 'inline' | 'row' | 'dialog';

export interface InlineConfirmProps {
  /** What the user is asked; also the group's accessible name, which the browser tests find it by. */
  question: string;
  cancelLabel: string;
  confirmLabel: string;
  onCancel: () => void;
  onConfirm: () => void;
  /** `danger` for what deletes or replaces the user's data, `primary` for other weighty choices. */
  tone?: 'primary' | 'danger';
  placement?: InlineConfirmPlacement;
  /** The action cannot run yet (work in progress); 取消 still can. */
  busy?: boolean;
  /** Added classes: where the group sits (margins), not how it looks. */
  className?: string;
  /** Shown between the question and the buttons, such as a choice the action depends on. */
  children?: ReactNode;
}

/**
 * The "are you sure?" step before an action that cannot simply be taken back: the question, 取消
 * (focused first, so Enter on a hurried key press does nothing harmful) and the action. Esc cancels
 * here as it does in a dialog, and goes no further (a screen's own Esc would otherwise leave it).
 */
export function InlineConfirm({
  question,
  cancelLabel,
  confirmLabel,
  onCancel,
  onConfirm,
  tone = 'primary',
  placement = 'inline',
  busy = false,
  className,
  children,
}: InlineConfirmProps) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    onCancel();
  };
  const kind = placement === 'row' ? 'link-button' : 'button';
  return (
    <div
      className={`inline-confirm inline-confirm-${placement} ${className ?? ''}`}
      role="group"
      aria-label={question}
      onKeyDown={onKeyDown}
    >
      <p className="inline-confirm-question">{question}</p>
      {children}
      <div className="inline-confirm-actions">
        <button type="button" className={kind} ref={focusOnOpen} autoFocus onClick={onCancel}>
          {cancelLabel}
        </button>
        <button
          type="button"
          className={`${kind} inline-confirm-${tone}`}
          disabled={busy}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </div>
  );
}
