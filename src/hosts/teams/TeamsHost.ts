import { app } from '@microsoft/teams-js';
import type { Official } from '../../core/model';
import type { GraphAuthProvider } from '../auth/msalTokenSource';
import type { Host, HostItem, HostTheme, SetupAccess } from '../Host';
import type { MeetingAttendanceResult } from '../meeting/meetingAttendance';
import type { MeetingParticipantsResult } from '../meeting/meetingParticipants';

/** Who takes part in the meeting, looked up through Graph (the Teams context only has ids); see meetingParticipants.ts. */
export type MeetingDetailsSource = (chatId: string) => Promise<MeetingParticipantsResult>;

/** Who attended the meeting, from its attendance report, with the consent asked for on the way (attendanceAccess.ts). */
export type MeetingAttendanceSource = (chatId: string) => Promise<MeetingAttendanceResult>;

/** Where the page runs: the meeting side panel, a tab's content, or the configurable tab's settings page. */
export type TeamsFrame = 'sidePanel' | 'content' | 'settings' | 'remove' | 'task' | 'stage' | 'meetingStage' | 'other';

function asHostTheme(theme: string | undefined): HostTheme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

/**
 * `app.initialize()` never settles outside Teams, so it is raced against a timeout; a page that is
 * neither framed nor in a Teams mobile webview cannot be in Teams and does not wait at all.
 */
export async function initializeTeams(timeoutMs: number, win: Window = window): Promise<app.Context | undefined> {
  const framed = win.top !== win.self;
  const mobile = 'nativeInterface' in win;
  if (!framed && !mobile) return undefined;
  const initialized = await Promise.race([
    app.initialize().then(() => true, () => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs)),
  ]);
  return initialized ? app.getContext() : undefined;
}

export class TeamsHost implements Host {
  readonly kind = 'teams' as const;
  readonly followsItemChanges = false;
  private currentTheme: HostTheme;

  constructor(
    private readonly context: app.Context,
    private readonly auth: GraphAuthProvider | (() => Promise<string>),
    private readonly meetingDetails?: MeetingDetailsSource,
    private readonly attendance?: MeetingAttendanceSource,
  ) {
    this.currentTheme = asHostTheme(context.app.theme);
  }

  get frameContext(): TeamsFrame {
    const frame = String(this.context.page?.frameContext ?? '');
    return (['sidePanel', 'content', 'settings', 'remove', 'task', 'stage', 'meetingStage'] as string[]).includes(frame) ? (frame as TeamsFrame) : 'other';
  }

  get locale(): string {
    return this.context.app.locale || 'nl-NL';
  }

  get theme(): HostTheme {
    return this.currentTheme;
  }

  onThemeChange(listener: (theme: HostTheme) => void): () => void {
    let active = true;
    app.registerOnThemeChangeHandler((theme) => {
      this.currentTheme = asHostTheme(theme);
      if (active) listener(this.currentTheme);
    });
    return () => {
      active = false;
    };
  }

  async getUser(): Promise<Official> {
    const user = this.context.user;
    const email = (user?.loginHint || user?.userPrincipalName || '').toLowerCase();
    return { email, name: user?.displayName || email };
  }

  async getCurrentItem(): Promise<HostItem | undefined> {
    const meetingId = this.context.meeting?.id;
    const chatId = this.context.chat?.id;
    if (!meetingId && !chatId) return undefined;
    const result = chatId && this.meetingDetails ? await this.meetingDetails(chatId) : undefined;
    const item: HostItem = { kind: 'meeting', id: meetingId || chatId || '', subject: '', attendees: [], ...(chatId ? { chatId } : {}) };
    if (result?.status === 'found') return { ...item, ...result.details, subject: result.details.subject ?? '' };
    return result ? { ...item, participantsUnavailable: result.status } : item;
  }

  /** The meeting chat's attendance report (the organizer's; consent asked for from this click). */
  async readMeetingAttendance(): Promise<MeetingAttendanceResult> {
    const chatId = this.context.chat?.id;
    if (!chatId || !this.attendance) return { status: 'not-found' };
    return this.attendance(chatId);
  }

  onItemChanged(): () => void {
    return () => undefined;
  }

  getAccessToken(): Promise<string> {
    return typeof this.auth === 'function' ? this.auth() : this.auth.getAccessToken();
  }

  signIn(): Promise<void> {
    return typeof this.auth === 'function' ? Promise.resolve() : this.auth.signIn();
  }

  /** The overview's setup tab: the same sign-in, asking for Sites.Manage.All as well. */
  setupAccess(): SetupAccess | undefined {
    return typeof this.auth === 'function' ? undefined : this.auth.withConsentFor?.('setup');
  }

  /** The week ahead's team section: the same sign-in, asking for User.ReadBasic.All and Calendars.Read.Shared as well. */
  teamAccess(): SetupAccess | undefined {
    return typeof this.auth === 'function' ? undefined : this.auth.withConsentFor?.('team');
  }
}
