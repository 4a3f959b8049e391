/**
 * What Outlook's compose notification says about a recipient who belongs to a partner: one line such
 * as "Woonstichting Portaal — 3 afdelingen in contact, laatste contact 12 dagen geleden (Wonen)".
 *
 * Pure and small on purpose: the event runtime (src/events) bundles this file and its catalogue
 * (src/i18n/composeMessages.ts) and nothing else, and classic Outlook on Windows runs it in a
 * JavaScript-only runtime that may only know ECMAScript 2016 and may lack `Intl`
 * (https://learn.microsoft.com/office/dev/add-ins/testing/runtimes). So: no optional chaining, no
 * object spread, no `Intl`, no async functions; tests/events/eventBundle.test.ts parses the built
 * script as ES2016.
 */
import { composeMessages, type ComposeLocale } from '../i18n/composeMessages';

/** One partner as the device knows it: what matching needs, and the figures of its last context read here. */
export interface ComposeHintPartner {
  id: string;
  name: string;
  /** Registrable domains, lower-case ASCII (as in the register). */
  domains: string[];
  /** Known contact addresses, lower-case. */
  contacts: string[];
  /** Departments with a contact in the last 12 months, from the last context this device read; absent when none was read. */
  departments?: number;
  /** The last contact (ISO) and its department, from the same read. */
  lastContact?: string;
  lastDepartment?: string;
}

export interface ComposeHints {
  version: 1;
  /** The official whose pane wrote these (lower-case); the event runtime reads only its own official's. */
  owner: string;
  savedAt: string;
  partners: ComposeHintPartner[];
}

export const COMPOSE_HINTS_VERSION = 1;

/** Outlook's limit for a notification's text (NotificationMessageDetails.message). */
export const NOTIFICATION_MAX_CHARS = 150;

function lower(value: string): string {
  return value.trim().toLowerCase();
}

/** The bare address of an RFC 5322 mailbox or an address, lower-case; undefined when it has no `@`. */
export function bareAddress(value: string): string | undefined {
  const angle = /<([^<>]+)>\s*$/.exec(value);
  const address = lower(angle ? angle[1] : value);
  const at = address.lastIndexOf('@');
  return at > 0 && at < address.length - 1 ? address : undefined;
}

/**
 * The partners the recipients belong to, in recipient order, each once: a known contact address
 * first, else the address's host or one of its parent domains among a partner's domains
 * (`mail.portaal.nl` → `portaal.nl`). Register domains are registrable domains, so walking the
 * host's suffixes needs no public-suffix list.
 */
export function partnersOfRecipients(recipients: readonly string[], hints: ComposeHints): ComposeHintPartner[] {
  const byContact = new Map<string, ComposeHintPartner>();
  const byDomain = new Map<string, ComposeHintPartner>();
  for (const partner of hints.partners) {
    for (const contact of partner.contacts) if (!byContact.has(contact)) byContact.set(contact, partner);
    for (const domain of partner.domains) if (!byDomain.has(domain)) byDomain.set(domain, partner);
  }
  const found: ComposeHintPartner[] = [];
  const seen = new Set<string>();
  for (const recipient of recipients) {
    const address = bareAddress(recipient);
    if (!address) continue;
    let partner = byContact.get(address);
    if (!partner) {
      const labels = address.slice(address.lastIndexOf('@') + 1).split('.');
      for (let i = 0; i < labels.length - 1 && !partner; i++) partner = byDomain.get(labels.slice(i).join('.'));
    }
    if (partner && !seen.has(partner.id)) {
      seen.add(partner.id);
      found.push(partner);
    }
  }
  return found;
}

/** Whole calendar days from `iso` to `now` in the runtime's time zone (0 = today). */
export function calendarDaysAgo(iso: string, now: Date): number {
  const then = new Date(iso);
  if (isNaN(then.getTime())) return 0;
  const day = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.max(0, Math.round((day(now) - day(then)) / 86400000));
}

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Dutch and English both have one/other: 1 is "one". */
function counted(one: string, other: string, count: number, params: Record<string, string | number> = {}): string {
  const merged: Record<string, string | number> = { count };
  for (const key of Object.keys(params)) merged[key] = params[key];
  return fill(count === 1 ? one : other, merged);
}

function daysAgo(locale: ComposeLocale, iso: string, now: Date): string {
  const m = composeMessages[locale];
  const days = calendarDaysAgo(iso, now);
  if (days === 0) return m.today;
  if (days === 1) return m.yesterday;
  return counted(m.daysAgoOne, m.daysAgoOther, days);
}

/** The figures part of a partner's line, or the "open the pane" line where this device read no context. */
function details(partner: ComposeHintPartner, locale: ComposeLocale, now: Date): string {
  const m = composeMessages[locale];
  if (partner.departments === undefined) return m.noFigures;
  if (!partner.lastContact) return m.noContact;
  const departments = counted(m.departmentsOne, m.departmentsOther, partner.departments);
  const last = fill(m.lastContact, { ago: daysAgo(locale, partner.lastContact, now) });
  const department = partner.lastDepartment ? fill(m.lastDepartment, { department: partner.lastDepartment }) : '';
  return partner.departments > 0 ? `${departments}, ${last}${department}` : `${last}${department}`;
}

/**
 * The notification's one line for the partners found (the first named, the others counted), at most
 * `NOTIFICATION_MAX_CHARS`: a long partner name is shortened with "…", never the figures.
 */
export function composeLine(partners: readonly ComposeHintPartner[], locale: ComposeLocale, now: Date): string {
  if (partners.length === 0) return '';
  const m = composeMessages[locale];
  const first = partners[0];
  const others = partners.length > 1 ? counted(m.othersOne, m.othersOther, partners.length - 1) : '';
  const rest = fill(m.line, { partner: '', details: details(first, locale, now) }) + others;
  const room = NOTIFICATION_MAX_CHARS - rest.length;
  const name = first.name.length <= room ? first.name : `${first.name.slice(0, Math.max(1, room - 1)).trim()}…`;
  const line = fill(m.line, { partner: name, details: details(first, locale, now) }) + others;
  return line.length <= NOTIFICATION_MAX_CHARS ? line : `${line.slice(0, NOTIFICATION_MAX_CHARS - 1)}…`;
}

/** A stored value that looks like compose hints of this version. */
export function isComposeHints(value: unknown): value is ComposeHints {
  const v = value as Partial<ComposeHints> | null | undefined;
  return !!v && v.version === COMPOSE_HINTS_VERSION && typeof v.owner === 'string' && Array.isArray(v.partners);
}
