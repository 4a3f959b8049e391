/**
 * Drafts of notes, saved as the official types (the UI debounces), keyed by the email or meeting they
 * belong to, so a task pane closed without warning loses nothing. Per official, in the same IndexedDB
 * database as the write queue; in memory (`durable: false`) where IndexedDB is unavailable.
 */
import { openLocalDatabase, type LocalDatabase } from './localDatabase';

export interface DraftStoreOptions {
  /** The signed-in official: drafts of other officials on this device are neither read nor touched. */
  owner: string;
  dbName?: string;
  now?: () => Date;
}

export class DraftStore {
  private readonly memory = new Map<string, unknown>();

  private constructor(
    private readonly owner: string,
    private readonly db: LocalDatabase | undefined,
    private readonly now: () => Date,
  ) {}

  static async open(options: DraftStoreOptions): Promise<DraftStore> {
    return new DraftStore(options.owner.trim().toLowerCase(), await openLocalDatabase(options.dbName), options.now ?? (() => new Date()));
  }

  get durable(): boolean {
    return this.db !== undefined;
  }

  /** The draft for an email or meeting (its Outlook item id / Teams meeting id), if any. */
  async load<T>(key: string): Promise<T | undefined> {
    if (!this.db) return this.memory.get(key) as T | undefined;
    return (await this.db.get('drafts', [this.owner, key]))?.value as T | undefined;
  }

  async save<T>(key: string, value: T): Promise<void> {
    if (!this.db) {
      this.memory.set(key, structuredClone(value));
      return;
    }
    await this.db.put('drafts', { owner: this.owner, key, value, savedAt: this.now().toISOString() });
  }

  /** Called once the note is in the write queue. */
  async remove(key: string): Promise<void> {
    if (!this.db) {
      this.memory.delete(key);
      return;
    }
    await this.db.delete('drafts', [this.owner, key]);
  }

  /** Every draft of this official, e.g. to offer "you have unfinished notes". */
  async list(): Promise<{ key: string; value: unknown; savedAt?: string }[]> {
    if (!this.db) return [...this.memory].map(([key, value]) => ({ key, value }));
    return (await this.db.getAllFromIndex('drafts', 'byOwner', this.owner)).map(({ key, value, savedAt }) => ({ key, value, savedAt }));
  }

  close(): void {
    this.db?.close();
  }
}
