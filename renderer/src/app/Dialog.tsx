import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A ref for the element a dialog focuses as it opens, beside React's `autoFocus`: a dialog's content
 * mounts before showModal() runs, when React's focus() cannot land, and showModal() then focuses
 * the element with the autofocus attribute (which React does not write), else the ×.
 */
export const focusOnOpen = (element: HTMLElement | null): void => element?.setAttribute('autofocus', '');

/** A modal <dialog>: the browser traps focus, Esc closes it, and focus returns to the opener. */
export function Dialog({
  open,
  onClose,
  title,
  closeLabel,
  className,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  closeLabel: string;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-label={title}
      onClose={onClose}
      onClick={(e) => e.target === e.currentTarget && onClose()}
    >
      {open && (
        <div className="dialog-body">
          <header className="dialog-header">
            <h2>{title}</h2>
            <button type="button" className="icon-button" aria-label={closeLabel} onClick={onClose}>
              ×
            </button>
          </header>
          {children}
        </div>
      )}
    </dialog>
  );
}

/** The cancel / submit row at the foot of a dialog's form; `children` go first (e.g. a reset button). */
export function FormButtons({
  onCancel,
  cancelLabel,
  submitLabel,
  className,
  children,
}: {
  onCancel: () => void;
  cancelLabel: string;
  submitLabel: string;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <div className={className}>
      {children}
      <button type="button" className="button" onClick={onCancel}>
        {cancelLabel}
      </button>
      <button type="submit" className="button button-primary">
        {submitLabel}
      </button>
    </div>
  );
}
