import { DEMO_SITE_REF } from '../../src/config/appConfig';
import { ensureSchema } from '../../src/data/ensureSchema';
import { GraphTransport } from '../../src/data/graph/GraphTransport';
import { agendaToFields, interactionToFields, newSettingsFields, partnerToFields } from '../../src/data/listFields';
import { loadLookupKeys, wantedRows } from '../../src/data/partnerLookup';
import { countedFromItems, summaryFields } from '../../src/data/partnerSummary';
import { summarisePartner } from '../../src/core/overview/partnerSummary';
import { createDemoData } from '../../src/demo';
import { DEFAULT_SITE, type GraphEmulator } from '../../src/emulator';
import { makeDemoToken } from '../../src/hosts/browser/demoToken';

/**
 * The demo municipality at scale (e.g. 1,000 partners, 100,000 interactions) for the benchmarks:
 * the schema through Graph (as the app provisions it), the items straight into the emulator's store
 * (seeding through the repository takes minutes at this size; the benches measure reading).
 */
export async function seedDemoAtScale(
  graphBaseUrl: string,
  emulator: GraphEmulator,
  scale: { partners: number; interactions: number },
): Promise<{ partners: number; interactions: number; agenda: number; lookupRows: number; partnerIds: Map<string, string> }> {
  const transport = GraphTransport.create({
    baseUrl: graphBaseUrl,
    // The register owner provisions as an administrator (the setup token, with Sites.Manage.All).
    getAccessToken: async () => makeDemoToken({ email: 'j.vanleeuwen@veenhaven.nl', name: 'Jeroen van Leeuwen' }, 'setup'),
  });
  await ensureSchema(transport, DEMO_SITE_REF);
  const data = createDemoData({ scale });
  const site = DEFAULT_SITE;
  emulator.seedItems('Settings', [newSettingsFields(data.settings)], { site });
  const serverIds = emulator.seedItems(
    'Partners',
    data.partners.map((p) => partnerToFields(p, p.id)),
    { site },
  );
  const partnerIds = new Map(data.partners.map((p, i) => [p.id, serverIds[i]]));
  // The lookup as the repository keeps it (src/data/partnerLookup.ts), one row per key of each register partner.
  const keysOf = await loadLookupKeys();
  const lookup = data.partners.flatMap((p, i) => wantedRows(p, keysOf, serverIds[i]));
  for (let start = 0; start < lookup.length; start += 10_000) emulator.seedItems('PartnerLookup', lookup.slice(start, start + 10_000), { site });
  const batch = 10_000;
  // Each partner's summary as the repository's recount makes it (src/data/partnerSummary.ts), from the items as stored.
  const counted = new Map<string, ReturnType<typeof countedFromItems>>();
  for (let start = 0; start < data.interactions.length; start += batch) {
    const fields = data.interactions.slice(start, start + batch).map((i) => interactionToFields({ ...i, partnerId: partnerIds.get(i.partnerId) ?? i.partnerId }));
    const ids = emulator.seedItems('Interactions', fields, { site });
    // Dates as Graph answers a dateTime column (whole seconds, no milliseconds), as a recount reads them.
    countedFromItems(fields.map((f, n) => ({ id: ids[n], fields: { ...f, date: new Date(String(f.date)).toISOString().replace(/\.\d{3}Z$/, 'Z') } }))).forEach((row) => {
      const list = counted.get(row.partnerId);
      if (list) list.push(row);
      else counted.set(row.partnerId, [row]);
    });
  }
  const now = new Date();
  const summaries = [...partnerIds.values()].map((id) => summaryFields(summarisePartner(id, counted.get(id) ?? [], now)));
  for (let start = 0; start < summaries.length; start += batch) emulator.seedItems('PartnerSummary', summaries.slice(start, start + batch), { site });
  emulator.seedItems(
    'Agenda',
    data.agenda.map((a) => agendaToFields({ ...a, partnerId: partnerIds.get(a.partnerId) ?? a.partnerId })),
    { site },
  );
  return { partners: data.partners.length, interactions: data.interactions.length, agenda: data.agenda.length, lookupRows: lookup.length, partnerIds };
}
