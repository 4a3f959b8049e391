/**
 * A fake Teams host for the real `@microsoft/teams-js` running in jsdom, speaking its postMessage
 * protocol the way teams-js's own tests do (packages/teams-js/test/utils.ts): the app posts
 * `{ id, uuidAsString, func, args }` to `window.parent`; the host answers with a `message` event whose
 * data is `{ id, uuidAsString, args }`, or sends `{ func, args }` for events such as `themeChange`.
 * Messages are accepted from the page's own origin without consulting teams-js's CDN origin list.
 */
export interface SentMessage {
  id: number;
  uuidAsString?: string;
  func: string;
  args: unknown[];
}

export type Responder = (message: SentMessage) => unknown[] | undefined;

export class FakeTeamsHost {
  readonly sent: SentMessage[] = [];
  private readonly responders = new Map<string, Responder>();
  readonly parent: { postMessage: (message: SentMessage, origin: string) => void; closed: boolean };

  constructor(private readonly win: Window) {
    this.parent = {
      closed: false,
      postMessage: (message) => {
        this.sent.push(message);
        const args = this.responders.get(message.func)?.(message);
        if (args) setTimeout(() => this.respond(message, args), 0);
      },
    };
    // teams-js treats a window whose parent is not itself as framed and talks to that parent.
    Object.defineProperty(win, 'parent', { configurable: true, get: () => this.parent });
  }

  on(func: string, responder: Responder): this {
    this.responders.set(func, responder);
    return this;
  }

  respond(to: SentMessage, args: unknown[]): void {
    this.dispatch({ id: to.id, uuidAsString: to.uuidAsString, args });
  }

  /** A host-initiated message, e.g. `themeChange` or `settings.save`. */
  send(func: string, args: unknown[]): void {
    this.dispatch({ func, args });
  }

  calls(func: string): SentMessage[] {
    return this.sent.filter((m) => m.func === func);
  }

  private dispatch(data: unknown): void {
    this.win.dispatchEvent(new MessageEvent('message', { data, origin: this.win.location.origin, source: this.parent as unknown as Window }));
  }
}

/** Runtime config a current Teams client sends with `initialize` (v4 shape, trimmed to what is used). */
export const RUNTIME_CONFIG = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isNAAChannelRecommended: true,
  isLegacyTeams: false,
  supports: { appInstallDialog: {}, meeting: {}, nestedAppAuth: {}, pages: { appButton: {}, config: {}, tabs: {}, backStack: {}, fullTrust: {} }, teamsCore: {} },
};

/** The v1 context shape Teams sends to `getContext` (teams-js maps it to app.Context). */
export function legacyContext(frameContext: string, overrides: Record<string, unknown> = {}) {
  return {
    entityId: frameContext === 'content' ? 'overview' : 'partnerzicht-meeting',
    subEntityId: undefined,
    locale: 'nl-nl',
    theme: 'default',
    frameContext,
    hostClientType: 'web',
    hostName: 'Teams',
    userObjectId: 'anna-oid',
    userPrincipalName: 'anna.devries@veenhaven.nl',
    loginHint: 'anna.devries@veenhaven.nl',
    tid: '5f1c2a4e-1111-4222-8333-944455556666',
    chatId: frameContext === 'sidePanel' ? '19:meeting_NjQ3YmE1ZjQtOWM2@thread.v2' : undefined,
    meetingId: frameContext === 'sidePanel' ? 'MCMxOTptZWV0aW5n' : undefined,
    appSessionId: 'session-1',
    ...overrides,
  };
}
