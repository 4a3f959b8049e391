import { calendarDay } from '../calendarDay';
import type { Partner } from '../model';
import type { InteractionFacts } from './types';

export interface TrendSeries {
  /** A category or a partner id. */
  key: string;
  /** Contacts per month, aligned with `months`. */
  counts: number[];
  total: number;
}

export interface Trends {
  /** `YYYY-MM`, oldest first, ending with the month of `now`. */
  months: string[];
  series: TrendSeries[];
}

/** The month (`YYYY-MM`) of the official's calendar day of `iso`: a contact at 00:30 on 1 April in Amsterdam is April's. */
export function monthKey(iso: string): string {
  return calendarDay(iso).slice(0, 7);
}

/** The `count` calendar months up to and including the official's month of `now`. */
export function monthsUpTo(now: Date, count: number): string[] {
  const [year, month] = calendarDay(now).split('-').map(Number);
  const months: string[] = [];
  for (let back = count - 1; back >= 0; back--) months.push(new Date(Date.UTC(year, month - 1 - back, 1)).toISOString().slice(0, 7));
  return months;
}

/**
 * Contacts per month per partner category (`by: 'category'`) or per partner (`by: 'partner'`), the
 * busiest series first. `limit` keeps only the busiest series for the partner view (a chart with 1,000
 * lines helps nobody; the table can show more).
 */
export function contactTrends(
  interactions: InteractionFacts[],
  partners: Partner[],
  options: { now: Date; months?: number; by: 'category' | 'partner'; limit?: number },
): Trends {
  const months = monthsUpTo(options.now, options.months ?? 12);
  const index = new Map(months.map((m, i) => [m, i]));
  const category = new Map(partners.map((p) => [p.id, p.category]));
  const series = new Map<string, number[]>();
  // Notes of one day share their date text (noon UTC of the day): each text is read as a day once.
  const monthOf = new Map<string, string>();
  for (const i of interactions) {
    let month = monthOf.get(i.date);
    if (month === undefined) monthOf.set(i.date, (month = monthKey(i.date)));
    const slot = index.get(month);
    if (slot === undefined) continue;
    const key = options.by === 'category' ? category.get(i.partnerId) : i.partnerId;
    if (!key) continue;
    let counts = series.get(key);
    if (!counts) series.set(key, (counts = months.map(() => 0)));
    counts[slot] += 1;
  }
  const all = [...series.entries()]
    .map(([key, counts]) => ({ key, counts, total: counts.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key, 'nl'));
  return { months, series: options.limit ? all.slice(0, options.limit) : all };
}

/** Column totals: all contacts per month. */
export function monthTotals(trends: Trends): number[] {
  return trends.months.map((_, i) => trends.series.reduce((sum, s) => sum + s.counts[i], 0));
}
