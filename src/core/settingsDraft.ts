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
/** The lists as stored, each present. */
export type SettingsLists = Record<SettingsList, string[]>;
/**
 * What the administrator is typing, one text per list, with the lists as stored when they began (`base`):
 * what they changed is what differs from `base`, and a list someone else saved since can be told apart
 * from one they edited. A draft kept by an earlier release has no `base`: the lists read now stand in.
 */
export type SettingsDraft = Record<SettingsList, string> & { base?: Partial<SettingsLists> };

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

const listsOf = (settings: Partial<Settings> | undefined) => Object.fromEntries(SETTINGS_LISTS.map((list) => [list, settings?.[list] ?? []])) as SettingsLists;
const sameList = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && a.every((v, i) => v === b[i]);

export function settingsDraftOf(settings: Partial<Settings> | undefined): SettingsDraft {
  const base = listsOf(settings);
  return { ...(Object.fromEntries(SETTINGS_LISTS.map((list) => [list, base[list].join('\n')])) as Record<SettingsList, string>), base };
}

/** The draft's lists as they will be stored: one entry per line, trimmed, repeats (in any case) once, owners lower-case. */
function draftLists(draft: SettingsDraft): SettingsLists {
  const lists = Object.fromEntries(SETTINGS_LISTS.map((list) => [list, distinct(lines(draft[list]))])) as SettingsLists;
  lists.registerOwners = distinct(lists.registerOwners.map((a) => a.toLowerCase()));
  return lists;
}

/**
 * The draft's lists as they will be stored, or what stops them, each problem on its field. A note stores
 * its department in a single line of text and its themes one per line, so each department and theme fits
 * 255 characters; each list as a whole fits its multiple-lines column (63,999).
 */
export function validateSettingsDraft(draft: SettingsDraft): { settings: SettingsLists; problems: SettingsProblem[] } {
  const settings = draftLists(draft);
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
  // Named as typed, before draftLists lower-cased them.
  for (const value of distinct(lines(draft.registerOwners))) if (!isEmailAddress(value)) problems.push({ field: 'registerOwners', message: { key: 'partnerEdit.contact.invalid', params: { value } } });
  for (const list of ['departments', 'themes'] as const) {
    for (const value of settings[list]) if (value.length > TEXT_MAX_CHARS) problems.push({ field: list, message: { key: 'settings.entryTooLong', params: { value: `${value.slice(0, 40)}…`, max: TEXT_MAX_CHARS } } });
  }
  for (const list of SETTINGS_LISTS) {
    if (settings[list].join('\n').length > NOTE_MAX_CHARS) problems.push({ field: list, message: { key: 'settings.listTooLong', params: { max: NOTE_MAX_CHARS } } });
  }
  return { settings, problems };
}

/** The lists the draft changes against what it began from: only those are written (the others stay as the server has them). */
export function changedSettings(base: Partial<Settings> | undefined, after: SettingsLists): Partial<Settings> {
  return Object.fromEntries(SETTINGS_LISTS.filter((list) => !sameList(base?.[list], after[list])).map((list) => [list, after[list]]));
}

/**
 * The draft laid over the lists as stored now (`current`), list by list, as a three-way merge against the
 * draft's `base`: a list the administrator left alone shows what is stored now (a colleague's save is
 * never undone by a draft that began before it); a list only they changed keeps their text; a list both
 * changed, differently, is a conflict they settle (`keepMine` or `takeStored`) before it can be saved.
 */
export function mergeSettingsDraft(draft: SettingsDraft, current: Partial<Settings>): { draft: SettingsDraft; conflicts: SettingsList[] } {
  const stored = listsOf(current);
  const mine = draftLists(draft);
  const base = { ...stored, ...draft.base };
  const merged: SettingsDraft = { ...draft, base: { ...base } };
  const conflicts: SettingsList[] = [];
  for (const list of SETTINGS_LISTS) {
    if (sameList(stored[list], base[list])) continue;
    if (sameList(mine[list], base[list])) merged[list] = stored[list].join('\n');
    else if (!sameList(mine[list], stored[list])) {
      conflicts.push(list);
      continue;
    }
    merged.base![list] = stored[list];
  }
  return { draft: merged, conflicts };
}

/** Settles a conflict on `list`: the administrator's text stays, and will replace what is stored. */
export function keepMine(draft: SettingsDraft, current: Partial<Settings>, list: SettingsList): SettingsDraft {
  return { ...draft, base: { ...draft.base, [list]: listsOf(current)[list] } };
}

/** Settles a conflict on `list`: what is stored now replaces the administrator's text. */
export function takeStored(draft: SettingsDraft, current: Partial<Settings>, list: SettingsList): SettingsDraft {
  const stored = listsOf(current)[list];
  return { ...draft, [list]: stored.join('\n'), base: { ...draft.base, [list]: stored } };
}
