/**
 * Free-mail providers: their domains never identify an organisation, only a known contact address can.
 */
import maintainedList from 'email-providers/all.json';
import { toAsciiHost } from './host';

/**
 * Dutch consumer providers the maintained list misses or may drop; an address there is a person,
 * not the organisation they work for.
 */
const DUTCH_PROVIDERS = [
  'ziggo.nl', 'kpnmail.nl', 'kpnplanet.nl', 'xs4all.nl', 'hetnet.nl', 'home.nl', 'planet.nl', 'live.nl',
  'hotmail.nl', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'gmail.com',
  'googlemail.com', 'icloud.com', 'me.com', 'yahoo.com', 'casema.nl', 'chello.nl',
  'upcmail.nl', 'quicknet.nl', 'zeelandnet.nl', 'telfort.nl', 'telfortglasvezel.nl', 'tele2.nl',
  'online.nl', 'caiway.nl', 'kabelfoon.nl', 'solcon.nl', 'hccnet.nl', 'wanadoo.nl', 'orange.nl',
  'versatel.nl', 'freedom.nl', 'onsbrabantnet.nl', 'zonnet.nl', 'tiscali.nl', '12move.nl',
];

/**
 * Hosts of platforms that send for anyone: they never say which organisation a participant is.
 * `teams.ms` carries a Teams channel's email address (`<id>.<tenant>.onmicrosoft.com@emea.teams.ms`,
 * learn.microsoft.com/microsoftteams/step-by-step-guides/email-a-channel); Google Calendar's rooms and
 * group calendars are attendees on `resource.calendar.google.com` and `group.calendar.google.com`;
 * Google Docs comments come from `docs.google.com`. `google.com` itself stays: Google is an employer.
 */
const PLATFORM_HOSTS = ['teams.ms', 'calendar.google.com', 'docs.google.com'];

let domains: Set<string> | undefined;

/** A line of the list that is no valid lower-case ASCII host as it stands (host.ts isValidAsciiHostAt's rule). */
const IRREGULAR_LINE = /^(?!(?=.{1,253}$)[a-z0-9_-]{1,63}(?:\.[a-z0-9_-]{1,63})*$).*$/gm;

/**
 * The free-mail domains (8,000+), built on first use, not at import, so loading the bundle costs
 * nothing until a message is read. Only ever asked about hosts in `toAsciiHost` form (and their parents).
 *
 * Built natively: the list as it is goes into a Set, and one regular expression over the joined list
 * finds the handful of entries that are no lower-case ASCII host as they stand (IDN spellings, a stray
 * address), whose ASCII form is added. Checking and hashing the 8,000 entries one character at a time
 * in script cost the pane's first detection 30-45 ms at 4x CPU, cold and warm (bench:open, issue 19).
 * An irregular entry stays in the Set as well, harmlessly: it can never equal a host that is asked.
 */
export function freeMailDomains(): ReadonlySet<string> {
  if (domains) return domains;
  const list = maintainedList as unknown as string[];
  const set = new Set<string>(list);
  for (const provider of [...DUTCH_PROVIDERS, ...PLATFORM_HOSTS]) set.add(provider);
  const text = list.join('\n');
  const oneEntryALine = (text.match(/\n/g)?.length ?? 0) === list.length - 1;
  const irregular = oneEntryALine ? Array.from(text.matchAll(IRREGULAR_LINE), (m) => m[0]) : list.filter((e) => typeof e === 'string');
  for (const entry of irregular) {
    if (entry.includes('@')) continue; // the list carries a stray address
    const host = toAsciiHost(entry.trim());
    if (host) set.add(host);
  }
  domains = set;
  return set;
}

/** For a host already in `toAsciiHost` form: the host or any parent is a free-mail domain. */
export function isFreeMailHost(host: string): boolean {
  const free = freeMailDomains();
  let h = host;
  for (;;) {
    if (free.has(h)) return true;
    const dot = h.indexOf('.');
    if (dot < 0) return false;
    h = h.slice(dot + 1);
  }
}

/** `gmail.com`, `mail.ziggo.nl`, `@hotmail.nl`: true; also accepts Unicode (IDN) input. */
export function isFreeMailDomain(domain: string): boolean {
  if (typeof domain !== 'string') return false;
  let s = domain.trim();
  const at = s.lastIndexOf('@');
  if (at >= 0) s = s.slice(at + 1);
  const host = toAsciiHost(s);
  return host !== undefined && isFreeMailHost(host);
}
