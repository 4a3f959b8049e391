/**
 * Free-mail providers: their domains never identify an organisation, only a known contact address can.
 */
import maintainedList from 'email-providers/all.json';
import { isValidAsciiHostAt, toAsciiHost } from './host';
import { StringTable } from './stringTable';

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

let table: StringTable | undefined;

/**
 * The free-mail domains (8,000+), built on first use, not at import, so loading the bundle costs
 * nothing until a message is read. One table serves both whole-host lookups and lookups of a host's
 * parents as ranges of the host (no copies), so the pane's first detection builds it once.
 */
export function freeMailTable(): StringTable {
  if (table) return table;
  const entries = [...(maintainedList as unknown as string[]), ...DUTCH_PROVIDERS];
  const t = new StringTable(entries.length);
  for (const entry of entries) {
    if (typeof entry !== 'string' || entry.includes('@')) continue; // the list carries a stray address
    // Nearly every entry is already a lower-case ASCII host: kept as it is, which spares the pane's
    // first detection most of the cost of building this table.
    const host = isValidAsciiHostAt(entry, 0, entry.length) ? entry : toAsciiHost(entry.trim());
    if (host) t.add(host);
  }
  table = t;
  return t;
}

/** For a host already in `toAsciiHost` form: the host or any parent is a free-mail domain. */
export function isFreeMailHost(host: string): boolean {
  const free = freeMailTable();
  let h = host;
  for (;;) {
    if (free.find(h) >= 0) return true;
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
