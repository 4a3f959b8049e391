/**
 * What can go wrong talking to Graph, in terms the repository and the write queue can act on.
 */

/** Graph answered with an error status. */
export class GraphRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    /** Milliseconds the server asked us to wait (Retry-After), if it said. */
    readonly retryAfterMs?: number,
    readonly body?: unknown,
  ) {
    super(message || `Graph answered ${status}`);
    this.name = 'GraphRequestError';
  }
}

/**
 * A write whose outcome is unknown: the request may or may not have been carried out (timeout, the
 * connection dropped after sending, a 5xx after the server may have committed). Never answered by
 * sending the create again blindly: look the client id up first.
 */
export class UnclearOutcomeError extends Error {
  constructor(override readonly cause: unknown) {
    super(`outcome unknown: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'UnclearOutcomeError';
  }
}

/** The request never produced an HTTP answer (DNS, refused, reset, aborted by our timeout). */
export class NetworkError extends Error {
  constructor(override readonly cause: unknown) {
    super(`network error: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'NetworkError';
  }
}

/**
 * The write itself was carried out, and a step that must follow it failed (its audit trail entry,
 * data/auditedRepository.ts): sending it again is safe (writes are idempotent) and does that step.
 * Cause, transience and wording are those of the step's own failure.
 */
export class WriteLandedError extends Error {
  constructor(override readonly cause: unknown) {
    super(`saved, but a step after it failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'WriteLandedError';
  }
}

/**
 * The failure that says why: a landed write's failed step, and the answer behind a 5xx to a create (which
 * arrives wrapped as unclear); any other error itself. Transience, cause and Retry-After are read on it.
 */
function answerBehind(error: unknown): unknown {
  if (error instanceof WriteLandedError) return answerBehind(error.cause);
  if (error instanceof UnclearOutcomeError && error.cause instanceof GraphRequestError) return error.cause;
  return error;
}

/** 5xx, 429 and network errors: worth trying again later. */
export function isTransient(failure: unknown): boolean {
  const error = answerBehind(failure);
  if (isSignInProblem(error)) return false;
  if (error instanceof NetworkError || error instanceof UnclearOutcomeError) return true;
  // 423 resourceLocked passes (a lock is released); 501 notImplemented, 505 and 507 (the site's storage
  // quota is reached) do not by waiting: https://learn.microsoft.com/graph/errors.
  if (error instanceof GraphRequestError) return error.status === 429 || error.status === 408 || error.status === 423 || (error.status >= 500 && !LASTING_5XX.has(error.status));
  return false;
}

const LASTING_5XX = new Set([501, 505, 507]);

/**
 * The token source's sign-in problems (src/hosts/auth/signInErrors.ts), known by name, also when wrapped:
 * the data layer does not depend on the hosts. Waiting does not help; signing in again does.
 */
const SIGN_IN_PROBLEMS = new Set(['SignInRequiredError', 'SignInError']);

export function isSignInProblem(error: unknown): boolean {
  let e: unknown = error;
  // The Graph SDK passes an auth provider's error on as a GraphError whose `code` is the error's name.
  for (let depth = 0; e instanceof Error && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (SIGN_IN_PROBLEMS.has(e.name) || (typeof code === 'string' && SIGN_IN_PROBLEMS.has(code))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** How long the server asked to wait (Retry-After), also on a 5xx to a create, which arrives wrapped as unclear. */
export function retryAfterOf(failure: unknown): number | undefined {
  const error = answerBehind(failure);
  return error instanceof GraphRequestError ? error.retryAfterMs : undefined;
}

/** Could the server have carried out the request although we got no success answer? */
export function mayHaveCommitted(error: unknown): boolean {
  if (error instanceof WriteLandedError) return true;
  if (error instanceof UnclearOutcomeError || error instanceof NetworkError) return true;
  // 429 means "not processed"; other 5xx (and 408) leave it open.
  if (error instanceof GraphRequestError) return error.status >= 500 || error.status === 408;
  return false;
}

/**
 * Why a request failed, as the official can act on it: each cause has its own translated sentence
 * (`failure.*` in the message catalogues), so no screen has to show Graph's English message alone.
 */
export type FailureCause = 'connection' | 'signIn' | 'forbidden' | 'notFound' | 'needsSetup' | 'busy' | 'quota' | 'server' | 'refused' | 'unknown';

export function failureCause(failure: unknown): FailureCause {
  const error = answerBehind(failure);
  if (isSignInProblem(error)) return 'signIn';
  if (error instanceof NetworkError || error instanceof UnclearOutcomeError) return 'connection';
  if (!(error instanceof GraphRequestError)) return 'unknown';
  // 401: the token is missing, expired or not valid (https://learn.microsoft.com/graph/errors).
  if (error.status === 401) return 'signIn';
  if (error.status === 403) return 'forbidden';
  if (error.status === 507) return 'quota';
  if (error.status === 404) return 'notFound';
  // A column this version writes, filters or sorts on that the site's list does not have (or has not
  // indexed) yet: "Field 'X' is not recognized", "Column 'X' does not exist", "Field 'X' cannot be
  // referenced in filter or orderby as it is not indexed". Setup adds and indexes it.
  if (error.status === 400 && /\b(field|column|property)\b/i.test(error.message)) return 'needsSetup';
  // Throttled (429, or 503 with Retry-After): docs/throttling.md.
  if (error.status === 429 || error.status === 503 || error.status === 423) return 'busy';
  if (error.status >= 500 || error.status === 408) return 'server';
  return 'refused';
}
