/**
 * The OverviewDigest list against the emulator (issue 19): written at most once an hour from a complete
 * register, the older items removed, the newest valid one read; shown by a first-ever overview open
 * before any list behind it is asked for, and never read by a warm one.
 */
import 'fake-indexeddb/auto';
import { ATTENTION_REASONS, makeDigest, type AttentionReason, type FirstScreenDigest } from '../../src/core/overview';
import { ensureSchema } from '../../src/data/ensureSchema';
import { GraphRequestError } from '../../src/data/graph/errors';
import { OverviewCache, type OverviewFirstScreen } from '../../src/data/overviewCache';
import { digestListPath, keepDigest, readNewestDigest, removeDigests } from '../../src/data/overviewDigest';
import type { ListItem } from '../../src/data/listFields';
import { newPartner } from './fixtures';
import { ANNA, BRAM, SITE_REF, startHarness, type Harness } from './graphHarness';

const HOUR = 3_600_000;
const counts = (n: number) => Object.fromEntries(ATTENTION_REASONS.map((r, i) => [r, n + i])) as Record<AttentionReason, number>;
const digestAt = (at: Date, n = 1): FirstScreenDigest => makeDigest({ partners: [newPartner({ id: `p${n}`, name: `Partner ${n}` })], counts: counts(n), now: at });

describe('OverviewDigest', () => {
  let h: Harness;
  const path = digestListPath(SITE_REF);
  const stored = async () => h.transport().getAll<ListItem>(`${path}?$expand=fields`);
  beforeAll(async () => {
    h = await startHarness();
    await ensureSchema(h.adminTransport(), SITE_REF);
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    for (const item of await stored()) await h.transport().request('DELETE', `${path}/${item.id}`);
  });

  it('is written when there is none, not again within the hour, and then replaces the older one', async () => {
    const t0 = new Date();
    let made = 0;
    expect(await keepDigest(h.transport(), path, () => (made++, digestAt(t0, 1)), t0)).toBe(true);
    expect(await readNewestDigest(h.transport(), path, t0)).toEqual(digestAt(t0, 1));
    // Within the hour: the newest is fresh, and the digest is not even made.
    expect(await keepDigest(h.transport(BRAM), path, () => (made++, digestAt(t0, 2)), new Date(t0.getTime() + HOUR - 1000))).toBe(false);
    expect(made).toBe(1);
    const t1 = new Date(t0.getTime() + HOUR + 1000);
    expect(await keepDigest(h.transport(BRAM), path, () => digestAt(t1, 3), t1)).toBe(true);
    const items = await stored();
    expect(items).toHaveLength(1);
    expect((await readNewestDigest(h.transport(), path, t1))?.counts).toEqual(counts(3));
  });

  it('a device that looked within the hour does not ask the site again', async () => {
    const notes = new Map<string, string>();
    const memo = { getItem: (k: string) => notes.get(k) ?? null, setItem: (k: string, v: string) => void notes.set(k, v) };
    const t0 = new Date();
    const asked = () => h.emulator.requestLog.filter((r) => r.url.includes('/OverviewDigest/')).length;
    h.emulator.clearLog();
    expect(await keepDigest(h.transport(), path, () => digestAt(t0, 1), t0, memo)).toBe(true);
    const first = asked();
    expect(first).toBeGreaterThan(0);
    expect(await keepDigest(h.transport(), path, () => digestAt(t0, 2), new Date(t0.getTime() + HOUR - 1000), memo)).toBe(false);
    expect(asked()).toBe(first);
    // An hour on, it looks (and writes) again.
    const t1 = new Date(t0.getTime() + HOUR + 1000);
    expect(await keepDigest(h.transport(), path, () => digestAt(t1, 3), t1, memo)).toBe(true);
    expect(asked()).toBeGreaterThan(first);
  });

  it('two managers writing at once leave two; the newer is read, and the next write removes both', async () => {
    const t0 = new Date(Date.now() - 2 * HOUR);
    const [a, b] = [new Date(t0.getTime() + 1000), new Date(t0.getTime() + 2000)];
    await Promise.all([keepDigest(h.transport(ANNA), path, () => digestAt(a, 1), a), keepDigest(h.transport(BRAM), path, () => digestAt(b, 2), b)]);
    expect(await stored()).toHaveLength(2);
    expect((await readNewestDigest(h.transport(), path, new Date()))?.madeAt).toBe(b.toISOString());
    const now = new Date();
    expect(await keepDigest(h.transport(), path, () => digestAt(now, 4), now)).toBe(true);
    expect((await stored()).map((i) => i.fields?.madeAt)).toEqual([now.toISOString().replace(/\.\d{3}Z$/, 'Z')]);
  });

  it('a digest changed by hand or too old is passed over for the next valid one, or none', async () => {
    const at = new Date();
    await keepDigest(h.transport(), path, () => digestAt(new Date(at.getTime() - 60_000), 5), new Date(at.getTime() - 60_000));
    // Another Graph client writes a newer item this version cannot show.
    await h.transport().request('POST', path, { body: { fields: { Title: 'x', digest: '{"version":1,"rows":"no"}', madeAt: at.toISOString() } } });
    expect((await readNewestDigest(h.transport(), path, at))?.counts).toEqual(counts(5));
    // Eight days on, nothing is shown.
    expect(await readNewestDigest(h.transport(), path, new Date(at.getTime() + 8 * 24 * HOUR))).toBeUndefined();
  });

  it('an AVG removal removes every digest; on a site without the list there is nothing to remove', async () => {
    const now = new Date();
    await Promise.all([keepDigest(h.transport(ANNA), path, () => digestAt(now, 1), now), keepDigest(h.transport(BRAM), path, () => digestAt(now, 2), now)]);
    expect((await stored()).length).toBeGreaterThan(0);
    await removeDigests(h.transport(), path);
    expect(await stored()).toHaveLength(0);
    await expect(removeDigests(h.transport(), path.replace('OverviewDigest', 'NoSuchList'))).resolves.toBeUndefined();
  });

  it('a visitor cannot write it: refused, nothing stored', async () => {
    const visitor = { email: 'bezoeker@veenhaven.nl', name: 'Bezoeker' };
    h.emulator.setSiteVisitors([visitor.email]);
    try {
      const now = new Date();
      await expect(keepDigest(h.transport(visitor), path, () => digestAt(now), now)).rejects.toBeInstanceOf(GraphRequestError);
      expect(await stored()).toHaveLength(0);
    } finally {
      h.emulator.setSiteVisitors([]);
    }
  });

  it('a first-ever overview open shows the digest before any list is asked for; a warm open does not read it', async () => {
    const repo = h.repository(ANNA);
    await repo.savePartner(newPartner({ name: 'Woonstichting Oost', domains: ['ws-oost.nl'] }));
    // Setup fills its summary: the first screen from the summaries follows the digest's.
    await ensureSchema(h.adminTransport(), SITE_REF);
    const now = new Date();
    await keepDigest(h.transport(), path, () => digestAt(now, 7), now);
    h.emulator.clearLog();
    const cache = await OverviewCache.open({ transport: h.transport(), siteRef: SITE_REF, owner: 'digest@veenhaven.nl', dbName: 'digest-first' });
    const screens: OverviewFirstScreen[] = [];
    let listsAsked = -1;
    await cache.load(undefined, (first) => {
      if ('digest' in first) listsAsked = h.emulator.requestLog.filter((r) => /\/lists\/(Partners|Agenda|Interactions|PartnerSummary)\//.test(r.url)).length;
      screens.push(first);
    });
    cache.close();
    expect(screens.map((s) => ('digest' in s ? 'digest' : 'summaries'))).toEqual(['digest', 'summaries']);
    expect((screens[0] as { digest: FirstScreenDigest }).digest.counts).toEqual(counts(7));
    expect(listsAsked).toBe(0);
    h.emulator.clearLog();
    const warm = await OverviewCache.open({ transport: h.transport(), siteRef: SITE_REF, owner: 'digest@veenhaven.nl', dbName: 'digest-first' });
    await warm.load(undefined, () => undefined);
    warm.close();
    expect(h.emulator.requestLog.filter((r) => r.url.includes('/OverviewDigest/'))).toHaveLength(0);
  });
});
