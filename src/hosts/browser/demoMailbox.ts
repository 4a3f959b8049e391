/**
 * The demo's stand-in for the Outlook mailbox, so that tagging and the "already logged" marker can be
 * seen and tried without Outlook: per demo official, a master list of categories and, per demo item,
 * its categories and custom properties, in localStorage. It answers Office.js's calls as Outlook does
 * (categories only from the master list, `PermissionDenied` on the master list without read/write
 * mailbox), and the Outlook host's own tagging code (outlookTagging.ts) runs against it.
 */
import type { SampleItem } from '../../demo/sampleMessages';
import type { NewMessage, NewMessageResult, TagResult } from '../Host';
import { LOGGED_LINK_PROPERTY, partnerCategoryName, readLoggedLink, storeLoggedLink, tagOutlookItem } from '../outlook/outlookTagging';

export interface DemoMailboxState {
  /** Read/write mailbox (the default manifest): Partnerzicht may add categories to the master list. */
  mayManageCategories: boolean;
  master: Array<{ displayName: string; color: string }>;
  items: Record<string, { categories?: string[]; properties?: Record<string, unknown> } | undefined>;
  /** The new email `displayNewMessageForm` would have opened, until the person closes it or simulates the reply. */
  composed?: NewMessage & { at: string };
  /** Replies the demo bar simulated: samples the pane can open, with the body `item.body.getAsync` would return. */
  replies?: DemoReply[];
}

/** A simulated incoming email (the partner's reply), as the demo bar lists it among the samples. */
export type DemoReply = SampleItem & { body: string };

/** What the demo bar shows of one item. */
export interface DemoItemMarks {
  categories: string[];
  loggedLink?: string;
}

type Callback<T> = (result: Office.AsyncResult<T>) => void;

const succeeded = <T>(value: T) => ({ status: 'succeeded', value }) as unknown as Office.AsyncResult<T>;
const failed = <T>(name: string, message: string) => ({ status: 'failed', error: { name, message, code: 0 } }) as unknown as Office.AsyncResult<T>;
const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
const NO_MARKS: DemoItemMarks = { categories: [] };
const NO_REPLIES: DemoReply[] = [];

export class DemoMailbox {
  private readonly key: string;
  private state: DemoMailboxState;
  private readonly listeners = new Set<() => void>();
  private marks = new Map<string, DemoItemMarks>();

  constructor(
    owner: string,
    private readonly categoryPrefix: string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
  ) {
    this.key = `partnerzicht.demo.mailbox.${owner.trim().toLowerCase()}`;
    this.state = { mayManageCategories: true, master: [], items: {}, ...read(storage, this.key) };
  }

  get mayManageCategories(): boolean {
    return this.state.mayManageCategories;
  }

  /** Switches between the two manifest permissions (docs/manifests.md): read/write mailbox or read/write item. */
  setMayManageCategories(value: boolean): void {
    this.change({ ...this.state, mayManageCategories: value });
  }

  /** The item's categories and marker; the same object until they change (for useSyncExternalStore). */
  marksOf(itemId: string | undefined): DemoItemMarks {
    if (!itemId) return NO_MARKS;
    let marks = this.marks.get(itemId);
    if (!marks) {
      const item = this.state.items[itemId];
      const link = item?.properties?.[LOGGED_LINK_PROPERTY];
      marks = { categories: item?.categories ?? [], ...(typeof link === 'string' && link ? { loggedLink: link } : {}) };
      this.marks.set(itemId, marks);
    }
    return marks;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  tag(itemId: string, partnerName: string): Promise<TagResult> {
    const category = partnerCategoryName(this.categoryPrefix, partnerName);
    return tagOutlookItem(this.officeMailbox(), { categories: this.itemCategories(itemId) }, category).then(({ permissionDenied: _denied, ...result }) => result);
  }

  markLogged(itemId: string, link: string): Promise<void> {
    return storeLoggedLink(this.customPropertiesItem(itemId), link);
  }

  readLoggedLink(itemId: string): Promise<string | undefined> {
    return readLoggedLink(this.customPropertiesItem(itemId));
  }

  /** `displayNewMessageForm` in the demo: the email is kept for the demo bar to show (Outlook would open its form). */
  compose(message: NewMessage): NewMessageResult {
    this.change({ ...this.state, composed: { ...message, at: new Date().toISOString() } });
    return { status: 'opened' };
  }

  get composed(): DemoMailboxState['composed'] {
    return this.state.composed;
  }

  closeCompose(): void {
    this.change({ ...this.state, composed: undefined });
  }

  /** Adds a received email (the partner's simulated reply) to the samples; the composed one is done. */
  receive(reply: DemoReply): void {
    this.change({ ...this.state, composed: undefined, replies: [...(this.state.replies ?? []).filter((r) => r.id !== reply.id), reply] });
  }

  /** The received emails, the same array until they change (for useSyncExternalStore). */
  get replies(): DemoReply[] {
    return this.state.replies ?? NO_REPLIES;
  }

  /** What `item.body.getAsync(Text)` returns for a received email; undefined for the built-in samples (they have none). */
  bodyOf(itemId: string | undefined): string | undefined {
    return this.state.replies?.find((r) => r.id === itemId)?.body;
  }

  // ---- Office.js as Outlook answers it ------------------------------------------------------------

  private officeMailbox(): Office.Mailbox {
    const masterCategories = {
      getAsync: (cb: Callback<Office.CategoryDetails[]>) =>
        cb(this.state.mayManageCategories ? succeeded(this.state.master.map((c) => ({ ...c })) as unknown as Office.CategoryDetails[]) : failed('PermissionDenied', 'The add-in needs read/write mailbox permission.')),
      addAsync: (details: Office.CategoryDetails[], cb: Callback<void>) => {
        if (!this.state.mayManageCategories) return cb(failed('PermissionDenied', 'The add-in needs read/write mailbox permission.'));
        if (details.some((d) => this.state.master.some((m) => same(m.displayName, d.displayName)))) return cb(failed('DuplicateCategory', 'One of the categories is already in the master list.'));
        this.change({ ...this.state, master: [...this.state.master, ...details.map((d) => ({ displayName: d.displayName, color: String(d.color) }))] });
        cb(succeeded(undefined));
      },
    };
    return { masterCategories } as unknown as Office.Mailbox;
  }

  private itemCategories(itemId: string): Office.Categories {
    return {
      getAsync: (cb: Callback<Office.CategoryDetails[]>) => {
        const names = this.state.items[itemId]?.categories ?? [];
        cb(succeeded(names.map((name) => ({ displayName: name, color: this.state.master.find((m) => same(m.displayName, name))?.color ?? 'Preset0' })) as unknown as Office.CategoryDetails[]));
      },
      addAsync: (names: string[], cb: Callback<void>) => {
        // Outlook only sets categories that are in the master list.
        if (!names.every((n) => this.state.master.some((m) => same(m.displayName, n)))) return cb(failed('InvalidCategory', 'Invalid categories were provided.'));
        const current = this.state.items[itemId]?.categories ?? [];
        this.changeItem(itemId, { categories: [...current, ...names.filter((n) => !current.some((c) => same(c, n)))] });
        cb(succeeded(undefined));
      },
    } as unknown as Office.Categories;
  }

  private customPropertiesItem(itemId: string) {
    return {
      loadCustomPropertiesAsync: (cb: Callback<Office.CustomProperties>) => {
        const pending = { ...(this.state.items[itemId]?.properties ?? {}) };
        const properties = {
          get: (name: string) => pending[name],
          set: (name: string, value: unknown) => void (pending[name] = value),
          remove: (name: string) => void delete pending[name],
          getAll: () => ({ ...pending }),
          // Like Outlook: nothing is stored on the item until saveAsync.
          saveAsync: (done: Callback<void>) => {
            this.changeItem(itemId, { properties: { ...pending } });
            done(succeeded(undefined));
          },
        };
        cb(succeeded(properties as unknown as Office.CustomProperties));
      },
    };
  }

  // ---- storage ------------------------------------------------------------------------------------

  private changeItem(itemId: string, patch: NonNullable<DemoMailboxState['items'][string]>): void {
    this.change({ ...this.state, items: { ...this.state.items, [itemId]: { ...this.state.items[itemId], ...patch } } });
  }

  private change(next: DemoMailboxState): void {
    this.state = next;
    this.marks = new Map();
    try {
      this.storage?.setItem(this.key, JSON.stringify(next));
    } catch {
      // Storage full or refused: the demo mailbox lasts for this page view.
    }
    for (const listener of this.listeners) listener();
  }
}

function read(storage: Pick<Storage, 'getItem'> | undefined, key: string): Partial<DemoMailboxState> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? 'null');
    return parsed && typeof parsed === 'object' ? (parsed as Partial<DemoMailboxState>) : {};
  } catch {
    return {};
  }
}
