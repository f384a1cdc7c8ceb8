import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { excerptWithCitation } from './model/citation-text';
import type { DocIndex } from './model/doc-index';
import { readerStrings } from './strings';
import type { PassageRange } from './text-offsets';

const NOTICE_MS = 2500;

export function useCopyWithCitation(index: DocIndex) {
  const t = useT(readerStrings);
  const [notice, setNotice] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const say = useCallback((message: string) => {
    setNotice(message);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setNotice(null), NOTICE_MS);
  }, []);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const copyText = useCallback(
    (ranges: PassageRange[]) => {
      say(t('copied', { citation: index.citation(ranges[0]?.passageId ?? '') }));
      return excerptWithCitation(index, ranges);
    },
    [index, say, t],
  );
  const copyPassage = useCallback(
    (passageId: string) => {
      const passage = index.passageById.get(passageId);
      if (!passage) return;
      const text = excerptWithCitation(index, [{ passageId, start: 0, end: passage.text.length }]);
      navigator.clipboard.writeText(text).then(
        () => say(t('copied', { citation: index.citation(passageId) })),
        () => say(t('copyFailed')),
      );
    },
    [index, say, t],
  );
  return { copyText, copyPassage, notice };
}

/** The thin line under the text: where the reader is (citation, n of N) and short notices. */
export function ReaderStatus({
  index,
  currentPassageId,
  notice,
}: {
  index: DocIndex;
  currentPassageId: string | null;
  notice: string | null;
}) {
  const t = useT(readerStrings);
  const position = currentPassageId ? index.position.get(currentPassageId) : undefined;
  return (
    <div className="reader-status">
      <span className="reader-status-citation" data-testid="current-citation">
        {currentPassageId ? index.citation(currentPassageId) : ''}
      </span>
      <span className="reader-status-notice" role="status" aria-live="polite">
        {notice}
      </span>
      {position !== undefined && (
        <span className="reader-status-position">
          {t('position', { n: position + 1, total: index.passages.length })}
        </span>
      )}
    </div>
  );
}
