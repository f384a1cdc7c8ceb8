import { bigramKey } from './grams';

/**
 * Fibonacci hashing: the top bits of the product. Its low bits depend on the key's low bits only —
 * the second character and a few bits of the first — so that a slot from them put every pair
 * ending in one character in a few runs of the table (a third of a positions walk was probing).
 */
const slotOf = (k: number, shift: number): number => Math.imul(k, 0x9e3779b1) >>> shift;

/**
 * The terms of a segment being built: each index key (grams.ts) gets a dense id in order of first
 * appearance, with how many units hold it. Characters and character pairs of the Basic
 * Multilingual Plane — nearly every term of Chinese text — are looked up in flat typed arrays
 * (an open-addressing table on the 32-bit pair), the rest in a Map: a Map on the float keys
 * was most of the time a build took.
 */
export class TermTable {
  /** Term id → index key. */
  readonly keys: number[] = [];
  /** Term id → units holding it. */
  df = new Uint32Array(4096);
  /** Term id → last unit that posted it, so that a unit posts a term once. */
  private lastUnit = new Int32Array(4096).fill(-1);
  private readonly chars = new Int32Array(0x10000).fill(-1);
  private pairs = new Uint32Array(1 << 16);
  private pairIds = new Int32Array(1 << 16).fill(-1);
  private pairCount = 0;
  /** 32 less the table's size in bits: a slot is the top bits of the key's hash. */
  private pairShift = 16;
  private readonly others = new Map<number, number>();

  /** Id of a character term, made on first sight. */
  char(cp: number): number {
    if (cp >= 0x10000) return this.other(cp);
    const id = this.chars[cp]!;
    return id >= 0 ? id : (this.chars[cp] = this.add(cp));
  }

  /** Id of a character-pair term, made on first sight. */
  pair(a: number, b: number): number {
    if (a >= 0x10000 || b >= 0x10000) return this.other(bigramKey(a, b));
    const k = ((a << 16) | b) >>> 0;
    const mask = this.pairs.length - 1;
    let slot = slotOf(k, this.pairShift);
    for (; ; slot++) {
      slot &= mask;
      const id = this.pairIds[slot]!;
      if (id < 0) break;
      if (this.pairs[slot] === k) return id;
    }
    const id = this.add(bigramKey(a, b));
    this.pairs[slot] = k;
    this.pairIds[slot] = id;
    if (++this.pairCount * 2 > this.pairs.length) this.growPairs();
    return id;
  }

  /** Counts term `t` for unit `u`; true the first time the unit has it. */
  post(t: number, u: number): boolean {
    if (this.lastUnit[t] === u) return false;
    this.lastUnit[t] = u;
    this.df[t]!++;
    return true;
  }

  private other(key: number): number {
    let id = this.others.get(key);
    if (id === undefined) this.others.set(key, (id = this.add(key)));
    return id;
  }

  private add(key: number): number {
    const id = this.keys.length;
    this.keys.push(key);
    if (id === this.df.length) {
      const df = new Uint32Array(id * 2);
      df.set(this.df);
      this.df = df;
      const last = new Int32Array(id * 2).fill(-1);
      last.set(this.lastUnit);
      this.lastUnit = last;
    }
    return id;
  }

  private growPairs(): void {
    const { pairs, pairIds } = this;
    this.pairs = new Uint32Array(pairs.length * 2);
    this.pairIds = new Int32Array(pairs.length * 2).fill(-1);
    this.pairShift--;
    const mask = this.pairs.length - 1;
    for (let s = 0; s < pairs.length; s++) {
      if (pairIds[s]! < 0) continue;
      let slot = slotOf(pairs[s]!, this.pairShift);
      for (; ; slot++) {
        slot &= mask;
        if (this.pairIds[slot]! < 0) break;
      }
      this.pairs[slot] = pairs[s]!;
      this.pairIds[slot] = pairIds[s]!;
    }
  }
}
