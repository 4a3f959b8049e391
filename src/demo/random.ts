/**
 * A tiny seeded pseudo-random generator for the demo data.
 * Math.random would make every demo reset, screenshot and test different; a fixed seed makes the
 * generated municipality identical on every run and in every browser.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    // Force to an unsigned 32-bit integer so any numeric seed gives a valid state.
    this.state = seed >>> 0;
  }

  /** mulberry32: 32-bit state, good enough spread for test data, and a handful of operations per call. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks a key with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>> | ReadonlyArray<readonly [K, number]>): K {
    const entries = (Array.isArray(weights) ? weights : Object.entries(weights)) as ReadonlyArray<readonly [K, number]>;
    let total = 0;
    for (const [, w] of entries) total += w;
    let roll = this.next() * total;
    for (const [key, w] of entries) {
      roll -= w;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }

  /** Up to `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = items.slice();
    const out: T[] = [];
    while (out.length < count && pool.length > 0) {
      out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0] as T);
    }
    return out;
  }

  /**
   * A UUID-v4-shaped id. Real clients use crypto.randomUUID for client ids; the demo needs the same
   * shape (so code that validates ids accepts it) but the same value on every run.
   */
  uuid(): string {
    // Character codes into one flat string: building it by `+` from pieces would leave a tree of
    // string fragments per id, which a 100,000-interaction benchmark register pays for in memory.
    const codes = UUID_CODES;
    let pos = 0;
    for (let w = 0; w < 4; w++) {
      const word = this.word();
      for (let shift = 28; shift >= 0; shift -= 4) {
        if (pos === 8 || pos === 13 || pos === 18 || pos === 23) codes[pos++] = DASH;
        codes[pos++] = HEX_CODES[(word >>> shift) & 15]!;
      }
    }
    // Version nibble 4 and variant bits 10xx, as in RFC 9562.
    codes[14] = HEX_CODES[4]!;
    codes[19] = HEX_CODES[8 | (HEX_CODES.indexOf(codes[19]!) & 3)]!;
    return String.fromCharCode.apply(null, codes);
  }

  private word(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }
}

const DASH = 45;
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const UUID_CODES: number[] = new Array<number>(36).fill(0);
