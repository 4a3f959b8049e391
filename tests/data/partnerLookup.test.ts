/**
 * The PartnerLookup list against the emulator (issue 19): kept in step by every partner write, never
 * in the way of one, filled and repaired by ensureSchema, and read by a cold pane in one `$batch`;
 * detection over what it finds equals detection over the register read from Graph, on random registers
 * saved through the repository.
 */
import fc from 'fast-check';
import { buildPartnerIndex, detectByLookup, detectPartners, lookupOutOfStep, messageLookupKeys, participantMatches, partnerLookupKeys } from '../../src/core/detection';
import { proposalDecision } from '../../src/core/model';
import { ensureSchema } from '../../src/data/ensureSchema';
import { GraphTransport, type BatchStep } from '../../src/data/graph/GraphTransport';
import { GraphRequestError } from '../../src/data/graph/errors';
import type { ListItem } from '../../src/data/listFields';
import { LOOKUP_KEYS_PER_REQUEST } from '../../src/data/partnerLookup';
import { LOOKUP_REPAIR_PAUSE_MS, SharePointPartnerRepository } from '../../src/data/SharePointPartnerRepository';
import { createTestToken, type LoggedRequest } from '../../src/emulator';
import { scenarioArb } from '../core/detection/arbitraries';
import { newPartner } from './fixtures';
import { ANNA, BRAM, SITE_REF, startHarness, type Harness } from './graphHarness';

type Row = { key: string; partnerId: string; name: string };

describe('PartnerLookup', () => {
  let h: Harness;
  let siteId: string;
  beforeAll(async () => {
    h = await startHarness();
    siteId = await h.repository().resolveSiteId();
  });
  afterAll(() => h.close());

  const rows = async (): Promise<Row[]> => {
    const items = await h.transport().getAll<ListItem>(`/sites/${siteId}/lists/PartnerLookup/items?$expand=fields`);
    return items.map((i) => ({ key: String(i.fields?.lookupKey), partnerId: String(i.fields?.partnerId), name: String(i.fields?.partnerName) })).sort((a, b) => `${a.partnerId} ${a.key}`.localeCompare(`${b.partnerId} ${b.key}`));
  };
  const rowsOf = async (partnerId: string) => (await rows()).filter((r) => r.partnerId === partnerId);
  const clear = async () => {
    const t = h.adminTransport();
    for (const list of ['Partners', 'PartnerLookup']) {
      const items = await t.getAll<ListItem>(`/sites/${siteId}/lists/${list}/items?$select=id`);
      await t.batch(items.map((i) => ({ id: i.id, method: 'DELETE', url: `/sites/${siteId}/lists/${list}/items/${i.id}` })));
    }
  };

  test('create, update, domain link, proposal merge and reject each keep the rows in step', async () => {
    await clear();
    const repo = h.repository();
    const portaal = await repo.savePartner(newPartner({ name: 'Portaal', domains: ['https://www.Portaal.nl/'], contacts: ['Info@Portaal.nl'] }));
    expect(await rowsOf(portaal.id)).toEqual([
      { key: 'info@portaal.nl', partnerId: portaal.id, name: 'Portaal' },
      { key: 'portaal.nl', partnerId: portaal.id, name: 'Portaal' },
    ]);
    // A rename rewrites the detection columns; a domain replaced replaces its row.
    const renamed = await repo.savePartner({ ...portaal, name: 'Woonstichting Portaal', domains: ['zorg.rijnland.nl'] });
    expect((await rowsOf(portaal.id)).map((r) => `${r.key} ${r.name}`)).toEqual(['info@portaal.nl Woonstichting Portaal', 'rijnland.nl Woonstichting Portaal']);
    await repo.linkDomain({ clientId: 'link-1', partnerId: renamed.id, domain: 'portaal.nl' });
    expect((await rowsOf(portaal.id)).map((r) => r.key)).toEqual(['info@portaal.nl', 'portaal.nl', 'rijnland.nl']);

    // A proposal is in the register (it has rows); merged, its keys become the target's and its own go.
    const proposal = await repo.savePartner(newPartner({ name: 'Portaal Vastgoed', status: 'proposed', domains: ['portaalvastgoed.nl'], contacts: [] }));
    expect((await rowsOf(proposal.id)).map((r) => r.key)).toEqual(['portaalvastgoed.nl']);
    await repo.decideProposal(proposalDecision({ partnerId: proposal.id, kind: 'merged', targetId: portaal.id, byEmail: ANNA.email, byName: ANNA.name, at: '2026-12-01T10:00:00Z' }));
    expect(await rowsOf(proposal.id)).toEqual([]);
    expect((await rowsOf(portaal.id)).map((r) => r.key)).toContain('portaalvastgoed.nl');
    const rejected = await repo.savePartner(newPartner({ name: 'Onbekend BV', status: 'proposed', domains: ['onbekend.nl'], contacts: [] }));
    await repo.decideProposal(proposalDecision({ partnerId: rejected.id, kind: 'rejected', byEmail: ANNA.email, byName: ANNA.name, at: '2026-12-01T10:00:00Z' }));
    expect(await rowsOf(rejected.id)).toEqual([]);
    // Taken out of the register (inactive): no rows.
    const current = await repo.getPartner(portaal.id);
    await repo.savePartner({ ...current, status: 'inactive' });
    expect(await rowsOf(portaal.id)).toEqual([]);
    expect(repo.pendingLookupSyncs()).toEqual([]);
  });

  test('a lookup write that fails never fails the partner write; the next write, and setup, bring it in step', async () => {
    await clear();
    let failing = true;
    // The transport refuses every PartnerLookup request while `failing` (as a throttled or broken list would).
    class Flaky extends GraphTransport {
      override async getAll<T>(path: string, onPage?: (n: number) => void): Promise<T[]> {
        if (failing && path.includes('/PartnerLookup/')) throw new GraphRequestError(503, 'serviceNotAvailable', 'lookup down');
        return super.getAll<T>(path, onPage);
      }
      override async batch(steps: readonly BatchStep[]) {
        if (failing && steps.some((s) => s.url.includes('/PartnerLookup/'))) throw new GraphRequestError(503, 'serviceNotAvailable', 'lookup down');
        return super.batch(steps);
      }
    }
    const transport = new Flaky(GraphTransport.create({ baseUrl: h.url, getAccessToken: async () => createTestToken(ANNA) }).client, { baseUrl: h.url });
    const repo = new SharePointPartnerRepository({ transport, siteRef: SITE_REF });
    const saved = await repo.savePartner(newPartner({ name: 'Cordaan', domains: ['cordaan.nl'], contacts: [] }));
    expect(saved.id).toBeTruthy();
    expect(await rowsOf(saved.id)).toEqual([]);
    expect(repo.pendingLookupSyncs()).toEqual([saved.id]);
    failing = false;
    const other = await repo.savePartner(newPartner({ name: 'Philadelphia', domains: ['philadelphia.nl'], contacts: [] }));
    expect((await rowsOf(saved.id)).map((r) => r.key)).toEqual(['cordaan.nl']);
    expect((await rowsOf(other.id)).map((r) => r.key)).toEqual(['philadelphia.nl']);
    expect(repo.pendingLookupSyncs()).toEqual([]);
  });

  test('ensureSchema repairs a lookup out of step (rows missing, stale, of no partner); a second run changes nothing', async () => {
    await clear();
    const repo = h.repository();
    const a = await repo.savePartner(newPartner({ name: 'Alfa', domains: ['alfa.nl'], contacts: ['jan@alfa.nl'] }));
    const b = await repo.savePartner(newPartner({ name: 'Beta', domains: ['beta.nl'], contacts: [] }));
    const before = await rows();
    const t = h.adminTransport();
    // Out of step: one row gone, one stale name, one row of a partner that does not exist.
    const items = await t.getAll<ListItem>(`/sites/${siteId}/lists/PartnerLookup/items?$expand=fields`);
    const alfaDomain = items.find((i) => i.fields?.lookupKey === 'alfa.nl')!;
    const beta = items.find((i) => i.fields?.partnerId === b.id)!;
    await t.request('DELETE', `/sites/${siteId}/lists/PartnerLookup/items/${alfaDomain.id}`);
    await t.request('PATCH', `/sites/${siteId}/lists/PartnerLookup/items/${beta.id}/fields`, { body: { partnerName: 'Oud' } });
    await t.request('POST', `/sites/${siteId}/lists/PartnerLookup/items`, { body: { fields: { Title: 'x.nl', clientId: 'ghost|x.nl', lookupKey: 'x.nl', partnerId: 'ghost' } } });
    const repaired = await ensureSchema(t, SITE_REF);
    expect(repaired.lookupChanges).toBe(3);
    expect(repaired.changed).toBe(true);
    expect(await rows()).toEqual(before);
    const again = await ensureSchema(t, SITE_REF);
    expect(again.lookupChanges).toBe(0);
    expect(again.changed).toBe(false);
    expect(a.id).toBeTruthy();
  });

  test('partners added, changed and removed outside the app (another Graph client): repairLookupFor rewrites their rows from the Partners list as it is; once in step it writes nothing', async () => {
    await clear();
    const repo = h.repository();
    const changed = await repo.savePartner(newPartner({ name: 'Alfa', domains: ['alfa.nl'], contacts: ['jan@alfa.nl'] }));
    const removed = await repo.savePartner(newPartner({ name: 'Beta', domains: ['beta.nl'], contacts: [] }));
    // What SharePoint's list view, a flow or another Graph client writes: the Partners list only.
    const outside = h.adminTransport();
    const partners = `/sites/${siteId}/lists/Partners/items`;
    const { body: added } = await outside.request<ListItem>('POST', partners, { body: { fields: { Title: 'Gamma Zorg', domains: 'gamma.nl', contacts: 'Els <els@gamma-zorg.nl>', status: 'active' } } });
    await outside.request('PATCH', `${partners}/${changed.id}/fields`, { body: { Title: 'Alfa Wonen', domains: 'alfawonen.nl' } });
    await outside.request('DELETE', `${partners}/${removed.id}`);
    const keys = ['alfa.nl', 'alfawonen.nl', 'beta.nl', 'gamma.nl', 'els@gamma-zorg.nl', 'jan@alfa.nl'];
    // The rows still say what the app last wrote.
    expect((await repo.readDetectionCandidates(keys)).partners.map((p) => p.name).sort()).toEqual(['Alfa', 'Beta']);

    await repo.repairLookupFor([added.id, changed.id, removed.id]);
    expect(await rowsOf(added.id)).toEqual([
      { key: 'els@gamma-zorg.nl', partnerId: added.id, name: 'Gamma Zorg' },
      { key: 'gamma.nl', partnerId: added.id, name: 'Gamma Zorg' },
    ]);
    expect((await rowsOf(changed.id)).map((r) => `${r.key} ${r.name}`)).toEqual(['alfawonen.nl Alfa Wonen', 'jan@alfa.nl Alfa Wonen']);
    expect(await rowsOf(removed.id)).toEqual([]);
    const found = await repo.readDetectionCandidates(keys);
    expect(found.partners.map((p) => p.name).sort()).toEqual(['Alfa Wonen', 'Gamma Zorg']);
    // The register read from Graph agrees with the rows now: nothing is out of step for these keys.
    const register = await repo.listRegister();
    const matched = register.filter((p) => partnerLookupKeys(p).some((k) => keys.includes(k))).map((p) => p.id);
    expect(lookupOutOfStep(found.partners, register, matched)).toEqual([]);

    h.emulator.clearLog();
    await repo.repairLookupFor([added.id, changed.id, removed.id]);
    expect(h.emulator.requestLog.filter((r) => r.url.includes('/PartnerLookup/') && r.method !== 'GET')).toEqual([]);
    expect(repo.pendingLookupSyncs()).toEqual([]);
  });

  test('an official SharePoint refuses the repair (a site Visitor: Read only) is not sent it again from this device for a day; a sync that succeeds ends the pause; a colleague on the same device still repairs', async () => {
    await clear();
    const partner = await h.repository().savePartner(newPartner({ name: 'Epsilon', domains: ['epsilon.nl'], contacts: [] }));
    await h.adminTransport().request('PATCH', `/sites/${siteId}/lists/Partners/items/${partner.id}/fields`, { body: { Title: 'Epsilon Zorg' } });
    h.emulator.setSiteVisitors([BRAM.email]);
    const storage = new Map<string, string>();
    const device = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v), removeItem: (k: string) => void storage.delete(k) };
    const on = (who: typeof BRAM) => new SharePointPartnerRepository({ transport: h.transport(who), siteRef: SITE_REF, deviceStorage: device, keepSummaries: false, official: async () => who.email });
    const readerOn = () => on(BRAM);
    const lookupRequests = () => h.emulator.requestLog.filter((r) => r.url.includes('/PartnerLookup/'));
    try {
      h.emulator.clearLog();
      await readerOn().repairLookupFor([partner.id]);
      expect(lookupRequests().filter((r) => r.method !== 'GET').map((r) => r.status)).toEqual([403]);
      // The next pane opens on this device (a new repository each) leave the rows alone: no request at all.
      h.emulator.clearLog();
      await readerOn().repairLookupFor([partner.id]);
      await readerOn().repairLookupFor([partner.id]);
      expect(lookupRequests()).toEqual([]);
      expect((await rowsOf(partner.id)).map((r) => r.name)).toEqual(['Epsilon']);
      // A day later it is tried again; once the official may edit, the repair lands and the pause ends.
      h.emulator.setSiteVisitors([]);
      const day = LOOKUP_REPAIR_PAUSE_MS;
      const now = Date.now();
      const clock = jest.spyOn(Date, 'now').mockReturnValue(now + day + 1000);
      try {
        await readerOn().repairLookupFor([partner.id]);
      } finally {
        clock.mockRestore();
      }
      expect((await rowsOf(partner.id)).map((r) => r.name)).toEqual(['Epsilon Zorg']);
      expect([...storage.keys()].filter((k) => k.startsWith('partnerzicht.lookupRepair'))).toEqual([]);

      // Refused again; a colleague who may edit, signed in on the same device, is not held back by it.
      await h.adminTransport().request('PATCH', `/sites/${siteId}/lists/Partners/items/${partner.id}/fields`, { body: { Title: 'Epsilon Gezondheid' } });
      h.emulator.setSiteVisitors([BRAM.email]);
      await readerOn().repairLookupFor([partner.id]);
      h.emulator.clearLog();
      await on(ANNA).repairLookupFor([partner.id]);
      expect(lookupRequests().filter((r) => r.method !== 'GET').every((r) => r.status < 300)).toBe(true);
      expect((await rowsOf(partner.id)).map((r) => r.name)).toEqual(['Epsilon Gezondheid']);
      h.emulator.clearLog();
      await readerOn().repairLookupFor([partner.id]);
      expect(lookupRequests()).toEqual([]);
    } finally {
      h.emulator.setSiteVisitors([]);
    }
  });

  test('a status another client cleared or wrote in other letters: the rows hold exactly what the register read holds, so a repair is not asked for again at every open', async () => {
    await clear();
    const repo = h.repository();
    const cleared = await repo.savePartner(newPartner({ name: 'Zonder Status', domains: ['zonderstatus.nl'], contacts: [] }));
    const capital = await repo.savePartner(newPartner({ name: 'Hoofdletters', domains: ['hoofdletters.nl'], contacts: [] }));
    const partners = `/sites/${siteId}/lists/Partners/items`;
    await h.adminTransport().request('PATCH', `${partners}/${cleared.id}/fields`, { body: { status: null } });
    await h.adminTransport().request('PATCH', `${partners}/${capital.id}/fields`, { body: { status: 'Active' } });
    const keys = ['zonderstatus.nl', 'hoofdletters.nl'];
    // SharePoint compares text without case: the register's $filter holds "Active", not a partner without a status.
    const register = async () => (await repo.listRegister()).map((p) => p.id).sort();
    expect(await register()).toEqual([capital.id]);
    expect((await repo.getPartner(capital.id)).status).toBe('active');
    // A pane's check: the rows name both, the register one; the repair leaves the rows as the register reads.
    const matched = (await repo.listRegister()).filter((p) => partnerLookupKeys(p).some((k) => keys.includes(k))).map((p) => p.id);
    const out = lookupOutOfStep((await repo.readDetectionCandidates(keys)).partners, await repo.listRegister(), matched);
    expect(out).toEqual([cleared.id]);
    await repo.repairLookupFor(out);
    expect(await rowsOf(cleared.id)).toEqual([]);
    expect((await rowsOf(capital.id)).map((r) => r.key)).toEqual(['hoofdletters.nl']);
    const found = (await repo.readDetectionCandidates(keys)).partners;
    expect(lookupOutOfStep(found, await repo.listRegister(), matched)).toEqual([]);
    // Setup keeps the rows of "Active" and gives the other the status active, and with it its rows.
    const report = await ensureSchema(h.adminTransport(), SITE_REF);
    expect(report.statusRepairs).toBe(1);
    expect((await rowsOf(capital.id)).map((r) => r.key)).toEqual(['hoofdletters.nl']);
    expect((await rowsOf(cleared.id)).map((r) => r.key)).toEqual(['zonderstatus.nl']);
    expect(await register()).toEqual([cleared.id, capital.id].sort());
  });

  test('a partner added outside the app without a status: setup makes it active (as the app shows it), so the register and the lookup hold it; a second run changes nothing', async () => {
    await clear();
    const t = h.adminTransport();
    // Added while the status column had no default (before this release's setup; schemaRobustness.test.ts has the default itself).
    const columns = await t.get<{ value: Array<{ id: string; name: string }> }>(`/sites/${siteId}/lists/Partners/columns`);
    await t.request('PATCH', `/sites/${siteId}/lists/Partners/columns/${columns.value.find((c) => c.name === 'status')!.id}`, { body: { defaultValue: null } });
    const { body: added } = await t.request<ListItem>('POST', `/sites/${siteId}/lists/Partners/items`, { body: { fields: { Title: 'Delta Onderwijs', domains: 'delta-onderwijs.nl' } } });
    const repo = h.repository();
    // Before setup: the register (active and proposed) does not hold it.
    expect((await repo.listRegister()).map((p) => p.id)).not.toContain(added.id);
    const report = await ensureSchema(t, SITE_REF);
    expect(report.statusRepairs).toBe(1);
    expect(report.defaultedColumns).toEqual(['Partners.status']);
    expect(report.changed).toBe(true);
    expect((await repo.getPartner(added.id)).status).toBe('active');
    expect((await repo.listRegister()).map((p) => p.name)).toEqual(['Delta Onderwijs']);
    expect((await rowsOf(added.id)).map((r) => r.key)).toEqual(['delta-onderwijs.nl']);
    const again = await ensureSchema(t, SITE_REF);
    expect([again.statusRepairs, again.lookupChanges, again.changed]).toEqual([0, 0, false]);
  });

  test('a pane reads the candidates of its keys in one $batch, at most LOOKUP_KEYS_PER_REQUEST keys per request', async () => {
    await clear();
    const repo = h.repository();
    const a = await repo.savePartner(newPartner({ name: 'Alfa', domains: ['alfa.nl'], contacts: [] }));
    const keys = [...Array.from({ length: 31 }, (_, n) => `k${n}@nergens.nl`), 'alfa.nl'];
    h.emulator.clearLog();
    const found = await repo.readDetectionCandidates(keys);
    const log: LoggedRequest[] = [...h.emulator.requestLog];
    expect(found.partners.map((p) => p.id)).toEqual([a.id]);
    expect(log.filter((r) => !r.inBatch).map((r) => `${r.method} ${r.url}`)).toEqual(['POST /v1.0/$batch']);
    const lookups = log.filter((r) => r.inBatch && r.url.includes('/PartnerLookup/'));
    expect(lookups).toHaveLength(Math.ceil(keys.length / LOOKUP_KEYS_PER_REQUEST));
    expect(lookups.every((r) => r.status === 200)).toBe(true);
  });

  test('detection from the lookup equals detection from the register read from Graph, on random registers saved through the repository', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb(), async ({ partners, settings, message }) => {
        await clear();
        const repo = h.repository();
        for (const p of partners) await repo.savePartner(newPartner({ name: p.name, aliases: p.aliases, domains: p.domains, contacts: p.contacts }));
        const register = await repo.listRegister();
        const full = participantMatches(detectPartners(buildPartnerIndex(register, settings), message));
        const { partners: candidates } = await repo.readDetectionCandidates(messageLookupKeys(message));
        expect(JSON.parse(JSON.stringify(detectByLookup(candidates, settings, message)))).toEqual(JSON.parse(JSON.stringify(full)));
        // Only partners that share a key with the message were read.
        const keys = new Set(messageLookupKeys(message));
        for (const c of candidates) expect(partnerLookupKeys(c).some((k) => keys.has(k))).toBe(true);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
