/**
 * SharePoint's early warning before throttling. "Avoid getting throttled or blocked in SharePoint Online"
 * (https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online,
 * "RateLimit headers - preview"): "`RateLimit-Limit` contains the limit in the current time window.
 * `RateLimit-Remaining` indicates the remaining quota in the current window. `RateLimit-Reset` indicates the
 * number of seconds until the quota is refilled." They are returned, on a best-efforts basis, "When an
 * application consumes 80% or more of its app 1-minute limit", and "you can proactively reduce requests to avoid
 * hitting the throttle". On a 429 that carries both, "the general rule of thumb is to honor the greater of the two
 * values" (Retry-After and RateLimit-Reset).
 *
 * The gate lives in the one transport (GraphTransport): every answer it sees (a `$batch` envelope and each request
 * in it) is observed, and every request waits for the gate first. When the quota left falls to the low-water mark,
 * new requests wait until the window refills instead of spending the rest and getting 429s, which SharePoint counts
 * against the app too ("Throttled requests count towards usage limits").
 */
import { parseRetryAfter, type Sleep } from './retryPolicy';

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Milliseconds until the quota is refilled. */
  resetMs: number;
}

/** Reads the three headers; undefined unless all three are there and numeric. */
export function parseRateLimit(get: (name: string) => string | null | undefined): RateLimitState | undefined {
  const num = (name: string) => {
    const v = get(name)?.trim();
    return v && /^\d+(\.\d+)?$/.test(v) ? Number(v) : undefined;
  };
  const limit = num('RateLimit-Limit');
  const remaining = num('RateLimit-Remaining');
  const reset = num('RateLimit-Reset');
  if (limit === undefined || remaining === undefined || reset === undefined) return undefined;
  return { limit, remaining, resetMs: Math.round(reset * 1000) };
}

/** How long a throttled answer asks us to wait: the greater of Retry-After and RateLimit-Reset, when given. */
export function throttleWaitMs(get: (name: string) => string | null | undefined): number | undefined {
  const retryAfter = parseRetryAfter(get('Retry-After'));
  const reset = parseRateLimit(get)?.resetMs;
  if (retryAfter === undefined) return reset;
  return reset === undefined ? retryAfter : Math.max(retryAfter, reset);
}

export interface RateLimitPolicy {
  /** False: observe nothing, never wait (the bench's and tests' reference of what ignoring the headers costs). */
  honour: boolean;
  /** Wait for the refill once the quota left is at or below this share of the limit. */
  lowWater: number;
  /** No single wait is longer (a window is one minute; the pane must not hang longer than a retry would). */
  maxWaitMs: number;
}

export const DEFAULT_RATE_LIMIT_POLICY: RateLimitPolicy = { honour: true, lowWater: 0.1, maxWaitMs: 60_000 };

export class RateLimitGate {
  private holdUntil = 0;
  /** Waits taken, for tests and the bench. */
  readonly waits: number[] = [];
  private readonly policy: RateLimitPolicy;

  constructor(
    private readonly sleep: Sleep,
    policy: Partial<RateLimitPolicy> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.policy = { ...DEFAULT_RATE_LIMIT_POLICY, ...policy };
  }

  /** Takes in an answer's RateLimit headers (absent: nothing changes). */
  observe(get: (name: string) => string | null | undefined): void {
    if (!this.policy.honour) return;
    const state = parseRateLimit(get);
    if (!state) return;
    if (state.remaining <= Math.max(1, Math.floor(state.limit * this.policy.lowWater))) {
      this.holdUntil = Math.max(this.holdUntil, this.now() + Math.min(state.resetMs, this.policy.maxWaitMs));
    }
  }

  /** Resolves when a request may be sent: at once, or when the window the headers announced has refilled. */
  async ready(): Promise<void> {
    const wait = this.holdUntil - this.now();
    if (wait <= 0) return;
    this.waits.push(wait);
    await this.sleep(wait);
  }
}
