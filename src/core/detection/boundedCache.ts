/** A value that carries its own key, so a lookup reads one object, not a key and a value apart. */
export interface SubstringKeyed {
  readonly key: string;
  /** `substringHash(key, 0, key.length)` */
  readonly keyHash: number;
}

/**
 * One generation of `BoundedSubstringCache`: open addressing over one array of values, keyed by
 * string content so a key can be looked up as a range of a longer string without copying it out.
 */
class SubstringTable<V extends SubstringKeyed> {
  private slots: (V | undefined)[];
  private mask: number;
  count = 0;

  constructor(capacity: number) {
    this.slots = new Array<V | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
  }

  /** The value keyed `s.slice(start, end)`, or undefined. */
  find(s: string, start: number, end: number, hash: number): V | undefined {
    const slots = this.slots;
    const n = end - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const v = slots[slot];
      if (v === undefined) return undefined;
      if (v.keyHash === hash && v.key.length === n && sameChars(v.key, s, start)) return v;
    }
  }

  /** `value.key` must not be present yet. */
  add(value: V): void {
    // At most half full, so probes stay short and an empty slot always ends them.
    if (2 * (this.count + 1) > this.slots.length) this.grow();
    let slot = value.keyHash & this.mask;
    while (this.slots[slot] !== undefined) slot = (slot + 1) & this.mask;
    this.slots[slot] = value;
    this.count++;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Array<V | undefined>(old.length * 2).fill(undefined);
    this.mask = this.slots.length - 1;
    this.count = 0;
    for (let i = 0; i < old.length; i++) {
      const v = old[i];
      if (v !== undefined) this.add(v);
    }
  }
}

/** `key` equals `s.slice(start, start + key.length)`; the caller has compared the lengths. */
function sameChars(key: string, s: string, start: number): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== s.charCodeAt(start + i)) return false;
  return true;
}

/** FNV-1a over the UTF-16 code units of `s.slice(start, end)`. */
export function substringHash(s: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

const FIRST_CAPACITY = 1024;

/**
 * A cache that cannot grow past `maxEntries`, for string keys looked up as a range of a longer
 * string (the host part of an address): `get(s, start, end)` needs no `s.slice(start, end)`.
 * Detection is bound by memory reads more than by computation, and a JS Map lookup with a fresh key
 * string costs a copy, a hash of it, and reads of the bucket, the entry, the stored key and the
 * value; here it is one slot, one value and its key.
 *
 * Hosts repeat heavily in a mailbox, but a long-lived pane must not grow without limit. Two
 * generations instead of evicting one entry at a time: when the young generation is full the old
 * one is dropped whole; entries still in use are carried over when they are read.
 */
export class BoundedSubstringCache<V extends SubstringKeyed> {
  private young = new SubstringTable<V>(FIRST_CAPACITY);
  private old: SubstringTable<V> | undefined;
  private readonly generationSize: number;

  constructor(maxEntries: number) {
    this.generationSize = Math.max(1, Math.floor(maxEntries / 2));
  }

  /** The value keyed `s.slice(start, end)`; `hash` is `substringHash(s, start, end)`. */
  get(s: string, start: number, end: number, hash: number): V | undefined {
    const v = this.young.find(s, start, end, hash);
    if (v !== undefined || this.old === undefined) return v;
    const aged = this.old.find(s, start, end, hash);
    if (aged !== undefined) this.set(aged);
    return aged;
  }

  /** `value.key` is not in the young generation. */
  set(value: V): void {
    if (this.young.count >= this.generationSize) {
      this.old = this.young;
      this.young = new SubstringTable<V>(FIRST_CAPACITY);
    }
    this.young.add(value);
  }

  /** Entries held, counting a key carried into the young generation twice; never above the bound. */
  get size(): number {
    return this.young.count + (this.old?.count ?? 0);
  }
}
