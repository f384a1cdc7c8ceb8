import type { SearchResultItem } from '../../../../shared/domain/search';
import type { BriefingSource } from '../briefings/add-to-briefing';

/** What a search hit adds to a briefing: an annotation with its marks, else its whole passage. */
export function briefingSourceOf(hit: SearchResultItem): BriefingSource | null {
  if (!hit.passageId) return null;
  return hit.kind === 'annotation' ? { annotationId: hit.recordId } : { passageId: hit.passageId };
}
