import 'fake-indexeddb/auto';
import { WriteQueue } from '../../src/data/writeQueue';
import { newInteraction } from './fixtures';
import { recordingSleep } from './graphHarness';
test('dbg', async () => {
  const repository = { saveInteraction: async (i: any) => i, saveAgendaItem: async (a: any) => a, savePartner: async (p: any) => p };
  const q = await WriteQueue.open({ repository, owner: 'a', dbName: 'x', sleep: recordingSleep(), autoStart: false });
  let t = Date.now();
  for (let n = 0; n < 1000; n++) await q.enqueue({ kind: 'interaction', payload: newInteraction('p' + (n % 5)) });
  console.log('enqueue 1000', Date.now() - t);
  t = Date.now();
  await q.flush();
  console.log('flush 1000', Date.now() - t);
  await q.close();
});
