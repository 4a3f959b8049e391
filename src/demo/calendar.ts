/**
 * The demo official's calendar for the next two weeks, as the emulator's `/me/calendarView` answers it: the
 * meetings "Mijn komende partnerafspraken" shows (a partner among the attendees) and one without a partner,
 * which it leaves out. Times are relative to the moment the demo starts, so the week ahead is never empty.
 * Shaped like the emulator's `SeedMeeting` without importing it: src/demo is plain data.
 */
import { OFFICIALS } from './municipality';

export interface DemoCalendarMeeting {
  chatId: string;
  subject: string;
  organizer: { email: string; name?: string };
  attendees: Array<{ email: string; name?: string }>;
  start: string;
  end: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** 09:00 UTC `days` from now's day, plus `hours`. */
function at(now: Date, days: number, hours: number): string {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(day + days * DAY + (9 + hours) * HOUR).toISOString();
}

/** A one-hour demo meeting starting 09:00 UTC + `hours`, `days` from now's day. */
export function demoMeeting(now: Date, id: string, subject: string, days: number, hours: number, organizer: DemoCalendarMeeting['organizer'], attendees: DemoCalendarMeeting['attendees']): DemoCalendarMeeting {
  const start = at(now, days, hours);
  return { chatId: `19:meeting_demo-${id}@thread.v2`, subject, organizer, attendees, start, end: new Date(Date.parse(start) + HOUR).toISOString() };
}

export function demoCalendar(now: Date, official = OFFICIALS[0]): DemoCalendarMeeting[] {
  const me = { email: official.email, name: official.name };
  const meeting = (id: string, subject: string, days: number, hours: number, organizer: DemoCalendarMeeting['organizer'], attendees: DemoCalendarMeeting['attendees']) =>
    demoMeeting(now, id, subject, days, hours, organizer, attendees);
  return [
    meeting('veenland', 'Bestuurlijk overleg renovatieplanning', 2, 1, me, [
      { email: 'h.vandijk@woonstichtingveenland.nl', name: 'Henk van Dijk' },
      { email: 'b.vermeulen@veenhaven.nl', name: 'Bas Vermeulen' },
    ]),
    meeting('mt', 'MT-overleg', 3, 0, { email: 'f.bakker@veenhaven.nl', name: 'Femke Bakker' }, [me]),
    meeting('ziekenhuis', 'Voortgang valpreventie en parkeerdek', 5, 4, { email: 'r.hofman@streekziekenhuisveenhaven.nl', name: 'Ria Hofman' }, [me]),
    meeting('programmering', 'Woningbouwprogrammering 2027', 9, 2, me, [
      { email: 'h.vandijk@woonstichtingveenland.nl', name: 'Henk van Dijk' },
      { email: 'j.kramer@thuisbaaswonen.nl', name: 'Joost Kramer' },
    ]),
  ];
}
