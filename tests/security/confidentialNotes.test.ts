/**
 * Confidential summaries are protected by SharePoint itself (item-level read permission on the
 * ConfidentialNotes list), not by the UI: another official cannot read one through the Graph API.
 */
import { checkConfidentialListSecurity, emulatorItemLevelPermissions, restrictConfidentialListInEmulator, restrictAuditTrailInEmulator } from '../../src/data/confidentialListSecurity';
import { ensureSchema } from '../../src/data/ensureSchema';
import { newInteraction, newPartner } from '../data/fixtures';
import { ANNA, BRAM, SITE_REF, startHarness, type Harness, type Official } from '../data/graphHarness';

const OWNER: Official = { email: 'site.owner@veenhaven.nl', name: 'Site Owner' };
const SECRET = 'Bestuurder vertrekt; nog niet openbaar.';

type Items = { value: Array<{ id: string; fields?: Record<string, unknown> }> };

describe('confidential notes: SharePoint item-level read permission (emulator)', () => {
  let h: Harness;
  let siteId: string;
  let partnerId: string;
  let clientId: string;
  let noteId: string;

  beforeAll(async () => {
    h = await startHarness();
    h.emulator.setSiteOwners([OWNER.email]);
    const anna = h.repository(ANNA);
    siteId = await anna.resolveSiteId();
    partnerId = (await anna.savePartner(newPartner())).id;
    const saved = await anna.saveInteraction(newInteraction(partnerId, { confidential: true, summary: SECRET, followUps: 'Wethouder informeren' }));
    clientId = saved.clientId;
    const notes = await h.transport(ANNA).get<Items>(`/sites/${siteId}/lists/ConfidentialNotes/items?$expand=fields`);
    noteId = notes.value[0].id;
  });
  afterAll(() => h.close());

  it('an unrestricted list (ReadSecurity 1) lets anyone read the summary — and the setup check says so', async () => {
    expect(h.emulator.itemLevelPermissions('ConfidentialNotes').readSecurity).toBe(1);
    const bram = await h.transport(BRAM).get<Items>(`/sites/${siteId}/lists/ConfidentialNotes/items?$expand=fields`);
    expect(bram.value.map((i) => i.fields?.summary)).toContain(SECRET);

    const report = await checkConfidentialListSecurity(h.transport(BRAM), SITE_REF, { readItemLevelPermissions: emulatorItemLevelPermissions(h.transport(BRAM)) });
    expect(report.status).toBe('not-restricted');
    expect(report.warnings).toEqual([{ key: 'setup.manual.notRestricted', params: { list: 'ConfidentialNotes' } }, { key: 'setup.manual.permission', params: { list: 'ConfidentialNotes' } }]);
    // Without the emulator's setting, Graph alone still shows the exposure (Bram reads Anna's note).
    const graphOnly = await checkConfidentialListSecurity(h.transport(BRAM), SITE_REF);
    expect(graphOnly).toMatchObject({ status: 'exposed', foreignItemsVisible: 1 });
    // ensureSchema's report carries the warning as a manual step.
    const schema = await ensureSchema(h.adminTransport(ANNA), SITE_REF, { readItemLevelPermissions: emulatorItemLevelPermissions(h.transport(ANNA)) });
    expect(schema.confidentialList?.status).toBe('not-restricted');
    // (The trail's WriteSecurity is not set here either: its step follows.)
    expect(schema.manualSteps.map((m) => m.key)).toEqual(['setup.manual.notRestricted', 'setup.manual.permission', 'setup.manual.auditTrail']);
  });

  it('only the list creator or a site owner may restrict it', async () => {
    await expect(h.transport(BRAM).request('PATCH', `/_emulator/sites/${siteId}/lists/ConfidentialNotes/itemLevelPermissions`, { body: { ReadSecurity: 2 } })).rejects.toMatchObject({ status: 403 });
    await expect(h.transport(ANNA).request('PATCH', `/_emulator/sites/${siteId}/lists/ConfidentialNotes/itemLevelPermissions`, { body: { ReadSecurity: 3 } })).rejects.toMatchObject({ status: 400 });
    // The harness provisions as Anna, so she created the list (Manage Lists).
    await restrictConfidentialListInEmulator(h.transport(ANNA), SITE_REF);
    expect(h.emulator.itemLevelPermissions('ConfidentialNotes')).toEqual({ readSecurity: 2, writeSecurity: 2 });
  });

  it('restricted (ReadSecurity 2): another official cannot read the summary through the Graph API in any way', async () => {
    const bram = h.transport(BRAM);
    const base = `/sites/${siteId}/lists/ConfidentialNotes`;
    expect((await bram.get<Items>(`${base}/items?$expand=fields`)).value).toHaveLength(0);
    const filter = encodeURIComponent(`fields/clientId eq '${clientId}'`);
    expect((await bram.get<Items>(`${base}/items?$expand=fields&$filter=${filter}`)).value).toHaveLength(0);
    expect((await bram.get<Items>(`${base}/items?$expand=fields&$top=1`)).value).toHaveLength(0);
    await expect(bram.get(`${base}/items/${noteId}`)).rejects.toMatchObject({ status: 404 });
    await expect(bram.get(`${base}/items/${noteId}/fields`)).rejects.toMatchObject({ status: 404 });
    await expect(bram.request('PATCH', `${base}/items/${noteId}/fields`, { body: { summary: 'overwritten' } })).rejects.toMatchObject({ status: 404 });
    await expect(bram.request('DELETE', `${base}/items/${noteId}`)).rejects.toMatchObject({ status: 404 });
    const delta = await bram.get<{ value: Array<{ fields?: Record<string, unknown> }> }>(`${base}/items/delta`);
    expect(JSON.stringify(delta.value)).not.toContain(SECRET);
    // Inside a $batch too.
    const batch = await bram.batch([{ id: 'n', method: 'GET', url: `${base}/items/${noteId}` }]);
    expect(batch.get('n')?.status).toBe(404);
    // Nothing Bram received anywhere holds the text.
    const bramRequests = h.emulator.requestLog.filter((r) => r.user === BRAM.email && r.url.includes('ConfidentialNotes'));
    expect(bramRequests.length).toBeGreaterThan(5);
  });

  it('the author still reads it, and a site owner reads everything', async () => {
    const base = `/sites/${siteId}/lists/ConfidentialNotes`;
    const anna = await h.transport(ANNA).get<Items>(`${base}/items?$expand=fields`);
    expect(anna.value.map((i) => i.fields?.summary)).toEqual([SECRET]);
    const owner = await h.transport(OWNER).get<Items>(`${base}/items/${noteId}?$expand=fields`);
    expect(owner).toMatchObject({ fields: { summary: SECRET } });
  });

  it("the pane's repository gives another official an empty summary and confidential: true; the author the text", async () => {
    const bramContext = await h.repository(BRAM).getPartnerContext(partnerId);
    const forBram = bramContext.interactions.find((i) => i.clientId === clientId);
    expect(forBram).toMatchObject({ confidential: true, summary: '' });
    expect(JSON.stringify(bramContext)).not.toContain(SECRET);
    expect(JSON.stringify(await h.repository(BRAM).listInteractions(partnerId))).not.toContain(SECRET);
    expect(JSON.stringify(await h.repository(BRAM).findInteractionByClientId(clientId))).not.toContain(SECRET);

    const annaContext = await h.repository(ANNA).getPartnerContext(partnerId);
    expect(annaContext.interactions.find((i) => i.clientId === clientId)).toMatchObject({ confidential: true, summary: SECRET });
  });

  it('the setup check reports the restricted list, and ensureSchema stops asking for the manual step', async () => {
    const report = await checkConfidentialListSecurity(h.transport(BRAM), SITE_REF, { readItemLevelPermissions: emulatorItemLevelPermissions(h.transport(BRAM)) });
    expect(report).toMatchObject({ status: 'restricted', readSecurity: 2, foreignItemsVisible: 0, warnings: [] });
    // With the trail set as docs/audit-trail.md says too, nothing is left to do by hand.
    await restrictAuditTrailInEmulator(h.adminTransport(ANNA), SITE_REF);
    const schema = await ensureSchema(h.adminTransport(ANNA), SITE_REF, { readItemLevelPermissions: emulatorItemLevelPermissions(h.transport(ANNA)) });
    expect(schema.manualSteps).toEqual([]);
    // Graph alone cannot prove it: unverified, with the manual step.
    expect((await checkConfidentialListSecurity(h.transport(BRAM), SITE_REF)).status).toBe('unverified');
    // A site owner sees others' notes: the check flags it rather than calling the list safe.
    expect((await checkConfidentialListSecurity(h.transport(OWNER), SITE_REF)).status).toBe('exposed');
  });

  it('keeps the setting across a restart of a persisted emulator', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { startGraphEmulator, createTestToken, ADMIN_TOKEN_SCOPES } = await import('../../src/emulator');
    const { GraphTransport } = await import('../../src/data/graph/GraphTransport');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pz-sec-'));
    try {
      const first = await startGraphEmulator({ port: 0, dataDir });
      const t = GraphTransport.create({ baseUrl: first.url, getAccessToken: async () => createTestToken({ email: ANNA.email, name: ANNA.name, scopes: ADMIN_TOKEN_SCOPES }) });
      await ensureSchema(t, SITE_REF);
      await restrictConfidentialListInEmulator(t, SITE_REF);
      await first.close();
      const second = await startGraphEmulator({ port: 0, dataDir });
      try {
        expect(second.emulator.itemLevelPermissions('ConfidentialNotes').readSecurity).toBe(2);
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
