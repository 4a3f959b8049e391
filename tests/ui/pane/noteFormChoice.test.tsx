/** @jest-environment jsdom */
import '../reactDom';
import { act, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { newNoteDraft, type NoteDraft } from '../../../src/core/noteDraft';
import type { InteractionKind } from '../../../src/core/model';
import { NoteForm } from '../../../src/ui/pane/NoteForm';
import { I18nProvider } from '../../../src/ui/shell/I18nContext';

test('correcting a note whose kind was written outside the app: it shows as stored, and sending says to pick one instead of doing nothing', async () => {
  const sent: NoteDraft[] = [];
  let setDraft: (d: NoteDraft) => void = () => undefined;
  const start: NoteDraft = { ...newNoteDraft({ kind: 'email', subject: 'Overleg wijkaanpak' }, 'Wonen', new Date()), summary: 'Afspraken over de wijkaanpak gemaakt', kind: 'werkbezoek' as InteractionKind };
  function Form() {
    const [draft, set] = useState(start);
    setDraft = set;
    return <NoteForm heading="Corrigeren" itemKind="email" draft={draft} departments={[]} themes={[]} draftSaved={false} onChange={set} onSubmit={(d) => sent.push(d)} edit={{ submitLabel: 'Correctie opslaan', onCancel: () => undefined }} />;
  }
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(<I18nProvider locale="nl"><Form /></I18nProvider>));
  expect(container.textContent).toContain('werkbezoek');
  expect(container.textContent).not.toContain('kind.');

  const submit = () => act(async () => [...container.querySelectorAll('button')].find((b) => b.textContent === 'Correctie opslaan')!.click());
  await submit();
  expect(sent).toEqual([]);
  expect(container.textContent).toContain('Soort contact: kies een van de mogelijkheden.');

  await act(async () => setDraft({ ...start, kind: 'visit' }));
  expect(container.textContent).not.toContain('kies een van de mogelijkheden');
  await submit();
  expect(sent.map((d) => d.kind)).toEqual(['visit']);
  await act(async () => root.unmount());
});
