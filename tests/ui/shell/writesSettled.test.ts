/** An action reported as done only once the write queue confirmed its writes (an AVG removal's log entry waits on it). */
import type { PendingWrite, QueueEvent } from '../../../src/data/writeQueue';
import { writesSettled } from '../../../src/ui/shell/writesSettled';

function fakeQueue(initial: Array<Pick<PendingWrite, 'clientId' | 'state'>>) {
  let writes = initial as PendingWrite[];
  const listeners = new Set<(event: QueueEvent) => void>();
  return {
    list: () => writes,
    subscribe: (listener: (event: QueueEvent) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    set(next: Array<Pick<PendingWrite, 'clientId' | 'state'> & Partial<PendingWrite>>) {
      writes = next as PendingWrite[];
      for (const l of listeners) l({ type: 'changed' } as unknown as QueueEvent);
    },
    listeners,
  };
}

test('confirmed once every write under the keys has left the queue; others do not count', async () => {
  const queue = fakeQueue([{ clientId: 'p-1', state: 'sending' }, { clientId: 'a-1', state: 'pending' }, { clientId: 'other', state: 'failed' }]);
  const settled = writesSettled(queue, ['p-1', 'a-1'], 10_000);
  queue.set([{ clientId: 'a-1', state: 'sending' }, { clientId: 'other', state: 'failed' }]);
  queue.set([{ clientId: 'other', state: 'failed' }]);
  await expect(settled).resolves.toEqual({ state: 'confirmed' });
  expect(queue.listeners.size).toBe(0);
  await expect(writesSettled(queue, [], 10)).resolves.toEqual({ state: 'confirmed' });
});

test('stuck as soon as one of them failed or is in conflict, with that write; waiting when time runs out', async () => {
  const queue = fakeQueue([{ clientId: 'p-1', state: 'sending' }]);
  const settled = writesSettled(queue, ['p-1'], 10_000);
  queue.set([{ clientId: 'p-1', state: 'conflict', cause: undefined }]);
  await expect(settled).resolves.toMatchObject({ state: 'stuck', write: { clientId: 'p-1', state: 'conflict' } });
  const offline = fakeQueue([{ clientId: 'p-2', state: 'pending' }]);
  await expect(writesSettled(offline, ['p-2'], 20)).resolves.toEqual({ state: 'waiting' });
  expect(offline.listeners.size).toBe(0);
});
