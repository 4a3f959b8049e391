import type { Official } from '../../core/model';
import { deviceLocalStorage } from '../../data/deviceStorage';
import type { Host, HostCapabilities, HostItem, HostTheme, SetupAccess } from '../Host';
import type { MeetingAttendanceResult } from '../meeting/meetingAttendance';
import type { DemoMailbox } from './demoMailbox';
import { DEMO_LOOK_KEY } from './demoLook';
import { makeDemoToken } from './demoToken';

/** What the demo bar lets a person choose; kept in localStorage so a reload shows the same item. */
export interface DemoState {
  item?: HostItem;
  user: Official;
  locale: string;
  theme: HostTheme;
}

/** Who is signed in, the language and the theme: one choice for the whole demo (demoLook.ts). */
const LOOK_FIELDS = ['user', 'locale', 'theme'] as const;
type DemoLook = Pick<DemoState, (typeof LOOK_FIELDS)[number]>;

/**
 * The plain-browser host of the local demo: the "current item" is whatever sample or typed
 * message the person picked, and the official is one of the demo municipality's officials. With a
 * demo mailbox (the Outlook demo) it tags items and marks them logged as Outlook does.
 */
export class BrowserDemoHost implements Host {
  readonly kind = 'browser' as const;
  readonly followsItemChanges = true;
  readonly tagItem?: Host['tagItem'];
  readonly markLogged?: Host['markLogged'];
  readonly readLoggedLink?: Host['readLoggedLink'];
  readonly newMessage?: Host['newMessage'];
  readonly readItemBody?: Host['readItemBody'];
  /** The stand-in for Outlook's mailbox: categories and custom properties per item. */
  readonly mailbox?: DemoMailbox;
  private state: DemoState;
  private readonly listeners = new Set<() => void>();

  constructor(
    defaults: DemoState,
    private readonly storageKey = 'partnerzicht.demo',
    private readonly storage: Storage | undefined = deviceLocalStorage(),
    /** The Outlook demo's: the signed-in official's mailbox. */
    mailboxOf?: (owner: string) => DemoMailbox,
  ) {
    this.state = { ...defaults, ...readState(storage, storageKey), ...readState(storage, DEMO_LOOK_KEY) };
    const mailbox = mailboxOf?.(this.state.user.email);
    this.mailbox = mailbox;
    if (mailbox) {
      const itemId = () => this.state.item?.id;
      this.tagItem = async (partnerName) => {
        const id = itemId();
        return id ? mailbox.tag(id, partnerName) : { status: 'unsupported', missing: [] };
      };
      this.markLogged = async (link) => {
        const id = itemId();
        if (id) await mailbox.markLogged(id, link);
      };
      this.readLoggedLink = async () => {
        const id = itemId();
        return id ? mailbox.readLoggedLink(id) : undefined;
      };
      this.newMessage = (message) => mailbox.compose(message);
      this.readItemBody = async () => mailbox.bodyOf(itemId());
    }
    // Another surface of the demo changed the language, theme or official: follow it.
    globalThis.addEventListener?.('storage', (event: StorageEvent) => {
      if (event.key !== DEMO_LOOK_KEY || event.storageArea !== storage) return;
      this.state = { ...this.state, ...readState(storage, DEMO_LOOK_KEY) };
      this.notify();
    });
  }

  get locale(): string {
    return this.state.locale;
  }

  get theme(): HostTheme {
    return this.state.theme;
  }

  /** Outlook's, as the demo mailbox's permission has it (the Teams demo has no mailbox: no tagging). */
  get capabilities(): HostCapabilities | undefined {
    return this.mailbox && { tagging: true, createCategories: this.mailbox.mayManageCategories, loggedMarker: true, missing: [] };
  }

  get current(): DemoState {
    return this.state;
  }

  /** Changes what the demo host reports, as Outlook or Teams would on a new selection. */
  update(patch: Partial<DemoState>): void {
    this.state = { ...this.state, ...patch };
    const look: DemoLook = { user: this.state.user, locale: this.state.locale, theme: this.state.theme };
    try {
      this.storage?.setItem(this.storageKey, JSON.stringify({ item: this.state.item }));
      if (LOOK_FIELDS.some((field) => field in patch)) this.storage?.setItem(DEMO_LOOK_KEY, JSON.stringify(look));
    } catch {
      // Storage full or blocked: the demo still works for this page view.
    }
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  onThemeChange(listener: (theme: HostTheme) => void): () => void {
    return this.subscribe(() => listener(this.state.theme));
  }

  onItemChanged(listener: () => void): () => void {
    return this.subscribe(listener);
  }

  /** Any demo state change (item, user, language, theme). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async getUser(): Promise<Official> {
    return this.state.user;
  }

  async getCurrentItem(): Promise<HostItem | undefined> {
    return this.state.item;
  }

  async getAccessToken(): Promise<string> {
    return makeDemoToken(this.state.user);
  }

  /**
   * A demo meeting's attendance report, read from the emulator as Teams would read it (the same code), with a
   * token holding the attendance scope: the demo's organizer consents at once. The emulator still answers 403
   * to anyone but the organizer, and an empty list for a meeting without a report.
   */
  async readMeetingAttendance(): Promise<MeetingAttendanceResult> {
    const chatId = this.state.item?.kind === 'meeting' ? this.state.item.chatId : undefined;
    if (!chatId) return { status: 'not-found' };
    const { findMeetingAttendance } = await import('../meeting/meetingAttendance');
    return findMeetingAttendance(await demoGraph(makeDemoToken(this.state.user, 'attendance')), chatId);
  }

  /** The demo's administrator consents at once: a token with the setup scopes (the emulator checks them). */
  setupAccess(): SetupAccess {
    return { getAccessToken: async () => makeDemoToken(this.state.user, 'setup'), signIn: async () => undefined };
  }

  /** The demo's manager consents at once too: a token with the team scopes; the emulator still answers only shared calendars. */
  teamAccess(): SetupAccess {
    return { getAccessToken: async () => makeDemoToken(this.state.user, 'team'), signIn: async () => undefined };
  }
}

/** Where the demo's Graph is: the emulator, on the page's own origin unless configured otherwise. */
async function demoGraph(token: string) {
  const [{ GraphTransport }, { loadAppConfig, resolveGraphBaseUrl }] = await Promise.all([import('../../data/graph/GraphTransport'), import('../../config/appConfig')]);
  return GraphTransport.create({ baseUrl: resolveGraphBaseUrl(loadAppConfig(), window.location.origin), getAccessToken: async () => token });
}

function readState(storage: Storage | undefined, key: string): Partial<DemoState> {
  try {
    const raw = storage?.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    return parsed && typeof parsed === 'object' ? (parsed as Partial<DemoState>) : {};
  } catch {
    return {};
  }
}
