/**
 * Date-only columns (`dateTime` with `format: dateOnly`, columnDefinition / dateTimeColumn,
 * https://learn.microsoft.com/en-us/graph/api/resources/datetimecolumn) hold a calendar day, but Graph answers
 * them as a UTC instant: midnight of that day in the site's time zone (its regional settings), not what was
 * written — for a Dutch site `2026-03-14T23:00:00Z` is 15 March in winter, `2026-07-14T22:00:00Z` is 15 July
 * in summer. Reported in SharePoint/sp-dev-docs#6083 ("It reduces to 1 day", the value is UTC) and
 * pnp/pnpjs#1890 (date-only values come back as `T05:00:00Z` or `T06:00:00Z` depending on DST). Graph offers
 * no way to read a site's time zone (only SharePoint REST's `_api/web/RegionalSettings/TimeZone`, which needs a
 * SharePoint token), so these helpers do not need it:
 *
 * - writing: the day is sent as noon UTC (`YYYY-MM-DDT12:00:00Z`), which is that same day in every time zone
 *   from UTC−12:00 to UTC+11:59, so the site stores the intended day whichever zone it has;
 * - reading: the instant `t` is the day D whose window (D−1 12:00Z, D 12:00Z] holds it. Midnight of D in any
 *   zone strictly between UTC−12:00 and UTC+12:00 falls in that window, and so does the noon-UTC value itself
 *   (a tenant that returns what was written). Zones at or beyond ±12:00 (some Pacific islands) are not supported.
 *
 * In the domain model a due date is kept as noon UTC of its day (what the agenda form makes), so formatting in
 * the official's time zone (Europe) and `calendarDay` give the intended day.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const DAY_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day (`YYYY-MM-DD`) a date-only value stands for, or undefined when it is not a date. */
export function dateOnlyDay(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  if (DAY_ONLY.test(text)) return text;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return undefined;
  // (D−1 12:00Z, D 12:00Z] → D
  const day = Math.floor((ms + 12 * HOUR_MS - 1) / DAY_MS);
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** What the app writes into a date-only column: noon UTC of the day (null clears it). */
export function dateOnlyToGraph(value: string | undefined | null): string | null {
  const day = dateOnlyDay(value);
  return day ? `${day}T12:00:00Z` : null;
}

/** A date-only column's value as the domain model keeps it: noon UTC of its day (ISO), or undefined. */
export function dateOnlyFromGraph(value: unknown): string | undefined {
  const day = dateOnlyDay(value);
  return day ? `${day}T12:00:00.000Z` : undefined;
}

/** Whether two date-only values stand for the same day (absent equals absent). */
export function sameDateOnly(a: unknown, b: unknown): boolean {
  return dateOnlyDay(a) === dateOnlyDay(b);
}
