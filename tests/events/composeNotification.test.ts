/**
 * The compose notification's handler (src/events/composeNotification.ts) against Outlook as
 * office-addin-mock (scripts/lib/composeOfficeMock.ts), which refuses what Outlook refuses.
 */
import { createComposeOfficeMock, fireLaunchEvent } from '../../scripts/lib/composeOfficeMock';
import { composeLine, partnersOfRecipients, type ComposeHints } from '../../src/core/composeHint';
import { handleRecipientsChanged, NOTIFICATION_KEY, type OfficeLike } from '../../src/events/composeNotification';

// office-addin-mock requires office-addin-manifest for its OfficeApp enum only; the package's entry
// loads ESM-only dependencies Jest's CommonJS runtime cannot, so the enum is read from its own file.
jest.mock('office-addin-manifest', () => jest.requireActual('office-addin-manifest/lib/officeApp'));

const OWNER = 'anne.official@veenhaven.nl';
const NOW = new Date('2026-12-02T10:00:00Z');
const hints: ComposeHints = {
  version: 1,
  owner: OWNER,
  savedAt: NOW.toISOString(),
  partners: [
    { id: 'p1', name: 'Woonstichting Portaal', domains: ['portaal.nl'], contacts: ['henk@gmail.com'], departments: 3, lastContact: '2026-11-20T09:00:00Z', lastDepartment: 'Wonen' },
    { id: 'p2', name: 'Ziekenhuis Rivierenland', domains: ['zrl.nl'], contacts: [] },
  ],
};

function run(options: Parameters<typeof createComposeOfficeMock>[0], stored: ComposeHints | null = hints) {
  const { office, state } = createComposeOfficeMock(options);
  let completed = 0;
  const done = new Promise<void>((resolve) =>
    handleRecipientsChanged(office as unknown as OfficeLike, { completed: () => { completed += 1; resolve(); } }, { hints: (owner) => (stored && stored.owner === owner ? stored : undefined), now: () => NOW }),
  );
  return done.then(() => ({ state, completed: () => completed }));
}

test('a partner recipient shows the one line with a link that opens the compose pane', async () => {
  const { state, completed } = await run({ kind: 'message', owner: OWNER, to: ['Jan <jan@mail.portaal.nl>', 'iemand@example.org'] });
  expect(state.errors).toEqual([]);
  const shown = state.notifications.get(NOTIFICATION_KEY);
  expect(shown?.type).toBe('insightMessage');
  expect(shown?.message).toBe('Woonstichting Portaal — 3 afdelingen in contact, laatste contact 12 dagen geleden (Wonen)');
  expect(shown?.actions?.[0]).toMatchObject({ actionType: 'showTaskPane', actionText: 'Partnerzicht openen', commandId: 'partnerzichtMsgComposeButton' });
  expect(completed()).toBe(1);
});

test('in English, on an appointment, the attendees count and the organizer button opens', async () => {
  const { state } = await run({ kind: 'appointment', owner: OWNER, displayLanguage: 'en-GB', required: ['a@zrl.nl'], optional: ['henk@gmail.com'] });
  expect(state.errors).toEqual([]);
  const shown = state.notifications.get(NOTIFICATION_KEY);
  expect(shown?.message).toBe('Ziekenhuis Rivierenland — partner of the municipality; open Partnerzicht for the whole picture (and 1 other partner)');
  expect(shown?.actions?.[0].commandId).toBe('partnerzichtApptButtonOrg');
});

test('no partner among the recipients: nothing is shown, and an earlier line goes away', async () => {
  const fresh = await run({ kind: 'message', owner: OWNER, to: ['iemand@example.org'], cc: ['portaal.nl@example.org'] });
  expect(fresh.state.notifications.size).toBe(0);
  expect(fresh.completed()).toBe(1);
  const earlier = await run({ kind: 'message', owner: OWNER, to: ['iemand@example.org'], notifications: { [NOTIFICATION_KEY]: { type: 'insightMessage', message: 'x', icon: 'Icon.16x16' } } });
  expect(earlier.state.notifications.size).toBe(0);
});

test("another official's hints, or none, show nothing and still complete", async () => {
  const other = await run({ kind: 'message', owner: 'b@veenhaven.nl', to: ['jan@portaal.nl'] });
  expect(other.state.notifications.size).toBe(0);
  expect(other.completed()).toBe(1);
  const none = await run({ kind: 'message', owner: OWNER, to: ['jan@portaal.nl'] }, null);
  expect(none.state.notifications.size).toBe(0);
});

test('a client that refuses the insight message gets the informational line without the link', async () => {
  const { office, state } = createComposeOfficeMock({ kind: 'message', owner: OWNER, to: ['jan@portaal.nl'] });
  // Another add-in-like insight on the item: one insight message per add-in, so the mock refuses a second.
  state.notifications.set('other', { type: 'insightMessage', message: 'x', icon: 'Icon.16x16' });
  await new Promise<void>((resolve) => handleRecipientsChanged(office as unknown as OfficeLike, { completed: resolve }, { hints: () => hints, now: () => NOW }));
  expect(state.notifications.get(NOTIFICATION_KEY)).toMatchObject({ type: 'informationalMessage', message: expect.stringContaining('Woonstichting Portaal') });
});

test('a handler that throws still completes, once', async () => {
  const { office } = createComposeOfficeMock({ kind: 'message', owner: OWNER, to: ['jan@portaal.nl'] });
  let completed = 0;
  await new Promise<void>((resolve) =>
    handleRecipientsChanged(office as unknown as OfficeLike, { completed: () => { completed += 1; resolve(); } }, { hints: () => { throw new Error('storage gone'); } }),
  );
  expect(completed).toBe(1);
});

test('the mock enforces the notification rules the handler relies on', async () => {
  const { office, state } = createComposeOfficeMock({ kind: 'message', owner: OWNER });
  const notifications = (office as unknown as OfficeLike).context.mailbox.item!.notificationMessages!;
  const tries: Array<Record<string, unknown>> = [
    { type: 'insightMessage', message: 'x'.repeat(151), icon: 'i' },
    { type: 'informationalMessage', message: 'x' },
    { type: 'informationalMessage', message: 'x', icon: 'i', actions: [{ actionType: 'showTaskPane', actionText: 'a', commandId: 'partnerzichtMsgComposeButton' }] },
    { type: 'insightMessage', message: 'x', icon: 'i', actions: [{ actionType: 'showTaskPane', actionText: 'a', commandId: 'partnerzichtMsgReadButton' }] },
  ];
  for (const details of tries) await new Promise<void>((resolve) => notifications.replaceAsync('k', details, () => resolve()));
  expect(state.errors).toHaveLength(4);
  expect(state.notifications.size).toBe(0);
  await fireLaunchEvent(state, 'nothing').catch((error: Error) => expect(error.message).toContain('no handler'));
});

describe('matching and the line', () => {
  test('contacts first, then the host or a parent domain; each partner once', () => {
    const found = partnersOfRecipients(['henk@gmail.com', 'x@a.b.portaal.nl', 'y@portaal.nl', 'z@notportaal.nl', 'w@zrl.nl.evil.com'], hints);
    expect(found.map((p) => p.id)).toEqual(['p1']);
  });

  test('at most 150 characters: a long name is shortened, the figures stay', () => {
    const long = { ...hints.partners[0], name: 'Stichting '.repeat(20) };
    const line = composeLine([long, hints.partners[1]], 'nl', NOW);
    expect(line.length).toBeLessThanOrEqual(150);
    expect(line).toContain('3 afdelingen in contact, laatste contact 12 dagen geleden (Wonen) (en 1 andere partner)');
  });

  test('today, yesterday, one department, never contacted', () => {
    const p = hints.partners[0];
    expect(composeLine([{ ...p, lastContact: '2026-12-02T08:00:00Z', departments: 1 }], 'nl', NOW)).toBe('Woonstichting Portaal — 1 afdeling in contact, laatste contact vandaag (Wonen)');
    expect(composeLine([{ ...p, lastContact: '2026-12-01T08:00:00Z' }], 'en', NOW)).toBe('Woonstichting Portaal — 3 departments in contact, last contact yesterday (Wonen)');
    expect(composeLine([{ ...p, departments: 0, lastContact: undefined, lastDepartment: undefined }], 'nl', NOW)).toBe('Woonstichting Portaal — partner van de gemeente, nog geen contact vastgelegd');
  });
});
