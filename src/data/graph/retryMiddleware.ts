/**
 * Graph client middleware that sends a request again after throttling (429), a transient server state
 * (503, 504) or a network error, honouring Retry-After. Our own instead of the SDK's RetryHandler
 * because that one neither retries network errors nor knows which requests are safe to repeat.
 *
 * Safe to repeat: every method but POST (PATCH/DELETE carry If-Match or are naturally idempotent), and
 * a POST the caller marks safe (a `$batch` of reads). Any request may be repeated after a 429, which
 * means "not processed". A create that failed otherwise is handed back to the caller, who looks the
 * client id up before creating again.
 */
import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import { throttleWaitMs } from './rateLimit';
import { retryDelay, TRANSIENT_STATUSES, type RetryPolicy, type Sleep } from './retryPolicy';

/** Per-request options, passed with `GraphRequest.middlewareOptions([...])`. */
export class RetryOptions implements MiddlewareOptions {
  constructor(readonly safeToRepeat: boolean) {}
}

export interface RetryEvent {
  attempt: number;
  delayMs: number;
  status?: number;
  url: string;
}

export class RetryMiddleware implements Middleware {
  private next?: Middleware;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly sleep: Sleep,
    private readonly random: () => number = Math.random,
    private readonly onRetry?: (event: RetryEvent) => void,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('RetryMiddleware needs a next middleware');
    const options = (context.options ??= {});
    const method = (options.method ?? 'GET').toUpperCase();
    const marked = context.middlewareControl?.getMiddlewareOptions(RetryOptions) as RetryOptions | undefined;
    const safeToRepeat = marked?.safeToRepeat ?? method !== 'POST';
    const url = typeof context.request === 'string' ? context.request : context.request.url;

    for (let attempt = 0; ; attempt++) {
      // A fresh timeout per attempt: an attempt that hangs counts as a network error.
      options.signal = AbortSignal.timeout(this.policy.timeoutMs);
      context.response = undefined;
      let failure: unknown;
      try {
        await this.next.execute(context);
      } catch (error) {
        failure = error;
      }
      const exhausted = attempt >= this.policy.maxRetries;
      let delayMs: number;
      let status: number | undefined;
      if (failure === undefined) {
        const response = context.response as Response | undefined;
        status = response?.status;
        if (!response || status === undefined) return;
        const retryable = status === 429 || (safeToRepeat && TRANSIENT_STATUSES.has(status));
        if (!retryable || exhausted) return;
        // Retry-After, or RateLimit-Reset when SharePoint sends a greater one (rateLimit.ts).
        delayMs = retryDelay(this.policy, attempt, throttleWaitMs((name) => response.headers.get(name)), this.random);
        await response.arrayBuffer().catch(() => undefined); // free the connection
      } else {
        if (!safeToRepeat || exhausted) throw failure;
        delayMs = retryDelay(this.policy, attempt, undefined, this.random);
      }
      this.onRetry?.({ attempt: attempt + 1, delayMs, status, url });
      await this.sleep(delayMs);
    }
  }
}
