/**
 * Logged notes that stay right after they are logged, against the Graph emulator: each official logs
 * their own contact for an email and sees the others'; the author corrects a note (If-Match on its
 * ETag, through the write queue) or withdraws it with a reason; the partner's figures follow.
 */
import 'fake-indexeddb/auto';
import { editedInteraction, interactionToDraft } from '../../src/core/noteDraft';
import { loggedForItem, withdrawnInteraction } from '../../src/core/notes';
import type { Interaction } from '../../src/core/model';
import { restrictConfidentialListInEmulator } from '../../src/data/confidentialListSecurity';
import { ensureSchema } from '../../src/data/ensureSchema';
import { ConflictError } from '../../src/data/PartnerRepository';
import { INTERACTIONS, toGraphListDefinition } from '../../src/data/schema';
import { WriteQueue } from '../../src/data/writeQueue';
import { newInteraction, newPartner } from './fixtures';
import { ANNA, BRAM, SITE_REF, recordingSleep, startHarness, type Harness } from './graphHarness';

const NOW = new Date('2026-12-03T09:30:00Z');
let dbCounter = 0;

describe('logged notes: per official, corrected, withdrawn (emulator)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const byAnna = (partnerId: string, over: Partial<Interaction> = {}) => newInteraction(partnerId, { authorEmail: ANNA.email, authorName: ANNA.name, ...over });
  const byBram = (partnerId: string, over: Partial<Interaction> = {}) => newInteraction(partnerId, { authorEmail: BRAM.email, authorName: BRAM.name, department: 'Economie', ...over });

  it('each official logs their own note on the same email, and sees who else did and when they logged it', async () => {
    const partner = await h.repository(ANNA).savePartner(newPartner());
    const messageId = '<AM0PR10MB@veenhaven.nl>';
    // A note from before Message-IDs were used carries Bram's Outlook item id.
    const bramsItemId = 'AAMkAGI2TG93AAA=';
    const anna = await h.repository(ANNA).saveInteraction(byAnna(partner.id, { sourceRef: messageId, kind: 'email', date: '2026-11-01T12:00:00Z' }));
    await h.repository(BRAM).saveInteraction(byBram(partner.id, { sourceRef: bramsItemId, kind: 'email', title: 'Mijn verslag' }));

    const forAnna = await h.repository(ANNA).findInteractionsBySource([messageId, 'AAMkANNASITEM=']);
    expect(forAnna.map((i) => i.authorEmail)).toEqual([ANNA.email]);
    const forBram = await h.repository(BRAM).findInteractionsBySource([messageId, bramsItemId]);
    expect(forBram.map((i) => i.authorEmail).sort()).toEqual([ANNA.email, BRAM.email].sort());

    const { mine, others } = loggedForItem(forBram, BRAM);
    expect(mine).toMatchObject({ authorEmail: BRAM.email, title: 'Mijn verslag' });
    expect(others).toEqual([expect.objectContaining({ authorName: ANNA.name, department: 'Wonen' })]);
    // When it was logged is the item's creation time, not the email's date.
    expect(anna.loggedAt).toBeDefined();
    expect(Math.abs(Date.parse(others[0].loggedAt!) - Date.now())).toBeLessThan(60_000);
    expect(others[0].date).toBe('2026-11-01T12:00:00Z');
  });

  it('the author corrects a note with If-Match: "bijgewerkt" is on record, and a stale ETag is a conflict carrying the current version', async () => {
    const repo = h.repository(ANNA);
    const partner = await repo.savePartner(newPartner());
    const saved = await repo.saveInteraction(byAnna(partner.id, { followUps: 'Offerte sturen' }));
    expect(saved.etag).toBeTruthy();
    const draft = { ...interactionToDraft(saved), title: 'Prestatieafspraken 2027 (gecorrigeerd)', summary: 'Portaal denkt mee over de verkoop van vastgoed.', themes: ['wonen', 'vastgoed'], kind: 'call' as const, department: 'Vastgoed', followUps: 'Lijst met panden opvragen', wooRelevant: false };
    const corrected = await repo.saveInteraction(editedInteraction(saved, draft, ANNA, NOW));
    expect(corrected.etag).not.toBe(saved.etag);

    const [stored] = await repo.listInteractions(partner.id);
    expect(stored).toMatchObject({
      id: saved.id, title: 'Prestatieafspraken 2027 (gecorrigeerd)', kind: 'call', department: 'Vastgoed', themes: ['wonen', 'vastgoed'],
      followUps: 'Lijst met panden opvragen', wooRelevant: false, date: saved.date, loggedAt: saved.loggedAt, authorEmail: ANNA.email,
      edited: { byName: ANNA.name, byEmail: ANNA.email },
    });
    expect(Date.parse(stored.edited!.at)).toBe(NOW.getTime());

    // The same correction sent again (its answer was lost): found on the server, so no conflict.
    await expect(repo.saveInteraction(editedInteraction(saved, draft, ANNA, NOW))).resolves.toMatchObject({ title: draft.title });
    // Another correction made from the first version: someone saved first.
    const stale = repo.saveInteraction(editedInteraction(saved, { ...draft, title: 'Iets anders' }, ANNA, NOW));
    const conflict = (await stale.catch((e: unknown) => e)) as ConflictError<Interaction>;
    expect(conflict).toBeInstanceOf(ConflictError);
    expect(conflict.current).toMatchObject({ title: 'Prestatieafspraken 2027 (gecorrigeerd)', etag: stored.etag });
    expect((await repo.listInteractions(partner.id))[0].title).toBe('Prestatieafspraken 2027 (gecorrigeerd)');
  });

  it('a withdrawn note stays on record with who, when and why, and no longer counts in the partner’s figures', async () => {
    const repo = h.repository(ANNA);
    const partner = await repo.savePartner(newPartner());
    await repo.saveInteraction(byAnna(partner.id, { date: '2026-10-01T12:00:00Z', title: 'oud' }));
    const newest = await repo.saveInteraction(byAnna(partner.id, { date: '2026-11-20T12:00:00Z', title: 'nieuw' }));
    const figures = async () => (await repo.getPartnerContext(partner.id)).partner;
    expect(await figures()).toMatchObject({ interactionCount: 2, lastContact: '2026-11-20T12:00:00Z' });

    await repo.saveInteraction(withdrawnInteraction(newest, 'Dubbel vastgelegd', ANNA, NOW));
    expect(await figures()).toMatchObject({ interactionCount: 1, lastContact: '2026-10-01T12:00:00Z' });
    const withdrawn = (await repo.listInteractions(partner.id)).find((i) => i.id === newest.id);
    expect(withdrawn).toMatchObject({ title: 'nieuw', summary: newest.summary, withdrawn: { reason: 'Dubbel vastgelegd', byName: ANNA.name, byEmail: ANNA.email } });
    expect(Date.parse(withdrawn!.withdrawn!.at)).toBe(NOW.getTime());
    // Withdrawing the last one leaves no contact at all.
    const [old] = (await repo.listInteractions(partner.id)).filter((i) => !i.withdrawn);
    await repo.saveInteraction(withdrawnInteraction(old, 'Verkeerde partner', ANNA, NOW));
    expect(await figures()).toMatchObject({ interactionCount: 0 });
    expect((await figures()).lastContact).toBeUndefined();
  });

  it('a confidential note’s correction goes to ConfidentialNotes, which only its author reads; the flag moves the text between the lists', async () => {
    await restrictConfidentialListInEmulator(h.transport(ANNA), SITE_REF);
    const anna = h.repository(ANNA);
    const partner = await anna.savePartner(newPartner());
    const saved = await anna.saveInteraction(byAnna(partner.id, { confidential: true, summary: 'Bestuurder vertrekt, nog niet openbaar.' }));
    const secret = 'Bestuurder vertrekt per 1 maart; opvolging nog open.';
    await anna.saveInteraction(editedInteraction(saved, { ...interactionToDraft(saved), summary: secret }, ANNA, NOW));

    const siteId = await anna.resolveSiteId();
    const raw = await h.transport(ANNA).get<{ value: Array<{ fields: Record<string, unknown> }> }>(`/sites/${siteId}/lists/Interactions/items?$expand=fields&$filter=${encodeURIComponent(`fields/clientId eq '${saved.clientId}'`)}`);
    expect(raw.value[0].fields.summary ?? '').toBe('');
    expect((await anna.listInteractions(partner.id))[0]).toMatchObject({ confidential: true, summary: secret, edited: { byName: ANNA.name } });
    expect(JSON.stringify(await h.repository(BRAM).listInteractions(partner.id))).not.toContain('opvolging');

    // No longer confidential: the text moves into Interactions and the note is removed.
    const [current] = await anna.listInteractions(partner.id);
    await anna.saveInteraction(editedInteraction(current, { ...interactionToDraft(current), confidential: false }, ANNA, NOW));
    expect((await h.repository(BRAM).listInteractions(partner.id))[0]).toMatchObject({ confidential: false, summary: secret });
    const notes = await h.transport(ANNA).get<{ value: unknown[] }>(`/sites/${siteId}/lists/ConfidentialNotes/items?$expand=fields&$filter=${encodeURIComponent(`fields/clientId eq '${saved.clientId}'`)}`);
    expect(notes.value).toEqual([]);

    // Confidential again: the text goes back to the author-only list.
    const [open] = await anna.listInteractions(partner.id);
    await anna.saveInteraction(editedInteraction(open, { ...interactionToDraft(open), confidential: true }, ANNA, NOW));
    expect(JSON.stringify(await h.repository(BRAM).listInteractions(partner.id))).not.toContain('opvolging');
    expect((await anna.listInteractions(partner.id))[0]).toMatchObject({ confidential: true, summary: secret });

    // Withdrawn: the text stays where it is, readable by its author only.
    const [closed] = await anna.listInteractions(partner.id);
    const result = await anna.saveInteraction(withdrawnInteraction(closed, 'Hoort bij een andere partner', ANNA, NOW));
    expect(result).toMatchObject({ summary: secret, withdrawn: { reason: 'Hoort bij een andere partner' } });
    expect((await anna.listInteractions(partner.id))[0]).toMatchObject({ summary: secret, withdrawn: { reason: 'Hoort bij een andere partner' } });
    expect(JSON.stringify(await h.repository(BRAM).listInteractions(partner.id))).not.toContain('opvolging');
  });

  it('through the write queue: a correction made from a stale version waits as a conflict with the current one, and is sent over it when the author keeps it', async () => {
    const repo = h.repository(ANNA);
    const partner = await repo.savePartner(newPartner());
    const saved = await repo.saveInteraction(byAnna(partner.id));
    // Anna corrects the note on another device first.
    const elsewhere = await repo.saveInteraction(editedInteraction(saved, { ...interactionToDraft(saved), title: 'Op de laptop gecorrigeerd' }, ANNA, NOW));

    const queue = await WriteQueue.open({ repository: repo, owner: ANNA.email, dbName: `notes-queue-${dbCounter++}`, sleep: recordingSleep() });
    const mine = editedInteraction(saved, { ...interactionToDraft(saved), title: 'In de pane gecorrigeerd', summary: 'Afspraken over de planning en de verkoop.' }, ANNA, NOW);
    await queue.enqueue({ kind: 'interaction', payload: mine });
    await queue.flush();
    const [waiting] = queue.list();
    expect(waiting).toMatchObject({ state: 'conflict', payload: { title: 'In de pane gecorrigeerd' }, current: { title: 'Op de laptop gecorrigeerd', etag: elsewhere.etag } });
    expect((await repo.listInteractions(partner.id))[0].title).toBe('Op de laptop gecorrigeerd');

    await queue.retry(saved.clientId, { keepMine: true });
    await queue.flush();
    expect(queue.list()).toEqual([]);
    expect((await repo.listInteractions(partner.id))[0]).toMatchObject({ title: 'In de pane gecorrigeerd', summary: 'Afspraken over de planning en de verkoop.' });
    await queue.close();
  });

  it('ensureSchema adds the correction and withdrawal columns to an existing Interactions list, keeping its notes; new notes work before the upgrade', async () => {
    // Setup's work (dropping and making lists, adding columns) with the administrator's setup token.
    const t = h.adminTransport(ANNA);
    const siteId = await h.repository(ANNA).resolveSiteId();
    const added = ['editedAt', 'editedByName', 'editedByEmail', 'withdrawnAt', 'withdrawnByName', 'withdrawnByEmail', 'withdrawnReason'];
    // The list as an earlier release made it.
    await t.request('DELETE', `/sites/${siteId}/lists/Interactions`);
    await t.request('POST', `/sites/${siteId}/lists`, { body: toGraphListDefinition({ ...INTERACTIONS, columns: INTERACTIONS.columns.filter((c) => !added.includes(c.name)) }) });
    const repo = h.repository(ANNA);
    const partner = await repo.savePartner(newPartner());
    const before = await repo.saveInteraction(byAnna(partner.id, { title: 'Voor de upgrade' }));

    const report = await ensureSchema(t, SITE_REF);
    expect(report.addedColumns).toEqual(added.map((c) => `Interactions.${c}`));
    expect(report.problems).toEqual([]);
    const [kept] = await repo.listInteractions(partner.id);
    expect(kept).toMatchObject({ id: before.id, title: 'Voor de upgrade', summary: before.summary });
    await repo.saveInteraction(withdrawnInteraction(kept, 'Test', ANNA, NOW));
    expect((await repo.listInteractions(partner.id))[0].withdrawn).toMatchObject({ reason: 'Test' });
  });
});
