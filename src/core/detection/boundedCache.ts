/**
 * A Map that cannot grow past `maxEntries`. Hosts repeat heavily in a mailbox, but a long-lived pane
 * must not grow without limit. Two generations instead of evicting one entry at a time: deleting
 * the oldest key of a JS Map leaves a hole that every later "find the oldest" walks over, which made
 * eviction cost grow with the cache. Here, when the young generation is full the old one is dropped
 * whole; entries still in use are carried over when they are read.
 */
export class BoundedCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly generationSize: number;

  constructor(maxEntries: number) {
    this.generationSize = Math.max(1, Math.floor(maxEntries / 2));
  }

  get(key: K): V | undefined {
    const v = this.young.get(key);
    if (v !== undefined || this.old.size === 0) return v;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.generationSize) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  /** Entries held, counting a key carried into the young generation twice; never above the bound. */
  get size(): number {
    return this.young.size + this.old.size;
  }
}
