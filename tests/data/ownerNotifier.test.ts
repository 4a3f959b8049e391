/**
 * The owner kept informed: what a colleague's client sends to a partner's relationship owner after a note is
 * saved (or on seeing an overdue agenda item), against the emulator's sendActivityNotification, which checks the
 * scope and the body as Graph documents them and keeps what it was sent.
 */
import 'fake-indexeddb/auto';
import { ACTIVITY_TYPES } from '../../src/config/appIdentity';
import type { Interaction, Partner } from '../../src/core/model';
import { GraphTransport } from '../../src/data/graph/GraphTransport';
import { OwnerNotifier, PREVIEW_LIMIT, type NotifyOutcome } from '../../src/data/ownerNotifier';
import type { SharePointPartnerRepository } from '../../src/data/SharePointPartnerRepository';
import { createTestToken } from '../../src/emulator';
import { overviewPartnerDeepLink } from '../../src/hosts/deepLinks';
import { createTranslator } from '../../src/i18n';
import { newAgendaItem, newInteraction, newPartner } from './fixtures';
import { ANNA, BRAM, startHarness, type Harness, type Official } from './graphHarness';

const NOW = new Date('2026-12-01T10:00:00.000Z');
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.emulator.activity.clear());

class MemoryStorage {
  private readonly map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
}

function notifierFor(as: Official, repo: SharePointPartnerRepository, transport: GraphTransport = h.transport(as), storage = new MemoryStorage()) {
  const outcomes: NotifyOutcome[] = [];
  const notifier = new OwnerNotifier({
    transport,
    readContext: (id) => repo.getPartnerContext(id),
    official: async () => as.email,
    translate: createTranslator('nl'),
    partnerLink: (id, name) => overviewPartnerDeepLink(id, { label: name }),
    now: () => NOW,
    storage,
    onOutcome: (o) => outcomes.push(o),
  });
  return { notifier, outcomes };
}

/** Anna (Wonen) owns the partner and logged on it before; returns Bram's (Economie) repository and the partner. */
async function partnerOwnedByAnna(over: Partial<Partner> = {}): Promise<{ partner: Partner; bram: SharePointPartnerRepository }> {
  const anna = h.repository(ANNA);
  const partner = await anna.savePartner(newPartner(over));
  await anna.saveInteraction(newInteraction(partner.id, { department: 'Wonen', date: '2026-11-20T10:00:00Z' }));
  return { partner, bram: h.repository(BRAM) };
}

const bramsNote = (partnerId: string, over: Partial<Interaction> = {}) =>
  newInteraction(partnerId, { department: 'Economie', authorEmail: BRAM.email, authorName: BRAM.name, title: 'Werklocaties Noord', summary: 'Besproken: de kavels aan de haven.', ...over });

test('a colleague of another department logs a note: the owner gets it in Teams, with the partner page as the link', async () => {
  const { partner, bram } = await partnerOwnedByAnna();
  const saved = await bram.saveInteraction(bramsNote(partner.id));
  const { notifier } = notifierFor(BRAM, bram);
  const outcome = await notifier.noteSaved(saved);
  expect(outcome?.status).toBe('sent');
  expect(h.emulator.activity.sent).toHaveLength(1);
  const [sent] = h.emulator.activity.sent;
  expect(sent.recipient).toBe(ANNA.email);
  expect(sent.sender).toBe(BRAM.email);
  expect(sent.body).toEqual({
    activityType: ACTIVITY_TYPES.noteLogged,
    topic: { source: 'text', value: partner.name, webUrl: overviewPartnerDeepLink(partner.id, { label: partner.name }) },
    previewText: { content: 'Economie: Werklocaties Noord' },
    templateParameters: [{ name: 'partner', value: partner.name }],
  });
  // The summary is never sent, also not for an ordinary note: the owner reads it on the partner page.
  expect(JSON.stringify(sent.body)).not.toContain('kavels');
});

test('a confidential note never reveals its text or title: the preview is generic', async () => {
  const { partner, bram } = await partnerOwnedByAnna();
  const saved = await bram.saveInteraction(bramsNote(partner.id, { confidential: true, title: 'Integriteitsmelding bestuurder', summary: 'Geheim: signaal over de bestuurder.' }));
  await notifierFor(BRAM, bram).notifier.noteSaved(saved);
  const body = JSON.stringify(h.emulator.activity.sent[0].body);
  expect(body).not.toMatch(/Integriteitsmelding|bestuurder|Geheim|signaal/);
  expect(h.emulator.activity.sent[0].body.previewText?.content).toBe(createTranslator('nl')('notify.preview.confidential', { department: 'Economie' }));
});

test('the owner is not told of their own notes, their own department\'s, corrections, or when they chose nothing', async () => {
  const { partner, bram } = await partnerOwnedByAnna();
  const anna = h.repository(ANNA);
  const own = await anna.saveInteraction(newInteraction(partner.id, { department: 'Wonen' }));
  expect(await notifierFor(ANNA, anna).notifier.noteSaved(own)).toBeUndefined();
  const sameDepartment = await bram.saveInteraction(bramsNote(partner.id, { department: 'Wonen' }));
  expect(await notifierFor(BRAM, bram).notifier.noteSaved(sameDepartment)).toBeUndefined();
  const note = await bram.saveInteraction(bramsNote(partner.id));
  const corrected = await bram.saveInteraction({ ...note, title: 'Gecorrigeerd', edited: { at: NOW.toISOString(), byName: BRAM.name, byEmail: BRAM.email } });
  expect(await notifierFor(BRAM, bram).notifier.noteSaved(corrected)).toBeUndefined();
  expect(h.emulator.activity.sent).toHaveLength(0);

  const { partner: quiet, bram: bram2 } = await partnerOwnedByAnna({ ownerNotify: 'none' });
  expect((await bram2.getPartnerContext(quiet.id)).partner.ownerNotify).toBe('none');
  expect(await notifierFor(BRAM, bram2).notifier.noteSaved(await bram2.saveInteraction(bramsNote(quiet.id)))).toBeUndefined();
  expect(h.emulator.activity.sent).toHaveLength(0);
});

test('daily digest: the first colleague\'s note of the day is told (on a chain per partner and day), later ones that day are not', async () => {
  const { partner, bram } = await partnerOwnedByAnna({ ownerNotify: 'digest' });
  const { notifier } = notifierFor(BRAM, bram);
  const first = await bram.saveInteraction(bramsNote(partner.id, { title: 'Eerste' }));
  expect((await notifier.noteSaved(first))?.status).toBe('sent');
  const second = await bram.saveInteraction(bramsNote(partner.id, { title: 'Tweede' }));
  expect(await notifier.noteSaved(second)).toBeUndefined();
  expect(h.emulator.activity.sent).toHaveLength(1);
  const body = h.emulator.activity.sent[0].body;
  expect(body.activityType).toBe(ACTIVITY_TYPES.notesToday);
  expect(body.previewText?.content).toBe('Vandaag nieuw contact. Economie: Eerste');
  expect(Number.isSafeInteger(body.chainId)).toBe(true);
});

test('the app not installed for the owner: the note stays saved, the outcome says not-installed (the owner\'s overview shows it instead)', async () => {
  const { partner, bram } = await partnerOwnedByAnna();
  h.emulator.activity.setAppInstalled(ANNA.email, false);
  try {
    const saved = await bram.saveInteraction(bramsNote(partner.id));
    const outcome = await notifierFor(BRAM, bram).notifier.noteSaved(saved);
    expect(outcome?.status).toBe('not-installed');
    expect(h.emulator.activity.sent).toHaveLength(0);
    expect((await bram.getPartnerContext(partner.id)).interactions.map((i) => i.id)).toContain(saved.id);
  } finally {
    h.emulator.activity.setAppInstalled(ANNA.email, true);
  }
});

test('the emulator enforces TeamsActivity.Send and the documented body', async () => {
  const { partner, bram } = await partnerOwnedByAnna();
  const noScope = GraphTransport.create({ baseUrl: h.url, getAccessToken: async () => createTestToken({ ...BRAM, scopes: ['Sites.ReadWrite.All', 'User.Read'] }), retry: { maxRetries: 0 } });
  const saved = await bram.saveInteraction(bramsNote(partner.id));
  expect((await notifierFor(BRAM, bram, noScope).notifier.noteSaved(saved))?.status).toBe('not-allowed');
  const path = `/users/${encodeURIComponent(ANNA.email)}/teamwork/sendActivityNotification`;
  const topic = { source: 'text', value: 'Portaal', webUrl: 'https://teams.microsoft.com/l/entity/x/y' };
  const transport = h.transport(BRAM);
  await expect(transport.request('POST', path, { body: { activityType: 'undeclared', topic } })).rejects.toMatchObject({ status: 400 });
  await expect(transport.request('POST', path, { body: { activityType: ACTIVITY_TYPES.noteLogged, topic: { source: 'text', value: 'Portaal' } } })).rejects.toMatchObject({ status: 400 });
  await expect(transport.request('POST', path, { body: { activityType: ACTIVITY_TYPES.noteLogged, topic, previewText: 'plain' } })).rejects.toMatchObject({ status: 400 });
  expect((await transport.request('POST', path, { body: { activityType: ACTIVITY_TYPES.noteLogged, topic } })).status).toBe(204);
});

test('an overdue agenda item: its owner is told once from this device, by an official who is not the owner; a long title is clipped', async () => {
  const { partner, bram } = await partnerOwnedByAnna();
  const topic = `Vastgoedlijst ${'x'.repeat(200)}`;
  await h.repository(ANNA).saveAgendaItem(newAgendaItem(partner.id, { topic, dueDate: '2026-11-15T12:00:00Z' }));
  await h.repository(ANNA).saveAgendaItem(newAgendaItem(partner.id, { topic: 'Later', dueDate: '2027-01-15T12:00:00Z' }));
  const storage = new MemoryStorage();
  const { notifier } = notifierFor(BRAM, bram, h.transport(BRAM), storage);
  const context = await bram.getPartnerContext(partner.id);
  expect((await notifier.contextRead(context)).map((o) => o.status)).toEqual(['sent']);
  expect(await notifier.contextRead(context)).toEqual([]);
  expect(h.emulator.activity.sent).toHaveLength(1);
  const body = h.emulator.activity.sent[0].body;
  expect(body.activityType).toBe(ACTIVITY_TYPES.agendaOverdue);
  expect(body.previewText!.content.length).toBe(PREVIEW_LIMIT);
  // The owner's own client never tells the owner.
  expect(await notifierFor(ANNA, h.repository(ANNA)).notifier.contextRead(context)).toEqual([]);
});
