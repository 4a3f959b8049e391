import { meetingRoutes, MeetingStore } from '../../src/emulator/meetingRoutes';
import { sharepointRoutes } from '../../src/emulator/sharepointRoutes';
import { SiteRegistry } from '../../src/emulator/siteStore';
import { UserDirectory, userRoutes } from '../../src/emulator/userRoutes';
import { SITE_PATH, createList, q, startHarness, type Harness } from './helpers';

/**
 * The emulator never silently ignores a query option, preference, conditional header or body property
 * it does not implement: it answers as Graph does or refuses with 400 in Graph's error shape
 * (issue 18, "Also"). Each of these requests was answered 200 as if the option had been applied before.
 */
let h: Harness;
let items: string;
let list: string;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.emulator.reset();
  ({ items, list } = await createList(h, 'Notes', [{ name: 'PartnerId', text: {}, indexed: true }]));
  await h.call('POST', items, { fields: { Title: 'a', PartnerId: 'p1' } });
  await createList(h, 'Other', []);
});

const refused = (res: { status: number; body: any }) => {
  expect(res.status).toBe(400);
  expect(res.body.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String), innerError: expect.any(Object) }));
};

test('every built-in route declares which query options, preferences and conditional headers it implements', () => {
  const routes = [...sharepointRoutes(new SiteRegistry([], undefined, 0)), ...userRoutes(new UserDirectory()), ...meetingRoutes(new MeetingStore(), () => undefined)];
  for (const r of routes) expect({ route: `${r.method} ${r.pattern}`, declared: Array.isArray(r.query) }).toEqual({ route: `${r.method} ${r.pattern}`, declared: true });
});

test('a $filter on the lists collection is refused instead of answering every list', async () => {
  refused(await h.call('GET', `${SITE_PATH}/lists?$filter=${q("displayName eq 'Notes'")}`));
});

test('$select on the site, the lists collection and a list returns only what it names', async () => {
  const lists = await h.call('GET', `${SITE_PATH}/lists?$select=id,displayName`);
  expect(lists.body.value.map((l: object) => Object.keys(l).filter((k) => !k.startsWith('@')).sort())).toEqual([['displayName', 'id'], ['displayName', 'id']]);
  const one = await h.call('GET', `${list}?$select=displayName&$expand=columns`);
  expect(Object.keys(one.body).filter((k) => !k.startsWith('@')).sort()).toEqual(['columns', 'displayName']);
  const site = await h.call('GET', `${SITE_PATH}?$select=id`);
  expect(Object.keys(site.body).filter((k) => !k.startsWith('@'))).toEqual(['id']);
  refused(await h.call('GET', `${SITE_PATH}/lists?$select=title`));
  refused(await h.call('GET', `${SITE_PATH}/lists?$expand=items`));
});

test('options a route does not implement are refused on every route ($search, $count, $skip, $orderby, $top, $format)', async () => {
  const urls = [
    `${SITE_PATH}`,
    `${SITE_PATH}/lists`,
    list,
    `${list}/columns`,
    items,
    `${items}/1`,
    `${items}/1/fields`,
    `${items}/delta`,
    '/v1.0/me',
    '/v1.0/chats/19%3Ameeting_x%40thread.v2',
    `/v1.0/me/onlineMeetings?$filter=${q("JoinWebUrl eq 'x'")}`,
    `/v1.0/me/events?$filter=${q("subject eq 'x'")}`,
  ];
  for (const url of urls) {
    for (const option of ['$search=%22a%22', '$count=true', '$skip=1', '$format=json', 'unknownParameter=1']) {
      const res = await h.call('GET', `${url}${url.includes('?') ? '&' : '?'}${option}`);
      expect({ url, option, status: res.status }).toEqual({ url, option, status: 400 });
    }
  }
  for (const url of [`${SITE_PATH}`, `${SITE_PATH}/lists`, '/v1.0/me', `${items}/1`, `${items}/delta`]) refused(await h.call('GET', `${url}?$orderby=id`));
  for (const url of [`${SITE_PATH}/lists`, '/v1.0/me', `${list}/columns`]) refused(await h.call('GET', `${url}?$top=1`));
  // a write with query options it does not apply
  refused(await h.call('POST', `${items}?$select=id`, { fields: { Title: 'b' } }));
});

test('$select and $expand names a list item does not have are refused, as are unknown columns in fields(select=…)', async () => {
  refused(await h.call('GET', `${items}?$select=id,nonsense`));
  refused(await h.call('GET', `${items}?$expand=versions`));
  refused(await h.call('GET', `${items}?$expand=${q('fields($select=Nope)')}`));
  refused(await h.call('GET', `${items}/1/fields?$select=Nope`));
  const ok = await h.call('GET', `${items}?$select=id&$expand=${q('fields($select=PartnerId)')}`);
  expect(ok.status).toBe(200);
  expect(ok.body.value[0].fields).toMatchObject({ PartnerId: 'p1' });
});

test('Prefer preferences and conditional headers a route does not implement are refused', async () => {
  refused(await h.call('GET', items, undefined, { headers: { Prefer: 'odata.maxpagesize=1' } }));
  refused(await h.call('POST', items, { fields: { Title: 'x' } }, { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } }));
  refused(await h.call('GET', `${items}/1`, undefined, { headers: { 'If-None-Match': '*' } }));
  refused(await h.call('POST', items, { fields: { Title: 'x' } }, { headers: { 'If-Match': '*' } }));
  const allowed = await h.call('GET', `${items}?$filter=${q("fields/PartnerId eq 'p1'")}`, undefined, { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } });
  expect(allowed.status).toBe(200);
});

test('body properties a list or column definition does not implement are refused; list.template is honoured', async () => {
  refused(await h.call('POST', `${SITE_PATH}/lists`, { displayName: 'X', template: 'genericList' }));
  refused(await h.call('POST', `${SITE_PATH}/lists`, { displayName: 'X', list: { template: 'genericList', hidden: true } }));
  refused(await h.call('POST', `${list}/columns`, { name: 'Y', text: {}, validation: { formula: '=1' } }));
  refused(await h.call('POST', `${list}/columns`, { name: 'Y', text: {}, defaultValue: { formula: '="a"' } }));
  refused(await h.call('PATCH', `${list}/columns/PartnerId`, { validation: { formula: '=1' } }));
  refused(await h.call('PATCH', `${list}/columns/PartnerId`, { number: {} }));
  const created = await h.call('POST', `${SITE_PATH}/lists`, { displayName: 'Docs', list: { template: 'documentLibrary' } });
  expect(created.body.list.template).toBe('documentLibrary');
});
