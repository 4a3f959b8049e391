import { createTranslator, formatDate, hasCatalogue, loadCatalogue, pickLocale, plural } from '../../src/i18n';
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
    expect(formatDate('nl', '2026-11-26T12:00:00Z')).toMatch(/26 nov\.? 2026/);
    expect(formatDate('en', 'not a date')).toBe('');
  });
});
