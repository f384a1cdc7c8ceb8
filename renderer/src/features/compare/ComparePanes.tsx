import { memo, type ReactNode } from 'react';
import type { Section } from '../../../../shared/domain/library';
import { useT } from '../../i18n';
import { PassageText } from '../reader';
import type { Decoration } from '../reader/model/decoration';
import type { CompareRow, PassageRow, RowStatus } from './model/compare-view';
import { compareStrings } from './strings';

export interface PaneFocus {
  passageId: string;
  range: [number, number] | null;
}

interface PanesProps {
  rows: readonly CompareRow[];
  titleA: string;
  titleB: string;
  focus: PaneFocus | null;
  /** Rows that `n` / `p` stop at are focusable; the screen moves focus to them. */
  rowRef: (index: number, element: HTMLElement | null) => void;
}

const withFocus = (decorations: Decoration[], passageId: string | undefined, focus: PaneFocus | null) =>
  focus && focus.range && focus.passageId === passageId
    ? [...decorations, { start: focus.range[0], end: focus.range[1], kind: 'focus' }]
    : decorations;

function Heading({ section, depth }: { section: Section | null; depth: number }) {
  if (!section) return <div className="compare-gap" aria-hidden="true" />;
  return (
    <div className="compare-heading" role="heading" aria-level={Math.min(depth + 2, 6)}>
      <span className="compare-heading-label">{section.label}</span>
      {section.title}
    </div>
  );
}

function PassageCell({ row, side, focus }: { row: PassageRow; side: 'a' | 'b'; focus: PaneFocus | null }) {
  const passage = row[side];
  if (!passage) return <div className="compare-gap" aria-hidden="true" />;
  const decorations = withFocus(side === 'a' ? row.decorationsA : row.decorationsB, passage.id, focus);
  return (
    <p className="compare-passage" data-passage-id={passage.id}>
      <PassageText passage={passage} decorations={decorations} />
    </p>
  );
}

/** What a screen reader hears when `n` / `p` lands on a row. */
const ROW_LABEL = {
  added: 'rowAdded',
  removed: 'rowRemoved',
  changed: 'rowChanged',
  moved: 'rowMoved',
} as const;

/** Headings carry a tag; a passage's gap and coloured edge already say added or removed. */
function StatusTag({ row }: { row: CompareRow }) {
  const t = useT(compareStrings);
  const label: Record<CompareRow['status'], string | null> = {
    same: null,
    changed: row.kind === 'section' ? t('renamed') : null,
    added: t('added'),
    removed: t('removed'),
    moved: t('moved'),
  };
  const text = label[row.status];
  return text ? <span className={`compare-tag is-${row.status}`}>{text}</span> : null;
}

/**
 * The two panes: each row holds A's side and B's side of one aligned heading or passage, so the
 * panes scroll as one and aligned text always stands side by side; a gap marks the side a row lacks.
 */
export const ComparePanes = memo(function ComparePanes({ rows, titleA, titleB, focus, rowRef }: PanesProps) {
  const t = useT(compareStrings);
  return (
    <div className="compare-panes" role="region" aria-label={t('screen')} tabIndex={0}>
      <div className="compare-row compare-columns" aria-hidden="true">
        <div className="compare-column-title">{t('sideA', { title: titleA })}</div>
        <div className="compare-column-title">{t('sideB', { title: titleB })}</div>
      </div>
      {rows.map((row, index) => {
        let cells: ReactNode;
        if (row.kind === 'section')
          cells = (
            <>
              <Heading section={row.a} depth={row.depth} />
              <Heading section={row.b} depth={row.depth} />
            </>
          );
        else
          cells = (
            <>
              <PassageCell row={row} side="a" focus={focus} />
              <PassageCell row={row} side="b" focus={focus} />
            </>
          );
        const stop = row.status !== 'same';
        return (
          <div
            key={row.key}
            ref={(el) => rowRef(index, el)}
            className={`compare-row compare-${row.kind} is-${row.status} depth-${Math.min(row.depth, 3)}`}
            tabIndex={stop ? -1 : undefined}
            data-row={index}
            role={stop ? 'group' : undefined}
            aria-label={stop ? t(ROW_LABEL[row.status as Exclude<RowStatus, 'same'>]) : undefined}
          >
            {cells}
            {row.kind === 'section' && <StatusTag row={row} />}
          </div>
        );
      })}
    </div>
  );
});
