/** What the collaboration agenda shows of an item beyond its fields: whether it is overdue, and who owns it by name. */
import { calendarDay } from './calendarDay';
import type { AgendaItem, Interaction, Official, Partner } from './model';
import { isEmailAddress } from './emailAddress';

/** Past its due day on the official's calendar and not done; an item due today is not overdue yet. */
export function isOverdue(item: Pick<AgendaItem, 'status' | 'dueDate'>, now: Date, timeZone?: string): boolean {
  return isOverdueOn(item, calendarDay(now, timeZone), timeZone);
}

/** {@link isOverdue} on the calendar day `today` (`yyyy-mm-dd`), for a whole agenda at once. */
export function isOverdueOn(item: Pick<AgendaItem, 'status' | 'dueDate'>, today: string, timeZone?: string): boolean {
  if (item.status === 'done' || !item.dueDate) return false;
  const due = calendarDay(item.dueDate, timeZone);
  return due !== '' && due < today;
}

/**
 * Officials' names by lower-case address, from what the data already says about them: partners' owners,
 * interactions' authors and the signed-in official. Later sources win (the official's own profile last).
 */
export function knownOfficialNames(sources: {
  partners?: ReadonlyArray<Pick<Partner, 'ownerEmail' | 'ownerName'>>;
  interactions?: ReadonlyArray<Partial<Pick<Interaction, 'authorEmail' | 'authorName'>>>;
  officials?: ReadonlyArray<Official | undefined>;
}): Map<string, string> {
  const names = new Map<string, string>();
  const add = (email: string | undefined, name: string | undefined) => {
    const address = email?.trim().toLowerCase();
    const display = name?.trim();
    if (address && display && display.toLowerCase() !== address) names.set(address, display);
  };
  for (const p of sources.partners ?? []) add(p.ownerEmail, p.ownerName);
  for (const i of sources.interactions ?? []) add(i.authorEmail, i.authorName);
  for (const o of sources.officials ?? []) add(o?.email, o?.name);
  return names;
}

/** The owner as a person reads them: the stored name, else a known official's name, else what `owner` holds. */
export function ownerLabel(item: Pick<AgendaItem, 'owner' | 'ownerName'>, names: ReadonlyMap<string, string>): string {
  return item.ownerName?.trim() || names.get(item.owner.trim().toLowerCase()) || item.owner;
}

/**
 * The owner fields for what was typed as an agenda item's owner: a known official's address or name
 * becomes both; anything else is kept as typed (an address without a known name stays an address).
 */
export function ownerFromInput(input: string, names: ReadonlyMap<string, string>): Pick<AgendaItem, 'owner' | 'ownerName'> {
  const text = input.trim();
  const lower = text.toLowerCase();
  const byAddress = names.get(lower);
  if (byAddress) return { owner: lower, ownerName: byAddress };
  for (const [address, name] of names) if (name.toLowerCase() === lower) return { owner: address, ownerName: name };
  return isEmailAddress(text) ? { owner: lower } : { owner: text, ownerName: text || undefined };
}

/** The owner fields for an item the signed-in official takes on themselves. */
export function ownedBy(official: Official | undefined): Pick<AgendaItem, 'owner' | 'ownerName'> {
  return official ? { owner: official.email, ownerName: official.name } : { owner: '' };
}
