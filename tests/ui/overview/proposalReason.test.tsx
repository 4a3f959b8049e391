/**
 * @jest-environment jsdom
 *
 * A register owner's reason for rejecting a proposal is kept as a draft as it is typed: cancelled, or the
 * tab closed, it is there when the dialog opens again; it goes once the decision is queued, and stays when
 * the queue refused it.
 */
import '../reactDom';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { Partner } from '../../../src/core/model';
import { DecisionDialog } from '../../../src/ui/overview/ProposalsTab';
import { I18nProvider } from '../../../src/ui/shell/I18nContext';
import type { DraftPort } from '../../../src/ui/services';

function memoryDrafts() {
  const stored = new Map<string, unknown>();
  return { stored, load: async (k: string) => stored.get(k), save: async (k: string, v: unknown) => void stored.set(k, v), remove: async (k: string) => void stored.delete(k), list: async () => [...stored].map(([key, value]) => ({ key, value })) };
}

const proposal = { id: 'prop1', name: 'Buurtkracht', category: 'overig', aliases: [], domains: [], contacts: [], themes: [], status: 'proposed', interactionCount: 0 } as unknown as Partner;

test('the rejection reason survives a cancel and a closed tab, is gone once queued, and stays when the queue refused it', async () => {
  const drafts = memoryDrafts();
  const decided: Array<{ reason?: string }> = [];
  let refuse = false;
  const container = document.createElement('div');
  document.body.append(container);
  const mount = async () => {
    const root = createRoot(container);
    await act(async () =>
      root.render(
        <I18nProvider locale="nl">
          <DecisionDialog
            asking={{ kind: 'rejected', proposal }}
            targets={[]}
            drafts={drafts as unknown as DraftPort}
            onCancel={() => undefined}
            onDecide={async (extra) => {
              if (refuse) throw new Error('storage full');
              decided.push(extra);
            }}
          />
        </I18nProvider>,
      ),
    );
    return root;
  };
  const textarea = () => document.querySelector<HTMLTextAreaElement>('textarea')!;
  const type = (value: string) =>
    act(async () => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(textarea(), value);
      textarea().dispatchEvent(new Event('input', { bubbles: true }));
    });
  const submit = () => act(async () => document.querySelector<HTMLFormElement>('form')!.requestSubmit());

  let root = await mount();
  await type('Dit is geen strategische partner maar een vereniging.');
  await act(async () => root.unmount()); // cancelled, before the save delay
  root = await mount();
  expect(textarea().value).toBe('Dit is geen strategische partner maar een vereniging.');

  refuse = true;
  await submit();
  expect(decided).toEqual([]);
  await act(async () => root.unmount());
  root = await mount();
  expect(textarea().value).toBe('Dit is geen strategische partner maar een vereniging.');

  refuse = false;
  await submit();
  expect(decided).toEqual([{ reason: 'Dit is geen strategische partner maar een vereniging.' }]);
  expect(drafts.stored.size).toBe(0);
  await act(async () => root.unmount());
});
