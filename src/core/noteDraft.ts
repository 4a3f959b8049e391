import { ownedBy } from './agenda';
import { calendarDay, isCalendarDay } from './calendarDay';
import { INTERACTION_KINDS, type AgendaItem, type Interaction, type InteractionKind, type Official } from './model';
import { noteMark } from './notes';

/** What the official types in the note form; kept as a draft until it is logged. */
export interface NoteDraft {
  title: string;
  /** yyyy-mm-dd */
  date: string;
  kind: InteractionKind;
  department: string;
  themes: string[];
  summary: string;
  followUps: string;
  confidential: boolean;
  wooRelevant: boolean;
  /** Relationship review (kind 'review'): the partner's own view of the collaboration. */
  reviewGoesWell: string;
  reviewCouldImprove: string;
  /** 1–5; 0 while not chosen. */
  reviewScore: number;
  /** Also put the follow-ups on the collaboration agenda, as "wij" items. */
  followUpsToAgenda: boolean;
}

/** SharePoint single-line text holds 255 characters; a summary is meant to be short. */
export const NOTE_LIMITS = { title: 255, summary: 2000, followUps: 1000, department: 255, reviewGoesWell: 2000, reviewCouldImprove: 2000 } as const;

/**
 * A summary says in at least a few words what was discussed: an empty box, or a single word, is not a
 * note a colleague can use. Words are runs between spaces that hold a letter or digit.
 */
export const SUMMARY_MIN_WORDS = 3;

export type NoteField = keyof typeof NOTE_LIMITS | 'date' | 'kind' | 'reviewScore';
export type NoteProblem = { field: NoteField; problem: 'required' | 'too-long' | 'too-short' | 'invalid'; max?: number; min?: number };

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

export function validateNote(draft: NoteDraft): NoteProblem[] {
  const problems: NoteProblem[] = [];
  if (!draft.title.trim()) problems.push({ field: 'title', problem: 'required' });
  if (!draft.department.trim()) problems.push({ field: 'department', problem: 'required' });
  for (const field of ['title', 'summary', 'followUps', 'department', 'reviewGoesWell', 'reviewCouldImprove'] as const) {
    if (draft[field].length > NOTE_LIMITS[field]) problems.push({ field, problem: 'too-long', max: NOTE_LIMITS[field] });
  }
  if (draft.summary.length <= NOTE_LIMITS.summary) {
    if (!draft.summary.trim()) problems.push({ field: 'summary', problem: 'required' });
    else if (wordCount(draft.summary) < SUMMARY_MIN_WORDS) problems.push({ field: 'summary', problem: 'too-short', min: SUMMARY_MIN_WORDS });
  }
  if (!isCalendarDay(draft.date)) problems.push({ field: 'date', problem: 'invalid' });
  if (!INTERACTION_KINDS.includes(draft.kind)) problems.push({ field: 'kind', problem: 'invalid' });
  if (draft.kind === 'review' && !(Number.isInteger(draft.reviewScore) && draft.reviewScore >= 1 && draft.reviewScore <= 5)) {
    problems.push({ field: 'reviewScore', problem: 'required' });
  }
  return problems;
}

/** A fresh draft prefilled from the email or meeting. */
export function newNoteDraft(item: { kind: 'email' | 'meeting'; subject: string; date?: string }, department: string, today: Date): NoteDraft {
  // The official's calendar day of the email or meeting (an email received at 00:30 in Amsterdam is 22:30 UTC the day before).
  const date = calendarDay(item.date && !Number.isNaN(Date.parse(item.date)) ? item.date : today);
  return {
    title: item.subject.slice(0, NOTE_LIMITS.title),
    date,
    kind: item.kind === 'meeting' ? 'meeting' : 'email',
    department,
    themes: [],
    summary: '',
    followUps: '',
    confidential: false,
    wooRelevant: false,
    reviewGoesWell: '',
    reviewCouldImprove: '',
    reviewScore: 0,
    followUpsToAgenda: false,
  };
}

/** What the official wrote, as the interaction's fields; a new note and a correction share it. */
function draftContent(draft: NoteDraft) {
  return {
    date: new Date(`${draft.date}T12:00:00Z`).toISOString(),
    kind: draft.kind,
    department: draft.department.trim(),
    themes: draft.themes,
    title: draft.title.trim(),
    summary: draft.summary.trim(),
    followUps: draft.followUps.trim() || undefined,
    confidential: draft.confidential,
    wooRelevant: draft.wooRelevant,
    review:
      draft.kind === 'review'
        ? { goesWell: draft.reviewGoesWell.trim(), couldImprove: draft.reviewCouldImprove.trim(), score: draft.reviewScore }
        : undefined,
  } satisfies Partial<Interaction>;
}

/** Turns a valid draft into the interaction that goes through the write queue. */
export function draftToInteraction(
  draft: NoteDraft,
  context: { clientId: string; partnerId: string; author: Official; sourceRef?: string; sourceLink?: string },
): Interaction {
  return {
    id: context.clientId,
    clientId: context.clientId,
    partnerId: context.partnerId,
    authorEmail: context.author.email,
    authorName: context.author.name,
    ...draftContent(draft),
    sourceRef: context.sourceRef,
    sourceLink: context.sourceLink,
  };
}

/** A logged note as a draft, to correct it in the same form it was written in. */
export function interactionToDraft(interaction: Interaction): NoteDraft {
  return {
    title: interaction.title,
    date: calendarDay(interaction.date),
    kind: interaction.kind,
    department: interaction.department,
    themes: [...interaction.themes],
    summary: interaction.summary,
    followUps: interaction.followUps ?? '',
    confidential: interaction.confidential,
    wooRelevant: interaction.wooRelevant,
    reviewGoesWell: interaction.review?.goesWell ?? '',
    reviewCouldImprove: interaction.review?.couldImprove ?? '',
    reviewScore: interaction.review?.score ?? 0,
    followUpsToAgenda: false,
  };
}

/**
 * The note as its author corrected it (a valid draft): who it is from, what it was logged from and
 * when stay; a date left on the same day keeps its time.
 */
export function editedInteraction(original: Interaction, draft: NoteDraft, editor: Official, now: Date): Interaction {
  const content = draftContent(draft);
  return { ...original, ...content, date: calendarDay(original.date) === draft.date ? original.date : content.date, edited: noteMark(editor, now) };
}

/** Follow-ups the official chose to put on the agenda: one "wij" item per non-empty line. */
export function followUpAgendaItems(
  draft: NoteDraft,
  context: { partnerId: string; owner: Official; newId(): string },
): AgendaItem[] {
  if (!draft.followUpsToAgenda) return [];
  return draft.followUps
    .split(/\r?\n/)
    .map((line) => line.replace(/^[-*•\s]+/, '').trim())
    .filter(Boolean)
    .slice(0, 20)
    .map((topic) => {
      const id = context.newId();
      return {
        id, clientId: id, partnerId: context.partnerId, topic: topic.slice(0, NOTE_LIMITS.title), direction: 'wij' as const,
        ...ownedBy(context.owner), status: 'open' as const,
      };
    });
}

/** RFC 4122 v4 id from the platform's CSPRNG; the client id makes creates idempotent. */
export function newClientId(): string {
  return globalThis.crypto.randomUUID();
}
