/** @jest-environment jsdom */
import '../reactDom';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { PartnerContext, RegisterPartner } from '../../../src/core/model';
import type { TeamWeekAhead as TeamAnswer } from '../../../src/ui/services';
import { TeamWeekAhead } from '../../../src/ui/overview/TeamWeekAhead';
import { I18nProvider } from '../../../src/ui/shell/I18nContext';


const settle = () => act(async () => { await new Promise((r) => setTimeout(r, 0)); });
const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent === name);
const PORTAAL: RegisterPartner = { id: 'p1', name: 'Portaal', aliases: [], domains: ['portaal.nl'], contacts: [] };
const context: PartnerContext = { partner: { ...PORTAAL, ownerEmail: 'm.jansen@veenhaven.nl', ownerName: 'Marieke Jansen' } as PartnerContext['partner'], interactions: [], agenda: [] };
const READY: TeamAnswer = {
  status: 'ready',
  colleagues: [
    { id: 'u1', name: 'Bas Vermeulen', email: 'b.vermeulen@veenhaven.nl', calendar: 'shared', meetings: [{ id: 'e1', subject: 'Met Portaal', start: '2026-12-03T13:00:00.000Z', organizer: 'b.vermeulen@veenhaven.nl', attendees: ['h.vandijk@portaal.nl'] }] },
    { id: 'u2', name: 'Sander de Vries', email: 's.devries@veenhaven.nl', calendar: 'not-shared' },
  ],
};

async function render(load: () => Promise<TeamAnswer>) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () =>
    root.render(
      <I18nProvider locale="nl">
        <TeamWeekAhead load={load} partners={[PORTAAL]} contextOf={(id) => (id === 'p1' ? context : undefined)} manager="m.jansen@veenhaven.nl" now={new Date('2026-12-01T08:00:00Z')} onOpen={() => undefined} />
      </I18nProvider>,
    ),
  );
  return { container, unmount: () => act(async () => root.unmount()) };
}

test('nothing is read before the click; a refused consent is said and the button stays; consented, each colleague or "not shared"', async () => {
  const answers: TeamAnswer[] = [{ status: 'consent-refused' }, READY];
  let calls = 0;
  const { container, unmount } = await render(async () => answers[calls++]);
  expect(calls).toBe(0);
  await act(async () => button('Afspraken van mijn medewerkers tonen')!.click());
  await settle();
  expect(container.textContent).toContain('Zonder je toestemming (User.ReadBasic.All en Calendars.Read.Shared)');
  await act(async () => button('Afspraken van mijn medewerkers tonen')!.click());
  await settle();
  expect(calls).toBe(2);
  const colleagues = [...container.querySelectorAll('[data-testid="week-ahead-colleague"]')];
  expect(colleagues.map((c) => c.querySelector('h3')?.textContent)).toEqual(['Bas Vermeulen', 'Sander de Vries']);
  expect(colleagues[0].querySelector('h4')?.textContent).toBe('Met Portaal');
  expect(colleagues[0].textContent).toContain('Bas Vermeulen had nog geen contact met deze partner.');
  // The manager owns the partner: said so, no call to themself.
  expect(colleagues[0].querySelector('[data-testid="briefing-owner"]')?.textContent).toBe('Jij bent de relatiebeheerder.');
  expect(colleagues[1].querySelector('[data-testid="week-ahead-not-shared"]')?.textContent).toBe('Agenda niet met jou gedeeld');
  expect(colleagues[1].querySelector('[data-testid="week-ahead-team-meeting"]')).toBeNull();
  expect(button('Afspraken van mijn medewerkers tonen')).toBeUndefined();
  await unmount();
});

test('no direct reports: said so; a failed read: said so, with a retry', async () => {
  let fail = true;
  const { container, unmount } = await render(async () => {
    if (fail) throw new Error('network');
    return { status: 'ready', colleagues: [] };
  });
  await act(async () => button('Afspraken van mijn medewerkers tonen')!.click());
  await settle();
  expect(container.textContent).toContain("De agenda's van je medewerkers konden niet worden gelezen.");
  fail = false;
  await act(async () => button('Opnieuw proberen')!.click());
  await settle();
  expect(container.textContent).toContain('Je hebt geen medewerkers in de organisatiegegevens.');
  await unmount();
});

test('a colleague\'s meeting the manager takes part in too: named, with the way to the partner, without a second briefing', async () => {
  const both: TeamAnswer = {
    status: 'ready',
    colleagues: [{ id: 'u1', name: 'Bas Vermeulen', email: 'b.vermeulen@veenhaven.nl', calendar: 'shared', meetings: [
      { id: 'e1', subject: 'Met Portaal', start: '2026-12-03T13:00:00.000Z', organizer: 'b.vermeulen@veenhaven.nl', attendees: ['h.vandijk@portaal.nl', 'M.Jansen@veenhaven.nl'] },
      { id: 'e2', subject: 'Portaal alleen', start: '2026-12-04T13:00:00.000Z', organizer: 'b.vermeulen@veenhaven.nl', attendees: ['h.vandijk@portaal.nl'] },
    ] }],
  };
  const { container, unmount } = await render(async () => both);
  await act(async () => button('Afspraken van mijn medewerkers tonen')!.click());
  await settle();
  const [shared, own] = [...container.querySelectorAll('[data-testid="week-ahead-team-meeting"]')];
  expect(shared.querySelector('h4')?.textContent).toBe('Met Portaal');
  expect(shared.querySelector('[data-testid="week-ahead-also-yours"]')?.textContent).toBe('Jij bent hier ook bij: je briefing staat bij je eigen afspraken.');
  expect(shared.querySelector('[data-testid="briefing-owner"]')).toBeNull();
  expect(shared.textContent).not.toContain('had nog geen contact');
  expect([...shared.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Open Portaal']);
  // Bas's meeting without the manager keeps its briefing.
  expect(own.querySelector('[data-testid="week-ahead-also-yours"]')).toBeNull();
  expect(own.textContent).toContain('Bas Vermeulen had nog geen contact met deze partner.');
  await unmount();
});
