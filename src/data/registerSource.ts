/**
 * The partner register and settings the panes detect with. Reading them from Graph is the pane's
 * first round trip and, at 1,000 partners, its largest response; so the last register read is kept
 * per official and site in IndexedDB, and the next open detects the partner and asks for its context
 * from that snapshot at once while Graph is asked for the current register (stale-while-revalidate).
 * A register that changed replaces the snapshot within the same open.
 */
import type { RegisterPartner, Settings } from '../core/model';
import { openLocalDatabase, type LocalDatabase } from './localDatabase';
import type { PartnerRepository } from './PartnerRepository';

export interface RegisterData {
  partners: RegisterPartner[];
  settings: Settings;
  /** When Graph answered with this register (ISO). */
  readAt: string;
}

export interface RegisterSourceOptions {
  repository: Pick<PartnerRepository, 'listRegister' | 'getSettings'>;
  /** The signed-in official and the site: one official's snapshot is never read for another. */
  owner: string;
  site: string;
  dbName?: string;
  now?: () => Date;
  /**
   * Runs the snapshot write: storing 1,000 partners costs the main thread a structured clone, so the
   * surfaces pass "when the browser is idle", after the pane has what it shows. Default: the next task.
   */
  deferWrite?: (write: () => void) => void;
  /** Told of every register Graph answered (the compose hints follow it: src/data/composeHintWriter.ts). */
  onRead?: (data: RegisterData) => void;
  /**
   * Where a note that this device holds a snapshot is kept (the surfaces: localStorage), read
   * synchronously: without the note `snapshot()` answers "none" at once instead of after IndexedDB
   * has opened, which on a first open (it creates the database) held the pane's lookup request back
   * (bench:open, issue 19). The note is written after the snapshot; a snapshot without one (written
   * before this note existed, or localStorage cleared) only costs one open detecting as a cold one.
   */
  marker?: Pick<Storage, 'getItem' | 'setItem'>;
}

const MARKER_PREFIX = 'partnerzicht.register-snapshot.';

const SNAPSHOT = 'register';

export class RegisterSource {
  private reading?: Promise<RegisterData>;
  private stored?: Promise<RegisterData | undefined>;

  private readonly db: Promise<LocalDatabase | undefined>;

  /** Usable at once: the Graph read does not wait for IndexedDB to open (on a first open it creates the database). */
  constructor(private readonly options: RegisterSourceOptions) {
    this.db = openLocalDatabase(options.dbName);
  }

  static async open(options: RegisterSourceOptions): Promise<RegisterSource> {
    const source = new RegisterSource(options);
    await source.db;
    return source;
  }

  private get scope(): string {
    return `${this.options.owner.trim().toLowerCase()}|${this.options.site}`;
  }

  /** The register as last read on this device, if any (read once per page). */
  snapshot(): Promise<RegisterData | undefined> {
    if (!this.stored && this.options.marker && !this.marked()) this.stored = Promise.resolve(undefined);
    this.stored ??= this.db
      .then((db) => db?.get('snapshots', [this.scope, SNAPSHOT]))
      .then(
        (record) => (isRegisterData(record?.value) ? record.value : undefined),
        () => undefined,
      );
    return this.stored;
  }

  /** What a pane detects with first: the snapshot when there is one, else the register from Graph. */
  async first(): Promise<RegisterData> {
    return (await this.snapshot()) ?? this.current();
  }

  /**
   * The register from Graph. One read per page open, shared by everyone who asks (the surface starts
   * it before the pane renders); `refresh` reads again. A successful read replaces the snapshot.
   */
  current(refresh = false): Promise<RegisterData> {
    if (refresh || !this.reading) {
      const { repository, now = () => new Date() } = this.options;
      const reading = Promise.all([repository.listRegister(), repository.getSettings()]).then(([partners, settings]) => ({ partners, settings, readAt: now().toISOString() }));
      reading.then(
        (data) => this.save(data),
        () => undefined,
      );
      // A failed read is not remembered: the next call tries again.
      reading.catch(() => {
        if (this.reading === reading) this.reading = undefined;
      });
      this.reading = reading;
    }
    return this.reading;
  }

  private save(data: RegisterData): void {
    this.stored = Promise.resolve(data);
    this.options.onRead?.(data);
    const { deferWrite = (write) => setTimeout(write, 0) } = this.options;
    // Losing the snapshot only costs the next open its head start.
    deferWrite(
      () =>
        void this.db
          .then((db) => db?.put('snapshots', { scope: this.scope, name: SNAPSHOT, value: data, savedAt: data.readAt }))
          .then((key) => key !== undefined && this.options.marker?.setItem(this.markerKey, data.readAt))
          .catch(() => undefined),
    );
  }

  private get markerKey(): string {
    return `${MARKER_PREFIX}${encodeURIComponent(this.scope)}`;
  }

  /** Whether this device noted a snapshot for this official and site (an unreadable storage: maybe). */
  private marked(): boolean {
    try {
      return this.options.marker?.getItem(this.markerKey) != null;
    } catch {
      return true;
    }
  }
}

/** True when two registers detect alike and show alike in the pane. */
export function sameRegister(a: RegisterData, b: RegisterData): boolean {
  if (a.partners.length !== b.partners.length || JSON.stringify(a.settings) !== JSON.stringify(b.settings)) return false;
  return a.partners.every((p, i) => {
    const q = b.partners[i];
    return p.id === q.id && p.name === q.name && same(p.aliases, q.aliases) && same(p.domains, q.domains) && same(p.contacts, q.contacts);
  });
}

const same = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function isRegisterData(value: unknown): value is RegisterData {
  const v = value as Partial<RegisterData> | undefined;
  return !!v && Array.isArray(v.partners) && !!v.settings && typeof v.readAt === 'string';
}
