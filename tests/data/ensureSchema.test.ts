import { ensureSchema } from '../../src/data/ensureSchema';
import { SCHEMA, toGraphListDefinition } from '../../src/data/schema';
import { newPartner } from './fixtures';
import { SITE_REF, startHarness, type Harness } from './graphHarness';

describe('ensureSchema against the emulator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provision: false });
  });
  afterAll(() => h.close());

  it('creates the eight lists with their columns and indexes, then changes nothing on a second run', async () => {
    const first = await ensureSchema(h.adminTransport(), SITE_REF);
    expect(first.createdLists.sort()).toEqual(['Agenda', 'AuditTrail', 'ConfidentialNotes', 'Interactions', 'OverviewDigest', 'PartnerLookup', 'PartnerSummary', 'Partners', 'Settings']);
    expect(first.changed).toBe(true);
    expect(first.problems).toEqual([]);

    const second = await ensureSchema(h.adminTransport(), SITE_REF);
    expect(second).toMatchObject({ createdLists: [], addedColumns: [], indexedColumns: [], uniqueColumns: [], problems: [], changed: false });
    expect(second.siteId).toBe(first.siteId);

    const columns = await h.adminTransport().get<{ value: { name: string; indexed: boolean; enforceUniqueValues: boolean; displayName: string }[] }>(
      `/sites/${first.siteId}/lists/Interactions/columns`,
    );
    const byName = new Map(columns.value.map((c) => [c.name, c]));
    expect(byName.get('clientId')).toMatchObject({ indexed: true, enforceUniqueValues: true });
    expect(byName.get('partnerId')).toMatchObject({ indexed: true, displayName: 'Partner' });
    expect(byName.get('date')).toMatchObject({ indexed: true, displayName: 'Datum' });
    expect(byName.get('sourceRef')).toMatchObject({ indexed: true });
    expect(byName.get('summary')).toMatchObject({ indexed: false });
  });

  it('adds missing columns and indexes to existing lists, keeps columns it does not know, and reports each change', async () => {
    const t = h.adminTransport();
    const siteId = (await ensureSchema(t, SITE_REF)).siteId;
    // An older Agenda list with only one column of its own, and a Partners column that lost its index.
    await t.request('DELETE', `/sites/${siteId}/lists/Agenda`);
    await t.request('POST', `/sites/${siteId}/lists`, {
      body: { displayName: 'Agenda', list: { template: 'genericList' }, columns: [{ name: 'legacyNote', text: { allowMultipleLines: true } }] },
    });
    const partnerColumns = await t.get<{ value: { id: string; name: string }[] }>(`/sites/${siteId}/lists/Partners/columns`);
    const lastContact = partnerColumns.value.find((c) => c.name === 'lastContact')!;
    await t.request('PATCH', `/sites/${siteId}/lists/Partners/columns/${lastContact.id}`, { body: { indexed: false } });

    const report = await ensureSchema(t, SITE_REF);
    expect(report.createdLists).toEqual([]);
    expect(report.addedColumns).toEqual(SCHEMA.Agenda.columns.filter((c) => !('builtIn' in c)).map((c) => `Agenda.${c.name}`));
    expect(report.indexedColumns).toEqual(['Partners.lastContact']);
    expect(report.changed).toBe(true);

    const agendaColumns = await t.get<{ value: { name: string; indexed: boolean; enforceUniqueValues: boolean }[] }>(`/sites/${siteId}/lists/Agenda/columns`);
    expect(agendaColumns.value.map((c) => c.name)).toContain('legacyNote');
    expect(agendaColumns.value.find((c) => c.name === 'clientId')).toMatchObject({ indexed: true, enforceUniqueValues: true });
    expect((await ensureSchema(t, SITE_REF)).changed).toBe(false);
  });

  it('upgrades lists made before proposals were decided: the proposal and register-owner columns are added, items kept', async () => {
    const t = h.adminTransport();
    const siteId = (await ensureSchema(t, SITE_REF)).siteId;
    const added = ['proposedBy', 'proposedByName', 'proposedAt', 'decision', 'decidedBy', 'decidedByName', 'decidedAt', 'decisionReason', 'mergedInto'];
    await t.request('DELETE', `/sites/${siteId}/lists/Partners`);
    const older = { ...SCHEMA.Partners, columns: SCHEMA.Partners.columns.filter((c) => !added.includes(c.name)) };
    await t.request('POST', `/sites/${siteId}/lists`, { body: toGraphListDefinition(older) });
    const item = await t.request<{ id: string }>('POST', `/sites/${siteId}/lists/Partners/items`, { body: { fields: { Title: 'Bestaande partner', clientId: 'p-oud', status: 'proposed' } } });
    // Until an administrator upgrades the lists, partners are still saved there (the new columns are left out while empty).
    expect((await h.repository().savePartner(newPartner({ name: 'Voor de upgrade' }))).name).toBe('Voor de upgrade');
    await t.request('DELETE', `/sites/${siteId}/lists/Settings`);
    await t.request('POST', `/sites/${siteId}/lists`, { body: toGraphListDefinition({ ...SCHEMA.Settings, columns: SCHEMA.Settings.columns.filter((c) => c.name !== 'registerOwners') }) });

    const report = await ensureSchema(t, SITE_REF);
    expect(report.addedColumns).toEqual([...added.map((c) => `Partners.${c}`), 'Settings.registerOwners']);
    expect(report.problems).toEqual([]);
    const columns = await t.get<{ value: { name: string; indexed: boolean }[] }>(`/sites/${siteId}/lists/Partners/columns`);
    expect(columns.value.find((c) => c.name === 'proposedBy')?.indexed).toBe(true);
    const kept = await t.get<{ fields: Record<string, unknown> }>(`/sites/${siteId}/lists/Partners/items/${item.body.id}?$expand=fields`);
    expect(kept.fields).toMatchObject({ Title: 'Bestaande partner', status: 'proposed' });
    expect((await ensureSchema(t, SITE_REF)).changed).toBe(false);
  });

  it('reports a column of another type as a problem and leaves it alone', async () => {
    const t = h.adminTransport();
    const siteId = (await ensureSchema(t, SITE_REF)).siteId;
    // Until an administrator upgrades the lists, partners are still saved there (the new columns are left out while empty).
    expect((await h.repository().savePartner(newPartner({ name: 'Voor de upgrade' }))).name).toBe('Voor de upgrade');
    await t.request('DELETE', `/sites/${siteId}/lists/Settings`);
    await t.request('POST', `/sites/${siteId}/lists`, {
      body: { displayName: 'Settings', list: { template: 'genericList' }, columns: [{ name: 'themes', number: {} }] },
    });
    const report = await ensureSchema(t, SITE_REF);
    // As a message the setup tab says in the reader's language, not an English sentence.
    expect(report.problems).toEqual([{ key: 'setup.problem.otherType', params: { column: 'Settings.themes', actual: 'number', expected: 'note' } }]);
    const columns = await t.get<{ value: { name: string; number?: unknown }[] }>(`/sites/${siteId}/lists/Settings/columns`);
    expect(columns.value.find((c) => c.name === 'themes')?.number).toBeDefined();
  });

  it('names the manual step Graph cannot do: item-level read permission on ConfidentialNotes', async () => {
    const report = await ensureSchema(h.adminTransport(), SITE_REF);
    expect(report.manualSteps).toEqual([
      { key: 'setup.manual.permission', params: { list: 'ConfidentialNotes' } },
      // Graph can neither set nor read the trail's WriteSecurity either.
      { key: 'setup.manual.auditTrail', params: { list: 'AuditTrail' } },
    ]);
  });

  it('adds the agenda owner’s name column to an Agenda list made before it, after which items keep the name', async () => {
    const t = h.adminTransport();
    const siteId = (await ensureSchema(t, SITE_REF)).siteId;
    await t.request('DELETE', `/sites/${siteId}/lists/Agenda`);
    const before = SCHEMA.Agenda.columns.filter((c) => !('builtIn' in c) && c.name !== 'ownerName');
    await t.request('POST', `/sites/${siteId}/lists`, { body: toGraphListDefinition({ ...SCHEMA.Agenda, columns: before }) });
    const repo = h.repository();
    // An item without a name still saves on the old list (the column is only sent with a value).
    await expect(repo.saveAgendaItem({ id: 'old', clientId: 'old', partnerId: 'p', topic: 'Oud', direction: 'wij', owner: 'anna.devries@veenhaven.nl', status: 'open' })).resolves.toMatchObject({ topic: 'Oud' });

    const report = await ensureSchema(t, SITE_REF);
    expect(report.addedColumns).toEqual(['Agenda.ownerName']);
    const saved = await repo.saveAgendaItem({ id: 'new', clientId: 'new', partnerId: 'p', topic: 'Nieuw', direction: 'wij', owner: 'anna.devries@veenhaven.nl', ownerName: 'Anna de Vries', status: 'open' });
    expect((await repo.listAgenda('p')).find((a) => a.id === saved.id)).toMatchObject({ owner: 'anna.devries@veenhaven.nl', ownerName: 'Anna de Vries' });
  });
});

describe('ensureSchema needs the setup scope', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provision: false });
  });
  afterAll(() => h.close());

  it("is refused with the official's token (Sites.ReadWrite.All cannot create lists) and works with the administrator's", async () => {
    await expect(ensureSchema(h.transport(), SITE_REF)).rejects.toMatchObject({ status: 403, code: 'accessDenied' });
    const report = await ensureSchema(h.adminTransport(), SITE_REF);
    expect(report.createdLists.length).toBeGreaterThan(0);
  });
});
