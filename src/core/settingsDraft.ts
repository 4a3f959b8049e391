/**
 * The municipality's settings as an administrator edits them in the setup tab ("Instellingen"): each list
 * one entry per line, checked by the rules that read it. Internal domains and ignored addresses are
 * checked by detection itself (buildPartnerIndex's problems), so what the form accepts is exactly what
 * detection will use; departments and themes must fit where notes store them; register owners must be
 * addresses. Pure: the overview saves the result through the repository.
 */
import { buildPartnerIndex, isFreeMailDomain, normalizeRegisterDomain } from './detection';
import { isEmailAddress } from './emailAddress';
import { NOTE_MAX_CHARS, TEXT_MAX_CHARS } from './fieldLimits';
import type { Settings } from './model';
import type { Message } from './overview/types';

export const SETTINGS_LISTS = ['internalDomains', 'ignoredAddresses', 'departments', 'themes', 'registerOwners'] as const;
export type SettingsList = (typeof SETTINGS_LISTS)[number];
export type SettingsDraft = Record<SettingsList, string>;
/** The lists as stored, each present. */
export type SettingsLists = Record<SettingsList, string[]>;

export interface SettingsProblem {
  field: SettingsList;
  message: Message;
}

const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/** Keeps the first of entries equal but for case (`Wonen` and `wonen` are one department). */
function distinct(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function settingsDraftOf(settings: Partial<Settings> | undefined): SettingsDraft {
  return Object.fromEntries(SETTINGS_LISTS.map((list) => [list, (settings?.[list] ?? []).join('\n')])) as SettingsDraft;
}

/**
 * The draft's lists as they will be stored, or what stops them, each problem on its field. A note stores
 * its department in a single line of text and its themes one per line, so each department and theme fits
 * 255 characters; each list as a whole fits its multiple-lines column (63,999).
 */
export function validateSettingsDraft(draft: SettingsDraft): { settings: SettingsLists; problems: SettingsProblem[] } {
  const settings = Object.fromEntries(SETTINGS_LISTS.map((list) => [list, distinct(lines(draft[list]))])) as SettingsLists;
  const problems: SettingsProblem[] = [];
  const detection = buildPartnerIndex([], { internalDomains: settings.internalDomains, ignoredAddresses: settings.ignoredAddresses });
  for (const p of detection.problems) {
    const key = p.problem === 'invalid-address' ? 'partnerEdit.contact.invalid' : `partnerEdit.domain.${p.problem}`;
    problems.push({ field: p.field as SettingsList, message: { key, params: { value: p.value.trim() } } });
  }
  // A free-mail provider is nobody's own domain: as an internal one, every partner contact with an address there would go unseen.
  for (const value of settings.internalDomains) {
    const d = normalizeRegisterDomain(value);
    if (d.ok && isFreeMailDomain(d.domain)) problems.push({ field: 'internalDomains', message: { key: 'partnerEdit.domain.free-mail', params: { value } } });
  }
  for (const value of settings.registerOwners) if (!isEmailAddress(value)) problems.push({ field: 'registerOwners', message: { key: 'partnerEdit.contact.invalid', params: { value } } });
  settings.registerOwners = distinct(settings.registerOwners.map((a) => a.toLowerCase()));
  for (const list of ['departments', 'themes'] as const) {
    for (const value of settings[list]) if (value.length > TEXT_MAX_CHARS) problems.push({ field: list, message: { key: 'settings.entryTooLong', params: { value: `${value.slice(0, 40)}…`, max: TEXT_MAX_CHARS } } });
  }
  for (const list of SETTINGS_LISTS) {
    if (settings[list].join('\n').length > NOTE_MAX_CHARS) problems.push({ field: list, message: { key: 'settings.listTooLong', params: { max: NOTE_MAX_CHARS } } });
  }
  return { settings, problems };
}

/** The lists the draft changes against what was loaded: only those are written (the others stay as the server has them). */
export function changedSettings(before: Partial<Settings> | undefined, after: SettingsLists): Partial<Settings> {
  const same = (a: readonly string[] = [], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
  return Object.fromEntries(SETTINGS_LISTS.filter((list) => !same(before?.[list], after[list])).map((list) => [list, after[list]]));
}
