/**
 * Calendar days as the official lives them. "Vandaag", "gisteren" and "over datum" are about the day on
 * the official's calendar, not about 24-hour spans since an instant: a note logged yesterday at noon UTC
 * is "gisteren" this morning, and an item due today is not overdue until tomorrow. SharePoint Online
 * answers a date-only column as midnight in the site's time zone, in UTC (`2026-04-30T22:00:00Z` for
 * 1 May in Amsterdam; reported in pnp/pnpjs#1890, not on the Graph pages), so a date is read in the
 * official's time zone, never by slicing the UTC string.
 */
import { DAY_MS } from './overview/types';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const formats = new Map<string, Intl.DateTimeFormat>();
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Whether the text is a day that exists, as `yyyy-mm-dd` (a date field's value): `2026-02-30` is not, though Date.parse takes it. */
export function isCalendarDay(text: string): boolean {
  if (!DATE_ONLY.test(text)) return false;
  const ms = Date.parse(`${text}T12:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

/** `yyyy-mm-dd` of the instant in `timeZone` (default: the runtime's, i.e. the official's); a bare date stays as it is. */
export function calendarDay(value: string | Date, timeZone?: string): string {
  if (typeof value === 'string' && DATE_ONLY.test(value)) return value;
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  // The runtime's own zone is what Date's local getters read: the same day as Intl's, without an Intl
  // formatter (its first creation loads time-zone data; a pane's first render reads hundreds of dates).
  if (timeZone === undefined) return `${String(date.getFullYear()).padStart(4, '0')}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
  const key = timeZone;
  let format = formats.get(key);
  if (!format) {
    // en-CA formats as yyyy-mm-dd.
    format = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
    formats.set(key, format);
  }
  return format.format(date);
}

/**
 * The agenda's due day `days` after the official's calendar day of `from`, as noon UTC of that day (what
 * the agenda form makes). The Agenda list's due date is a date-only column, and an afternoon instant
 * written there is stored as the next day (data/dateOnly.ts): `now + 30 days` planned at 15:00 would be due
 * a day later than the official was told.
 */
export function dueDayAfter(from: Date, days: number, timeZone?: string): string {
  const day = calendarDay(from, timeZone);
  return new Date(Date.parse(`${day}T12:00:00Z`) + days * DAY_MS).toISOString();
}

/** Whole calendar days from `from` to `to` in `timeZone` (0 on the same day, 1 from yesterday). */
export function calendarDaysBetween(from: string | Date, to: string | Date, timeZone?: string): number {
  return dayNumber(to, timeZone) - dayNumber(from, timeZone);
}

/**
 * The calendar day of {@link calendarDay} as a number (days since 1970-01-01; NaN for no date). As
 * numbers, without the text in between: the overview counts days since the last contact for every partner
 * of the register, twice on its first screen.
 */
function dayNumber(value: string | Date, timeZone?: string): number {
  if (typeof value === 'string' && DATE_ONLY.test(value)) return Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10))) / DAY_MS;
  if (timeZone !== undefined) {
    const day = calendarDay(value, timeZone);
    return day ? dayNumber(day) : NaN;
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY_MS;
}
