/**
 * Dates as a Dutch official's device lives them (the runtime's zone, Europe/Amsterdam here): the day of an
 * email or a timed note, the month a contact counts in, months and years back and ahead on the calendar.
 * UTC slices and Date's rolling setters were each a day (or a month) off around midnight and month ends.
 * The zone-bound values are worked out in a process of its own (a process reads TZ when it starts).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { addCalendarMonths } from '../../src/core/calendarMonths';
import { lastMonths } from '../../src/core/overview/types';

const root = path.resolve(__dirname, '../..');

/** Runs `expression` (with the modules below in scope) in Amsterdam's zone and answers its JSON. */
function inAmsterdam(expression: string): unknown {
  const script = `
    const { interactionToDraft, newNoteDraft } = require('./src/core/noteDraft.ts');
    const { monthKey, monthsUpTo } = require('./src/core/overview/trends.ts');
    const { DEFAULT_RETENTION, retentionCandidates } = require('./src/core/retention.ts');
    const { inzageAnswer } = require('./src/core/overview/inzageRequest.ts');
    const answeredAt = (at) => inzageAnswer({ query: 'x', identities: [], others: [], partners: [], interactions: [], agenda: [] }, { exportedAt: new Date(at), receivedOn: '2026-03-15', site: 's', redacted: '…', partnerName: () => '' }).request;
    const note = (date) => ({ id: 'n', clientId: 'n', partnerId: 'p', title: 'n', date, kind: 'review', department: '', themes: [], summary: '', confidential: false, wooRelevant: false, authorEmail: 'a@veenhaven.nl', authorName: 'A' });
    console.log(JSON.stringify(${expression}));`;
  const out = execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['-e', script], { cwd: root, env: { ...process.env, TZ: 'Europe/Amsterdam' }, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!);
}

it('a note drafted from an email received at 00:30 in Amsterdam (22:30 UTC the day before) is of the day it was received', () => {
  expect(
    inAmsterdam(`[
      newNoteDraft({ kind: 'email', subject: 'Overleg', date: '2026-07-14T22:30:00Z' }, 'Wonen', new Date('2026-07-20T10:00:00Z')).date,
      newNoteDraft({ kind: 'meeting', subject: 'Overleg' }, 'Wonen', new Date('2026-07-14T22:30:00Z')).date,
      interactionToDraft(note('2026-07-14T22:30:00Z')).date,
      interactionToDraft(note('2026-07-15T12:00:00Z')).date,
    ]`),
  ).toEqual(['2026-07-15', '2026-07-15', '2026-07-15', '2026-07-15']);
});

it("a contact at 00:30 on 1 April counts in April, and the months shown end with the official's month", () => {
  expect(
    inAmsterdam(`[monthKey('2026-03-31T22:30:00Z'), monthKey('2026-03-31T12:00:00Z'), monthsUpTo(new Date('2026-03-31T22:30:00Z'), 3), monthsUpTo(new Date('2026-12-31T23:30:00Z'), 2)]`),
  ).toEqual(['2026-04', '2026-03', ['2026-02', '2026-03', '2026-04'], ['2026-12', '2027-01']]);
});

it('a record is listed for destruction from the morning of the day its period ends; one of 29 February on 28 February', () => {
  const listed = (now: string) => `retentionCandidates({ interactions: [{ ...note('2024-02-29T12:00:00Z'), id: 'leap', kind: 'email' }, { ...note('2021-03-15T12:00:00Z'), id: 'march', kind: 'email' }], agenda: [], audit: [] }, DEFAULT_RETENTION, new Date('${now}')).map((c) => c.id + ' ' + c.expiredOn.slice(0, 10))`;
  // 09:00 in Amsterdam on the day, though the notes were made at 13:00; and the evening before.
  expect(inAmsterdam(`[${listed('2026-03-15T08:00:00Z')}, ${listed('2026-03-14T22:00:00Z')}, ${listed('2029-02-28T08:00:00Z')}]`)).toEqual([
    ['march 2026-03-15'],
    [],
    ['march 2026-03-15', 'leap 2029-02-28'],
  ]);
});

it('a contact at 00:30 on 31 October in Amsterdam (22:30 UTC the day before) is listed from 31 October five years on, not the day before', () => {
  const listed = (now: string) => `retentionCandidates({ interactions: [{ ...note('2021-10-30T22:30:00Z'), id: 'late', kind: 'email' }], agenda: [], audit: [] }, DEFAULT_RETENTION, new Date('${now}')).map((c) => c.id)`;
  expect(inAmsterdam(`[${listed('2026-10-30T10:00:00Z')}, ${listed('2026-10-31T08:00:00Z')}]`)).toEqual([[], ['late']]);
});

it('months back and years ahead stay in their month: the last day where it is shorter', () => {
  expect(addCalendarMonths('2026-05-31T10:00:00Z', -3).toISOString()).toBe('2026-02-28T10:00:00.000Z');
  expect(addCalendarMonths('2026-12-31T10:00:00Z', -6).toISOString()).toBe('2026-06-30T10:00:00.000Z');
  expect(addCalendarMonths('2028-02-29T12:00:00Z', -24).toISOString()).toBe('2026-02-28T12:00:00.000Z');
  expect(addCalendarMonths('2024-02-29T12:00:00Z', 60).toISOString()).toBe('2029-02-28T12:00:00.000Z');
  expect(addCalendarMonths('2026-01-15T00:00:00Z', 1).toISOString()).toBe('2026-02-15T00:00:00.000Z');
  expect(lastMonths(new Date('2026-05-31T10:00:00Z'), 3).from).toBe('2026-02-28T10:00:00.000Z');
});

it('an inzage answered at 00:30 in Amsterdam on the day after its deadline is late (its UTC day is still the deadline)', () => {
  expect(inAmsterdam(`[answeredAt('2026-04-15T21:30:00Z'), answeredAt('2026-04-15T22:30:00Z')].map((r) => [r.deadline, r.onTime])`)).toEqual([
    ['2026-04-15', true],
    ['2026-04-15', false],
  ]);
});
