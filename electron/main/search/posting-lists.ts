/**
 * Posting lists as bytes: each list is its sorted unit numbers as gaps (the first from 0), each
 * gap a LEB128 varint — one byte for nearly every posting of a common term, where a Uint32 took
 * four. Lists are decoded when a query reads them; a segment keeps only the bytes.
 */

export class PostingWriter {
  bytes = new Uint8Array(1 << 16);
  length = 0;

  /** Appends one sorted list of units. */
  write(units: ArrayLike<number>, from = 0, to = units.length): void {
    if (this.bytes.length - this.length < (to - from) * 5) this.grow((to - from) * 5);
    const { bytes } = this;
    let n = this.length;
    let prev = 0;
    for (let i = from; i < to; i++) {
      const u = units[i]!;
      let gap = u - prev;
      prev = u;
      while (gap >= 0x80) {
        bytes[n++] = (gap & 0x7f) | 0x80;
        gap >>>= 7;
      }
      bytes[n++] = gap;
    }
    this.length = n;
  }

  /** Appends one number as a varint, not a gap: a count or a position list's own gap. */
  value(v: number): void {
    if (this.bytes.length - this.length < 5) this.grow(5);
    const { bytes } = this;
    let n = this.length;
    while (v >= 0x80) {
      bytes[n++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    bytes[n++] = v;
    this.length = n;
  }

  /** Appends bytes already encoded (entries copied from another segment). */
  append(source: Uint8Array, from: number, to: number): void {
    if (this.bytes.length - this.length < to - from) this.grow(to - from);
    this.bytes.set(source.subarray(from, to), this.length);
    this.length += to - from;
  }

  private grow(need: number): void {
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + need));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  /** The bytes written, in a buffer of their own size. */
  done(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** The units of the list in `bytes[from..to)`. */
export function readPostings(bytes: Uint8Array, from: number, to: number): Uint32Array {
  // A posting is at least one byte: the byte count bounds the list's length.
  const out = new Uint32Array(to - from);
  let n = 0;
  let prev = 0;
  for (let i = from; i < to;) {
    let b = bytes[i++]!;
    let gap = b & 0x7f;
    for (let shift = 7; b >= 0x80; shift += 7) {
      b = bytes[i++]!;
      gap |= (b & 0x7f) << shift;
    }
    prev += gap >>> 0;
    out[n++] = prev;
  }
  return out.subarray(0, n);
}
