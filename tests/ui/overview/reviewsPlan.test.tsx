/** @jest-environment jsdom */
import '../reactDom';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { dateOnlyDay, dateOnlyToGraph } from '../../../src/data/dateOnly';
import type { AgendaItem, Interaction, Partner } from '../../../src/core/model';
import type { OverviewModel } from '../../../src/ui/overview/useOverviewModel';
import { ReviewsTab } from '../../../src/ui/overview/ReviewsTab';
import { I18nProvider } from '../../../src/ui/shell/I18nContext';
import { loadCatalogue } from '../../../src/i18n';


const PORTAAL = { id: 'p1', name: 'Portaal', aliases: [], domains: ['portaal.nl'], contacts: [], status: 'active' } as unknown as Partner;

function memoryDrafts() {
  const stored = new Map<string, unknown>();
  return {
    stored,
    load: async (key: string) => stored.get(key),
    save: async (key: string, value: unknown) => void stored.set(key, value),
    remove: async (key: string) => void stored.delete(key),
    list: async () => [...stored.keys()],
  };
}

test('"Gesprek plannen" in the afternoon puts the review on the agenda 30 calendar days ahead, a day the date-only column keeps', async () => {
  const saved: AgendaItem[] = [];
  const model = {
    services: { ownDepartment: async () => undefined, drafts: memoryDrafts(), now: () => new Date('2026-12-03T15:30:00Z') },
    // 15:30 UTC: a raw "now + 30 days" instant is after noon UTC, which the Agenda list stores as the next day.
    now: new Date('2026-12-03T15:30:00Z'),
    user: { email: 'm.jansen@veenhaven.nl', name: 'Marieke Jansen' },
    partners: [PORTAAL],
    interactions: [],
    agenda: [],
    saveAgendaItem: async (item: AgendaItem) => void saved.push(item),
    addInteraction: async () => undefined,
  } as unknown as OverviewModel;
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(<I18nProvider locale="nl"><ReviewsTab model={model} partnerName={() => 'Portaal'} /></I18nProvider>));
  const plan = container.querySelector<HTMLButtonElement>('button[aria-label="Gesprek plannen: Portaal"]');
  expect(plan).not.toBeNull();
  await act(async () => plan!.click());
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({ partnerId: 'p1', topic: 'Jaarlijks relatiegesprek', direction: 'samen', status: 'open', dueDate: '2027-01-02T12:00:00.000Z' });
  expect(dateOnlyDay(dateOnlyToGraph(saved[0].dueDate))).toBe('2027-01-02');
  expect(container.querySelector('[data-testid="reviews-message"]')?.textContent).toBe('Relatiegesprek gepland op de agenda van Portaal.');
  await act(async () => root.unmount());
});

test('a review planned by a colleague who reads English is planned for a Dutch reader too: no second "Gesprek plannen"', async () => {
  await loadCatalogue('en');
  const saved: AgendaItem[] = [];
  const modelWith = (agenda: AgendaItem[]) =>
    ({
      services: { ownDepartment: async () => undefined, drafts: memoryDrafts(), now: () => new Date('2026-12-03T09:00:00Z') },
      now: new Date('2026-12-03T09:00:00Z'),
      user: { email: 'm.jansen@veenhaven.nl', name: 'Marieke Jansen' },
      partners: [PORTAAL],
      interactions: [],
      agenda,
      saveAgendaItem: async (item: AgendaItem) => void saved.push(item),
      addInteraction: async () => undefined,
    }) as unknown as OverviewModel;
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const show = (locale: 'nl' | 'en', agenda: AgendaItem[]) => act(async () => root.render(<I18nProvider locale={locale}><ReviewsTab model={modelWith(agenda)} partnerName={() => 'Portaal'} /></I18nProvider>));
  await show('en', []);
  await act(async () => container.querySelector<HTMLButtonElement>('button[aria-label="Plan review: Portaal"]')!.click());
  expect(saved).toHaveLength(1);
  expect(saved[0].topic).not.toBe('Jaarlijks relatiegesprek');

  await show('nl', saved);
  expect(container.querySelector('button[aria-label="Gesprek plannen: Portaal"]')).toBeNull();
  // Done, it no longer counts: the review is due again.
  await show('nl', [{ ...saved[0], status: 'done' }]);
  expect(container.querySelector('button[aria-label="Gesprek plannen: Portaal"]')).not.toBeNull();
  // Planned by an earlier release (no mark): recognised by the reader's own topic, as before.
  await show('nl', [{ ...saved[0], clientId: 'c-1', id: '7', topic: 'Jaarlijks relatiegesprek' }]);
  expect(container.querySelector('button[aria-label="Gesprek plannen: Portaal"]')).toBeNull();
  await act(async () => root.unmount());
});

test('what was typed in a review survives a switch of tab (the form is unmounted), and the review is dated when it is recorded, with a title that fits', async () => {
  const drafts = memoryDrafts();
  const added: Interaction[] = [];
  let clock = new Date('2026-12-07T09:00:00Z');
  const longName = 'Stichting '.padEnd(238, 'x');
  const model = {
    services: { ownDepartment: async () => 'Wonen', drafts, now: () => clock },
    now: new Date('2026-12-01T08:00:00Z'), // the tab was opened days before
    user: { email: 'm.jansen@veenhaven.nl', name: 'Marieke Jansen' },
    partners: [{ ...PORTAAL, name: longName }],
    interactions: [],
    agenda: [],
    saveAgendaItem: async () => undefined,
    addInteraction: async (i: Interaction) => void added.push(i),
  } as unknown as OverviewModel;
  const container = document.createElement('div');
  document.body.append(container);
  const mount = async () => {
    const root = createRoot(container);
    await act(async () => root.render(<I18nProvider locale="nl"><ReviewsTab model={model} partnerName={() => longName} /></I18nProvider>));
    return root;
  };
  let root = await mount();
  const goesWell = () => container.querySelectorAll<HTMLTextAreaElement>('textarea')[0];
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    setter.call(goesWell(), 'De samenwerking in de wijk loopt goed');
    goesWell().dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => root.unmount()); // another tab
  root = await mount();
  expect(goesWell().value).toBe('De samenwerking in de wijk loopt goed');

  const combobox = container.querySelector<HTMLInputElement>('input[role="combobox"]')!;
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(combobox, longName);
    combobox.dispatchEvent(new Event('input', { bubbles: true }));
  });
  clock = new Date('2026-12-08T10:00:00Z');
  await act(async () => container.querySelector<HTMLFormElement>('form')!.requestSubmit());
  expect(added).toHaveLength(1);
  expect(added[0].date).toBe('2026-12-08T10:00:00.000Z');
  expect(added[0].title.length).toBeLessThanOrEqual(255);
  expect(added[0].review?.goesWell).toBe('De samenwerking in de wijk loopt goed');
  expect(goesWell().value).toBe('');
  expect(drafts.stored.size).toBe(0);
  await act(async () => root.unmount());
});
