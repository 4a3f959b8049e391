import { ownedBy } from './agenda';
import { INTERACTION_KINDS, type AgendaItem, type Interaction, type InteractionKind, type Official } from './model';

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

export type NoteField = keyof typeof NOTE_LIMITS | 'date' | 'kind' | 'reviewScore';
export type NoteProblem = { field: NoteField; problem: 'required' | 'too-long' | 'invalid'; max?: number };

export function validateNote(draft: NoteDraft): NoteProblem[] {
  const problems: NoteProblem[] = [];
  if (!draft.title.trim()) problems.push({ field: 'title', problem: 'required' });
  if (!draft.department.trim()) problems.push({ field: 'department', problem: 'required' });
  for (const field of ['title', 'summary', 'followUps', 'department', 'reviewGoesWell', 'reviewCouldImprove'] as const) {
    if (draft[field].length > NOTE_LIMITS[field]) problems.push({ field, problem: 'too-long', max: NOTE_LIMITS[field] });
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date) || Number.isNaN(Date.parse(draft.date))) problems.push({ field: 'date', problem: 'invalid' });
  if (!INTERACTION_KINDS.includes(draft.kind)) problems.push({ field: 'kind', problem: 'invalid' });
  if (draft.kind === 'review' && !(Number.isInteger(draft.reviewScore) && draft.reviewScore >= 1 && draft.reviewScore <= 5)) {
    problems.push({ field: 'reviewScore', problem: 'required' });
  }
  return problems;
}

/** A fresh draft prefilled from the email or meeting. */
export function newNoteDraft(item: { kind: 'email' | 'meeting'; subject: string; date?: string }, department: string, today: Date): NoteDraft {
  const date = item.date && !Number.isNaN(Date.parse(item.date)) ? item.date.slice(0, 10) : today.toISOString().slice(0, 10);
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

/** Turns a valid draft into the interaction that goes through the write queue. */
export function draftToInteraction(
  draft: NoteDraft,
  context: { clientId: string; partnerId: string; author: Official; sourceRef?: string; sourceLink?: string },
): Interaction {
  return {
    id: context.clientId,
    clientId: context.clientId,
    partnerId: context.partnerId,
    date: new Date(`${draft.date}T12:00:00Z`).toISOString(),
    kind: draft.kind,
    department: draft.department.trim(),
    authorEmail: context.author.email,
    authorName: context.author.name,
    themes: draft.themes,
    title: draft.title.trim(),
    summary: draft.summary.trim(),
    followUps: draft.followUps.trim() || undefined,
    confidential: draft.confidential,
    wooRelevant: draft.wooRelevant,
    sourceRef: context.sourceRef,
    sourceLink: context.sourceLink,
    review:
      draft.kind === 'review'
        ? { goesWell: draft.reviewGoesWell.trim(), couldImprove: draft.reviewCouldImprove.trim(), score: draft.reviewScore }
        : undefined,
  };
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
