import { useT } from '../../i18n';
import { openTermView } from './open-term';
import { xrefStrings } from './strings';

/** 「追踪」: opens the term view for a term or a selected phrase. Takes no focus on mouse down (keeps a selection). */
export function TraceButton({ term, className = 'xr-button' }: { term: string; className?: string }) {
  const t = useT(xrefStrings);
  if (!term.trim()) return null;
  return (
    <button
      type="button"
      className={className}
      title={t('traceLabel', { term: term.slice(0, 30) })}
      aria-label={t('traceLabel', { term: term.slice(0, 30) })}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => openTermView(term)}
    >
      {t('trace')}
    </button>
  );
}
