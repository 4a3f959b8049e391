/**
 * What the timeline shows and what it lets the official do. A module of its own (types and one small
 * function) so the pane's first chunk can prepare the entries without loading the timeline itself.
 */
import type { Interaction, Official, Settings } from '../../core/model';
import type { DraftPort, PendingWrite, Services, WriteState } from '../services';

export type TimelineEntry = Interaction & {
  /** How this official's queued version (new, corrected or withdrawn) stands. */
  writeState?: WriteState;
  /** For `conflict`: the version on the server now, which someone saved first. */
  conflict?: Interaction;
  /** For `failed`: why, for the sentence that says what to do. */
  failure?: Pick<PendingWrite, 'cause' | 'error'>;
};

/** Correcting and withdrawing one's own notes, from the pane's timeline or a partner's page. */
export interface NoteActions {
  official: Official;
  departments: string[];
  themes: string[];
  /** Where what is typed in a correction or withdrawal is kept until it is sent. */
  drafts: DraftPort;
  now(): Date;
  /** Queues the corrected or withdrawn note (sent with If-Match on its etag). */
  save(interaction: Interaction): Promise<void>;
  retry(clientId: string, options?: { keepMine?: boolean }): Promise<void>;
  discard(clientId: string): Promise<void>;
}

/** The actions for the signed-in official (none before the host has said who that is): through the write queue. */
export function noteActionsFor(services: Pick<Services, 'queue' | 'drafts' | 'now'>, official: Official | undefined, settings: Pick<Settings, 'departments' | 'themes'> | undefined): NoteActions | undefined {
  if (!official) return undefined;
  const { queue } = services;
  return {
    official,
    departments: settings?.departments ?? [],
    themes: settings?.themes ?? [],
    drafts: services.drafts,
    now: () => services.now(),
    save: (interaction) => queue.enqueue({ kind: 'interaction', payload: interaction }),
    retry: (clientId, options) => queue.retry(clientId, options),
    discard: (clientId) => queue.discard(clientId),
  };
}

/**
 * The partner's saved notes with this official's queued versions over them: a new, corrected or
 * withdrawn note shows at once, with how its sending stands.
 */
export function withQueuedNotes(saved: Interaction[], writes: PendingWrite[], partnerId: string | undefined): TimelineEntry[] {
  const queued = writes.filter((w) => w.kind === 'interaction' && w.payload.partnerId === partnerId);
  const pendingIds = new Set(queued.map((w) => w.clientId));
  return [
    ...queued.map((w) => ({
      ...(w.payload as Interaction),
      writeState: w.state,
      conflict: w.state === 'conflict' ? (w.current as Interaction | undefined) : undefined,
      failure: w.state === 'failed' ? { cause: w.cause, error: w.error } : undefined,
    })),
    ...saved.filter((i) => !pendingIds.has(i.clientId)),
  ];
}
