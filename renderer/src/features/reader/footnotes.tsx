/**
 * Footnote markers (superscript numbers for `FootnoteRef`s of source 'marker') and the 名词解释
 * popover. Hover or focus shows it; click/Enter pins it and moves focus inside; Esc closes and
 * gives focus back to the marker. One popover per reader, positioned next to its marker.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { FootnoteRef, GlossaryEntry } from '../../../../shared/domain/library';
import { useT } from '../../i18n';
import { readerStrings } from './strings';
import { TraceButton } from '../xref/TraceButton';

interface OpenFootnote {
  ref: FootnoteRef;
  entry: GlossaryEntry;
  anchor: HTMLElement;
  pinned: boolean;
}

interface FootnoteControls {
  glossaryById: Map<string, GlossaryEntry>;
  show(ref: FootnoteRef, anchor: HTMLElement, pinned: boolean): void;
  hideSoon(): void;
}

const FootnoteContext = createContext<FootnoteControls | null>(null);
const POPOVER_ID = 'footnote-popover';
const HIDE_DELAY_MS = 250;

export function FootnoteMarker({ footnote }: { footnote: FootnoteRef }) {
  const controls = useContext(FootnoteContext);
  const t = useT(readerStrings);
  const entry = controls?.glossaryById.get(footnote.glossaryId);
  if (!controls || !entry) return null;
  const n = entry.number ?? '*';
  return (
    <sup className="fn">
      <button
        type="button"
        className="fn-marker"
        data-glossary-id={entry.id}
        aria-label={t('marker', { n, term: entry.term })}
        aria-haspopup="dialog"
        aria-controls={POPOVER_ID}
        onMouseEnter={(e) => controls.show(footnote, e.currentTarget, false)}
        onMouseLeave={controls.hideSoon}
        onFocus={(e) => controls.show(footnote, e.currentTarget, false)}
        onBlur={(e) => {
          if (!(
            e.relatedTarget instanceof Node && document.getElementById(POPOVER_ID)?.contains(e.relatedTarget)
          ))
            controls.hideSoon();
        }}
        onClick={(e) => controls.show(footnote, e.currentTarget, true)}
      >
        {n}
      </button>
    </sup>
  );
}

export function FootnoteLayer({
  glossaryById,
  onOpenGlossary,
  children,
}: {
  glossaryById: Map<string, GlossaryEntry>;
  onOpenGlossary: (glossaryId: string) => void;
  children: ReactNode;
}) {
  const [open, setOpen] = useState<OpenFootnote | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const openRef = useRef<OpenFootnote | null>(null);
  /** Focus given back to a marker on close must not reopen its popover. */
  const refocusing = useRef<HTMLElement | null>(null);
  useEffect(() => {
    openRef.current = open;
  }, [open]);

  const cancelHide = useCallback(() => window.clearTimeout(timer.current), []);
  const close = useCallback(
    (returnFocus: boolean) => {
      cancelHide();
      const current = openRef.current;
      setOpen(null);
      if (returnFocus && current) {
        refocusing.current = current.anchor;
        current.anchor.focus({ preventScroll: true });
        refocusing.current = null;
      }
    },
    [cancelHide],
  );
  const controls = useMemo<FootnoteControls>(
    () => ({
      glossaryById,
      show(ref, anchor, pinned) {
        if (!pinned && refocusing.current === anchor) return;
        cancelHide();
        const entry = glossaryById.get(ref.glossaryId);
        if (!entry) return;
        setOpen((current) =>
          current?.anchor === anchor && current.pinned && !pinned ? current : { ref, entry, anchor, pinned },
        );
      },
      hideSoon() {
        cancelHide();
        timer.current = window.setTimeout(() => setOpen((c) => (c?.pinned ? c : null)), HIDE_DELAY_MS);
      },
    }),
    [glossaryById, cancelHide],
  );

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      close(true);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open, close]);
  useEffect(() => cancelHide, [cancelHide]);

  return (
    <FootnoteContext.Provider value={controls}>
      {children}
      {open && (
        <FootnotePopover
          open={open}
          onEnter={cancelHide}
          onLeave={controls.hideSoon}
          onClose={() => close(true)}
          onOpenGlossary={() => {
            close(false);
            onOpenGlossary(open.entry.id);
          }}
        />
      )}
    </FootnoteContext.Provider>
  );
}

function FootnotePopover({
  open,
  onEnter,
  onLeave,
  onClose,
  onOpenGlossary,
}: {
  open: OpenFootnote;
  onEnter: () => void;
  onLeave: () => void;
  onClose: () => void;
  onOpenGlossary: () => void;
}) {
  const t = useT(readerStrings);
  const box = useRef<HTMLDivElement>(null);
  const link = useRef<HTMLButtonElement>(null);
  const [place, setPlace] = useState({ top: -9999, left: -9999 });

  useLayoutEffect(() => {
    const position = () => {
      const a = open.anchor.getBoundingClientRect();
      const el = box.current;
      if (!el) return;
      const { width, height } = el.getBoundingClientRect();
      const margin = 8;
      const below = a.bottom + 6;
      const top = below + height + margin > window.innerHeight ? Math.max(margin, a.top - height - 6) : below;
      const left = Math.min(Math.max(margin, a.left - 24), window.innerWidth - width - margin);
      setPlace({ top, left });
    };
    position();
    window.addEventListener('scroll', position, true);
    window.addEventListener('resize', position);
    return () => {
      window.removeEventListener('scroll', position, true);
      window.removeEventListener('resize', position);
    };
  }, [open.anchor]);

  useEffect(() => {
    if (open.pinned) link.current?.focus({ preventScroll: true });
  }, [open.pinned, open.entry.id]);

  return (
    <div
      id={POPOVER_ID}
      ref={box}
      className="fn-popover"
      role="dialog"
      aria-labelledby={`${POPOVER_ID}-term`}
      style={{ top: place.top, left: place.left }}
      onMouseEnter={onEnter}
      onMouseLeave={onLeave}
      onBlur={(e) => {
        const next = e.relatedTarget;
        if (!(next instanceof Node && (box.current?.contains(next) || next === open.anchor))) onLeave();
      }}
    >
      <div className="fn-popover-head">
        <span className="fn-popover-number">{open.entry.number ?? '*'}</span>
        <span id={`${POPOVER_ID}-term`} className="fn-popover-term">
          {open.entry.term}
        </span>
        <button
          type="button"
          className="icon-button fn-popover-close"
          aria-label={t('closePopover')}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <p className="fn-popover-definition">{open.entry.definition}</p>
      <button ref={link} type="button" className="link-button" onClick={onOpenGlossary}>
        {t('openInGlossary')} →
      </button>
      <TraceButton term={open.entry.term} className="link-button" />
    </div>
  );
}
