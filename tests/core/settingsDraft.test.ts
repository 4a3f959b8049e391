import { changedSettings, keepMine, mergeSettingsDraft, settingsDraftOf, takeStored, validateSettingsDraft, type SettingsDraft } from '../../src/core/settingsDraft';
import { buildPartnerIndex, detectPartners } from '../../src/core/detection';

const draft = (d: Partial<SettingsDraft>): SettingsDraft => ({ internalDomains: '', ignoredAddresses: '', departments: '', themes: '', registerOwners: '', ...d });
const keys = (d: Partial<SettingsDraft>) => validateSettingsDraft(draft(d)).problems.map((p) => [p.field, p.message.key, p.message.params?.value]);

test('one entry per line, trimmed, blank lines dropped, repeats (in any case) once; owners lower-case', () => {
  const { settings, problems } = validateSettingsDraft(draft({
    internalDomains: ' veenhaven.nl \r\n\r\nVeenhaven.nl\nggd-veenhaven.nl',
    ignoredAddresses: 'noreply@portaal.nl\nnieuwsbrief.nl',
    departments: 'Wonen\n  Economie \nwonen',
    themes: 'wonen\nenergietransitie',
    registerOwners: 'J.vanLeeuwen@Veenhaven.nl\nj.vanleeuwen@veenhaven.nl',
  }));
  expect(problems).toEqual([]);
  expect(settings).toEqual({
    internalDomains: ['veenhaven.nl', 'ggd-veenhaven.nl'],
    ignoredAddresses: ['noreply@portaal.nl', 'nieuwsbrief.nl'],
    departments: ['Wonen', 'Economie'],
    themes: ['wonen', 'energietransitie'],
    registerOwners: ['j.vanleeuwen@veenhaven.nl'],
  });
});

test('what detection would not read is refused on its field, with the value: public suffixes, IP addresses, free mail as internal, bad addresses', () => {
  expect(keys({ internalDomains: 'nl\n192.168.1.1\ngmail.com\nnot a domain' })).toEqual([
    ['internalDomains', 'partnerEdit.domain.public-suffix', 'nl'],
    ['internalDomains', 'partnerEdit.domain.ip-address', '192.168.1.1'],
    ['internalDomains', 'partnerEdit.domain.invalid', 'not a domain'],
    ['internalDomains', 'partnerEdit.domain.free-mail', 'gmail.com'],
  ]);
  expect(keys({ ignoredAddresses: 'noreply@\nco.uk' })).toEqual([
    ['ignoredAddresses', 'partnerEdit.contact.invalid', 'noreply@'],
    ['ignoredAddresses', 'partnerEdit.domain.public-suffix', 'co.uk'],
  ]);
  expect(keys({ registerOwners: 'Jan van Leeuwen\nj.vanleeuwen@veenhaven.nl' })).toEqual([['registerOwners', 'partnerEdit.contact.invalid', 'Jan van Leeuwen']]);
});

test('a department or theme fits the 255 characters a note stores it in; a list fits its multiple-lines column', () => {
  expect(keys({ departments: 'x'.repeat(255) })).toEqual([]);
  expect(validateSettingsDraft(draft({ themes: 'y'.repeat(256) })).problems).toEqual([{ field: 'themes', message: { key: 'settings.entryTooLong', params: { value: `${'y'.repeat(40)}…`, max: 255 } } }]);
  // 6,400 departments of 9 characters and a line break: 63,999 characters exactly, then one more.
  const many = (n: number) => Array.from({ length: n }, (_, i) => `afd-${String(i).padStart(5, '0')}`).join('\n');
  expect(many(6400).length).toBe(63_999);
  expect(keys({ departments: many(6400) })).toEqual([]);
  expect(keys({ departments: `${many(6400)}\nz` })).toEqual([['departments', 'settings.listTooLong', undefined]]);
});

test('what the form accepts is what detection then uses: an accepted internal domain and ignored address make no partner', () => {
  const { settings, problems } = validateSettingsDraft(draft({ internalDomains: 'Veenhaven.NL', ignoredAddresses: 'NoReply@Portaal.nl' }));
  expect(problems).toEqual([]);
  const index = buildPartnerIndex([{ id: 'p1', name: 'Portaal', aliases: [], domains: ['portaal.nl', 'veenhaven.nl'], contacts: [] }], settings);
  expect(index.problems.filter((p) => p.field === 'internalDomains' || p.field === 'ignoredAddresses')).toEqual([]);
  const found = (from: string) => detectPartners(index, { kind: 'email', subject: '', from, to: [], cc: [] }).matches.map((m) => m.partnerId);
  expect(found('noreply@portaal.nl')).toEqual([]);
  expect(found('h.vandijk@portaal.nl')).toEqual(['p1']);
  expect(found('a.bakker@veenhaven.nl')).toEqual([]);
});

test('the draft shows the stored lists; only the lists that differ are written', () => {
  const stored = { internalDomains: ['veenhaven.nl'], ignoredAddresses: [], departments: ['Wonen', 'Economie'], themes: ['wonen'], registerOwners: ['j@veenhaven.nl'], retention: { notes: 10 } };
  const { retention: _, ...lists } = stored;
  expect(settingsDraftOf(stored)).toEqual({ ...draft({ internalDomains: 'veenhaven.nl', departments: 'Wonen\nEconomie', themes: 'wonen', registerOwners: 'j@veenhaven.nl' }), base: lists });
  expect(settingsDraftOf(undefined)).toEqual({ ...draft({}), base: { internalDomains: [], ignoredAddresses: [], departments: [], themes: [], registerOwners: [] } });
  const { settings } = validateSettingsDraft({ ...settingsDraftOf(stored), departments: 'Economie\nWonen', registerOwners: '' });
  expect(changedSettings(stored, settings)).toEqual({ departments: ['Economie', 'Wonen'], registerOwners: [] });
  expect(changedSettings(stored, validateSettingsDraft(settingsDraftOf(stored)).settings)).toEqual({});
  // A site whose item has no register owners column yet: no owners typed is no change.
  expect(changedSettings({ ...stored, registerOwners: undefined }, { ...settings, departments: stored.departments, registerOwners: [] })).toEqual({});
});

describe('a draft over what a colleague saved since it began (three-way, list by list)', () => {
  const began = { internalDomains: ['veenhaven.nl'], ignoredAddresses: [], departments: ['Wonen', 'Economie'], themes: ['wonen'], registerOwners: ['j.vanleeuwen@veenhaven.nl'] };
  const edit = (change: Partial<SettingsDraft>): SettingsDraft => ({ ...settingsDraftOf(began), ...change });
  const lists = (d: SettingsDraft) => validateSettingsDraft(d).settings;

  test('a list the administrator left alone shows the colleague\'s save, and is not written back', () => {
    const now = { ...began, themes: ['wonen', 'zorg'] };
    const { draft: merged, conflicts } = mergeSettingsDraft(edit({ departments: 'Wonen\nEconomie\nCultuur' }), now);
    expect(conflicts).toEqual([]);
    expect(merged.themes).toBe('wonen\nzorg');
    expect(changedSettings(merged.base, lists(merged))).toEqual({ departments: ['Wonen', 'Economie', 'Cultuur'] });
  });

  test('the same change on both sides is no conflict and nothing left to write', () => {
    const now = { ...began, departments: ['Wonen', 'Economie', 'Cultuur'] };
    const { draft: merged, conflicts } = mergeSettingsDraft(edit({ departments: 'Wonen\nEconomie\nCultuur' }), now);
    expect(conflicts).toEqual([]);
    expect(changedSettings(merged.base, lists(merged))).toEqual({});
  });

  test('different changes to one list are a conflict, settled by keeping mine or taking the stored one', () => {
    const now = { ...began, departments: ['Wonen', 'Economie', 'Sport'] };
    const mine = edit({ departments: 'Wonen\nEconomie\nCultuur' });
    const { draft: merged, conflicts } = mergeSettingsDraft(mine, now);
    expect(conflicts).toEqual(['departments']);
    expect(merged.departments).toBe('Wonen\nEconomie\nCultuur');

    const kept = mergeSettingsDraft(keepMine(merged, now, 'departments'), now);
    expect(kept.conflicts).toEqual([]);
    expect(changedSettings(kept.draft.base, lists(kept.draft))).toEqual({ departments: ['Wonen', 'Economie', 'Cultuur'] });

    const taken = mergeSettingsDraft(takeStored(merged, now, 'departments'), now);
    expect(taken.conflicts).toEqual([]);
    expect(taken.draft.departments).toBe('Wonen\nEconomie\nSport');
    expect(changedSettings(taken.draft.base, lists(taken.draft))).toEqual({});
  });

  test('a draft kept by an earlier release (no base) is read against what is stored now, as before', () => {
    const now = { ...began, themes: ['wonen', 'zorg'] };
    const { base: _, ...old } = edit({ departments: 'Wonen' });
    const { draft: merged, conflicts } = mergeSettingsDraft(old, now);
    expect(conflicts).toEqual([]);
    expect(changedSettings(merged.base, lists(merged))).toEqual({ departments: ['Wonen'], themes: ['wonen'] });
  });
});
