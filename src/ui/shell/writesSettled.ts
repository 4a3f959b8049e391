import { waitsForOfficial, type PendingWrite, type WriteQueuePort } from '../services';

export type WritesOutcome = { state: 'confirmed' } | { state: 'stuck'; write: PendingWrite } | { state: 'waiting' };

/**
 * Waits until the queue has confirmed every write under `keys` (the queue's keys: a partner's id, else
 * the client id), or one of them failed or is in conflict (the official must act on it), or `timeoutMs`
 * passed with some still on their way (offline, throttled). For what may only be reported as done once
 * the site holds it: an AVG removal is logged as carried out only when it is.
 */
export function writesSettled(queue: Pick<WriteQueuePort, 'list' | 'subscribe'>, keys: readonly string[], timeoutMs: number): Promise<WritesOutcome> {
  const wanted = new Set(keys);
  const check = (): WritesOutcome | undefined => {
    const open = queue.list().filter((w) => wanted.has(w.clientId));
    const stuck = open.find(waitsForOfficial);
    if (stuck) return { state: 'stuck', write: stuck };
    return open.length === 0 ? { state: 'confirmed' } : undefined;
  };
  return new Promise((resolve) => {
    const now = check();
    if (now) return resolve(now);
    const done = (outcome: WritesOutcome) => {
      clearTimeout(timer);
      unsubscribe();
      resolve(outcome);
    };
    const timer = setTimeout(() => done({ state: 'waiting' }), timeoutMs);
    const unsubscribe = queue.subscribe(() => {
      const outcome = check();
      if (outcome) done(outcome);
    });
  });
}
