import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SITE_PATH, createList, q, startHarness } from './helpers';

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-emulator-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const listFiles = () => {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of fs.readdirSync(d, { withFileTypes: true })) f.isDirectory() ? walk(path.join(d, f.name)) : out.push(path.relative(dataDir, path.join(d, f.name)));
  };
  walk(dataDir);
  return out.sort();
};

describe('persistence', () => {
  test('lists, columns, indexes, items, versions and delta state survive a restart', async () => {
    const a = await startHarness({ dataDir });
    const { items, listId } = await createList(a, 'Partners', [
      { name: 'Domain', text: {}, indexed: true, enforceUniqueValues: true },
      { name: 'Count', number: {} },
    ]);
    await a.call('POST', items, { fields: { Title: 'Woonstede', Domain: 'woonstede.nl', Count: 1 } });
    await a.call('POST', items, { fields: { Title: 'Zorggroep', Domain: 'zorggroep.nl' } });
    await a.call('PATCH', `${items}/1/fields`, { Count: 2 });
    await a.call('DELETE', `${items}/2`);
    const before = (await a.call('GET', `${items}/1`)).body;
    const delta = (await a.call('GET', `${items}/delta`)).body['@odata.deltaLink'] as string;
    await a.close(); // flushes

    const b = await startHarness({ dataDir });
    try {
      const after = (await b.call('GET', `${SITE_PATH}/lists/Partners/items/1`)).body;
      expect(after).toMatchObject({ id: '1', eTag: before.eTag, createdDateTime: before.createdDateTime, fields: { Title: 'Woonstede', Count: 2, _UIVersionString: '2.0' } });
      expect((await b.call('GET', `${items}/2`)).status).toBe(404);
      expect((await b.call('GET', `${SITE_PATH}/lists/Partners`)).body.id).toBe(listId);
      // the index and uniqueness came back
      expect((await b.call('GET', `${items}?$filter=${q("fields/Domain eq 'woonstede.nl'")}`)).body.value).toHaveLength(1);
      expect((await b.call('POST', items, { fields: { Domain: 'woonstede.nl' } })).status).toBe(409);
      // ids continue, never reused
      expect((await b.call('POST', items, { fields: { Domain: 'nieuw.nl' } })).body.id).toBe('3');
      // an old delta link still works across the restart
      const changes = (await b.call('GET', delta.replace(/^http:\/\/[^/]+/, b.url))).body.value;
      expect(changes.map((c: any) => c.id)).toEqual(['3']);
    } finally {
      await b.close();
    }
  });

  test('writes are debounced into a journal, then folded into an atomic snapshot', async () => {
    const a = await startHarness({ dataDir, persistDelayMs: 20 });
    const { items, listId } = await createList(a, 'Notes', []);
    for (let i = 0; i < 5; i++) await a.call('POST', items, { fields: { Title: `n${i}` } });
    await new Promise((r) => setTimeout(r, 150)); // let the debounce fire
    const files = listFiles();
    expect(files).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`lists/${listId}\\.json$`)), expect.stringMatching(new RegExp(`lists/${listId}\\.jsonl$`))]));
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
    const journal = fs.readFileSync(path.join(dataDir, files.find((f) => f.endsWith(`${listId}.jsonl`))!), 'utf8').trim().split('\n');
    expect(journal.length).toBe(5);
    await a.close();
  });

  test('a torn last journal line and a half-written snapshot temp file (crash) are ignored', async () => {
    const a = await startHarness({ dataDir });
    const { items, listId } = await createList(a, 'Notes', []);
    await a.call('POST', items, { fields: { Title: 'kept' } });
    await a.close();
    const journal = listFiles().find((f) => f.endsWith(`${listId}.jsonl`))!;
    fs.appendFileSync(path.join(dataDir, journal), '{"op":"put","item":{"id":2,"gu');
    fs.writeFileSync(path.join(dataDir, `${journal.replace(/\.jsonl$/, '.json')}.123.1.tmp`), '{"half a snap');
    const b = await startHarness({ dataDir });
    try {
      const all = (await b.call('GET', `${SITE_PATH}/lists/Notes/items?expand=fields`)).body.value;
      expect(all.map((i: any) => i.fields.Title)).toEqual(['kept']);
      await b.emulator.flush(); // loading folds the journal into a new snapshot, written in the background
      expect(listFiles().some((f) => f.endsWith('.tmp'))).toBe(false);
    } finally {
      await b.close();
    }
  });

  test('reset() wipes lists on disk too', async () => {
    const a = await startHarness({ dataDir });
    await createList(a, 'Notes', []);
    await a.emulator.reset();
    await a.close();
    const b = await startHarness({ dataDir });
    expect((await b.call('GET', `${SITE_PATH}/lists`)).body.value).toEqual([]);
    await b.close();
    expect(listFiles().filter((f) => f.includes('/lists/'))).toEqual([]);
  });

  test('10,000 items persist and reload quickly', async () => {
    const a = await startHarness({ dataDir });
    const { items } = await createList(a, 'Big', [{ name: 'PartnerId', text: {}, indexed: true }]);
    a.emulator.seedItems('Big', Array.from({ length: 10_000 }, (_, i) => ({ Title: `t${i}`, PartnerId: `p${i % 10}` })));
    await a.close();
    const t = performance.now();
    const b = await startHarness({ dataDir });
    const loadMs = performance.now() - t;
    try {
      const res = await b.call('GET', `${items}?$top=5000&$filter=${q("fields/PartnerId eq 'p3'")}`);
      expect(res.body.value).toHaveLength(1000);
      expect(loadMs).toBeLessThan(10_000);
    } finally {
      await b.close();
    }
  });
});
