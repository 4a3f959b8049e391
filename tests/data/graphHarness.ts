/**
 * Starts the Graph emulator in-process and makes real repositories against it, acting as a given
 * official (the emulator reads the user from an unsigned test token).
 */
import { ADMIN_TOKEN_SCOPES, createTestToken, DEFAULT_SITE, startGraphEmulator, type GraphEmulator } from '../../src/emulator';
import { ensureSchema } from '../../src/data/ensureSchema';
import { GraphTransport } from '../../src/data/graph/GraphTransport';
import { SharePointPartnerRepository } from '../../src/data/SharePointPartnerRepository';
import type { Sleep } from '../../src/data/graph/retryPolicy';

export const SITE_REF = `${DEFAULT_SITE.hostname}:${DEFAULT_SITE.path}`;

export interface Official {
  email: string;
  name: string;
}

export const ANNA: Official = { email: 'anna.devries@veenhaven.nl', name: 'Anna de Vries' };
export const BRAM: Official = { email: 'bram.jansen@veenhaven.nl', name: 'Bram Jansen' };

/** Records the waits instead of waiting. */
export function recordingSleep(): Sleep & { waits: number[] } {
  const waits: number[] = [];
  const sleep = (async (ms: number) => {
    waits.push(ms);
  }) as Sleep & { waits: number[] };
  sleep.waits = waits;
  return sleep;
}

export interface Harness {
  url: string;
  emulator: GraphEmulator;
  /** As an official: the token carries exactly the scopes the app asks every official for. */
  transport(as?: Official, sleep?: Sleep): GraphTransport;
  /** As an administrator running setup: the official's scopes and Sites.Manage.All (SETUP_SCOPES). */
  adminTransport(as?: Official, sleep?: Sleep): GraphTransport;
  /**
   * As an official. Without `keepSummaries` its summary keeper is off: its background recounts would
   * interleave with the requests these tests count; tests/data/partnerSummary.test.ts and the
   * concurrency tests turn it on (the app always has it on).
   */
  repository(as?: Official, sleep?: Sleep, options?: { keepSummaries?: boolean }): SharePointPartnerRepository;
  close(): Promise<void>;
}

export async function startHarness(options: { provision?: boolean } = {}): Promise<Harness> {
  const { url, emulator, close } = await startGraphEmulator({ port: 0 });
  const transport = (as: Official = ANNA, sleep: Sleep = recordingSleep()) =>
    GraphTransport.create({ baseUrl: url, getAccessToken: async () => createTestToken({ email: as.email, name: as.name }), sleep });
  const adminTransport = (as: Official = ANNA, sleep: Sleep = recordingSleep()) =>
    GraphTransport.create({ baseUrl: url, getAccessToken: async () => createTestToken({ email: as.email, name: as.name, scopes: ADMIN_TOKEN_SCOPES }), sleep });
  const harness: Harness = {
    url,
    emulator,
    transport,
    adminTransport,
    repository: (as: Official = ANNA, sleep: Sleep = recordingSleep(), options: { keepSummaries?: boolean } = {}) =>
      new SharePointPartnerRepository({ transport: transport(as, sleep), siteRef: SITE_REF, sleep, official: async () => as.email, keepSummaries: options.keepSummaries === true }),
    close,
  };
  if (options.provision !== false) await ensureSchema(adminTransport(), SITE_REF);
  return harness;
}
