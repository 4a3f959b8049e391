import type { Interaction } from '../model';
import { addCalendarMonths } from '../calendarMonths';

/**
 * What the overview figures need of an interaction. The overview cache deliberately holds no note
 * text (see src/data/overviewCache.ts), so the figures must work without summary/followUps; a
 * review score is there only when the caller loaded it.
 */
export type InteractionFacts = Pick<Interaction, 'id' | 'partnerId' | 'date' | 'kind' | 'department' | 'themes' | 'authorName' | 'title'> &
  Partial<Pick<Interaction, 'authorEmail' | 'sourceRef' | 'review' | 'clientId'>>;

/**
 * A sentence fragment as a catalogue key and its parameters: the core decides *what* to say, the UI
 * says it in the reader's language. Keys live under `suggest.`/`attention.`/`csv.` in src/i18n/nl.ts.
 * With `count`, `key` is the base of a counted message (`key.one` / `key.other`, chosen by the
 * language's plural rules, `{count}` filled in). A parameter named `date` is an ISO date and one named
 * `daysAgo` a number of days; the UI says both as a person reads them ("26 nov 2026", "gisteren").
 */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
  count?: number;
  /** Said instead when the catalogues have no such message: a choice value written outside the app, as stored. */
  fallback?: string;
}

/** The choice columns whose stored values the catalogues name (`category.zorg`, `kind.call`, …). */
export type ChoiceGroup = 'category' | 'kind' | 'agenda.direction' | 'agenda.status' | 'partner.status';

/**
 * A choice column's value as a message (`category.zorg`). A value the catalogues do not know is said as it
 * is stored, not as a message key: an administrator can add choices to a column in SharePoint, and another
 * Graph client can write any text to one (the app's own writes only use its choices).
 */
export const choiceMessage = (group: ChoiceGroup, value: string): Message => ({ key: `${group}.${value}`, fallback: value });

export interface Period {
  /** Inclusive, ISO. */
  from: string;
  /** Exclusive, ISO. */
  to: string;
}

export const DAY_MS = 86_400_000;

/** The last `months` months up to `now`. */
export function lastMonths(now: Date, months: number): Period {
  return { from: addCalendarMonths(now, -months).toISOString(), to: new Date(now.getTime() + 1).toISOString() };
}

/**
 * As instants: the texts do not compare when one has milliseconds and the other not (Graph answers a
 * dateTime column without, `lastMonths` gives them), and a note dated exactly now would fall outside.
 */
export function inPeriod(date: string, period: Period): boolean {
  return withinPeriod(period)(date);
}

/** {@link inPeriod} for many dates: the period's bounds parsed once. */
export function withinPeriod(period: Period): (date: string) => boolean {
  const from = Date.parse(period.from);
  const to = Date.parse(period.to);
  return (date) => {
    const t = Date.parse(date);
    return t >= from && t < to;
  };
}
