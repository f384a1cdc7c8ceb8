import type { DocIndex } from './doc-index';

export interface PassageSpan {
  passageId: string;
  start: number;
  end: number;
}

/** Text of the ranges, one paragraph per line, then the citation (a span `…至三（二）第3段` when several). */
export function excerptWithCitation(index: DocIndex, ranges: readonly PassageSpan[]): string {
  const text = ranges
    .map((r) => index.passageById.get(r.passageId)?.text.slice(r.start, r.end) ?? '')
    .join('\n');
  const first = index.citation(ranges[0]?.passageId ?? '');
  const lastRange = ranges.at(-1);
  const last =
    ranges.length > 1 && lastRange ? index.citation(lastRange.passageId).replace(/^《[^》]*》/, '') : '';
  return `${text}\n（${first}${last ? `至${last}` : ''}）`;
}
