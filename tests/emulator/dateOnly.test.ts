import { createList, startHarness, type Harness } from './helpers';

/** A date-only column keeps the day in the site's time zone and answers its midnight there, in UTC. */
describe.each([
  ['Europe/Amsterdam (default)', undefined, { '2026-03-15T12:00:00Z': '2026-03-14T23:00:00Z', '2026-07-15': '2026-07-14T22:00:00Z', '2026-03-29T12:00:00Z': '2026-03-28T23:00:00Z', '2026-10-25T12:00:00Z': '2026-10-24T22:00:00Z', '2026-03-15T23:30:00Z': '2026-03-15T23:00:00Z' }],
  ['America/New_York', 'America/New_York', { '2026-03-15T12:00:00Z': '2026-03-15T04:00:00Z', '2026-01-15': '2026-01-15T05:00:00Z' }],
])('site time zone %s', (_label, siteTimeZone, expected) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(siteTimeZone ? { siteTimeZone } : {});
  });
  afterAll(() => h.close());

  test('date-only values come back as midnight of the day in the site zone; dateTime values as written', async () => {
    const { items } = await createList(h, 'Dates', [
      { name: 'Due', dateTime: { format: 'dateOnly' } },
      { name: 'At', dateTime: { format: 'dateTime' } },
    ]);
    for (const [written, answered] of Object.entries(expected)) {
      const res = await h.call('POST', items, { fields: { Due: written, At: '2026-03-15T12:00:00Z' } });
      expect(res.status).toBe(201);
      expect({ written, Due: res.body.fields.Due, At: res.body.fields.At }).toEqual({ written, Due: answered, At: '2026-03-15T12:00:00Z' });
      const again = await h.call('GET', `${items}/${res.body.id}/fields?$select=Due`);
      expect(again.body.Due).toBe(answered);
    }
  });
});

test('an unknown site time zone is refused when the emulator starts', async () => {
  await expect(startHarness({ siteTimeZone: 'Europe/Veenhaven' })).rejects.toThrow(/Unknown time zone/);
});
