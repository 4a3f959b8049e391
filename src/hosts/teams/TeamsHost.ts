import { app } from '@microsoft/teams-js';
import type { Official } from '../../core/model';
import type { Host, HostItem, HostTheme } from '../Host';

/** Who takes part in the meeting, looked up through Graph (the Teams context only has ids). */
export type MeetingDetailsSource = (chatId: string) => Promise<Pick<HostItem, 'subject' | 'organizer' | 'attendees' | 'date' | 'link'> | undefined>;

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
    private readonly tokenSource: () => Promise<string>,
    private readonly meetingDetails?: MeetingDetailsSource,
  ) {
    this.currentTheme = asHostTheme(context.app.theme);
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
    const details = chatId && this.meetingDetails ? await this.meetingDetails(chatId) : undefined;
    return { kind: 'meeting', id: meetingId || chatId || '', subject: details?.subject ?? '', attendees: [], ...details };
  }

  onItemChanged(): () => void {
    return () => undefined;
  }

  getAccessToken(): Promise<string> {
    return this.tokenSource();
  }
}
