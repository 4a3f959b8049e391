/**
 * @jest-environment jsdom
 *
 * A partner name that is also an ordinary word ("portaal", "thuis") found in the subject: it is never
 * shown by itself, and it does not keep the pane from showing the one partner the participants belong
 * to. It is offered in the chooser, to confirm.
 */
import '../reactDom';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { buildPartnerIndex, detectPartners } from '../../../src/core/detection';
import type { RegisterPartner } from '../../../src/core/model';
import { selectPartner } from '../../../src/ui/pane/paneReads';
import { PartnerChooser } from '../../../src/ui/pane/PartnerChooser';
import { I18nProvider } from '../../../src/ui/shell/I18nContext';

const partners: RegisterPartner[] = [
  { id: 'portaal', name: 'Portaal', aliases: [], domains: ['portaal.nl'], contacts: [] },
  { id: 'thuis', name: 'Woonstichting Thuis', aliases: ['Thuis'], domains: ['woonstichtingthuis.nl'], contacts: [] },
  { id: 'mitros', name: 'Mitros', aliases: [], domains: ['mitros.nl'], contacts: [] },
  { id: 'umc', name: 'UMC Utrecht', aliases: [], domains: ['umcutrecht.nl'], contacts: [] },
];
const index = buildPartnerIndex(partners, { internalDomains: ['veenhaven.nl'], ignoredAddresses: [] });
const email = (from: string, subject: string, to: string[] = ['a.bakker@veenhaven.nl']) => detectPartners(index, { kind: 'email', from, to, subject });

describe('selectPartner', () => {
  it('does not show a partner named only in the subject of a colleague’s email', () => {
    for (const subject of ['Nieuw portaal voor subsidieaanvragen', 'Thuis werken vrijdag']) {
      const detection = email('collega@veenhaven.nl', subject);
      expect(detection.matches).toHaveLength(1);
      expect(detection.matches[0].strength).toBe('subject');
      expect(selectPartner(detection, undefined)).toBeUndefined();
    }
  });

  it('shows the partner the sender belongs to although another partner’s name is in the subject', () => {
    const detection = email('k.smit@mitros.nl', 'RE: [EXTERN] Inloggen op het portaal lukt niet');
    expect(detection.matches.map((m) => [m.partnerId, m.strength])).toEqual([['mitros', 'participant'], ['portaal', 'subject']]);
    expect(selectPartner(detection, undefined)).toBe('mitros');
  });

  it('still waits for a choice between two partners the participants belong to, and keeps an official’s choice', () => {
    const detection = email('k.smit@mitros.nl', 'Overleg', ['p.devries@umcutrecht.nl']);
    expect(selectPartner(detection, undefined)).toBeUndefined();
    expect(selectPartner(detection, 'umc')).toBe('umc');
    expect(selectPartner(email('collega@veenhaven.nl', 'Nieuw portaal'), 'portaal')).toBe('portaal');
    expect(selectPartner(email('k.smit@mitros.nl', 'Overleg'), null)).toBeUndefined();
  });
});

test('the chooser offers a subject-only match to confirm, and shows the evidence once it is chosen', async () => {
  const detection = email('collega@veenhaven.nl', 'Nieuw portaal voor subsidieaanvragen');
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const chosen: Array<string | undefined> = [];
  const render = (selectedId: string | undefined, chosenByUser: boolean) =>
    act(async () =>
      root.render(
        <I18nProvider locale="nl">
          <PartnerChooser matches={detection.matches} partners={partners} selectedId={selectedId} chosenByUser={chosenByUser} onChoose={(id) => chosen.push(id)} />
        </I18nProvider>,
      ),
    );
  await render(undefined, false);
  expect(container.textContent).toContain('alleen in het onderwerp genoemd');
  const radio = container.querySelector<HTMLInputElement>('input[type="radio"][value="portaal"]');
  expect(radio).not.toBeNull();
  expect(radio!.checked).toBe(false);
  await act(async () => radio!.click());
  expect(chosen).toEqual(['portaal']);

  await render('portaal', true);
  expect(container.textContent).not.toContain('alleen in het onderwerp genoemd');
  expect(container.querySelector('input[type="radio"]')).toBeNull();
  expect(container.querySelector('[data-testid="evidence"]')?.textContent).toContain('onderwerp');
  expect(container.textContent).toContain('door jou gekozen');
  await act(async () => root.unmount());
});
