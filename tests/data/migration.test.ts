/**
 * Data migration (issue 19): a site provisioned before PartnerLookup existed, holding a copy of the
 * demo municipality, upgrades through setup (ensureSchema, as the setup tab runs it) without losing or
 * duplicating anything: every item of every earlier list is the same before and after, the lookup is
 * filled with exactly the register's rows, every partner gets its summary, a pane detects from it as from the register, and a second
 * run changes nothing.
 */
import { buildPartnerIndex, detectByLookup, detectPartners, messageLookupKeys, participantMatches } from '../../src/core/detection';
import { ensureSchema } from '../../src/data/ensureSchema';
import { agendaToFields, confidentialNoteFields, interactionFromItem, interactionToFields, partnerToFields, newSettingsFields, type ListItem } from '../../src/data/listFields';
import { loadLookupKeys, wantedRows } from '../../src/data/partnerLookup';
import { readAllSummaries } from '../../src/data/partnerSummary';
import { figuresFromSummaries } from '../../src/core/overview/partnerSummary';
import { figuresByPartner } from '../../src/core/partnerFigures';
import { SCHEMA, toGraphListDefinition } from '../../src/data/schema';
import { createDemoData } from '../../src/demo';
import { DEFAULT_SITE } from '../../src/emulator';
import { SITE_REF, startHarness, type Harness } from './graphHarness';

const EARLIER_LISTS = ['Partners', 'Interactions', 'Agenda', 'Settings', 'ConfidentialNotes'] as const;

describe('upgrading a site with the earlier schema and the demo data', () => {
  let h: Harness;
  afterAll(() => h?.close());

  test('setup adds and fills the lookup, keeps every item as it was, and a second run is a no-op', async () => {
    h = await startHarness({ provision: false });
    const admin = h.adminTransport();
    const siteId = (await admin.get<{ id: string }>(`/sites/${SITE_REF}`)).id;
    // The earlier schema: the five lists as they were created before this release.
    for (const list of EARLIER_LISTS) await admin.request('POST', `/sites/${siteId}/lists`, { body: toGraphListDefinition(SCHEMA[list]) });

    // A copy of the demo data, as it is on a site today (its partners' ids are the server's).
    const data = createDemoData();
    const site = DEFAULT_SITE;
    h.emulator.seedItems('Settings', [newSettingsFields(data.settings)], { site });
    const ids = h.emulator.seedItems('Partners', data.partners.map((p) => partnerToFields(p, p.id)), { site });
    const serverId = new Map(data.partners.map((p, i) => [p.id, ids[i]]));
    const interactions = data.interactions.map((i) => ({ ...i, partnerId: serverId.get(i.partnerId) ?? i.partnerId }));
    h.emulator.seedItems('Interactions', interactions.map((i) => interactionToFields(i)), { site });
    h.emulator.seedItems('ConfidentialNotes', interactions.filter((i) => i.confidential).map((i) => confidentialNoteFields(i)), { site });
    h.emulator.seedItems('Agenda', data.agenda.map((a) => agendaToFields({ ...a, partnerId: serverId.get(a.partnerId) ?? a.partnerId })), { site });

    const dump = async (list: string) =>
      (await admin.getAll<ListItem>(`/sites/${siteId}/lists/${list}/items?$expand=fields`)).map((i) => ({ id: i.id, fields: i.fields })).sort((a, b) => a.id.localeCompare(b.id));
    const before = Object.fromEntries(await Promise.all(EARLIER_LISTS.map(async (l) => [l, await dump(l)] as const)));
    expect(before.Partners).toHaveLength(data.partners.length);
    expect(before.Interactions).toHaveLength(data.interactions.length);
    expect(before.Agenda).toHaveLength(data.agenda.length);
    const reviews = (items: Array<{ fields?: Record<string, unknown> }>) => items.filter((i) => typeof i.fields?.reviewScore === 'number').length;
    expect(reviews(before.Interactions)).toBeGreaterThan(0);

    const first = await ensureSchema(admin, SITE_REF);
    expect(first.createdLists).toEqual(['PartnerLookup', 'PartnerSummary', 'OverviewDigest', 'AuditTrail']);
    expect(first.addedColumns).toEqual([]);
    expect(first.problems).toEqual([]);
    const partners = data.partners.map((p) => ({ ...p, id: serverId.get(p.id)! }));
    const keysOf = await loadLookupKeys();
    const wanted = partners.flatMap((p) => wantedRows(p, keysOf));
    expect(wanted.length).toBeGreaterThan(data.partners.length);
    expect(first.lookupChanges).toBe(wanted.length);

    // Nothing lost, nothing duplicated, nothing changed in the earlier lists.
    for (const list of EARLIER_LISTS) expect(await dump(list)).toEqual(before[list]);
    expect(reviews(await dump('Interactions'))).toBe(reviews(before.Interactions));
    const lookup = await dump('PartnerLookup');
    expect(lookup.map((r) => String(r.fields?.clientId)).sort()).toEqual(wanted.map((f) => String(f.clientId)).sort());

    // One summary per partner, each what a recount from the partner's interactions gives (the overview's first screen).
    const summaries = new Map((await readAllSummaries(admin, `/sites/${siteId}/lists/PartnerSummary`)).map((s) => [s.summary.partnerId, s.summary]));
    expect(first.summaryChanges).toBe(partners.length);
    expect(summaries.size).toBe(partners.length);
    const standing = interactions.filter((i) => !i.withdrawn);
    expect([...summaries.values()].reduce((sum, s) => sum + s.interactionCount, 0)).toBe(standing.length);
    expect(figuresFromSummaries(summaries.values())).toEqual(figuresByPartner((await dump('Interactions')).map((i) => interactionFromItem(i as ListItem))));

    // A pane on the upgraded site detects from the lookup as from the register, for each demo message.
    const repo = h.repository();
    const register = await repo.listRegister();
    const settings = await repo.getSettings();
    const index = buildPartnerIndex(register, settings);
    for (const partner of register.slice(0, 40)) {
      const message = { kind: 'email' as const, from: `Iemand <iemand@${partner.domains[0] ?? 'nergens.nl'}>`, to: [partner.contacts[0] ?? 'x@veenhaven.nl', 'a@gmail.com'], subject: partner.name };
      const { partners: candidates, settings: read } = await repo.readDetectionCandidates(messageLookupKeys(message));
      expect(detectByLookup(candidates, read, message)).toEqual(participantMatches(detectPartners(index, message)));
    }

    const second = await ensureSchema(admin, SITE_REF);
    expect(second).toMatchObject({ createdLists: [], addedColumns: [], indexedColumns: [], uniqueColumns: [], lookupChanges: 0, summaryChanges: 0, changed: false });
    expect(await dump('PartnerLookup')).toEqual(lookup);
  }, 120_000);
});
