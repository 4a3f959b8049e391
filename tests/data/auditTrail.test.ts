/**
 * The audit trail against the emulator: every action through the repository and the write queue leaves
 * exactly one entry (random action sequences through faults and reloads), an entry holds no note text,
 * another official cannot change or remove an entry (WriteSecurity = 2, as an administrator sets it), an
 * author's own change is flagged as altered, and SharePoint's version history answers who changed an item.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import type { AgendaItem, Interaction, Partner } from '../../src/core/model';
import { restrictAuditTrailInEmulator } from '../../src/data/confidentialListSecurity';
import { AuditRecorder, auditedRepository } from '../../src/data/auditedRepository';
import { GraphRequestError } from '../../src/data/graph/errors';
import { auditFromItem, type ListItem } from '../../src/data/listFields';
import type { SharePointPartnerRepository } from '../../src/data/SharePointPartnerRepository';
import { WriteQueue, type QueueEvent } from '../../src/data/writeQueue';
import { ALL_FAULT_KINDS } from '../../src/emulator';
import { newAgendaItem, newInteraction, newPartner } from './fixtures';
import { ANNA, BRAM, recordingSleep, SITE_REF, startHarness, type Harness, type Official } from './graphHarness';

const OPS = ['newPartner', 'editPartner', 'newNote', 'editNote', 'withdrawNote', 'newAgenda', 'editAgenda', 'linkDomain'] as const;
type Op = { op: (typeof OPS)[number]; pick: number; reload: boolean };

async function rawTrail(h: Harness) {
  const siteId = await h.repository().resolveSiteId();
  const items = await h.transport().getAll<ListItem>(`/sites/${siteId}/lists/AuditTrail/items?$select=id,createdDateTime,lastModifiedDateTime,createdBy&$expand=fields&$top=5000`);
  return items.map(auditFromItem);
}

function audited(h: Harness, as: Official): SharePointPartnerRepository {
  const inner = h.repository(as, recordingSleep());
  return auditedRepository(inner, new AuditRecorder({ store: inner, actor: async () => ({ email: as.email, name: as.name }), surface: 'overview' }));
}

describe('audit trail', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await restrictAuditTrailInEmulator(h.adminTransport(), SITE_REF);
  });
  afterAll(() => h.close());
  afterEach(() => h.emulator.setFaults(undefined));

  it('leaves exactly one entry per action through the write queue, with faults and reloads (property)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ op: fc.constantFrom(...OPS), pick: fc.nat(20), reload: fc.boolean() }), { minLength: 4, maxLength: 14 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        async (ops: Op[], seed) => {
          const dbName = `audit-queue-${run++}`;
          const before = new Set((await rawTrail(h)).map((e) => e.id));
          const partners: Partner[] = [];
          const notes: Interaction[] = [];
          const agenda: AgendaItem[] = [];
          const confirmed: Array<{ list: string; itemId: string }> = [];
          const onEvent = (event: QueueEvent) => {
            if (event.type !== 'confirmed') return;
            if (event.kind === 'partner' || event.kind === 'domainLink') {
              const result = event.result as Partner;
              confirmed.push({ list: 'Partners', itemId: result.id });
              const at = partners.findIndex((p) => p.id === result.id || p.id === event.clientId);
              if (at >= 0) partners[at] = result;
              else partners.push(result);
            } else if (event.kind === 'interaction') {
              const result = event.result as Interaction;
              confirmed.push({ list: 'Interactions', itemId: result.id });
              const at = notes.findIndex((n) => n.clientId === result.clientId);
              if (result.withdrawn) notes.splice(at, 1);
              else if (at >= 0) notes[at] = result;
              else notes.push(result);
            } else if (event.kind === 'agenda') {
              const result = event.result as AgendaItem;
              confirmed.push({ list: 'Agenda', itemId: result.id });
              const at = agenda.findIndex((a) => a.clientId === result.clientId);
              if (at >= 0) agenda[at] = result;
              else agenda.push(result);
            }
          };
          const open = async () => {
            const queue = await WriteQueue.open({ repository: audited(h, ANNA), owner: ANNA.email, dbName, sleep: recordingSleep() });
            queue.subscribe(onEvent);
            return queue;
          };
          h.emulator.setFaults({ rate: 0.2, batchRate: 0.1, kinds: [...ALL_FAULT_KINDS], seed, retryAfterSeconds: 0 });
          let queue = await open();
          const closing: Promise<void>[] = [];
          for (const { op, pick, reload } of ops) {
            const partner = partners[pick % Math.max(1, partners.length)];
            const note = notes[pick % Math.max(1, notes.length)];
            const item = agenda[pick % Math.max(1, agenda.length)];
            if (op === 'newPartner' || !partner) await queue.enqueue({ kind: 'partner', payload: newPartner({ name: `Partner ${pick}` }) });
            else if (op === 'editPartner') await queue.enqueue({ kind: 'partner', payload: { ...partner, description: `Bijgewerkt ${pick}` } });
            else if (op === 'linkDomain') await queue.enqueue({ kind: 'domainLink', payload: { clientId: `${partner.id}:d${pick}.nl`, partnerId: partner.id, domain: `d${pick}.nl` } });
            else if (op === 'newNote' || (!note && op !== 'newAgenda' && op !== 'editAgenda')) await queue.enqueue({ kind: 'interaction', payload: newInteraction(partner.id, { confidential: pick % 3 === 0, summary: 'Geheime tekst die nooit in de trail staat' }) });
            else if (op === 'editNote') await queue.enqueue({ kind: 'interaction', payload: { ...note!, title: `Correctie ${pick}` } });
            else if (op === 'withdrawNote') await queue.enqueue({ kind: 'interaction', payload: { ...note!, withdrawn: { at: '2026-11-02T10:00:00Z', byName: ANNA.name, byEmail: ANNA.email, reason: 'dubbel' } } });
            else if (op === 'newAgenda' || !item) await queue.enqueue({ kind: 'agenda', payload: newAgendaItem(partner.id) });
            else await queue.enqueue({ kind: 'agenda', payload: { ...item, status: 'done' } });
            if (reload) {
              // Closed like a page is, with the write perhaps on the wire; the next open resumes it.
              await new Promise((r) => setTimeout(r, 2));
              closing.push(queue.close());
              queue = await open();
            }
            await queue.flush();
            expect(queue.list()).toEqual([]);
          }
          await queue.close();
          await Promise.all(closing);
          h.emulator.setFaults(undefined);

          // Every item in the list, not the trail view (which would collapse copies of a key).
          const entries = (await rawTrail(h)).filter((e) => !before.has(e.id));
          // None twice: one key, one entry.
          expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);
          // None missing, none extra: exactly the confirmed actions, each on its list and item.
          const sort = (xs: Array<{ list?: string; itemId?: string }>) => xs.map((x) => `${x.list}:${x.itemId}`).sort();
          expect(sort(entries)).toEqual(sort(confirmed));
          expect(entries.every((e) => e.actor.name === ANNA.name && e.surface === 'overview' && e.result === 'success')).toBe(true);
          // Never a note's text.
          expect(JSON.stringify(entries)).not.toContain('Geheime tekst');
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);

  it('records a direct action once per key, however often it is recorded', async () => {
    const repo = h.repository();
    const recorder = new AuditRecorder({ store: repo, actor: async () => ({ email: ANNA.email, name: ANNA.name }), surface: 'overview' });
    await recorder.record({ key: 'export-1', action: 'export', detail: 'partners 3' });
    await recorder.record({ key: 'export-1', action: 'export', detail: 'partners 3' });
    expect((await repo.listAuditTrail()).filter((e) => e.key === 'export-1')).toHaveLength(1);
  });

  it('a settings save is one entry that names the settings it changed', async () => {
    const repo = audited(h, ANNA);
    await repo.saveSettings({ themes: ['wonen', 'zorg'], departments: ['Wonen'] });
    const entries = (await rawTrail(h)).filter((e) => e.list === 'Settings');
    expect(entries.map((e) => [e.action, e.detail, e.actor.email])).toEqual([['update', 'changed: departments, themes', ANNA.email]]);
  });

  it('another official cannot change or remove a trail entry through Graph; the author\'s own change is flagged as altered', async () => {
    const anna = h.repository(ANNA);
    const recorder = new AuditRecorder({ store: anna, actor: async () => ({ email: ANNA.email, name: ANNA.name }), surface: 'outlook' });
    await recorder.record({ key: 'tamper-target', action: 'avgExport', detail: '4 records' });
    const [entry] = (await anna.listAuditTrail()).filter((e) => e.key === 'tamper-target');
    expect(entry.altered).toBe(false);
    // SharePoint's createdBy, not a column the app wrote, says who recorded it.
    expect(entry.actor).toEqual(expect.objectContaining({ name: ANNA.name, id: expect.any(String) }));

    const bram = h.transport(BRAM);
    const siteId = await anna.resolveSiteId();
    const path = `/sites/${siteId}/lists/AuditTrail/items/${entry.id}`;
    // Bram reads it (Read all items) ...
    await expect(bram.get(path)).resolves.toBeDefined();
    // ... and is refused a change and a removal (Create items and edit items that were created by the user).
    await expect(bram.request('PATCH', `${path}/fields`, { body: { detail: 'niets' } })).rejects.toMatchObject({ status: 403 });
    await expect(bram.request('DELETE', path)).rejects.toMatchObject({ status: 403 });
    await expect(h.repository(BRAM).deleteAuditEntry(entry.id)).rejects.toBeInstanceOf(GraphRequestError);
    expect((await anna.listAuditTrail()).find((e) => e.id === entry.id)).toEqual(expect.objectContaining({ detail: '4 records', altered: false }));

    // The author can still edit their own entry (SharePoint allows it): it then shows as altered.
    await new Promise((r) => setTimeout(r, 1100)); // SharePoint's dates are to the second
    await h.transport(ANNA).request('PATCH', `${path}/fields`, { body: { detail: '0 records' } });
    const after = (await anna.listAuditTrail()).find((e) => e.id === entry.id)!;
    expect(after.altered).toBe(true);
    const versions = await anna.listItemVersions('AuditTrail', entry.id);
    expect(versions.map((v) => v.id)).toEqual(['2.0', '1.0']);
  });

  it('answers who changed a partner from SharePoint\'s version history', async () => {
    const anna = audited(h, ANNA);
    const partner = await anna.savePartner(newPartner({ name: 'Versies BV' }));
    const bram = audited(h, BRAM);
    await bram.savePartner({ ...partner, description: 'Door Bram' });
    const versions = await h.repository(ANNA).listItemVersions('Partners', partner.id);
    expect(versions.map((v) => [v.id, v.modifiedBy.name])).toEqual([
      ['2.0', BRAM.name],
      ['1.0', ANNA.name],
    ]);
  });
});
