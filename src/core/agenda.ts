/** What the collaboration agenda shows of an item beyond its fields: whether it is overdue. */
import { calendarDay } from './calendarDay';
import type { AgendaItem } from './model';

/** Past its due day on the official's calendar and not done; an item due today is not overdue yet. */
export function isOverdue(item: Pick<AgendaItem, 'status' | 'dueDate'>, now: Date, timeZone?: string): boolean {
  if (item.status === 'done' || !item.dueDate) return false;
  const due = calendarDay(item.dueDate, timeZone);
  return due !== '' && due < calendarDay(now, timeZone);
}
