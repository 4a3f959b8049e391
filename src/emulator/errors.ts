import { randomUUID } from 'node:crypto';
import type { GraphResponse } from './types';

/**
 * Graph answers every failure with `{"error":{"code","message","innerError":{...}}}`.
 * Handlers throw GraphError; the adapter (and the batch runner) turn it into that shape, so no
 * code path can answer an error in another form.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export function errorBody(code: string, message: string, clientRequestId?: string): unknown {
  const requestId = randomUUID();
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        'request-id': requestId,
        'client-request-id': clientRequestId ?? requestId,
      },
    },
  };
}

export function errorResponse(err: unknown, clientRequestId?: string): GraphResponse {
  if (err instanceof GraphError) {
    return { status: err.status, headers: { ...err.headers }, body: errorBody(err.code, err.message, clientRequestId) };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { status: 500, body: errorBody('generalException', `General exception while processing: ${message}`, clientRequestId) };
}

export const badRequest = (message: string, code = 'invalidRequest') => new GraphError(400, code, message);
export const notFound = (message: string) => new GraphError(404, 'itemNotFound', message);
