/**
 * A segment's per-unit strings (record ids, passage ids, field names), read by unit number. A
 * string[] cost a V8 string and a pointer per unit — 48 MB of heap at 3,000 reports, all of it
 * scanned by every major GC, and V8 lets the heap grow to a multiple of what is alive. Here a
 * column with few distinct values is a byte per unit into its values, any other is its values
 * joined as UTF-8 bytes, outside the heap, with offsets (a unit equal to the same unit of another
 * column, as a passage's passage id is its record id, stores nothing); a value is decoded when read.
 */
export class UnitStrings {
  private constructor(
    readonly length: number,
    /** Dictionary form: per unit, an index into `values`. */
    private readonly codes: Uint8Array | null,
    private readonly values: readonly (string | null)[],
    /** Joined form: per unit, 0 null, 1 as in `like`, 2 its own bytes at `starts[u]..starts[u + 1]`. */
    private readonly kinds: Uint8Array | null,
    private readonly joined: Buffer | null,
    private readonly starts: Uint32Array | null,
    private readonly like: UnitStrings | null,
  ) {}

  /** The column of `values`; units equal to the same unit of `like` refer to it. */
  static of(values: readonly (string | null)[], like: UnitStrings | null = null): UnitStrings {
    const distinct = [...new Set(values)];
    if (distinct.length <= 0xff) {
      const index = new Map(distinct.map((v, i) => [v, i]));
      return new UnitStrings(
        values.length,
        Uint8Array.from(values, (v) => index.get(v)!),
        distinct,
        null,
        null,
        null,
        null,
      );
    }
    const kinds = new Uint8Array(values.length);
    const starts = new Uint32Array(values.length + 1);
    const own: string[] = [];
    let offset = 0;
    values.forEach((v, u) => {
      starts[u] = offset;
      if (v === null) return;
      if (like && like.at(u) === v) kinds[u] = 1;
      else {
        kinds[u] = 2;
        own.push(v);
        offset += Buffer.byteLength(v);
      }
    });
    starts[values.length] = offset;
    return new UnitStrings(values.length, null, [], kinds, Buffer.from(own.join(''), 'utf8'), starts, like);
  }

  at(u: number): string | null {
    if (this.codes) return this.values[this.codes[u]!] ?? null;
    const kind = this.kinds![u];
    if (kind === 2) return this.joined!.toString('utf8', this.starts![u], this.starts![u + 1]);
    return kind === 1 ? this.like!.at(u) : null;
  }

  /**
   * A test of units against one value that decodes no unit's string (the value is encoded once):
   * for scans over many units, such as finding a measure's passage among its document's units.
   */
  equalTo(value: string): (u: number) => boolean {
    const { codes } = this;
    if (codes) {
      const code = this.values.indexOf(value);
      return (u) => codes[u] === code;
    }
    const bytes = Buffer.from(value, 'utf8');
    const { kinds, starts, joined, like } = this;
    const n = bytes.length;
    return (u) => {
      const kind = kinds![u];
      if (kind === 1) return like!.at(u) === value;
      const start = starts![u]!;
      if (kind !== 2 || starts![u + 1]! - start !== n) return false;
      // Bytes compared from the end in a loop: the ids of one document's records share its id as
      // their start, and Buffer.compare's argument checks cost more than the few bytes compared.
      for (let i = n - 1; i >= 0; i--) if (joined![start + i] !== bytes[i]) return false;
      return true;
    };
  }

  toArray(): (string | null)[] {
    return Array.from({ length: this.length }, (_, u) => this.at(u));
  }
}
