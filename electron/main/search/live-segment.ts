import type { Db } from '../store/database';
import type { LiveSegment } from './engine';
import { fingerprint } from './fingerprint';
import { sectionsOf } from './library-sources';
import { buildSegment } from './segment-build';
import type { DocRow } from './segment-store';
import type { SearchSource } from '../kernel/search-source';

export type SignedLiveSegment = LiveSegment & { signature: string };

/**
 * The units of live sources (annotations): read at each query and searched without persisted
 * postings, so an edit is findable at once. The segment is rebuilt only when the units changed
 * (their fingerprint), and the texts read last are kept for snippets.
 */
export class LiveSegments {
  private current: SignedLiveSegment | null = null;
  private texts = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly sources: () => readonly SearchSource[],
  ) {}

  /** The live segment over the documents of `library`, or null when there are no live units. */
  *read(library: ReadonlyMap<string, DocRow>): Generator<void, SignedLiveSegment | null> {
    const units = this.sources()
      .filter((s) => s.mode === 'live')
      .flatMap((s) => s.unitsFor(this.db, null))
      .filter((u) => library.has(u.docId));
    this.texts = new Map(units.map((u) => [`${u.recordId}\u0000${u.field}`, u.text]));
    if (!units.length) return (this.current = null);
    const signature = fingerprint(units);
    if (this.current?.signature === signature) return this.current;
    const docIds = [...new Set(units.map((u) => u.docId))];
    const segment = yield* buildSegment({
      docs: docIds.map((id) => ({ id, hash: library.get(id)!.hash })),
      sections: sectionsOf(this.db, docIds),
      units,
    });
    return (this.current = { segment, aliveDocs: new Uint8Array(docIds.length).fill(1), signature });
  }

  /** Text of a live unit as last read (live sources need not look it up again). */
  text(recordId: string, field: string): string | null {
    return this.texts.get(`${recordId}\u0000${field}`) ?? null;
  }
}
