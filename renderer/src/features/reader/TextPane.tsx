import { DocumentActions } from '../../app/slots';
import { memo, useEffect, type ClipboardEvent, type RefObject } from 'react';
import type { DocumentBundle, FootnoteRef, Passage, Section } from '../../../../shared/domain/library';
import { useT } from '../../i18n';
import { headingLabel, type DocIndex } from './model/doc-index';
import type { Decoration } from './extensions';
import { FootnoteMarker } from './footnotes';
import { OcrBadge } from './OcrBadge';
import { PassageText } from './PassageText';
import { readerStrings } from './strings';
import { selectionToPassageRanges } from './text-offsets';

export interface TextPaneProps {
  doc: DocumentBundle;
  index: DocIndex;
  decorations: ReadonlyMap<string, readonly Decoration[]>;
  paneRef: RefObject<HTMLElement | null>;
  onCurrentChange: (passageId: string) => void;
  onCopyPassage: (passageId: string) => void;
  /** Text and citation for a selection spanning these passages. */
  copyText: (ranges: { passageId: string; start: number; end: number }[]) => string;
}

const renderMarker = (ref: FootnoteRef, key: string) => <FootnoteMarker key={key} footnote={ref} />;

export const TextPane = memo(function TextPane(props: TextPaneProps) {
  const { doc, index, decorations, paneRef, onCurrentChange } = props;
  const t = useT(readerStrings);
  useReadingPosition(paneRef, index, onCurrentChange);

  const onCopy = (e: ClipboardEvent<HTMLElement>) => {
    let ranges = selectionToPassageRanges(window.getSelection(), e.currentTarget);
    // Nothing selected but a paragraph focused (J/K): copy that paragraph whole.
    const focused =
      document.activeElement instanceof HTMLElement ? document.activeElement.dataset.passageId : undefined;
    const passage = focused ? index.passageById.get(focused) : undefined;
    if (ranges.length === 0 && passage)
      ranges = [{ passageId: passage.id, start: 0, end: passage.text.length }];
    if (ranges.length === 0) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', props.copyText(ranges));
  };

  const meta = doc.document;
  return (
    <article className="reading" lang="zh-CN" onCopy={onCopy}>
      <header className="doc-header">
        <h1 className="doc-title">{meta.title}</h1>
        {meta.meeting && <p className="doc-meeting">——{meta.meeting}</p>}
        {meta.speaker && <p className="doc-speaker">{meta.speaker}</p>}
        <DocumentActions docId={meta.id} title={meta.title} className="doc-replace" />
      </header>
      {index.blocks.map((block) =>
        block.type === 'heading' ? (
          <Heading key={block.section.id} section={block.section} />
        ) : (
          <PassageBlock
            key={block.passage.id}
            passage={block.passage}
            decorations={decorations.get(block.passage.id)}
            markers={index.markersByPassage.get(block.passage.id)}
            copyLabel={t('copyPassage')}
            citation={index.citation(block.passage.id)}
            onCopyPassage={props.onCopyPassage}
          />
        ),
      )}
    </article>
  );
});

function Heading({ section }: { section: Section }) {
  const Tag = section.level === 1 ? 'h2' : section.level === 2 ? 'h3' : 'h4';
  return (
    <Tag id={`s-${section.id}`} className={`heading heading-l${section.level}`} data-section-id={section.id}>
      <span className="heading-label">{headingLabel(section)}</span>
      {section.title}
    </Tag>
  );
}

const PassageBlock = memo(function PassageBlock({
  passage,
  decorations,
  markers,
  copyLabel,
  citation,
  onCopyPassage,
}: {
  passage: Passage;
  decorations: readonly Decoration[] | undefined;
  markers: readonly FootnoteRef[] | undefined;
  copyLabel: string;
  citation: string;
  onCopyPassage: (passageId: string) => void;
}) {
  return (
    <p className={`passage passage-${passage.kind}`} data-passage-id={passage.id} tabIndex={-1}>
      <button
        type="button"
        className="passage-cite"
        aria-label={`${copyLabel} ${citation}`}
        title={`${copyLabel}\n${citation}`}
        tabIndex={-1}
        onClick={() => onCopyPassage(passage.id)}
      />
      {passage.ocr && <OcrBadge ocr={passage.ocr} />}
      <PassageText
        passage={passage}
        decorations={decorations}
        markers={markers}
        renderMarker={renderMarker}
      />
    </p>
  );
});

/**
 * Reports the passage at the reading position: of the passages in the top third of the pane, the
 * first that starts there; when none starts there, the long one running through it from above.
 */
function useReadingPosition(
  paneRef: RefObject<HTMLElement | null>,
  index: DocIndex,
  onCurrentChange: (passageId: string) => void,
) {
  useEffect(() => {
    const root = paneRef.current;
    if (!root) return;
    const seen = new Map<string, Element>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const id = (entry.target as HTMLElement).dataset.passageId;
          if (!id) continue;
          if (entry.isIntersecting) seen.set(id, entry.target);
          else seen.delete(id);
        }
        if (seen.size === 0) return;
        const top = root.getBoundingClientRect().top;
        const byPosition = [...seen.keys()].sort(
          (a, b) => (index.position.get(a) ?? 0) - (index.position.get(b) ?? 0),
        );
        const startsInBand = byPosition.find(
          (id) => (seen.get(id)?.getBoundingClientRect().top ?? 0) >= top - 2,
        );
        const current = startsInBand ?? byPosition.at(-1);
        if (current) onCurrentChange(current);
      },
      { root, rootMargin: '0px 0px -66% 0px', threshold: 0 },
    );
    root.querySelectorAll('[data-passage-id]').forEach((el) => observer.observe(el));
    return () => observer.disconnect();
  }, [paneRef, index, onCurrentChange]);
}
