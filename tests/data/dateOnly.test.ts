import fc from 'fast-check';
import { isOverdue } from '../../src/core/agenda';
import { calendarDay } from '../../src/core/calendarDay';
import { dateOnlyDay, dateOnlyFromGraph, dateOnlyToGraph, sameDateOnly } from '../../src/data/dateOnly';
import { midnightInZone } from '../../src/emulator/timeZone';
import { ConflictError } from '../../src/data/PartnerRepository';
import { ANNA, startHarness, type Harness } from './graphHarness';
import { newAgendaItem, newPartner } from './fixtures';

/** Graph answers a date-only column as the UTC instant of midnight in the site's time zone (issue 18 item 8). */
describe('date-only values both ways', () => {
  test('midnight in Amsterdam, winter and summer, and across the DST changes (last Sundays of March and October)', () => {
    const cases: Array<[string, string]> = [
      ['2026-03-14T23:00:00Z', '2026-03-15'], // winter, UTC+1
      ['2026-07-14T22:00:00Z', '2026-07-15'], // summer, UTC+2
      ['2026-03-28T23:00:00Z', '2026-03-29'], // Sunday 29 March 2026: the clocks go forward at 02:00, midnight is still +1
      ['2026-03-29T22:00:00Z', '2026-03-30'],
      ['2026-10-24T22:00:00Z', '2026-10-25'], // Sunday 25 October 2026: midnight is still +2
      ['2026-10-25T23:00:00Z', '2026-10-26'],
      ['2026-03-15T12:00:00Z', '2026-03-15'], // a tenant that answers what was written (noon UTC)
      ['2026-03-15', '2026-03-15'],
    ];
    for (const [graph, day] of cases) {
      expect({ graph, day: dateOnlyDay(graph) }).toEqual({ graph, day });
      expect(dateOnlyFromGraph(graph)).toBe(`${day}T12:00:00.000Z`);
    }
    for (const [day, midnight] of [['2026-03-29', '2026-03-28T23:00:00.000Z'], ['2026-03-30', '2026-03-29T22:00:00.000Z'], ['2026-10-25', '2026-10-24T22:00:00.000Z'], ['2026-10-26', '2026-10-25T23:00:00.000Z']]) {
      expect(new Date(midnightInZone(day, 'Europe/Amsterdam')).toISOString()).toBe(midnight);
    }
  });

  test('any day, any site zone between UTC−12 and UTC+12: midnight there reads back as that day; the written noon is that day everywhere', () => {
    const zones = ['Europe/Amsterdam', 'UTC', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Pacific/Honolulu', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Sydney', 'America/St_Johns'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        const day = new Date(ms).toISOString().slice(0, 10);
        const written = dateOnlyToGraph(`${day}T12:00:00.000Z`)!;
        expect(written).toBe(`${day}T12:00:00Z`);
        expect(calendarDay(written, zone)).toBe(day);
        expect(dateOnlyDay(new Date(midnightInZone(day, zone)).toISOString())).toBe(day);
      }),
      { numRuns: 400, seed: 18 },
    );
  });

  test('overdue and the same-day comparison on what Graph answers', () => {
    const due = dateOnlyFromGraph('2026-03-14T23:00:00Z'); // due 15 March
    for (const timeZone of ['Europe/Amsterdam', 'UTC', 'America/New_York']) {
      expect(isOverdue({ status: 'open', dueDate: due }, new Date('2026-03-15T10:00:00Z'), timeZone)).toBe(false); // due today
      expect(isOverdue({ status: 'open', dueDate: due }, new Date('2026-03-16T16:00:00Z'), timeZone)).toBe(true);
    }
    // read naively, the instant is still 14 March in UTC: it would be overdue a day early
    expect(isOverdue({ status: 'open', dueDate: '2026-03-14T23:00:00Z' }, new Date('2026-03-15T10:00:00Z'), 'UTC')).toBe(true);
    expect(sameDateOnly('2026-03-15T12:00:00Z', '2026-03-14T23:00:00Z')).toBe(true);
    expect(sameDateOnly('2026-03-15T12:00:00Z', '2026-03-15T23:00:00Z')).toBe(false);
    expect(sameDateOnly(undefined, null)).toBe(true);
  });
});

describe('date-only due dates against the emulator (site in Europe/Amsterdam)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  test('a due date written as its day reads back as that day, in winter, in summer and on the DST Sundays', async () => {
    const repo = h.repository(ANNA);
    const partner = await repo.savePartner(newPartner());
    for (const day of ['2026-03-15', '2026-07-15', '2026-03-29', '2026-10-25', '2026-12-31']) {
      const saved = await repo.saveAgendaItem(newAgendaItem(partner.id, { dueDate: `${day}T12:00:00.000Z` }));
      const raw = await h.transport().get<{ fields: { dueDate: string } }>(`/sites/${await repo.resolveSiteId()}/lists/Agenda/items/${saved.id}?$expand=fields`);
      expect(raw.fields.dueDate).toBe(new Date(midnightInZone(day, 'Europe/Amsterdam')).toISOString().replace('.000Z', 'Z'));
      const read = (await repo.listAgenda(partner.id)).find((a) => a.id === saved.id)!;
      expect({ day, read: calendarDay(read.dueDate!, 'Europe/Amsterdam'), utc: calendarDay(read.dueDate!, 'UTC') }).toEqual({ day, read: day, utc: day });
    }
  });

  test('412 "did my write land?": an update whose answer was lost and that is sent again counts as done, not as a conflict', async () => {
    const repo = h.repository(ANNA);
    const partner = await repo.savePartner(newPartner());
    const created = await repo.saveAgendaItem(newAgendaItem(partner.id, { dueDate: '2026-03-15T12:00:00.000Z' }));
    const change = { ...created, dueDate: '2026-03-29T12:00:00.000Z', nextStep: 'bellen' };
    await repo.saveAgendaItem(change); // landed; imagine its answer was lost
    const again = await repo.saveAgendaItem(change).catch((e: unknown) => e); // sent again with the old ETag → 412
    expect(again).not.toBeInstanceOf(ConflictError);
    expect(again).toMatchObject({ nextStep: 'bellen', dueDate: '2026-03-29T12:00:00.000Z' });
  });
});
