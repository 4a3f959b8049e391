import type { ChoiceGroup } from '../../src/core/overview/types';
import { createI18n, createTranslator, formatDate, formatDateTime, hasCatalogue, loadCatalogue, pickLocale, plural } from '../../src/i18n';
import { AGENDA_DIRECTIONS, AGENDA_STATUSES, INTERACTION_KINDS, PARTNER_CATEGORIES } from '../../src/core/model';
import { en } from '../../src/i18n/en';
import { nl } from '../../src/i18n/nl';

describe('message catalogues', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const [key, value] of [...Object.entries(nl), ...Object.entries(en)]) expect(`${key}:${value.trim() ? 'ok' : 'empty'}`).toBe(`${key}:ok`);
  });
  it('uses the same placeholders in both languages', () => {
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) expect(`${key} ${names(en[key])}`).toBe(`${key} ${names(nl[key])}`);
  });
});

describe('pickLocale', () => {
  it('follows the host: Dutch for nl-* or nothing, English otherwise', () => {
    expect(pickLocale('nl-NL')).toBe('nl');
    expect(pickLocale('nl-BE')).toBe('nl');
    expect(pickLocale(undefined)).toBe('nl');
    expect(pickLocale('en-US')).toBe('en');
    expect(pickLocale('de-DE')).toBe('en');
  });
});

describe('the English catalogue, a chunk of its own', () => {
  test('speaks Dutch until it is loaded, then English, also in a translator made before', async () => {
    const early = createTranslator('en');
    expect(hasCatalogue('nl')).toBe(true);
    expect(hasCatalogue('en')).toBe(false);
    expect(early('common.save')).toBe(nl['common.save']);
    await loadCatalogue('en');
    expect(hasCatalogue('en')).toBe(true);
    expect(early('common.save')).toBe(en['common.save']);
    expect(en['common.save']).not.toBe(nl['common.save']);
  });
});

describe('translate', () => {
  it('fills placeholders and picks plural forms', () => {
    const t = createTranslator('nl');
    expect(t('error.tooLong', { field: 'Titel', max: 200 })).toBe('Titel mag hoogstens 200 tekens bevatten.');
    expect(plural(t, 'nl', 'queue.pending', 1)).toBe('1 wijziging wacht op verzending');
    expect(plural(createTranslator('en'), 'en', 'queue.pending', 3)).toBe('3 changes waiting to be sent');
  });
  it('formats dates per locale', () => {
    expect(formatDate('nl', new Date(2026, 10, 26, 12).toISOString())).toBe('26 nov 2026');
    expect(formatDate('en', 'not a date')).toBe('');
    expect(formatDateTime('en', '')).toBe('');
  });
  it('writes dates and times as Intl.DateTimeFormat does in nl-NL and en-GB, every month, without creating one', () => {
    for (const [locale, tag] of [['nl', 'nl-NL'], ['en', 'en-GB']] as const) {
      const date = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric' });
      const dateTime = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
      for (let month = 0; month < 12; month++) {
        const when = new Date(2026, month, month * 2 + 1, month * 2, month * 5);
        expect(formatDate(locale, when.toISOString())).toBe(date.format(when));
        expect(formatDateTime(locale, when.toISOString())).toBe(dateTime.format(when));
      }
    }
  });
});

describe('I18n.choice', () => {
  it('names every choice the app writes in both languages, and shows any other value as stored', async () => {
    await loadCatalogue('en');
    const groups: Array<[ChoiceGroup, readonly string[]]> = [['category', PARTNER_CATEGORIES], ['kind', INTERACTION_KINDS], ['agenda.direction', AGENDA_DIRECTIONS], ['agenda.status', AGENDA_STATUSES]];
    for (const locale of ['nl', 'en'] as const) {
      const { choice } = createI18n(locale);
      for (const [group, values] of groups) for (const value of values) expect(choice(group, value)).toBe((locale === 'nl' ? nl : en)[`${group}.${value}` as keyof typeof nl]);
    }
    const { choice } = createI18n('nl');
    expect(choice('category', 'Cultuur & sport')).toBe('Cultuur & sport');
    // Not a property every object has: an outside value named like one is still shown as stored.
    expect(choice('kind', 'constructor')).toBe('constructor');
    expect(choice('kind', '')).toBe('');
  });
});
