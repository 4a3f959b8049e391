/**
 * The instant `months` calendar months after `date` (before, for a negative number), on the same day of the
 * month or, where that month is shorter, on its last day: 31 May less three months is 28 February and 29 February
 * plus a year is 28 February, where Date's own setters roll over into the next month (3 March, 1 March).
 */
export function addCalendarMonths(date: Date | string, months: number): Date {
  const d = new Date(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

/**
 * `addCalendarMonths` on the official's calendar (the runtime's zone): a contact at 00:30 on 31 October in
 * Amsterdam (22:30 UTC on the 30th) plus five years is 31 October, not 30 October.
 */
export function addLocalCalendarMonths(date: Date | string, months: number): Date {
  const d = new Date(date);
  const day = d.getDate();
  d.setDate(1);
  d.setMonth(d.getMonth() + months);
  d.setDate(Math.min(day, new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate()));
  return d;
}
