import type { MouseEvent } from 'react';
import { useT } from '../../i18n';
import { addToBriefing, type BriefingSource } from './add-to-briefing';
import { briefingStrings } from './strings';

/**
 * 加入简报, for any list or toolbar: keeps the text selection (no focus on mouse down) and does not
 * let the click reach a row it sits in (a search hit opens on click).
 */
export function AddToBriefingButton({
  sources,
  className,
}: {
  sources: BriefingSource | readonly BriefingSource[];
  className?: string;
}) {
  const t = useT(briefingStrings);
  const add = (e: MouseEvent) => {
    e.stopPropagation();
    addToBriefing(sources);
  };
  return (
    <button
      type="button"
      className={className ?? 'link-button'}
      data-add-to-briefing=""
      title={t('addTo')}
      onMouseDown={(e) => e.preventDefault()}
      onClick={add}
    >
      {t('addTo')}
    </button>
  );
}
