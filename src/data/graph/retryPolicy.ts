/**
 * When and how long to wait before sending a Graph request again. Pure functions, so the behaviour
 * (Retry-After, capped exponential backoff, jitter) is tested without waiting.
 */

export interface RetryPolicy {
  /** Retries after the first attempt; the request is sent at most `maxRetries + 1` times. */
  maxRetries: number;
  /** First backoff delay when the server gives no Retry-After. */
  baseDelayMs: number;
  /** No single wait is longer than this, Retry-After included (a tab should not hang for minutes). */
  maxDelayMs: number;
  /** A request attempt that takes longer is abandoned and counts as a network error. */
  timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 6, baseDelayMs: 500, maxDelayMs: 30_000, timeoutMs: 30_000 };

/** Waiting is injectable: tests pass a sleep that records the delay and returns at once. */
export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Throttling and transient server states; Graph answers these with Retry-After when it knows. */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

/**
 * Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). Returns milliseconds to
 * wait, or undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Delay before retry number `attempt` (0 = first retry). The server's Retry-After wins when given
 * (never shortened, only capped); otherwise exponential backoff with "full jitter" so many clients
 * throttled at once do not come back in lockstep.
 */
export function retryDelay(policy: RetryPolicy, attempt: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
