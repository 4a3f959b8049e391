import type { ContextSnapshots } from '../data/contextSnapshots';
import type { DraftStore } from '../data/draftStore';
import type { FirstScreenDigest } from '../core/overview/firstScreenDigest';
import type { FirstScreenListener, OverviewLoad, OverviewProgress } from '../data/overviewCache';
import type { PartnerRepository } from '../data/PartnerRepository';
import type { RegisterSource } from '../data/registerSource';
import type { WriteQueue, WriteState } from '../data/writeQueue';
import type { CalendarMeeting } from '../core/weekAhead';
import type { ColleagueCalendar } from '../data/teamCalendars';
import type { Host } from '../hosts/Host';
import type { AuditAction, AuditEntry } from '../core/audit';
import type { ItemVersion } from '../data/SharePointPartnerRepository';

export type { PendingWrite, QueuedWrite, WriteState } from '../data/writeQueue';

/** A write the queue stopped sending (refused, or overtaken by a colleague's): it waits for the official. */
export function waitsForOfficial(write: { state: WriteState }): boolean {
  return write.state === 'failed' || write.state === 'conflict';
}

/** A manager's direct reports with their calendars of the next 14 days (only shared ones), or that they refused the consent. */
export type TeamWeekAhead = { status: 'ready'; colleagues: ColleagueCalendar[] } | { status: 'consent-refused' };

export type WriteQueuePort = Pick<WriteQueue, 'durable' | 'list' | 'subscribe' | 'enqueue' | 'retry' | 'discard'>;
export type DraftPort = Pick<DraftStore, 'load' | 'save' | 'remove' | 'list'>;

/**
 * The audit trail as the UI uses it: record a direct action (an export, a search, a review), read the
 * trail, SharePoint's versions of an item, and remove entries in a reviewed destruction. The
 * repository's writes are recorded by the repository itself (data/auditedRepository.ts).
 */
export interface AuditPort {
  record(action: Omit<AuditAction, 'key' | 'occurredAt' | 'result'> & Partial<Pick<AuditAction, 'key' | 'occurredAt' | 'result'>>): Promise<void>;
  listTrail(onProgress?: (loaded: number) => void): Promise<AuditEntry[]>;
  versions(list: 'Partners' | 'Interactions' | 'Agenda' | 'AuditTrail', id: string): Promise<ItemVersion[]>;
  deleteEntry(id: string): Promise<void>;
}

/** Everything a surface's root component is given. */
/** What a surface's first reads need (startSurface's prefetch): there before the queue and drafts are open. */
export type ReadServices = Pick<Services, 'host' | 'repository' | 'register' | 'contextSnapshots' | 'now'>;

export interface Services {
  host: Host;
  repository: PartnerRepository;
  audit: AuditPort;
  queue: WriteQueuePort;
  drafts: DraftPort;
  /** The partner register and settings the panes detect with: the last snapshot at once, then Graph's. */
  register: Pick<RegisterSource, 'snapshot' | 'current' | 'first'> & Partial<Pick<RegisterSource, 'hasKeyBuckets' | 'snapshotFor'>>;
  /** This device's copies of the partner contexts it read last: the pane shows one at once, then Graph's answer. */
  contextSnapshots: Pick<ContextSnapshots, 'get' | 'put'>;
  /**
   * The whole landscape from the local cache: a full read the first time, then only what changed (delta).
   * On a first-ever read, `onFirstScreen` gets the site's digest (where there is one) before any list, then
   * the partners, agenda and summaries before the interactions.
   */
  loadOverview(onProgress?: (progress: OverviewProgress) => void, onFirstScreen?: FirstScreenListener): Promise<OverviewLoad>;
  /**
   * Keeps the site's first-screen digest (src/data/overviewDigest.ts) from a complete register: `make` is
   * called, when the browser is idle, only if the newest digest is over an hour old. Never throws.
   */
  keepOverviewDigest?(make: () => FirstScreenDigest): Promise<void>;
  /** Removes the site's digests (after an AVG removal: no copy of a removed name stays in one). */
  forgetOverviewDigest?(): Promise<void>;
  /** The official's department from their directory profile (Graph `/me`), asked once, on first use; undefined when it has none. */
  ownDepartment(): Promise<string | undefined>;
  /** The official's calendar of the next 14 days (Graph calendarView), for the week ahead; asked when that tab opens. */
  upcomingMeetings(): Promise<CalendarMeeting[]>;
  /**
   * The manager's direct reports and the calendars they shared (Graph directReports and `/users/{id}/calendarView`),
   * asking for the team consent first: call from a click. Undefined where the host cannot ask for it.
   */
  teamMeetings?(): Promise<TeamWeekAhead>;
  now(): Date;
}
