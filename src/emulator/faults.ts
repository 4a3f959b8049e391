import type { FaultConfig, FaultKind } from './types';

/**
 * Fault injection, reproducible from a seed: the same seed and the same order of requests give
 * the same faults, so a failing soak test can be replayed. Top-level requests and requests inside
 * a `$batch` draw from two separate streams, so adding a batch does not shift the top-level faults.
 */

export const ALL_FAULT_KINDS: FaultKind[] = ['429', '503', '504', 'drop', 'commit-then-fail'];

/** What actually happens to a request. */
export type FaultDecision =
  | { kind: '429' | '503' | '504' }
  | { kind: 'drop' }
  /** Apply the write, then answer `then` (a status, or drop the connection). */
  | { kind: 'commit-then-fail'; then: 500 | 504 | 'drop' };

/** mulberry32: tiny, fast, good enough to spread faults evenly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private config?: Required<Omit<FaultConfig, 'seed'>> & { seed: number };
  private topRandom: () => number = Math.random;
  private batchRandom: () => number = Math.random;

  constructor(config?: FaultConfig) {
    this.set(config);
  }

  /** Replaces the configuration and restarts both random streams from the seed. */
  set(config: FaultConfig | undefined): void {
    if (!config || !(config.rate > 0 || (config.batchRate ?? 0) > 0)) {
      this.config = undefined;
      return;
    }
    const kinds = (config.kinds?.length ? config.kinds : ALL_FAULT_KINDS).filter((k) => ALL_FAULT_KINDS.includes(k));
    if (!kinds.length) throw new Error(`No known fault kinds in ${JSON.stringify(config.kinds)}`);
    const seed = config.seed ?? 1;
    this.config = {
      rate: clamp(config.rate),
      kinds,
      seed,
      retryAfterSeconds: config.retryAfterSeconds ?? 1,
      batchRate: clamp(config.batchRate ?? config.rate),
    };
    this.topRandom = prng(seed);
    this.batchRandom = prng(seed ^ 0x5bd1e995);
  }

  get retryAfterSeconds(): number {
    return this.config?.retryAfterSeconds ?? 1;
  }

  /** The fault for the next top-level request, if any. */
  nextTopLevel(): FaultDecision | undefined {
    return this.config ? this.draw(this.topRandom, this.config.rate) : undefined;
  }

  /**
   * The fault for the next request inside a batch, if any. A connection cannot be dropped for one
   * request of a batch, so there `drop` answers 504 and `commit-then-fail` answers 500 or 504.
   */
  nextInBatch(): FaultDecision | undefined {
    if (!this.config) return undefined;
    const d = this.draw(this.batchRandom, this.config.batchRate);
    if (d?.kind === 'drop') return { kind: '504' };
    if (d?.kind === 'commit-then-fail' && d.then === 'drop') return { kind: 'commit-then-fail', then: 504 };
    return d;
  }

  private draw(random: () => number, rate: number): FaultDecision | undefined {
    // Always draw the same number of values per request, so the stream stays aligned.
    const hit = random();
    const pick = random();
    const after = random();
    if (hit >= rate) return undefined;
    const kind = this.config!.kinds[Math.floor(pick * this.config!.kinds.length)];
    if (kind === 'commit-then-fail') return { kind, then: after < 1 / 3 ? 500 : after < 2 / 3 ? 504 : 'drop' };
    return { kind };
  }
}

function clamp(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}
