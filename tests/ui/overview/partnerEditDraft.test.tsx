/**
 * @jest-environment jsdom
 *
 * The partner edit form keeps what is typed as a draft (a tab switch or reload loses nothing), and a
 * field the official did not touch follows the partner as it is now: a colleague's change saved
 * meanwhile is not written back over with the value the form first showed.
 */
import '../reactDom';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { Partner } from '../../../src/core/model';
import { PartnerEditForm } from '../../../src/ui/overview/PartnerPage';
import type { OverviewModel } from '../../../src/ui/overview/useOverviewModel';
import { I18nProvider } from '../../../src/ui/shell/I18nContext';

function memoryDrafts() {
  const stored = new Map<string, unknown>();
  return { stored, load: async (k: string) => stored.get(k), save: async (k: string, v: unknown) => void stored.set(k, v), remove: async (k: string) => void stored.delete(k), list: async () => [...stored.keys()] };
}

const portaal: Partner = { id: 'p1', name: 'Portaal', category: 'woningcorporatie', aliases: [], domains: ['portaal.nl'], contacts: [], themes: ['wonen'], status: 'active', interactionCount: 0, etag: '"1"' } as Partner;

test('a typed change survives the form closing; untouched fields follow a colleague’s change; saved, the draft is gone', async () => {
  const drafts = memoryDrafts();
  const saved: Partner[] = [];
  const model = { services: { drafts }, savePartner: async (p: Partner) => void saved.push(p) } as unknown as OverviewModel;
  const container = document.createElement('div');
  document.body.append(container);
  let done = 0;
  const mount = async (partner: Partner) => {
    const root = createRoot(container);
    await act(async () => root.render(<I18nProvider locale="nl"><PartnerEditForm model={model} partner={partner} internalDomains={['veenhaven.nl']} onDone={() => done++} /></I18nProvider>));
    return root;
  };
  const input = (label: string) => [...container.querySelectorAll('label')].find((l) => l.textContent?.startsWith(label))!.parentElement!.querySelector('input')!;
  const type = (label: string, value: string) =>
    act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input(label), value);
      input(label).dispatchEvent(new Event('input', { bubbles: true }));
    });

  let root = await mount(portaal);
  await type('Thema', 'wonen, zorg');
  await act(async () => root.unmount()); // another tab, before the save delay
  // A colleague renamed the partner meanwhile.
  const renamed = { ...portaal, name: 'Portaal Utrecht', etag: '"2"' };
  root = await mount(renamed);
  expect(input('Thema').value).toBe('wonen, zorg');
  expect(input('Naam').value).toBe('Portaal Utrecht');
  await act(async () => container.querySelector<HTMLFormElement>('form')!.requestSubmit());
  expect(saved).toEqual([expect.objectContaining({ name: 'Portaal Utrecht', themes: ['wonen', 'zorg'], etag: '"2"' })]);
  expect(done).toBe(1);
  expect(drafts.stored.size).toBe(0);
  await act(async () => root.unmount());
});
