/** An Office.js callback-style call failed; `code` is Office's error name (e.g. `PermissionDenied`). */
export class OfficeAsyncError extends Error {
  override readonly name = 'OfficeAsyncError';
  constructor(readonly code: string, message: string) {
    super(message || code);
  }
}

// `Office.AsyncResultStatus.Failed` is the string 'failed' at run time; compared by value so no global `Office` is needed.
const FAILED = 'failed';

/** Wraps Office's `xxxAsync(…, callback)` style into a promise (Office.js has no promise API for Mailbox). */
export function officeAsync<T>(call: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      call((result) => {
        if (String(result.status) === FAILED) {
          reject(new OfficeAsyncError(result.error?.name ?? String(result.error?.code ?? 'Failed'), result.error?.message ?? ''));
        } else resolve(result.value);
      });
    } catch (error) {
      // Some clients throw synchronously for APIs the permission level forbids.
      reject(error instanceof Error ? new OfficeAsyncError((error as { code?: string }).code ?? error.name, error.message) : error);
    }
  });
}

