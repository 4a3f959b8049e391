/** What the pane's parts say, rendered to HTML in Dutch and English (no browser needed for words). */
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { AgendaItem, Partner } from '../../../src/core/model';
import { newNoteDraft } from '../../../src/core/noteDraft';
import { AgendaList } from '../../../src/ui/pane/AgendaList';
import { NoteForm } from '../../../src/ui/pane/NoteForm';
import { RelationshipCard } from '../../../src/ui/pane/RelationshipCard';
import { I18nProvider } from '../../../src/ui/shell/I18nContext';
import { loadCatalogue, type Locale } from '../../../src/i18n';

// English is a chunk of its own (src/i18n/index.ts); the surfaces load it before their first render.
beforeAll(() => loadCatalogue('en'));

const text = (element: ReactElement, locale: Locale = 'nl') =>
  renderToStaticMarkup(<I18nProvider locale={locale}>{element}</I18nProvider>)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

const noDrafts = { load: async () => undefined, save: async () => undefined, remove: async () => undefined, list: async () => [] };
const partner = (over: Partial<Partner>): Partner => ({ id: 'p', name: 'Veenland', category: 'woningcorporatie', aliases: [], domains: [], contacts: [], themes: [], status: 'active', interactionCount: 1, ...over });

describe('the relationship card says how long ago as a person does', () => {
  // Local time of the test run: noon today and noon yesterday are today and yesterday in any time zone.
  const now = new Date();
  now.setHours(12, 0, 0, 0);
  const daysBefore = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
  it.each([
    ['nl', 0, 60, 'laatste contact vandaag — ritme 60 dagen'],
    ['nl', 1, 1, 'laatste contact gisteren — ritme 1 dag'],
    ['nl', 12, 60, 'laatste contact 12 dagen geleden — ritme 60 dagen'],
    ['en', 0, 1, 'last contact today — rhythm 1 day'],
    ['en', 1, 30, 'last contact yesterday — rhythm 30 days'],
  ] as const)('%s, %i days, rhythm %i: "%s"', (locale, days, rhythmDays, expected) => {
    expect(text(<RelationshipCard partner={partner({ lastContact: daysBefore(days), rhythmDays })} interactions={[]} now={now} />, locale)).toContain(expected);
  });
  it('without a rhythm too, and never "0 dagen"', () => {
    const said = text(<RelationshipCard partner={partner({ lastContact: daysBefore(0) })} interactions={[]} now={now} />);
    expect(said).toContain('laatste contact vandaag — geen ritme afgesproken');
    expect(said).not.toMatch(/\b0 dagen/);
  });
});

describe('the pane’s agenda', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  const item = (over: Partial<AgendaItem> & { id: string }): AgendaItem => ({ clientId: over.id, partnerId: 'p', topic: over.id, direction: 'samen', owner: 'a.visser@veenhaven.nl', status: 'open', ...over });
  const list = (items: AgendaItem[], locale: Locale = 'nl') =>
    text(
      <AgendaList items={items} pendingIds={new Set()} partnerId="p" names={new Map([['a.visser@veenhaven.nl', 'Anna Visser']])} now={now} onStatusChange={() => undefined} onAdd={() => undefined} drafts={noDrafts} />,
      locale,
    );

  it('marks an open item past its due day "over datum" in words, not one due later', () => {
    const said = list([item({ id: 'Laat', dueDate: '2026-11-20T00:00:00Z', status: 'in-progress' }), item({ id: 'Later', dueDate: '2026-12-20T00:00:00Z' })]);
    expect(said).toMatch(/Laat .*uiterlijk 20 nov\.? 2026 over datum .*Later .*uiterlijk 20 dec\.? 2026 (?!over datum)/);
    expect(list([item({ id: 'Late', dueDate: '2026-11-20T00:00:00Z' })], 'en')).toMatch(/due 20 Nov 2026 overdue/);
  });
  it('names the owner by name: the stored one, else a known official, else the address', () => {
    const said = list([item({ id: 'Een' }), item({ id: 'Twee', owner: 'x@elders.nl', ownerName: 'Xander de Wit' }), item({ id: 'Drie', owner: 'onbekend@elders.nl' })]);
    expect(said).toContain('Eigenaar: Anna Visser');
    expect(said).toContain('Eigenaar: Xander de Wit');
    expect(said).toContain('Eigenaar: onbekend@elders.nl');
    expect(said).not.toContain('a.visser@veenhaven.nl');
  });
});

describe('the note form’s hint names what is not stored', () => {
  const form = (itemKind: 'email' | 'meeting', locale: Locale = 'nl') =>
    text(
      <NoteForm heading="Vastleggen" itemKind={itemKind} draft={newNoteDraft({ kind: itemKind, subject: 'Overleg' }, 'Wonen', new Date())} departments={[]} themes={[]} draftSaved={false} onChange={() => undefined} onSubmit={() => undefined} />,
      locale,
    );
  it('the appointment’s content for a meeting, the email’s for an email, in both languages', () => {
    expect(form('meeting')).toContain('de inhoud van de afspraak wordt niet opgeslagen');
    expect(form('meeting')).not.toContain('e-mail');
    expect(form('email')).toContain('de inhoud van de e-mail wordt niet opgeslagen');
    expect(form('meeting', 'en')).toContain('the appointment’s content is not stored');
  });
});

describe('choice values written outside the app', () => {
  // An administrator can add choices to a column in SharePoint, and another Graph client can write any
  // text to one: the pane shows such a value as stored, never as a message key.
  const now = new Date('2026-11-26T12:00:00Z');
  it('a category the app does not know shows as stored, a known one in the reader’s language', () => {
    const unknown = text(<RelationshipCard partner={partner({ category: 'cultuurinstelling' as Partner['category'] })} interactions={[]} now={now} />);
    expect(unknown).toContain('cultuurinstelling');
    expect(unknown).not.toContain('category.');
    expect(text(<RelationshipCard partner={partner({ category: 'zorg' })} interactions={[]} now={now} />, 'en')).toContain('Care organisation');
  });
  it('an agenda item’s unknown direction and status too', () => {
    const item: AgendaItem = { id: 'a', clientId: 'a', partnerId: 'p', topic: 'Wijkaanpak', direction: 'gemeente' as AgendaItem['direction'], owner: 'a.visser@veenhaven.nl', status: 'on-hold' as AgendaItem['status'] };
    const said = text(<AgendaList items={[item]} pendingIds={new Set()} partnerId="p" names={new Map()} now={now} onStatusChange={() => undefined} onAdd={() => undefined} drafts={noDrafts} />);
    expect(said).toContain('gemeente');
    expect(said).not.toMatch(/agenda\.(direction|status)\./);
  });
});
