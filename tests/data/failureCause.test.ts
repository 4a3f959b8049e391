/**
 * The cause behind each translated failure sentence (src/ui/shell/FailureMessage.tsx), from the
 * errors Graph (the emulator, enforcing what Graph documents) really answers with.
 */
import { createServer } from 'node:net';
import { ensureSchema } from '../../src/data/ensureSchema';
import { failureCause, GraphRequestError, isTransient, NetworkError, retryAfterOf, UnclearOutcomeError } from '../../src/data/graph/errors';
import { SignInRequiredError } from '../../src/hosts/auth/signInErrors';
import { GraphTransport } from '../../src/data/graph/GraphTransport';
import { recordingSleep, SITE_REF, startHarness, type Harness } from './graphHarness';

let h: Harness;
let siteId: string;
beforeAll(async () => {
  h = await startHarness();
  siteId = await h.repository().resolveSiteId();
});
afterAll(() => h.close());

const refusal = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e);

test('a column the site does not have, or has not indexed, asks for setup', async () => {
  const { body: item } = await h.transport().request<{ id: string }>('POST', `/sites/${siteId}/lists/Partners/items`, { body: { fields: { Title: 'Woonstichting De Linde' } } });
  const unknownColumn = await refusal(h.transport().request('PATCH', `/sites/${siteId}/lists/Partners/items/${item.id}/fields`, { body: { columnOfALaterRelease: 'x' } }));
  expect(unknownColumn).toMatchObject({ status: 400 });
  expect(failureCause(unknownColumn)).toBe('needsSetup');

  const notIndexed = await refusal(h.transport().get(`/sites/${siteId}/lists/Interactions/items?$filter=${encodeURIComponent("fields/summary eq 'x'")}`));
  expect(failureCause(notIndexed)).toBe('needsSetup');
});

test('an official running setup without Sites.Manage.All is told it is a matter of rights', async () => {
  const fresh = await startHarness({ provision: false });
  const refused = await refusal(ensureSchema(fresh.transport(), SITE_REF)).finally(() => fresh.close());
  expect(refused).toBeInstanceOf(GraphRequestError);
  expect(failureCause(refused)).toBe('forbidden');
});

test('an item deleted in the meantime is not found; a malformed request is refused', async () => {
  const missing = await refusal(h.transport().get(`/sites/${siteId}/lists/Partners/items/987654`));
  expect(failureCause(missing)).toBe('notFound');
  const malformed = await refusal(h.transport().get(`/sites/${siteId}/lists/Partners/items?$top=many`));
  expect(malformed).toMatchObject({ status: 400 });
  expect(failureCause(malformed)).toBe('refused');
});

test('no answer at all is a matter of the connection', async () => {
  // A port nobody listens on any more.
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, () => {
      const { port: p } = server.address() as { port: number };
      server.close(() => resolve(p));
    });
  });
  const transport = GraphTransport.create({ baseUrl: `http://127.0.0.1:${port}/v1.0`, getAccessToken: async () => 'token', sleep: recordingSleep(), retry: { maxRetries: 0 } });
  const refused = await refusal(transport.get('/sites/root'));
  expect(refused instanceof NetworkError || refused instanceof UnclearOutcomeError).toBe(true);
  expect(failureCause(refused)).toBe('connection');
});

test.each([
  [429, 'busy'],
  [503, 'busy'],
  [500, 'server'],
  [504, 'server'],
  [409, 'refused'],
] as const)('Graph status %i is %s', (status, cause) => {
  expect(failureCause(new GraphRequestError(status, undefined, 'x'))).toBe(cause);
});

test('anything that is not a Graph answer has no cause we could name', () => {
  expect(failureCause(new Error('boom'))).toBe('unknown');
  expect(failureCause('boom')).toBe('unknown');
});

test.each([
  [401, 'signIn', false],
  [403, 'forbidden', false],
  [423, 'busy', true],
  [501, 'server', false],
  [507, 'quota', false],
  [502, 'server', true],
] as const)('Graph status %i is %s, transient: %s (https://learn.microsoft.com/graph/errors)', (status, cause, transient) => {
  const error = new GraphRequestError(status, undefined, 'x');
  expect([failureCause(error), isTransient(error)]).toEqual([cause, transient]);
  // A create's 5xx arrives as unclear: it keeps its status's cause, and its lasting kind.
  if (status >= 500) expect([failureCause(new UnclearOutcomeError(error)), isTransient(new UnclearOutcomeError(error))]).toEqual([cause, transient]);
});

test('a 503 to a create keeps the wait the server asked for', () => {
  expect(retryAfterOf(new UnclearOutcomeError(new GraphRequestError(503, undefined, 'busy', 120_000)))).toBe(120_000);
  expect(retryAfterOf(new GraphRequestError(429, undefined, 'busy', 5_000))).toBe(5_000);
  expect(retryAfterOf(new NetworkError(new Error('reset')))).toBeUndefined();
});

test('a token source that needs the official to sign in is a sign-in problem, not the connection: nothing was sent, and waiting does not help', async () => {
  const transport = GraphTransport.create({ baseUrl: h.url, getAccessToken: async () => { throw new SignInRequiredError(); }, sleep: recordingSleep(), retry: { maxRetries: 0 } });
  h.emulator.clearLog();
  for (const attempt of [transport.get('/sites/root'), transport.request('POST', `/sites/${siteId}/lists/Partners/items`, { body: { fields: { Title: 'X' } } })]) {
    const refused = await refusal(attempt);
    expect([failureCause(refused), isTransient(refused)]).toEqual(['signIn', false]);
  }
  expect(h.emulator.requestLog).toEqual([]);
});
