/**
 * The emulator enforces each endpoint's documented delegated permission (src/emulator/permissions.ts):
 * a token whose `scp` holds none of them gets Graph's 403 `accessDenied`, at the top level and inside a
 * batch. The tokens carry exactly what the app asks for: an official's (src/config/scopes.ts
 * ALL_GRAPH_SCOPES) or an administrator's running setup (SETUP_SCOPES).
 */
import { ADMIN_TOKEN_SCOPES, createTestToken, createGraphEmulator, ENDPOINT_PERMISSIONS, OFFICIAL_TOKEN_SCOPES } from '../../src/emulator';
import { ANNA, SITE_PATH, startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.emulator.reset());

const official = createTestToken({ ...ANNA, scopes: OFFICIAL_TOKEN_SCOPES });
const admin = createTestToken({ ...ANNA, scopes: ADMIN_TOKEN_SCOPES });
const accessDenied = { error: { code: 'accessDenied', message: expect.stringContaining('Sites.Manage.All'), innerError: expect.objectContaining({ 'request-id': expect.any(String), date: expect.any(String) }) } };

test("the official's token is refused on list create, column create and column update; the administrator's is not", async () => {
  const list = { displayName: 'Notes', columns: [{ name: 'code', text: {} }], list: { template: 'genericList' } };
  const refused = await h.call('POST', `${SITE_PATH}/lists`, list, { token: official });
  expect(refused.status).toBe(403);
  expect(refused.body).toEqual(accessDenied);
  expect((await h.call('GET', `${SITE_PATH}/lists`, undefined, { token: official })).body.value).toEqual([]);

  expect((await h.call('POST', `${SITE_PATH}/lists`, list, { token: admin })).status).toBe(201);
  const columns = `${SITE_PATH}/lists/Notes/columns`;
  expect((await h.call('POST', columns, { name: 'extra', text: {} }, { token: official })).status).toBe(403);
  const code = (await h.call('GET', columns, undefined, { token: official })).body.value.find((c: { name: string }) => c.name === 'code');
  expect((await h.call('PATCH', `${columns}/${code.id}`, { indexed: true }, { token: official })).body).toEqual(accessDenied);
  expect((await h.call('PATCH', `${columns}/${code.id}`, { indexed: true }, { token: admin })).status).toBe(200);
  // Daily work needs only the official's scopes.
  const item = await h.call('POST', `${SITE_PATH}/lists/Notes/items`, { fields: { Title: 'x', code: 'a' } }, { token: official });
  expect(item.status).toBe(201);
  expect((await h.call('PATCH', `${SITE_PATH}/lists/Notes/items/${item.body.id}/fields`, { Title: 'y' }, { token: official })).status).toBe(200);
});

test('inside a $batch each request is checked on its own', async () => {
  const res = await h.call('POST', '/v1.0/$batch', {
    requests: [
      { id: '1', method: 'GET', url: '/me' },
      { id: '2', method: 'POST', url: `${SITE_PATH.replace('/v1.0', '')}/lists`, body: { displayName: 'X' }, headers: { 'Content-Type': 'application/json' } },
    ],
  }, { token: official });
  expect(res.status).toBe(200);
  const byId = Object.fromEntries(res.body.responses.map((r: { id: string; status: number }) => [r.id, r.status]));
  expect(byId).toEqual({ '1': 200, '2': 403 });
});

test('a token without scp carries no delegated permission; the scope decides, not the user', async () => {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const noScp = `${b64({ alg: 'none' })}.${b64({ preferred_username: ANNA.email })}.`;
  expect((await h.call('GET', '/v1.0/me', undefined, { token: noScp })).status).toBe(403);
  const sitesOnly = createTestToken({ ...ANNA, scopes: ['Sites.ReadWrite.All'] });
  expect((await h.call('GET', '/v1.0/me', undefined, { token: sitesOnly })).status).toBe(403);
  expect((await h.call('GET', `${SITE_PATH}/lists`, undefined, { token: sitesOnly })).status).toBe(200);
  // Scope names compare case-insensitively, as Entra treats them.
  expect((await h.call('GET', '/v1.0/me', undefined, { token: createTestToken({ ...ANNA, scopes: ['user.read'] }) })).status).toBe(200);
});

test('every built-in Graph route has its documented permission, and every permission a route', () => {
  const emulator = createGraphEmulator();
  const routes = emulator.routeList().filter((r) => !r.pattern.startsWith('/_emulator/'));
  const key = (r: { method: string; pattern: string }) => `${r.method.toUpperCase()} ${r.pattern}`;
  expect(routes.map(key).sort()).toEqual(ENDPOINT_PERMISSIONS.map(key).sort());
  for (const p of ENDPOINT_PERMISSIONS) {
    expect(p.accepted.length).toBeGreaterThan(0);
    expect(p.doc).toMatch(/^https:\/\/learn\.microsoft\.com\/graph\/api\/[a-z-]+$/);
  }
  return emulator.close();
});
