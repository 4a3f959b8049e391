/**
 * @jest-environment jsdom
 *
 * What the official types is stored: also the last keystrokes before the pane closes or the item
 * changes (the debounced save is made at once then), and never under the shared key of an item that
 * has no id yet (a message being written, not yet saved), where the next such message would show it.
 */
import '../reactDom';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { HostItem } from '../../../src/hosts/Host';
import type { DraftPort } from '../../../src/ui/services';
import { useNoteDraft } from '../../../src/ui/pane/useNoteDraft';

function memoryDrafts() {
  const stored = new Map<string, unknown>();
  const port = {
    load: async (key: string) => stored.get(key),
    save: async (key: string, value: unknown) => void stored.set(key, value),
    remove: async (key: string) => void stored.delete(key),
    list: async () => [...stored.keys()],
  } as unknown as DraftPort;
  return { stored, port };
}

const message = (id: string): HostItem => ({ kind: 'email', id, subject: `Overleg ${id || 'nieuw'}`, from: 'a.bakker@veenhaven.nl', to: ['j.devries@eemland.nl'] });

function mount(drafts: DraftPort) {
  let note!: ReturnType<typeof useNoteDraft>;
  function Probe({ item }: { item: HostItem }) {
    note = useNoteDraft(drafts, item, () => new Date('2026-12-08T10:00:00Z'), 'Wonen');
    return null;
  }
  const root = createRoot(document.createElement('div'));
  return {
    show: (item: HostItem) => act(async () => root.render(<Probe item={item} />)),
    type: (summary: string) => act(async () => note.change({ ...note.draft!, summary })),
    note: () => note,
    unmount: () => act(async () => root.unmount()),
  };
}

test('the last keystrokes are stored when the form goes away before the save delay, or the item changes', async () => {
  const { stored, port } = memoryDrafts();
  const pane = mount(port);
  await pane.show(message('item-1'));
  await pane.type('Afspraken over de wijk');
  expect(stored.size).toBe(0); // still within the delay
  await pane.show(message('item-2'));
  expect((stored.get('note:item-1') as { summary: string }).summary).toBe('Afspraken over de wijk');
  await pane.type('Tweede notitie, net getypt');
  await pane.unmount();
  expect((stored.get('note:item-2') as { summary: string }).summary).toBe('Tweede notitie, net getypt');
});

test('the last keystrokes are stored when the page is hidden', async () => {
  const { stored, port } = memoryDrafts();
  const pane = mount(port);
  await pane.show(message('item-3'));
  await pane.type('Net voor het sluiten getypt');
  await act(async () => window.dispatchEvent(new Event('pagehide')));
  expect((stored.get('note:item-3') as { summary: string }).summary).toBe('Net voor het sluiten getypt');
  await pane.unmount();
});

test('a message without an id keeps its note on screen only: the next new message starts empty', async () => {
  const { stored, port } = memoryDrafts();
  const pane = mount(port);
  await pane.show(message(''));
  await pane.type('Over Portaal, nog niet opgeslagen');
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(pane.note().draft?.summary).toBe('Over Portaal, nog niet opgeslagen');
  expect(pane.note().saved).toBe(false);
  await pane.unmount();
  expect(stored.size).toBe(0);

  const next = mount(port);
  await next.show({ ...message(''), subject: 'Ander bericht' });
  expect(next.note().draft?.summary).toBe('');
  await next.unmount();
});

test('a partner chosen on a message without an id is not remembered for the next one', async () => {
  const { readChoice, writeChoice } = await import('../../../src/ui/pane/paneReads');
  const official = { email: 'a.bakker@veenhaven.nl' };
  writeChoice(official, '', 'portaal');
  expect(readChoice(official, '')).toBeUndefined();
  writeChoice(official, 'item-9', 'portaal');
  expect(readChoice(official, 'item-9')).toBe('portaal');
});
