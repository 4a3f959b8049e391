/**
 * The demo's Teams meetings behind the meeting samples, with their attendance reports, as the emulator's
 * `meetings.add(…)` takes them (shaped like its `SeedMeeting` without importing it: src/demo is plain data).
 * - "Overleg valpreventie-onderzoek en parkeerdek" (organizer Anouk Visser) has ended: its report shows who
 *   really came — Ria Hofman, and Eva Lammers who was not invited — while Mehmet Öztürk, invited, did not join;
 * - "Regionale woondeal" is organized by the partner (Ingrid Bos), so the officials in it are attendees and
 *   Graph gives them no report.
 */
import { SAMPLE_ITEMS } from './sampleMessages';
import type { DemoCalendarMeeting } from './calendar';

/** The meeting chat of a meeting sample (what Teams' context gives the side panel). */
export function sampleChatId(sampleId: string): string {
  return `19:meeting_${sampleId}@thread.v2`;
}

export interface DemoAttendanceReport {
  records: Array<{ email: string; name?: string; seconds: number; role?: 'Attendee' | 'Presenter' | 'Organizer' }>;
}

const REPORTS: Record<string, DemoAttendanceReport[]> = {
  'sample-ziekenhuis-overleg': [
    {
      records: [
        { email: 'a.visser@veenhaven.nl', name: 'Anouk Visser', seconds: 3600, role: 'Organizer' },
        { email: 'r.hofman@streekziekenhuisveenhaven.nl', name: 'Ria Hofman', seconds: 3420 },
        { email: 'e.lammers@onderzoek.streekziekenhuisveenhaven.nl', name: 'Eva Lammers', seconds: 2460 },
        { email: 't.mulder@veenhaven.nl', name: 'Thijs Mulder', seconds: 3000 },
      ],
    },
  ],
};

/** `"Visser, Anouk" <a.visser@veenhaven.nl>` → address and name. */
function person(mailbox: string): { email: string; name?: string } {
  const m = /^\s*(?:"?([^"<]*?)"?\s*)?<([^>]+)>\s*$/.exec(mailbox);
  if (!m) return { email: mailbox.trim().toLowerCase() };
  const name = m[1]?.includes(',') ? m[1].split(',').map((s) => s.trim()).reverse().join(' ') : m[1]?.trim();
  return { email: m[2].trim().toLowerCase(), ...(name ? { name } : {}) };
}

export function demoAttendanceMeetings(): Array<DemoCalendarMeeting & { reports: DemoAttendanceReport[] }> {
  return SAMPLE_ITEMS.filter((s) => s.kind === 'meeting' && s.organizer && s.date).map((s) => ({
    chatId: sampleChatId(s.id),
    subject: s.subject,
    organizer: person(s.organizer!),
    attendees: (s.attendees ?? []).map(person),
    start: s.date!,
    end: s.end ?? new Date(Date.parse(s.date!) + 3_600_000).toISOString(),
    reports: REPORTS[s.id] ?? [],
  }));
}
