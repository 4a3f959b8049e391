import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { calendarDay, calendarDaysBetween, dueDayAfter } from '../../src/core/calendarDay';

const root = path.resolve(__dirname, '../..');

// The runtime's zone is read with Date's local getters instead of an Intl formatter: the same day, also
// around the clock changes. Each zone in a process of its own (a process reads TZ when it starts).
test.each(['Europe/Amsterdam', 'UTC', 'America/St_Johns', 'Pacific/Kiritimati'])('calendarDay in the runtime zone %s is the day Intl gives there, every 37 minutes over two years', (zone) => {
  const script = `
    const { calendarDay } = require('./src/core/calendarDay.ts');
    const intl = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: ${JSON.stringify(zone)} });
    const start = Date.UTC(2026, 0, 1);
    let checked = 0, wrong = [];
    for (let t = start; t < start + 2 * 365 * 86400000; t += 37 * 60000) {
      const d = new Date(t); checked++;
      if (calendarDay(d) !== intl.format(d)) wrong.push(d.toISOString());
    }
    console.log(JSON.stringify({ checked, wrong: wrong.slice(0, 3) }));`;
  const out = execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['-e', script], { cwd: root, env: { ...process.env, TZ: zone }, encoding: 'utf8' });
  const { checked, wrong } = JSON.parse(out.trim().split('\n').pop()!);
  expect(checked).toBeGreaterThan(28_000);
  expect(wrong).toEqual([]);
});

test('calendarDay keeps bare dates and counts whole days', () => {
  expect(calendarDay('2026-05-01')).toBe('2026-05-01');
  expect(calendarDay('not a date')).toBe('');
  expect(calendarDaysBetween('2026-05-01', '2026-05-03')).toBe(2);
  expect(calendarDay('2026-04-30T22:00:00Z', 'Europe/Amsterdam')).toBe('2026-05-01');
});

test('calendarDaysBetween counts what the calendar days say, in the runtime zone and in a named one', () => {
  const byText = (a: string | Date, b: string | Date, zone?: string) => {
    const [x, y] = [calendarDay(a, zone), calendarDay(b, zone)];
    return x && y ? Math.round((Date.parse(`${y}T00:00:00Z`) - Date.parse(`${x}T00:00:00Z`)) / 86_400_000) : NaN;
  };
  let seed = 7;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const instant = () => new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 4 * 365 * 86_400_000));
  const value = (): string | Date => {
    const d = instant();
    const pick = random();
    return pick < 0.3 ? d : pick < 0.6 ? d.toISOString() : pick < 0.9 ? d.toISOString().slice(0, 10) : 'not a date';
  };
  for (let i = 0; i < 3000; i++) {
    const [a, b] = [value(), value()];
    for (const zone of [undefined, 'Europe/Amsterdam', 'Pacific/Kiritimati']) expect([a, b, zone, calendarDaysBetween(a, b, zone)]).toEqual([a, b, zone, byText(a, b, zone)]);
  }
});

test('dueDayAfter is noon UTC of the official’s calendar day plus the days, whatever the hour of planning', () => {
  // 15:30 UTC on 3 December; 23:30 UTC is already the 4th in Amsterdam.
  expect(dueDayAfter(new Date('2026-12-03T15:30:00Z'), 30, 'Europe/Amsterdam')).toBe('2027-01-02T12:00:00.000Z');
  expect(dueDayAfter(new Date('2026-12-03T23:30:00Z'), 30, 'Europe/Amsterdam')).toBe('2027-01-03T12:00:00.000Z');
  expect(dueDayAfter(new Date('2026-12-03T23:30:00Z'), 30, 'UTC')).toBe('2027-01-02T12:00:00.000Z');
  // Across the clock change in March the day count stays whole.
  expect(dueDayAfter(new Date('2027-03-20T10:00:00Z'), 14, 'Europe/Amsterdam')).toBe('2027-04-03T12:00:00.000Z');
});
