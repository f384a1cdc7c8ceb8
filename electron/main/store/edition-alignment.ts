import type { EditionAlignment, ReplacedPassage } from '../kernel/context';
import { alignPassages } from './passage-alignment';

/**
 * Aligns the edition a replace takes away with the one it writes: done once per replace, inside
 * its transaction, for every replace hook (see `EditionAlignment`).
 */
export function alignEditions(
  previous: readonly ReplacedPassage[],
  next: readonly { id: string; text: string }[],
  edition: EditionAlignment['edition'],
): EditionAlignment {
  const texts = next.map((p) => p.text);
  return {
    edition,
    previous,
    previousIndex: new Map(previous.map((p, i) => [p.id, i])),
    next,
    texts,
    counterpart: alignPassages(
      previous.map((p) => p.text),
      texts,
    ),
  };
}
