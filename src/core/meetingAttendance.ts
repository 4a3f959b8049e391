import { partnerLookupKeys, registrableDomain } from './detection';
import type { RegisterPartner } from './model';

/** One person in a meeting's attendance report: address, display name, time attended in total. */
export interface MeetingAttendee {
  email: string;
  name?: string;
  seconds: number;
}

/**
 * The attendees who belong to the partner: an address among its contacts, or at one of its domains (by
 * registrable domain, as detection matches participants: `onderzoek.ziekenhuis.nl` is `ziekenhuis.nl`).
 * Each address once (a person who rejoined has one record), longest attendance first.
 */
export function partnerAttendees(partner: Pick<RegisterPartner, 'domains' | 'contacts'>, attendees: readonly MeetingAttendee[]): MeetingAttendee[] {
  const keys = new Set(partnerLookupKeys(partner));
  const seen = new Map<string, MeetingAttendee>();
  for (const a of attendees) {
    const email = a.email.trim().toLowerCase();
    if (!email || !(keys.has(email) || keys.has(registrableDomain(email) ?? ''))) continue;
    const before = seen.get(email);
    seen.set(email, before ? { ...before, seconds: before.seconds + a.seconds, name: before.name ?? a.name } : { ...a, email });
  }
  return [...seen.values()].sort((a, b) => b.seconds - a.seconds || a.email.localeCompare(b.email));
}

/** Whole minutes attended, at least 1 for anyone who joined at all. */
export function attendedMinutes(seconds: number): number {
  return seconds > 0 ? Math.max(1, Math.round(seconds / 60)) : 0;
}
