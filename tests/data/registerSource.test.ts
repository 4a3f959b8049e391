import 'fake-indexeddb/auto';
import { RegisterSource, sameRegister, type RegisterData } from '../../src/data/registerSource';
import { SharePointPartnerRepository } from '../../src/data/SharePointPartnerRepository';
import { deviceLocalStorage } from '../../src/data/deviceStorage';
import { createSiteResolver, localStorageSiteIdMemo, type SiteIdMemo } from '../../src/data/siteRef';
import { ANNA, BRAM, SITE_REF, startHarness, type Harness } from './graphHarness';
import { newPartner } from './fixtures';

let harness: Harness;
let dbCounter = 0;
const dbName = () => `register-test-${dbCounter++}`;

beforeAll(async () => {
  harness = await startHarness();
  await harness.repository().savePartner(newPartner());
});
afterAll(() => harness.close());

describe('RegisterSource: the partner register the panes detect with', () => {
  test('has no snapshot at first; a Graph read becomes the snapshot of the next open (same official and site)', async () => {
    const name = dbName();
    const first = await RegisterSource.open({ repository: harness.repository(), owner: ANNA.email, site: SITE_REF, dbName: name });
    expect(await first.snapshot()).toBeUndefined();
    const read = await first.current();
    expect(read.partners.map((p) => p.name)).toContain('Woonstichting Portaal');

    // The snapshot is written in the background; the next open of the pane reads it.
    await new Promise((r) => setTimeout(r, 50));
    const next = await RegisterSource.open({ repository: harness.repository(), owner: ANNA.email, site: SITE_REF, dbName: name });
    const snapshot = await next.snapshot();
    expect(snapshot?.partners.map((p) => p.id)).toEqual(read.partners.map((p) => p.id));
    expect(snapshot?.settings).toEqual(read.settings);

    // Another official on the same device never sees it.
    const other = await RegisterSource.open({ repository: harness.repository(BRAM), owner: BRAM.email, site: SITE_REF, dbName: name });
    expect(await other.snapshot()).toBeUndefined();
  });

  test('with a marker, a device that never kept a snapshot answers "none" without waiting for IndexedDB', async () => {
    const notes = new Map<string, string>();
    const marker = { getItem: (key: string) => notes.get(key) ?? null, setItem: (key: string, value: string) => void notes.set(key, value) };
    const name = dbName();
    // IndexedDB that never finishes opening (a first open creating the database): the answer does not wait for it.
    const opening = new RegisterSource({ repository: harness.repository(), owner: ANNA.email, site: SITE_REF, dbName: name, marker });
    Object.defineProperty(opening, 'db', { value: new Promise(() => undefined) });
    expect(await opening.snapshot()).toBeUndefined();
    const first = new RegisterSource({ repository: harness.repository(), owner: ANNA.email, site: SITE_REF, dbName: name, marker });
    expect(await first.snapshot()).toBeUndefined();
    const read = await first.current();
    await new Promise((r) => setTimeout(r, 50));
    // Noted once the snapshot is stored: the next open reads it.
    expect([...notes.values()]).toEqual([read.readAt]);
    const next = new RegisterSource({ repository: harness.repository(), owner: ANNA.email, site: SITE_REF, dbName: name, marker });
    expect((await next.snapshot())?.partners.map((p) => p.id)).toEqual(read.partners.map((p) => p.id));
    // Another official's note is their own; storage cleared: a cold open (the snapshot is not trusted blind).
    expect(await new RegisterSource({ repository: harness.repository(BRAM), owner: BRAM.email, site: SITE_REF, dbName: name, marker }).snapshot()).toBeUndefined();
    notes.clear();
    expect(await new RegisterSource({ repository: harness.repository(), owner: ANNA.email, site: SITE_REF, dbName: name, marker }).snapshot()).toBeUndefined();
  });

  test('first() answers the snapshot without asking Graph, and Graph when there is none', async () => {
    const name = dbName();
    const seeded = await RegisterSource.open({ repository: harness.repository(), owner: ANNA.email, site: SITE_REF, dbName: name });
    await seeded.current();
    await new Promise((r) => setTimeout(r, 50));
    const repository = harness.repository();
    const listRegister = jest.spyOn(repository, 'listRegister');
    const warm = await RegisterSource.open({ repository, owner: ANNA.email, site: SITE_REF, dbName: name });
    expect((await warm.first()).partners.length).toBeGreaterThan(0);
    expect(listRegister).not.toHaveBeenCalled();
    const cold = await RegisterSource.open({ repository, owner: ANNA.email, site: SITE_REF, dbName: dbName() });
    expect((await cold.first()).partners.length).toBeGreaterThan(0);
    expect(listRegister).toHaveBeenCalledTimes(1);
  });

  test('one Graph read per page open, shared by every caller; refresh reads again', async () => {
    const repository = harness.repository();
    const listRegister = jest.spyOn(repository, 'listRegister');
    const source = await RegisterSource.open({ repository, owner: ANNA.email, site: SITE_REF, dbName: dbName() });
    const [a, b] = await Promise.all([source.current(), source.current()]);
    expect(a).toBe(b);
    expect(listRegister).toHaveBeenCalledTimes(1);
    await source.current(true);
    expect(listRegister).toHaveBeenCalledTimes(2);
  });

  test('a failed read is not remembered: the next call asks Graph again', async () => {
    const repository = harness.repository();
    const source = await RegisterSource.open({ repository, owner: ANNA.email, site: SITE_REF, dbName: dbName() });
    jest.spyOn(repository, 'listRegister').mockRejectedValueOnce(new Error('offline'));
    await expect(source.current()).rejects.toThrow('offline');
    await expect(source.current()).resolves.toMatchObject({ partners: expect.any(Array) });
  });

  test('without IndexedDB it still reads (no snapshot)', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error: a browser that refuses IndexedDB
    delete globalThis.indexedDB;
    try {
      const source = await RegisterSource.open({ repository: harness.repository(), owner: ANNA.email, site: SITE_REF });
      expect(await source.snapshot()).toBeUndefined();
      expect((await source.current()).partners.length).toBeGreaterThan(0);
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  test('sameRegister tells apart every change detection or the pane would show', () => {
    const partner = newPartner({ id: '1' });
    const base: RegisterData = { partners: [partner], settings: { internalDomains: ['veenhaven.nl'], ignoredAddresses: [], departments: [], themes: [] }, readAt: '' };
    expect(sameRegister(base, { ...base, partners: [{ ...partner }], readAt: 'later' })).toBe(true);
    expect(sameRegister(base, { ...base, partners: [{ ...partner, domains: ['other.nl'] }] })).toBe(false);
    expect(sameRegister(base, { ...base, partners: [{ ...partner, aliases: ['Welzijn'] }] })).toBe(false);
    expect(sameRegister(base, { ...base, partners: [{ ...partner, contacts: ['a@portaal.nl'] }] })).toBe(false);
    expect(sameRegister(base, { ...base, partners: [{ ...partner, name: 'Portaal' }] })).toBe(false);
    expect(sameRegister(base, { ...base, settings: { ...base.settings, internalDomains: [] } })).toBe(false);
    expect(sameRegister(base, { ...base, partners: [] })).toBe(false);
  });
});

describe('site id memo', () => {
  const memo = (): SiteIdMemo & { values: Map<string, string> } => {
    const values = new Map<string, string>();
    return { values, get: (k) => values.get(k), set: (k, v) => void values.set(k, v) };
  };
  const siteLookups = () => harness.emulator.requestLog.filter((r) => /\/sites\/[^/]+:\/sites\/partnerzicht\?/.test(decodeURIComponent(r.url ?? ''))).length;

  test('the first open looks the site up and remembers the id; the next uses it at once and checks in the background', async () => {
    const m = memo();
    harness.emulator.clearLog();
    const id = await createSiteResolver(harness.transport(), SITE_REF, m)();
    expect(siteLookups()).toBe(1);
    expect(m.values.get(SITE_REF)).toBe(id);

    m.values.set(SITE_REF, 'stale-id');
    const resolve = createSiteResolver(harness.transport(), SITE_REF, m);
    expect(await resolve()).toBe('stale-id');
    // The background check corrects the memo for the next open.
    for (let i = 0; i < 50 && m.values.get(SITE_REF) === 'stale-id'; i++) await new Promise((r) => setTimeout(r, 10));
    expect(m.values.get(SITE_REF)).toBe(id);
  });

  test('a repository with a remembered id reads the register without waiting for the site lookup', async () => {
    const m = memo();
    await createSiteResolver(harness.transport(), SITE_REF, m)();
    const transport = harness.transport();
    // The background lookup never answers: the register must not wait for it.
    const get = transport.get.bind(transport);
    jest.spyOn(transport, 'get').mockImplementation(((url: string) => (/^\/sites\/[^/]+:/.test(url) ? new Promise(() => undefined) : get(url))) as typeof transport.get);
    const repository = new SharePointPartnerRepository({ transport, siteRef: SITE_REF, siteIdMemo: m });
    expect((await repository.listRegister()).length).toBeGreaterThan(0);
  });

  test('a frame refused storage (the localStorage getter throws) gets no memo instead of an error', () => {
    Object.defineProperty(globalThis, 'localStorage', { configurable: true, get: () => { throw new DOMException('Access is denied for this document.', 'SecurityError'); } });
    try {
      expect(deviceLocalStorage()).toBeUndefined();
      expect(localStorageSiteIdMemo()).toBeUndefined();
    } finally {
      delete (globalThis as { localStorage?: Storage }).localStorage;
    }
  });

  test('localStorageSiteIdMemo survives a storage that throws', () => {
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } } as unknown as Storage;
    const m = localStorageSiteIdMemo(throwing)!;
    expect(m.get(SITE_REF)).toBeUndefined();
    expect(() => m.set(SITE_REF, 'x')).not.toThrow();
    expect(localStorageSiteIdMemo(undefined)).toBeUndefined();
  });
});

describe('RegisterSource: a large register kept by lookup key as well', () => {
  const settings = { internalDomains: ['veenhaven.nl'], ignoredAddresses: [], departments: [], themes: [] };
  const partners = Array.from({ length: 3000 }, (_, n) => ({ id: `p${n}`, name: `Partner ${n}`, aliases: [], domains: [n % 2 ? `https://www.Partner${n}.nl/` : `mail.partner${n}.nl`], contacts: [`info@contact${n}.nl`] }));
  const source = (name: string, notes: Map<string, string>, rows = partners) =>
    new RegisterSource({
      repository: { listRegister: async () => rows, getSettings: async () => settings },
      owner: ANNA.email,
      site: SITE_REF,
      dbName: name,
      marker: { getItem: (key: string) => notes.get(key) ?? null, setItem: (key: string, value: string) => void notes.set(key, value) },
    });
  const written = async (notes: Map<string, string>, read: RegisterData) => {
    // Up to 20 s: the buckets are written when the page is idle, which a loaded 2-core CI machine makes late.
    for (let n = 0; n < 2000 && ![...notes.values()].some((v) => v.startsWith(read.readAt)); n++) await new Promise((r) => setTimeout(r, 10));
  };

  test('a pane reads only the buckets of its keys: every partner with one of those keys, and a small part of the rest', async () => {
    const notes = new Map<string, string>();
    const name = dbName();
    const first = source(name, notes);
    await written(notes, await first.current());
    const next = source(name, notes);
    expect(next.hasKeyBuckets()).toBe(true);
    const part = await next.snapshotFor(['partner7.nl', 'info@contact10.nl', 'partner12.nl', 'nergens.nl']);
    expect(part?.settings).toEqual(settings);
    const ids = part!.partners.map((p) => p.id);
    // p7 by its registrable domain (written as a URL), p10 by its contact, p12 by the parent of its mail host.
    expect(ids).toEqual(expect.arrayContaining(['p7', 'p10', 'p12']));
    expect(ids.length).toBeLessThan(100);
  });

  test('buckets of an older read are never mixed with a newer snapshot; a small register keeps none', async () => {
    const notes = new Map<string, string>();
    const name = dbName();
    const first = source(name, notes);
    const read = await first.current();
    await written(notes, read);
    // The marker says another read (its buckets did not get written): the whole snapshot decides.
    const [key] = notes.keys();
    notes.set(key, `2099-01-01T00:00:00.000Z|keys`);
    expect(await source(name, notes).snapshotFor(['partner7.nl'])).toBeUndefined();
    const small = new Map<string, string>();
    const few = source(dbName(), small, partners.slice(0, 50));
    await written(small, await few.current());
    expect(few.hasKeyBuckets()).toBe(false);
  });
});
