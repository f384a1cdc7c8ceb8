import type { Segment } from './segment';

/** Candidates verified between two yields of a sliced query: a slice stays well under a frame. */
export const VERIFY_STEP = 2048;

export interface CompiledLiteral {
  text: string;
  /** Terms every unit containing `text` has; empty when `text` has no word character. */
  grams: number[];
}

/** A query as matching reads it (matcher.ts compiles it). */
export interface CompiledQuery {
  clauses: CompiledLiteral[][];
  excludes: string[];
}

/** Which units of a segment a query may return (filters and liveness). */
export interface Scope {
  /** Per document slot: 1 when its units may match. */
  docs: Uint8Array;
  /** Bit per kind code; all kinds when 0. */
  kinds: number;
  /** Per section slot: 1 when `section:` accepts it; null without a section filter. */
  sections: Uint8Array | null;
}

export interface SegmentMatch {
  units: Uint32Array;
  /** Per hit: occurrences of the query's literals (non-overlapping, capped). */
  occurrences: Uint16Array;
  /** Per hit: 1 when an occurrence lies inside the unit's emphasised span (lead phrase). */
  emphasised: Uint8Array;
}

export function inScope(segment: Segment, scope: Scope, u: number): boolean {
  if (!scope.docs[segment.docSlots[u]!]) return false;
  if (scope.kinds && !(scope.kinds & (1 << segment.kinds[u]!))) return false;
  if (!scope.sections) return true;
  const slot = segment.sectionSlots[u]!;
  return slot >= 0 && scope.sections[slot] === 1;
}

/** The hits of one segment as they are found, in unit order. */
export class MatchBuilder {
  readonly units: Uint32Array;
  readonly occurrences: Uint16Array;
  readonly emphasised: Uint8Array;
  hits = 0;
  constructor(size: number) {
    this.units = new Uint32Array(size);
    this.occurrences = new Uint16Array(size);
    this.emphasised = new Uint8Array(size);
  }
  add(u: number, occurrences: number, emphasised: boolean): void {
    this.units[this.hits] = u;
    this.occurrences[this.hits] = Math.min(occurrences, 0xffff);
    this.emphasised[this.hits++] = emphasised ? 1 : 0;
  }
  done(): SegmentMatch {
    return {
      units: this.units.subarray(0, this.hits),
      occurrences: this.occurrences.subarray(0, this.hits),
      emphasised: this.emphasised.subarray(0, this.hits),
    };
  }
}
