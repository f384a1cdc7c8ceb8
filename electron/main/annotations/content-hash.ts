import { createHash } from '../kernel/crypto';
import type { AnnotationContent } from '../../../shared/domain/annotations';

/** How many earlier versions an annotation remembers for merging (older ones are dropped). */
const HISTORY_LIMIT = 50;

/**
 * Identity of what a user can edit (kind, colour, note, tags). Position is not part of it: where
 * an annotation sits depends on each library's edition, not on anyone's edit.
 */
export function contentHash(a: Pick<AnnotationContent, 'kind' | 'color' | 'note' | 'tags'>): string {
  const tags = [...a.tags].map((t) => t.toLowerCase()).sort();
  return createHash('sha256')
    .update(JSON.stringify([a.kind, a.color, a.note, tags]))
    .digest('hex')
    .slice(0, 16);
}

/** Merges version lists, newest last, without repeats, bounded. */
export function mergeHistory(...lists: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  for (const h of lists.flat()) {
    const at = out.indexOf(h);
    if (at >= 0) out.splice(at, 1);
    out.push(h);
  }
  return out.slice(-HISTORY_LIMIT);
}
