/**
 * A site's time zone (SharePoint regional settings) for date-only columns: SharePoint keeps a date-only value
 * as a calendar day and Graph answers it as the UTC instant of midnight of that day in the site's zone
 * (see src/data/dateOnly.ts for the sources). Offsets, DST included, come from Intl's IANA data.
 */

export const DEFAULT_SITE_TIME_ZONE = 'Europe/Amsterdam';

const formats = new Map<string, Intl.DateTimeFormat>();

function partsIn(ms: number, timeZone: string): Record<string, number> {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formats.set(timeZone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** The zone's offset from UTC (ms, east positive) at the instant `ms`. */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const p = partsIn(ms, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The calendar day (`YYYY-MM-DD`) of the instant `ms` in the zone. */
export function dayInZone(ms: number, timeZone: string): string {
  const p = partsIn(ms, timeZone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The UTC instant (ms) of midnight at the start of `day` (`YYYY-MM-DD`) in the zone. */
export function midnightInZone(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d);
  let guess = wall - zoneOffsetMs(wall, timeZone);
  guess = wall - zoneOffsetMs(guess, timeZone); // the offset at midnight itself (DST changes at night elsewhere)
  return guess;
}

/** Whether the zone is one Intl knows (a typo must not silently fall back to UTC). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
