/** The compose notification's own catalogue (src/i18n/composeMessages.ts): both languages complete, placeholders alike, Outlook's limits kept. */
import { composeLocale, composeMessages } from '../../src/i18n/composeMessages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('Dutch and English have the same keys and placeholders, and no empty text', () => {
  const nl = composeMessages.nl;
  const en = composeMessages.en;
  expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  for (const key of Object.keys(nl) as Array<keyof typeof nl>) {
    expect(nl[key].trim()).not.toBe('');
    expect(en[key].trim()).not.toBe('');
    expect(placeholders(en[key])).toEqual(placeholders(nl[key]));
  }
});

test('counted texts use {count}; the link text fits Outlook (30 characters)', () => {
  for (const m of Object.values(composeMessages)) {
    for (const key of ['departmentsOne', 'departmentsOther', 'daysAgoOne', 'daysAgoOther', 'othersOne', 'othersOther'] as const) expect(m[key]).toContain('{count}');
    expect(m.open.length).toBeLessThanOrEqual(30);
  }
});

test("Outlook's display language picks the catalogue; Dutch by default", () => {
  expect(composeLocale('en-US')).toBe('en');
  expect(composeLocale('en')).toBe('en');
  expect(composeLocale('nl-NL')).toBe('nl');
  expect(composeLocale('de-DE')).toBe('nl');
  expect(composeLocale(undefined)).toBe('nl');
});
