/**
 * A new item on a partner's collaboration agenda as the official types it. The form keeps it as a
 * draft until it is saved or cancelled (a task pane can close without warning), and it is checked
 * against the columns it goes to before it is queued, so that the write cannot be refused for it.
 */
import { ownerFromInput } from './agenda';
import { isCalendarDay } from './calendarDay';
import { NOTE_MAX_CHARS, TEXT_MAX_CHARS } from './fieldLimits';
import type { AgendaDirection, AgendaItem, Official } from './model';

export interface AgendaDraft {
  topic: string;
  direction: AgendaDirection;
  /** A name or an address, as typed (see `ownerFromInput`). */
  owner: string;
  /** yyyy-mm-dd, or empty for no due day. */
  dueDate: string;
  nextStep: string;
}

export type AgendaField = 'topic' | 'owner' | 'dueDate' | 'nextStep';
export type AgendaProblem = { field: AgendaField; problem: 'required' | 'too-long' | 'invalid'; max?: number };

/** Topic, owner and owner name are single lines of text; the next step is multiple lines (schema.ts). */
const LIMITS = { topic: TEXT_MAX_CHARS, owner: TEXT_MAX_CHARS, nextStep: NOTE_MAX_CHARS } as const;

/** The signed-in official owns a new item unless another is typed. */
export function newAgendaDraft(user: Official | undefined): AgendaDraft {
  return { topic: '', direction: 'samen', owner: user?.name || user?.email || '', dueDate: '', nextStep: '' };
}

export function validateAgendaDraft(draft: AgendaDraft): AgendaProblem[] {
  const problems: AgendaProblem[] = [];
  if (!draft.topic.trim()) problems.push({ field: 'topic', problem: 'required' });
  for (const field of ['topic', 'owner', 'nextStep'] as const) {
    if (draft[field].trim().length > LIMITS[field]) problems.push({ field, problem: 'too-long', max: LIMITS[field] });
  }
  // A browser without a date picker lets any text into the field.
  if (draft.dueDate.trim() && !isCalendarDay(draft.dueDate.trim())) problems.push({ field: 'dueDate', problem: 'invalid' });
  return problems;
}

/** The item to queue for a draft without problems; `id` is its new client id. */
export function agendaItemFromDraft(draft: AgendaDraft, partnerId: string, names: ReadonlyMap<string, string>, id: string): AgendaItem {
  const dueDate = draft.dueDate.trim();
  const nextStep = draft.nextStep.trim();
  return {
    id,
    clientId: id,
    partnerId,
    topic: draft.topic.trim(),
    direction: draft.direction,
    ...ownerFromInput(draft.owner, names),
    status: 'open',
    // Noon UTC: the same calendar day in every Dutch time zone offset (the column is date-only: dateOnly.ts).
    ...(dueDate ? { dueDate: new Date(`${dueDate}T12:00:00Z`).toISOString() } : {}),
    ...(nextStep ? { nextStep } : {}),
  };
}
