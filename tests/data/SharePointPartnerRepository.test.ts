import { domainLink } from '../../src/core/model';
import { partnerTooLong } from '../../src/core/overview/partnerValidation';
import { itemSourceRefs, sourceRefOf } from '../../src/hosts/Host';
import { ConflictError, SettingsConflictError } from '../../src/data/PartnerRepository';
import { GraphRequestError } from '../../src/data/graph/errors';
import { INTERACTIONS } from '../../src/data/schema';
import { ANNA, BRAM, startHarness, type Harness } from './graphHarness';
import { newAgendaItem, newInteraction, newPartner } from './fixtures';

describe('SharePointPartnerRepository against the emulator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  /** Top-level HTTP requests since the last clearLog (a $batch counts once). */
  const roundTrips = () => h.emulator.requestLog.filter((e) => !e.inBatch).length;

  it('creates a partner once per client id, and reads it back', async () => {
    const repo = h.repository();
    const draft = newPartner({ name: 'Ziekenhuis Rijnland', category: 'ziekenhuis', domains: ['rijnland.nl', 'rijnlandzorg.nl'] });
    const saved = await repo.savePartner(draft);
    expect(saved.id).toMatch(/^\d+$/);
    expect(saved.etag).toBeTruthy();
    expect(saved).toMatchObject({ name: 'Ziekenhuis Rijnland', domains: ['rijnland.nl', 'rijnlandzorg.nl'], aliases: ['Portaal'], interactionCount: 0 });

    const again = await repo.savePartner(draft);
    expect(again.id).toBe(saved.id);
    expect(await repo.findPartnerByClientId(draft.id)).toMatchObject({ id: saved.id });
    expect((await repo.listRegister()).filter((p) => p.name === 'Ziekenhuis Rijnland')).toHaveLength(1);
  });

  it('reads the follow-ups and review answers of every interaction for the CSV export, in pages, never a confidential one’s', async () => {
    const repo = h.repository();
    const partner = await repo.savePartner(newPartner({ name: 'Export BV', domains: ['export-bv.nl'] }));
    const review = await repo.saveInteraction(newInteraction(partner.id, { kind: 'review', followUps: 'Offerte sturen', review: { goesWell: 'snel schakelen', couldImprove: 'eerder betrekken', score: 4 } }));
    const plain = await repo.saveInteraction(newInteraction(partner.id, { followUps: undefined }));
    const secret = await repo.saveInteraction(newInteraction(partner.id, { confidential: true, followUps: 'geheim vervolg', kind: 'review', review: { goesWell: 'geheim', couldImprove: 'geheim', score: 2 } }));
    const progress: number[] = [];
    h.emulator.clearLog();
    const texts = new Map((await repo.listInteractionTexts({ onProgress: (n) => progress.push(n) })).map((x) => [x.id, x]));
    expect(texts.get(review.id)).toEqual({ id: review.id, followUps: 'Offerte sturen', review: { goesWell: 'snel schakelen', couldImprove: 'eerder betrekken' } });
    expect(texts.get(plain.id)).toEqual({ id: plain.id, followUps: undefined, review: undefined });
    expect(texts.get(secret.id)).toEqual({ id: secret.id, followUps: undefined, review: undefined });
    expect(progress.at(-1)).toBe(texts.size);
    // Only the three text columns travel, and only Interactions is read.
    const urls = h.emulator.requestLog.map((r) => decodeURIComponent(r.url));
    expect(urls.every((u) => u.includes('/lists/Interactions/items') && u.includes('fields($select=followUps,reviewGoesWell,reviewCouldImprove)'))).toBe(true);
  });

  it('logs interactions and renders the context, with the partner figures derived from it, in one round trip', async () => {
    const repo = h.repository();
    const partner = await repo.savePartner(newPartner());
    await repo.saveInteraction(newInteraction(partner.id, { date: '2026-10-01T09:00:00Z', title: 'oud' }));
    await repo.saveInteraction(newInteraction(partner.id, { date: '2026-11-20T09:00:00Z', title: 'nieuw' }));
    await repo.saveInteraction(newInteraction(partner.id, { date: '2026-11-05T09:00:00Z', title: 'midden' }));
    await repo.saveAgendaItem(newAgendaItem(partner.id, { topic: 'open punt' }));
    await repo.saveAgendaItem(newAgendaItem(partner.id, { topic: 'afgerond', status: 'done' }));

    h.emulator.clearLog();
    const context = await repo.getPartnerContext(partner.id, { interactionLimit: 2 });
    expect(roundTrips()).toBe(1);
    // The figures are derived from every interaction the read fetched, never stored: exact although it shows two.
    expect(context.partner).toMatchObject({ id: partner.id, interactionCount: 3, lastContact: '2026-11-20T09:00:00Z' });
    expect((await repo.getPartnerContext(partner.id)).partner).toMatchObject({ interactionCount: 3, lastContact: '2026-11-20T09:00:00Z' });
    expect(context.interactions.map((i) => i.title)).toEqual(['nieuw', 'midden']);
    expect(context.agenda.map((a) => a.topic)).toEqual(['open punt']);
    expect((await repo.listAgenda(partner.id)).map((a) => a.topic).sort()).toEqual(['afgerond', 'open punt']);
    expect((await repo.listInteractions(partner.id)).map((i) => i.title)).toEqual(['nieuw', 'midden', 'oud']);
  });

  it('shows the most recent interactions and the right last contact whether Graph refuses or ignores $orderby (it is not documented on list items)', async () => {
    for (const mode of ['refuse', 'ignore'] as const) {
      h.emulator.setListItemOrderBy(mode);
      try {
        const repo = h.repository();
        const partner = await repo.savePartner(newPartner());
        // logged out of date order: a backdated note after newer ones, so id order is not date order
        const dates = ['2026-11-03', '2026-11-10', '2026-10-01', '2026-11-20', '2026-09-15', '2026-11-07'];
        for (const [n, d] of dates.entries()) await repo.saveInteraction(newInteraction(partner.id, { date: `${d}T09:00:00Z`, title: `n${n}` }));
        const context = await repo.getPartnerContext(partner.id, { interactionLimit: 3 });
        expect(context.interactions.map((i) => i.title)).toEqual(['n3', 'n1', 'n5']);
        expect((await repo.listInteractions(partner.id)).map((i) => i.title)).toEqual(['n3', 'n1', 'n5', 'n0', 'n2', 'n4']);
        // after deleting the newest, the figures (derived where read) find the newest remaining date on the client
        await repo.deleteInteraction(context.interactions[0]);
        expect((await repo.getPartnerContext(partner.id, { interactionLimit: 3 })).partner).toMatchObject({ interactionCount: 5, lastContact: '2026-11-10T09:00:00Z' });
        expect(h.emulator.requestLog.every((e) => !/[?&]\$?orderby=/i.test(e.url))).toBe(true);
      } finally {
        h.emulator.setListItemOrderBy('refuse');
      }
    }
  });

  it('still renders the context when requests inside its batch are throttled (429), re-sending only those', async () => {
    const repo = h.repository();
    const partner = await repo.savePartner(newPartner());
    await repo.saveInteraction(newInteraction(partner.id, { title: 'onder druk' }));
    await repo.saveAgendaItem(newAgendaItem(partner.id));
    await repo.getPartnerContext(partner.id);
    h.emulator.clearLog();
    h.emulator.setFaults({ rate: 0, batchRate: 0.5, kinds: ['429'], seed: 4 });
    try {
      const context = await repo.getPartnerContext(partner.id);
      expect(context.interactions.map((i) => i.title)).toEqual(['onder druk']);
      expect(context.agenda).toHaveLength(1);
    } finally {
      h.emulator.setFaults(undefined);
    }
    const inner = h.emulator.requestLog.filter((e) => e.inBatch);
    expect(inner.filter((e) => e.status === 429).length).toBeGreaterThan(0);
    expect(inner.filter((e) => e.status === 200)).toHaveLength(4);
  });

  it('stores what the checks let through and the list refuses what they name (one limit for both)', async () => {
    const repo = h.repository();
    const at = newPartner({ name: 'n'.repeat(255), description: 'd'.repeat(63_999) });
    expect(partnerTooLong(at)).toEqual([]);
    expect((await repo.savePartner(at)).description).toHaveLength(63_999);
    for (const past of [newPartner({ name: 'n'.repeat(256) }), newPartner({ description: 'd'.repeat(64_000) })]) {
      expect(partnerTooLong(past)).toHaveLength(1);
      await expect(repo.savePartner(past)).rejects.toMatchObject({ status: 400 });
    }
  });

  it('logs and finds a note from an email whose Message-ID is longer than the column', async () => {
    const repo = h.repository();
    const partner = await repo.savePartner(newPartner());
    const item = { kind: 'email' as const, id: 'AAMkAGI2TG93AAA=', subject: 'Overleg', internetMessageId: `<${'a'.repeat(400)}@mail.veenland.nl>` };
    await repo.saveInteraction(newInteraction(partner.id, { sourceRef: sourceRefOf(item), kind: 'email' }));
    expect(await repo.findInteractionsBySource(itemSourceRefs(item))).toEqual([expect.objectContaining({ sourceRef: sourceRefOf(item), partnerId: partner.id })]);
  });

  it('resolves a hostname:/path site once and then addresses it by id', async () => {
    const repo = h.repository();
    const partner = await repo.savePartner(newPartner());
    h.emulator.clearLog();
    await repo.getPartnerContext(partner.id);
    await repo.getPartnerContext(partner.id);
    expect(h.emulator.requestLog.filter((e) => e.url.includes('partnerzicht:') || e.url.includes('sharepoint.com:'))).toEqual([]);
    expect(await repo.resolveSiteId()).toContain('veenhaven.sharepoint.com');
  });

  it('creates an interaction once even when saved twice, and it counts once', async () => {
    const repo = h.repository();
    const partner = await repo.savePartner(newPartner());
    const note = newInteraction(partner.id);
    const first = await repo.saveInteraction(note);
    const second = await repo.saveInteraction(note, { afterUnclearFailure: true });
    const third = await repo.saveInteraction(note); // goes via the unique clientId column (409)
    expect(new Set([first.id, second.id, third.id]).size).toBe(1);
    expect((await repo.listInteractions(partner.id))).toHaveLength(1);
    expect((await repo.getPartnerContext(partner.id)).partner.interactionCount).toBe(1);
  });

  it('finds the interactions logged for an email or meeting', async () => {
    const repo = h.repository();
    const partner = await repo.savePartner(newPartner());
    const sourceRef = 'AAMkAGI2TG93AAA=';
    await repo.saveInteraction(newInteraction(partner.id, { sourceRef, kind: 'email' }));
    expect(await repo.findInteractionsBySource([sourceRef])).toEqual([expect.objectContaining({ sourceRef, kind: 'email', partnerId: partner.id })]);
    expect(await repo.findInteractionsBySource(['AAMkAGI2TG93AAB='])).toEqual([]);
    expect(await repo.findInteractionsBySource([])).toEqual([]);
  });

  it('updates an agenda item with If-Match and answers a stale ETag with a conflict carrying the current version', async () => {
    const anna = h.repository(ANNA);
    const bram = h.repository(BRAM);
    const partner = await anna.savePartner(newPartner());
    const created = await anna.saveAgendaItem(newAgendaItem(partner.id));
    const byBram = await bram.saveAgendaItem({ ...created, status: 'in-progress', nextStep: 'Bram belt' });
    expect(byBram.etag).not.toBe(created.etag);
    expect(byBram).toMatchObject({ status: 'in-progress', nextStep: 'Bram belt', clientId: created.clientId });

    const stale = anna.saveAgendaItem({ ...created, status: 'done' });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const conflict = (await stale.catch((e: unknown) => e)) as ConflictError<typeof created>;
    expect(conflict.current).toMatchObject({ id: created.id, status: 'in-progress', nextStep: 'Bram belt', etag: byBram.etag });
    // Nothing was overwritten.
    expect((await anna.listAgenda(partner.id))[0]).toMatchObject({ status: 'in-progress' });
  });

  it('sent again after an unclear failure, an update reads the item first and sends no PATCH that is known to fail with 412', async () => {
    const anna = h.repository(ANNA);
    const partner = await anna.savePartner(newPartner());
    const created = await anna.saveAgendaItem(newAgendaItem(partner.id));
    const patches = () => h.emulator.requestLog.filter((r) => r.method === 'PATCH' && r.url.includes('/lists/Agenda/')).map((r) => r.status);

    // The first attempt landed, its answer was lost (the pane closed while it was on the wire): done, no second write.
    const landed = await anna.saveAgendaItem({ ...created, status: 'done' });
    h.emulator.clearLog();
    const again = await anna.saveAgendaItem({ ...created, status: 'done' }, { afterUnclearFailure: true });
    expect(again).toMatchObject({ id: created.id, status: 'done', etag: landed.etag });
    expect(patches()).toEqual([]);

    // Nothing landed: the PATCH goes, once, on the ETag it had.
    h.emulator.clearLog();
    const next = await anna.saveAgendaItem({ ...landed, status: 'in-progress' }, { afterUnclearFailure: true });
    expect(next).toMatchObject({ status: 'in-progress' });
    expect(patches()).toEqual([200]);

    // A colleague wrote meanwhile: the conflict, from the read, without a PATCH.
    await h.repository(BRAM).saveAgendaItem({ ...next, nextStep: 'Bram belt' });
    h.emulator.clearLog();
    await expect(anna.saveAgendaItem({ ...next, status: 'done' }, { afterUnclearFailure: true })).rejects.toBeInstanceOf(ConflictError);
    expect(patches()).toEqual([]);
    expect((await anna.listAgenda(partner.id)).find((a) => a.id === created.id)).toMatchObject({ status: 'in-progress', nextStep: 'Bram belt' });
  });

  it('a note never writes the partner: an edit made before a colleague logged one saves without a conflict, and the figures stay right', async () => {
    const repo = h.repository();
    const partner = await repo.savePartner(newPartner());
    h.emulator.clearLog();
    await h.repository(BRAM).saveInteraction(newInteraction(partner.id, { date: '2026-11-02T08:00:00Z' }));
    expect(h.emulator.requestLog.filter((r) => r.url.includes('/lists/Partners/'))).toEqual([]);
    const saved = await repo.savePartner({ ...partner, description: 'Nieuwe omschrijving', interactionCount: 7, lastContact: '2020-01-01T00:00:00Z' });
    expect(saved).toMatchObject({ description: 'Nieuwe omschrijving' });
    expect((await repo.getPartnerContext(partner.id)).partner).toMatchObject({ description: 'Nieuwe omschrijving', interactionCount: 1, lastContact: '2026-11-02T08:00:00Z' });
  });

  it('reads the register with only the columns detection and the chooser use', async () => {
    const repo = h.repository();
    const partner = await repo.savePartner(newPartner({ name: 'Stichting Smal', domains: ['smal.nl'] }));
    h.emulator.clearLog();
    const register = await repo.listRegister();
    const query = new URLSearchParams(h.emulator.requestLog.at(-1)!.url.split('?')[1]);
    expect([query.get('$select'), query.get('$expand')]).toEqual(['id', 'fields($select=Title,aliases,domains,contacts)']);
    expect(register.find((p) => p.id === partner.id)).toEqual({ id: partner.id, name: 'Stichting Smal', aliases: ['Portaal'], domains: ['smal.nl'], contacts: ['info@portaal.nl'] });
  });

  it('keeps the names of contact persons with their addresses in the contacts column; the register reads the addresses only', async () => {
    const repo = h.repository();
    const partner = await repo.savePartner(
      newPartner({ name: 'Stichting Namen', domains: ['namen.nl'], contacts: ['h.vandijk@namen.nl', 'info@namen.nl'], contactNames: { 'h.vandijk@namen.nl': 'Henk van Dijk' } }),
    );
    const item = await h.transport().get<{ fields: { contacts: string } }>(`/sites/${await repo.resolveSiteId()}/lists/Partners/items/${partner.id}?$expand=fields`);
    expect(item.fields.contacts).toBe('Henk van Dijk <h.vandijk@namen.nl>\ninfo@namen.nl');
    expect(await repo.getPartner(partner.id)).toMatchObject({ contacts: ['h.vandijk@namen.nl', 'info@namen.nl'], contactNames: { 'h.vandijk@namen.nl': 'Henk van Dijk' } });
    expect((await repo.listRegister()).find((p) => p.id === partner.id)?.contacts).toEqual(['h.vandijk@namen.nl', 'info@namen.nl']);
  });

  it('links a domain to the partner as the server has it now, without overwriting what others changed', async () => {
    const repo = h.repository();
    const other = h.repository();
    const partner = await repo.savePartner(newPartner({ domains: ['portaal.nl'] }));
    // Someone edits the partner after this pane read its register.
    await other.savePartner({ ...partner, description: 'Bijgewerkt door een collega' });
    const linked = await repo.linkDomain(domainLink(partner.id, 'portaal-wonen.nl'));
    expect(linked).toMatchObject({ domains: ['portaal.nl', 'portaal-wonen.nl'], description: 'Bijgewerkt door een collega' });
    expect(await repo.getPartner(partner.id)).toMatchObject({ domains: ['portaal.nl', 'portaal-wonen.nl'], description: 'Bijgewerkt door een collega', etag: linked.etag });

    // Linked already (an earlier attempt whose answer was lost): read, no second write.
    h.emulator.clearLog();
    expect((await repo.linkDomain(domainLink(partner.id, 'portaal-wonen.nl'))).domains).toEqual(['portaal.nl', 'portaal-wonen.nl']);
    expect(h.emulator.requestLog.filter((r) => r.method === 'PATCH')).toEqual([]);
  });

  it('links a domain again on the new version when someone else writes between its read and its write', async () => {
    const repo = h.repository();
    const other = h.repository();
    const partner = await repo.savePartner(newPartner({ domains: ['portaal.nl'] }));
    const read = repo.getPartner.bind(repo);
    jest.spyOn(repo, 'getPartner').mockImplementationOnce(async (id) => {
      const seen = await read(id);
      await other.savePartner({ ...seen, aliases: ['Portaal', 'Woonstichting'] });
      return seen;
    });
    h.emulator.clearLog();
    const linked = await repo.linkDomain(domainLink(partner.id, 'portaalwonen.nl'));
    // The Partners writes (the lookup rows that follow each saved version are PartnerLookup's: partnerLookup.test.ts).
    expect(h.emulator.requestLog.filter((r) => r.method === 'PATCH' && r.url.includes('/lists/Partners/')).map((r) => r.status)).toEqual([200, 412, 200]);
    expect(linked).toMatchObject({ domains: ['portaal.nl', 'portaalwonen.nl'], aliases: ['Portaal', 'Woonstichting'] });
    expect(await repo.getPartner(partner.id)).toMatchObject({ domains: ['portaal.nl', 'portaalwonen.nl'], aliases: ['Portaal', 'Woonstichting'] });
  });

  it('deletes an interaction, and the partner figures follow', async () => {
    const repo = h.repository();
    const partner = await repo.savePartner(newPartner());
    const a = await repo.saveInteraction(newInteraction(partner.id, { date: '2026-09-01T08:00:00Z' }));
    const b = await repo.saveInteraction(newInteraction(partner.id, { date: '2026-11-01T08:00:00Z' }));
    await repo.deleteInteraction(b);
    await repo.deleteInteraction(b); // already gone: fine
    expect((await repo.getPartnerContext(partner.id)).partner).toMatchObject({ interactionCount: 1, lastContact: '2026-09-01T08:00:00Z' });
    expect((await repo.listInteractions(partner.id)).map((i) => i.id)).toEqual([a.id]);
  });

  it('keeps settings in one item', async () => {
    const repo = h.repository();
    const settings = { internalDomains: ['veenhaven.nl'], ignoredAddresses: ['noreply@portaal.nl'], departments: ['Wonen', 'Economie'], themes: ['wonen', 'energietransitie'], registerOwners: ['j.vanleeuwen@veenhaven.nl'] };
    await repo.saveSettings(settings);
    await repo.saveSettings({ ...settings, departments: ['Wonen', 'Economie', 'Zorg'] });
    expect(await repo.getSettings()).toEqual({ ...settings, departments: ['Wonen', 'Economie', 'Zorg'] });
    const items = await h.transport().get<{ value: unknown[] }>(`/sites/${await repo.resolveSiteId()}/lists/Settings/items`);
    expect(items.value).toHaveLength(1);
  });

  it('writes only the settings given: two administrators saving different settings at once both stand, and a list can be cleared', async () => {
    const repo = h.repository();
    const settings = { internalDomains: ['veenhaven.nl'], ignoredAddresses: [], departments: ['Wonen'], themes: ['wonen'], registerOwners: ['j.vanleeuwen@veenhaven.nl'], retention: { notes: 10 } };
    await repo.saveSettings(settings);
    const [a, b] = [h.repository(), h.repository()];
    const [one, two] = await Promise.all([a.saveSettings({ departments: ['Wonen', 'Zorg'] }), b.saveSettings({ retention: { notes: 7 } })]);
    expect(one.departments).toEqual(['Wonen', 'Zorg']);
    expect(two.retention).toEqual({ notes: 7 });
    expect(await repo.getSettings()).toEqual({ ...settings, departments: ['Wonen', 'Zorg'], retention: { notes: 7 } });
    await repo.saveSettings({ registerOwners: [] });
    expect((await repo.getSettings()).registerOwners).toEqual([]);
    expect((await repo.getSettings()).departments).toEqual(['Wonen', 'Zorg']);
  });

  it('never undoes a colleague\'s save of the same list: two administrators editing the departments from the same start, the later one is told', async () => {
    const repo = h.repository();
    const start = { internalDomains: ['veenhaven.nl'], ignoredAddresses: [], departments: ['Wonen'], themes: ['wonen'], registerOwners: [] };
    await repo.saveSettings(start);
    const [anna, bram] = [h.repository(ANNA), h.repository(BRAM)];
    const base = { departments: start.departments };
    // At once: one of them lands, the other finds the list changed (its If-Match or its check) and is refused.
    const outcomes = await Promise.allSettled([anna.saveSettings({ departments: ['Wonen', 'Zorg'] }, { base }), bram.saveSettings({ departments: ['Wonen', 'Sport'] }, { base })]);
    const saved = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(saved).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(SettingsConflictError);
    const stored = await repo.getSettings();
    expect((refused[0] as SettingsConflictError).current.departments).toEqual(stored.departments);
    expect((refused[0] as SettingsConflictError).lists).toEqual(['departments']);
    // Having seen it, the refused one saves from what is stored now; a save from the same start of another list still goes.
    const loser = stored.departments.includes('Zorg') ? bram : anna;
    await loser.saveSettings({ departments: ['Wonen', 'Zorg', 'Sport'] }, { base: { departments: stored.departments } });
    await anna.saveSettings({ themes: ['wonen', 'zorg'] }, { base: { themes: start.themes } });
    expect(await repo.getSettings()).toMatchObject({ departments: ['Wonen', 'Zorg', 'Sport'], themes: ['wonen', 'zorg'] });
    // The same change as the one stored is no conflict.
    await bram.saveSettings({ themes: ['wonen', 'zorg'] }, { base: { themes: start.themes } });
  });

  it('keeps the text of a confidential interaction out of the Interactions list', async () => {
    const repo = h.repository(ANNA);
    const partner = await repo.savePartner(newPartner());
    const secret = newInteraction(partner.id, { confidential: true, summary: 'Bestuurder vertrekt; nog niet openbaar.', followUps: 'Wethouder informeren' });
    const saved = await repo.saveInteraction(secret);
    expect(saved).toMatchObject({ confidential: true, summary: secret.summary, followUps: 'Wethouder informeren' });

    const siteId = await repo.resolveSiteId();
    const raw = await h.transport().get<{ value: { fields: Record<string, unknown> }[] }>(
      `/sites/${siteId}/lists/Interactions/items?$expand=fields&$filter=${encodeURIComponent(`fields/clientId eq '${secret.clientId}'`)}`,
    );
    expect(raw.value[0].fields).toMatchObject({ confidential: true });
    expect(raw.value[0].fields.summary ?? '').toBe('');
    expect(raw.value[0].fields.followUps ?? null).toBeNull();

    // The author sees the note (from ConfidentialNotes, in the same batch).
    const context = await repo.getPartnerContext(partner.id);
    expect(context.interactions[0]).toMatchObject({ confidential: true, summary: secret.summary });
  });

  it('sends the token on every request and never the non-indexed opt-out header', async () => {
    const spy = jest.spyOn(globalThis, 'fetch');
    try {
      const repo = h.repository();
      const partner = await repo.savePartner(newPartner());
      await repo.saveInteraction(newInteraction(partner.id));
      await repo.getPartnerContext(partner.id);
      await repo.listRegister();
      expect(spy.mock.calls.length).toBeGreaterThan(3);
      for (const [, init] of spy.mock.calls) {
        const headers = new Headers(init?.headers as HeadersInit);
        expect(headers.get('authorization')).toMatch(/^Bearer /);
        expect(headers.get('prefer')).toBeNull();
      }
    } finally {
      spy.mockRestore();
    }
  });

  it('never filters or sorts on a column that is not indexed (the emulator refuses those, like Graph)', async () => {
    const repo = h.repository();
    const siteId = await repo.resolveSiteId();
    const refused = await h
      .transport()
      .get(`/sites/${siteId}/lists/Interactions/items?$filter=${encodeURIComponent("fields/summary eq 'x'")}`)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GraphRequestError);
    expect(refused).toMatchObject({ status: 400 });
    expect((refused as Error).message).toContain("Field 'summary' cannot be referenced in filter or orderby as it is not indexed");

    // Everything the repository does, then the log: every filtered/sorted field is an indexed one.
    h.emulator.clearLog();
    const partner = await repo.savePartner(newPartner());
    await repo.saveInteraction(newInteraction(partner.id, { sourceRef: 'x-1', confidential: true }));
    await repo.saveAgendaItem(newAgendaItem(partner.id));
    await repo.getPartnerContext(partner.id);
    await repo.listRegister();
    await repo.listInteractions(partner.id);
    await repo.findInteractionsBySource(['x-1', 'x-2']);
    await repo.getSettings();
    const indexed = new Set(['clientId', 'partnerId', 'date', 'sourceRef', 'status', 'lastContact', 'ownerEmail']);
    const used = new Set<string>();
    for (const entry of h.emulator.requestLog) {
      const query = new URLSearchParams(entry.url.split('?')[1] ?? '');
      for (const clause of [query.get('$filter'), query.get('$orderby')]) {
        for (const match of (clause ?? '').matchAll(/fields\/(\w+)/g)) used.add(match[1]);
      }
      expect(entry.status).not.toBe(400);
    }
    expect([...used].filter((c) => !indexed.has(c))).toEqual([]);
    expect(used.size).toBeGreaterThan(3);
    expect(INTERACTIONS.columns.find((c) => c.name === 'summary')).not.toHaveProperty('indexed');
  });
});
