import type { PassageOcr } from '../../../../shared/domain/library';
import { useT } from '../../i18n';
import { readerStrings } from './strings';

/**
 * The 识别 badge of a passage read by OCR, with its confidence; the lines worth checking are
 * underlined by the `ocr-low` decorations (model/ocr-marks.ts). Not selectable, so a copy of the
 * passage carries only its text.
 */
export function OcrBadge({ ocr }: { ocr: PassageOcr }) {
  const t = useT(readerStrings);
  const pct = `${Math.floor(ocr.confidence * 100)}%`;
  const title = ocr.low.length ? t('ocrTitleLow', { pct, n: ocr.low.length }) : t('ocrTitle', { pct });
  return (
    <span className={`ocr-badge${ocr.low.length ? ' ocr-badge-low' : ''}`} title={title} aria-label={title}>
      {t('ocrBadge', { pct })}
    </span>
  );
}
