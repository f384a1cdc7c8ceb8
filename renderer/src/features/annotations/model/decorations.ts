import type { Annotation } from '../../../../../shared/domain/annotations';
import type { Decoration } from '../../reader/model/decoration';

const KIND_CLASS = { highlight: 'ann-hl', underline: 'ann-ul', note: 'ann-nt' } as const;
/** Deeper overlaps share the last layer's look: three are already rare in a paragraph. */
const MAX_LAYER = 2;

/**
 * Overlap layer of each annotation within its passage: the lowest layer free at its start
 * (interval colouring), so overlapping annotations never share a layer and render apart —
 * a second highlight as a band in the lower half, a second underline further below the line.
 */
export function overlapLayers(
  list: readonly Pick<Annotation, 'id' | 'start' | 'end'>[],
): Map<string, number> {
  const sorted = [...list].sort((a, b) => a.start - b.start || b.end - a.end);
  const layerEnds: number[] = [];
  const layers = new Map<string, number>();
  for (const a of sorted) {
    let layer = layerEnds.findIndex((end) => end <= a.start);
    if (layer < 0) layer = layerEnds.length;
    layerEnds[layer] = a.end;
    layers.set(a.id, layer);
  }
  return layers;
}

/** Decorations of a document's anchored annotations, per passage; `title` names the colour's meaning. */
export function annotationDecorations(
  list: readonly Annotation[],
  activeId: string | null,
  titleOf: (a: Annotation) => string,
): Map<string, Decoration[]> {
  const byPassage = new Map<string, Annotation[]>();
  for (const a of list) {
    if (a.status !== 'anchored' || !a.passageId) continue;
    const group = byPassage.get(a.passageId);
    if (group) group.push(a);
    else byPassage.set(a.passageId, [a]);
  }
  const out = new Map<string, Decoration[]>();
  for (const [passageId, group] of byPassage) {
    const layers = overlapLayers(group);
    const decorations: Decoration[] = [];
    for (const a of group) {
      const layer = Math.min(layers.get(a.id) ?? 0, MAX_LAYER);
      const classes = ['ann', KIND_CLASS[a.kind], `ann-c-${a.color}`, `ann-layer-${layer}`];
      if (a.id === activeId) classes.push('ann-active');
      const data = { 'annotation-id': a.id };
      decorations.push({
        start: a.start,
        end: a.end,
        kind: 'annotation',
        className: classes.join(' '),
        data,
        title: titleOf(a),
      });
      // A note shows as a small mark after the last character.
      if (a.note)
        decorations.push({
          start: a.end - 1,
          end: a.end,
          kind: 'annotation-note',
          className: `ann-c-${a.color}`,
          data,
        });
    }
    out.set(passageId, decorations);
  }
  return out;
}
