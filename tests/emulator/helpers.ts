import { ADMIN_TOKEN_SCOPES, createTestToken, DEFAULT_SITE, startGraphEmulator, type EmulatorOptions, type GraphEmulator } from '../../src/emulator';

/** Test officials of the fictional municipality. */
export const ANNA = { email: 'anna.devries@veenhaven.nl', name: 'Anna de Vries' };
export const BART = { email: 'bart.jansen@veenhaven.nl', name: 'Bart Jansen' };

export const SITE_PATH = `/v1.0/sites/${DEFAULT_SITE.hostname}:${DEFAULT_SITE.path}:`;

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface Harness {
  url: string;
  emulator: GraphEmulator;
  close(): Promise<void>;
  /** A request as the given official (default Anna); `token: null` sends none. */
  call<T = any>(method: string, path: string, body?: unknown, opts?: { headers?: Record<string, string>; as?: { email: string; name?: string }; token?: string | null }): Promise<Reply<T>>;
}

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const { url, emulator, close } = await startGraphEmulator({ port: 0, ...options });
  const tokens = new Map<string, string>();
  // The emulator's own suites act as an administrator (they create lists and columns); the official's
  // smaller token is tested in permissions.test.ts and by the data layer's suites.
  const tokenFor = (u: { email: string; name?: string }) => {
    let t = tokens.get(u.email);
    if (!t) tokens.set(u.email, (t = createTestToken({ ...u, scopes: ADMIN_TOKEN_SCOPES })));
    return t;
  };
  return {
    url,
    emulator,
    close,
    async call(method, path, body, opts = {}) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      const token = opts.token === undefined ? tokenFor(opts.as ?? ANNA) : opts.token;
      if (token !== null) headers.Authorization = `Bearer ${token}`;
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const res = await fetch(path.startsWith('http') ? path : url + path, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
    },
  };
}

/** Creates a list on the default site and returns the path of its items. */
export async function createList(h: Harness, displayName: string, columns: unknown[]): Promise<{ listId: string; items: string; list: string }> {
  const res = await h.call('POST', `${SITE_PATH}/lists`, { displayName, columns, list: { template: 'genericList' } });
  if (res.status !== 201) throw new Error(`createList ${displayName}: ${res.status} ${JSON.stringify(res.body)}`);
  const list = `${SITE_PATH}/lists/${res.body.id}`;
  return { listId: res.body.id, list, items: `${list}/items` };
}

/** URL-encodes an OData filter the way a careful client does. */
export const q = (s: string) => encodeURIComponent(s);

/** Graph's error body shape. */
export const graphError = (code?: string) => ({
  error: expect.objectContaining({
    ...(code ? { code } : { code: expect.any(String) }),
    message: expect.any(String),
    innerError: expect.objectContaining({ 'request-id': expect.any(String), date: expect.any(String) }),
  }),
});
