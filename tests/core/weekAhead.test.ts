/** The week ahead (src/core/weekAhead.ts): which meetings have a partner, and the briefing. */
import { briefing, partnerMeetings, takesPart, type CalendarMeeting } from '../../src/core/weekAhead';
import { newAgendaItem, newInteraction, newPartner } from '../data/fixtures';

const ME = 'anna.devries@veenhaven.nl';
const NOW = new Date('2026-12-02T10:00:00Z');
const portaal = newPartner({ id: 'p1', name: 'Portaal', domains: ['portaal.nl'], contacts: ['henk@gmail.com'], ownerEmail: 'bart@veenhaven.nl', ownerName: 'Bart' });
const zrl = newPartner({ id: 'p2', name: 'ZRL', domains: ['zrl.nl'], contacts: [] });

test('meetings with a partner as organizer or attendee, soonest first; internal meetings left out', () => {
  const meetings: CalendarMeeting[] = [
    { id: 'b', subject: 'Later', start: '2026-12-05T09:00:00.000Z', organizer: ME, attendees: ['x@zrl.nl'] },
    { id: 'a', subject: 'Eerst', start: '2026-12-03T09:00:00.000Z', organizer: 'henk@gmail.com', attendees: [ME] },
    { id: 'c', subject: 'Intern', start: '2026-12-03T08:00:00.000Z', organizer: ME, attendees: ['collega@veenhaven.nl'] },
  ];
  const found = partnerMeetings(meetings, [portaal, zrl], ME);
  expect(found.map((m) => [m.meeting.id, m.partners.map((p) => p.name)])).toEqual([
    ['a', ['Portaal']],
    ['b', ['ZRL']],
  ]);
});

test("the briefing: colleagues' notes since my last contact, open agenda both ways, latest review, the owner", () => {
  const context = {
    partner: portaal,
    interactions: [
      newInteraction('p1', { authorEmail: ME, date: '2026-11-01T10:00:00Z', department: 'Wonen' }),
      newInteraction('p1', { authorEmail: 'c@veenhaven.nl', date: '2026-10-01T10:00:00Z', department: 'Zorg', title: 'voor mij' }),
      newInteraction('p1', { authorEmail: 'c@veenhaven.nl', date: '2026-11-15T10:00:00Z', department: 'Zorg', title: 'na mij' }),
      newInteraction('p1', { authorEmail: 'd@veenhaven.nl', date: '2026-11-20T10:00:00Z', department: 'Economie', kind: 'review', review: { goesWell: 'a', couldImprove: 'b', score: 4 } as never, title: 'review' }),
    ],
    agenda: [
      newAgendaItem('p1', { direction: 'wij', status: 'open', topic: 'ons', dueDate: '2026-11-01' }),
      newAgendaItem('p1', { direction: 'partner', status: 'open', topic: 'hun' }),
      newAgendaItem('p1', { direction: 'samen', status: 'in-progress', topic: 'samen' }),
      newAgendaItem('p1', { direction: 'wij', status: 'done', topic: 'klaar' }),
    ],
  };
  const b = briefing(context, ME, NOW);
  expect(b.myLastContact).toBe('2026-11-01T10:00:00Z');
  expect(b.sinceMyLastContact.map((i) => i.title)).toEqual(['review', 'na mij']);
  expect(b.departments).toEqual(['Economie', 'Zorg']);
  expect(b.openOurs.map((a) => a.topic)).toEqual(['ons', 'samen']);
  expect(b.openTheirs.map((a) => a.topic)).toEqual(['hun', 'samen']);
  expect(b.overdue).toBe(1);
  expect(b.latestReview?.title).toBe('review');
  expect(b.owner).toEqual({ email: 'bart@veenhaven.nl', name: 'Bart' });
  // Never in touch myself: everything colleagues logged.
  expect(briefing(context, 'nieuw@veenhaven.nl', NOW).sinceMyLastContact).toHaveLength(4);
});

test('takesPart: the organizer or an attendee, in any case; nobody for an empty address', () => {
  const meeting: CalendarMeeting = { id: 'e1', subject: 'Met Portaal', start: '2026-12-03T13:00:00.000Z', organizer: 'b.vermeulen@veenhaven.nl', attendees: ['h.vandijk@portaal.nl', 'm.jansen@veenhaven.nl'] };
  expect(takesPart(meeting, 'M.Jansen@Veenhaven.nl')).toBe(true);
  expect(takesPart(meeting, 'b.vermeulen@veenhaven.nl')).toBe(true);
  expect(takesPart(meeting, 's.devries@veenhaven.nl')).toBe(false);
  expect(takesPart({ ...meeting, organizer: undefined, attendees: [] }, '')).toBe(false);
});
