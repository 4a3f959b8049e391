import { attendedMinutes, partnerAttendees } from '../../src/core/meetingAttendance';

const ZIEKENHUIS = { domains: ['streekziekenhuisveenhaven.nl'], contacts: ['"Hofman, Ria" <ria.hofman@gmail.com>'] };

test('the partner\'s attendees: its domains (sub-domains too) and its contacts; colleagues and others left out; longest first', () => {
  const found = partnerAttendees(ZIEKENHUIS, [
    { email: 'a.visser@veenhaven.nl', name: 'Anouk Visser', seconds: 3600 },
    { email: 'E.Lammers@onderzoek.streekziekenhuisveenhaven.nl', name: 'Eva Lammers', seconds: 1200 },
    { email: 'ria.hofman@gmail.com', name: 'Ria Hofman', seconds: 3000 },
    { email: 'p.jansen@anderpartner.nl', seconds: 3000 },
    { email: 'streekziekenhuisveenhaven.nl.evil@example.com', seconds: 10 },
  ]);
  expect(found.map((a) => a.email)).toEqual(['ria.hofman@gmail.com', 'e.lammers@onderzoek.streekziekenhuisveenhaven.nl']);
});

test('a person with two records (rejoined) counts once, with the time added up', () => {
  const found = partnerAttendees(ZIEKENHUIS, [
    { email: 'r.hofman@streekziekenhuisveenhaven.nl', seconds: 600 },
    { email: 'r.hofman@streekziekenhuisveenhaven.nl', name: 'Ria Hofman', seconds: 900 },
  ]);
  expect(found).toEqual([{ email: 'r.hofman@streekziekenhuisveenhaven.nl', name: 'Ria Hofman', seconds: 1500 }]);
});

test('minutes attended: rounded, at least one for anyone who joined', () => {
  expect([attendedMinutes(0), attendedMinutes(5), attendedMinutes(89), attendedMinutes(91), attendedMinutes(3420)]).toEqual([0, 1, 1, 2, 57]);
});
