/**
 * The one component that draws passage text. Features never render Passage.text themselves: they
 * contribute `Decoration`s (see extensions.ts) and this component splits the text at every
 * boundary, nests the overlapping decorations, and puts footnote markers at their offsets.
 * Runs of text carry `data-o` (their offset) so selections map back to offsets (text-offsets.ts).
 */
import { memo, type ReactNode } from 'react';
import type { FootnoteRef, Passage } from '../../../../shared/domain/library';
import type { Decoration } from './model/decoration';
import { splitIntoPieces } from './model/segments';

export interface PassageTextProps {
  passage: Passage;
  decorations?: readonly Decoration[];
  /** Footnote markers of this passage (source 'marker'), drawn at their offsets. */
  markers?: readonly FootnoteRef[];
  renderMarker?: (ref: FootnoteRef, key: string) => ReactNode;
}

const NO_DECORATIONS: readonly Decoration[] = [];
const NO_MARKERS: readonly FootnoteRef[] = [];

function wrap(decoration: Decoration, children: ReactNode, key: string, title = decoration.title): ReactNode {
  const className = ['deco', `deco-${decoration.kind}`, decoration.className].filter(Boolean).join(' ');
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(decoration.data ?? {})) data[`data-${k}`] = v;
  const props = { key, className, title, ...data };
  if (decoration.kind === 'lead') return <strong {...props}>{children}</strong>;
  if (decoration.kind === 'search-hit' || decoration.kind === 'focus')
    return <mark {...props}>{children}</mark>;
  return <span {...props}>{children}</span>;
}

function defaultMarker(ref: FootnoteRef, key: string): ReactNode {
  return (
    <sup key={key} className="fn-marker">
      *
    </sup>
  );
}

export const PassageText = memo(function PassageText({
  passage,
  decorations = NO_DECORATIONS,
  markers = NO_MARKERS,
  renderMarker = defaultMarker,
}: PassageTextProps) {
  const { text } = passage;
  const pieces = splitIntoPieces(text.length, decorations, markers);
  return (
    <span className="passage-text" data-passage-text={passage.id} data-length={text.length}>
      {pieces.map((piece, i) => {
        if (piece.type === 'marker') return renderMarker(piece.marker, `m${i}`);
        let node: ReactNode = (
          <span key={`t${i}`} data-o={piece.start}>
            {text.slice(piece.start, piece.end)}
          </span>
        );
        // Where decorations overlap, the innermost one (the one hovered) names them all, so two
        // overlapping annotations show both notes, not only the top one's.
        const titles = piece.decorations.flatMap((x) => (x.title ? [x.title] : []));
        const shared = titles.length > 1 ? titles.join('\n') : undefined;
        for (let d = piece.decorations.length - 1; d >= 0; d--) {
          const decoration = piece.decorations[d] as Decoration;
          const innermost = d === piece.decorations.length - 1;
          node = wrap(decoration, node, `d${i}-${d}`, innermost && shared ? shared : decoration.title);
        }
        return node;
      })}
    </span>
  );
});
