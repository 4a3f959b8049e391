/**
 * String keys numbered 0, 1, 2, … in the order added, found by open addressing over one Int32Array.
 * Callers keep what belongs to a key in plain arrays indexed by that number.
 *
 * Why not a Map: the index's largest tables (every contact address, every register domain) are read
 * for nearly every participant, and with a large register a Map lookup is a run of cache misses
 * (bucket, entry, key, value, all over the heap). Here a probe reads one slot holding the hash and the
 * number side by side, and compares a key only when the hash matches. A key can also be looked up as a
 * range of a longer string (the host of an address) without copying it out. Building is cheaper too:
 * a Map of 50,000 entries is rehashed as it grows and then copied by the garbage collector, where
 * these arrays hold no pointers to copy.
 */
import { substringHash } from './boundedCache';

const EMPTY = 0;
const MIN_CAPACITY = 16;

export class StringTable {
  /** Two ints per slot: the key's hash and its number + 1 (0: empty). At most half the slots are used. */
  private slots: Int32Array;
  private mask: number;
  readonly keys: string[] = [];

  constructor(expectedKeys = 0) {
    let capacity = MIN_CAPACITY;
    while (capacity < 2 * expectedKeys) capacity *= 2;
    this.slots = new Int32Array(2 * capacity);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.keys.length;
  }

  /** The number of `s.slice(start, end)`, or -1; `hash` is `substringHash(s, start, end)`. */
  findAt(s: string, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const mask = this.mask;
    const n = end - start;
    for (let slot = slotOf(hash, mask); ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot + 1];
      if (entry === EMPTY) return -1;
      if (slots[2 * slot] === hash) {
        const key = this.keys[entry - 1];
        if (key.length === n && (key === s || sameChars(key, s, start))) return entry - 1;
      }
    }
  }

  find(key: string): number {
    return this.findAt(key, 0, key.length, substringHash(key, 0, key.length));
  }

  /** The number of `key`, which is added if new. */
  add(key: string): number {
    return this.addAt(key, 0, key.length);
  }

  /** `add(s.slice(start, end))`, copying the key out only when it is new. */
  addAt(s: string, start: number, end: number): number {
    const hash = substringHash(s, start, end);
    const found = this.findAt(s, start, end, hash);
    if (found >= 0) return found;
    if (2 * (this.keys.length + 1) > this.mask + 1) this.grow();
    this.keys.push(start === 0 && end === s.length ? s : s.slice(start, end));
    this.place(hash, this.keys.length);
    return this.keys.length - 1;
  }

  private place(hash: number, entryPlusOne: number): void {
    const slots = this.slots;
    let slot = slotOf(hash, this.mask);
    while (slots[2 * slot + 1] !== EMPTY) slot = (slot + 1) & this.mask;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = entryPlusOne;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(2 * old.length);
    this.mask = old.length - 1; // old.length / 2 slots before, twice that now
    for (let i = 1; i < old.length; i += 2) if (old[i] !== EMPTY) this.place(old[i - 1], old[i]);
  }
}

/** FNV-1a's low bits, which pick the slot, mix poorly on their own: fold the high bits in. */
function slotOf(hash: number, mask: number): number {
  return (hash ^ (hash >>> 15)) & mask;
}

/** `key` equals `s.slice(start, start + key.length)`; the caller has compared the lengths. */
function sameChars(key: string, s: string, start: number): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== s.charCodeAt(start + i)) return false;
  return true;
}
