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

/**
 * A large register (from this many partners) is also kept by lookup key, in KEY_BUCKETS records (each
 * partner in the bucket of each of its keys, core/detection partnerLookupKeys): a warm pane reads the
 * buckets of its item's keys only (`snapshotFor`), not 50,000 partners, before its first render.
 */
const BUCKETS_FROM = 2000;
const KEY_BUCKETS = 4096;
/** The marker's value says whether the buckets were written with the snapshot of that read. */
const BUCKETED = '|keys';

interface KeyBucket {
  readAt: string;
  settings: Settings;
  partners: RegisterPartner[];
}

const bucketName = (n: number) => `${SNAPSHOT}-keys-${n}`;

/** FNV-1a of the key, into KEY_BUCKETS. */
function keyBucket(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % KEY_BUCKETS;
}

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

  /**
   * Whether this device keeps the register by lookup key (a large register, see BUCKETS_FROM): then
   * `snapshotFor` reads a part of it.
   */
  hasKeyBuckets(): boolean {
    return this.markerValue()?.endsWith(BUCKETED) === true;
  }

  /**
   * The partners of the snapshot whose lookup keys are among `keys`, and perhaps others (those that share
   * their buckets), with its settings: from the key buckets alone. Undefined without buckets of the
   * snapshot's read (then ask `snapshot()`).
   */
  async snapshotFor(keys: readonly string[]): Promise<RegisterData | undefined> {
    const readAt = this.hasKeyBuckets() ? this.markerValue()!.slice(0, -BUCKETED.length) : undefined;
    const db = readAt && (await this.db);
    if (!db) return undefined;
    try {
      const store = db.transaction('snapshots').store;
      const buckets = await Promise.all([...new Set(keys.map(keyBucket))].map((n) => store.get([this.scope, bucketName(n)])));
      const byId = new Map<string, RegisterPartner>();
      let settings: Settings | undefined;
      for (const record of buckets) {
        const bucket = record?.value as KeyBucket | undefined;
        // A bucket of another read (its write failed or was cut short): the whole snapshot decides.
        if (!bucket || bucket.readAt !== readAt || !Array.isArray(bucket.partners)) return undefined;
        settings = bucket.settings;
        for (const p of bucket.partners) byId.set(p.id, p);
      }
      return settings ? { partners: [...byId.values()], settings, readAt } : undefined;
    } catch {
      return undefined;
    }
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
          .then(async (db) => {
            if (!db) return;
            await db.put('snapshots', { scope: this.scope, name: SNAPSHOT, value: data, savedAt: data.readAt });
            const bucketed = data.partners.length >= BUCKETS_FROM && (await this.writeBuckets(db, data).then(() => true, () => false));
            this.options.marker?.setItem(this.markerKey, bucketed ? data.readAt + BUCKETED : data.readAt);
          })
          .catch(() => undefined),
    );
  }

  /** Every partner into the bucket of each of its lookup keys; all buckets in one transaction. */
  private async writeBuckets(db: LocalDatabase, data: RegisterData): Promise<void> {
    // The keys need the public suffix list: loaded here, when the browser is idle, not with the pane's start.
    const { partnerLookupKeys } = await import(/* webpackChunkName: "pane-detection" */ '../core/detection/lookupKeys');
    const buckets: RegisterPartner[][] = Array.from({ length: KEY_BUCKETS }, () => []);
    for (const partner of data.partners) for (const n of new Set(partnerLookupKeys(partner).map(keyBucket))) buckets[n].push(partner);
    const tx = db.transaction('snapshots', 'readwrite');
    await Promise.all([
      ...buckets.map((partners, n) => tx.store.put({ scope: this.scope, name: bucketName(n), value: { readAt: data.readAt, settings: data.settings, partners } satisfies KeyBucket, savedAt: data.readAt })),
      tx.done,
    ]);
  }

  private get markerKey(): string {
    return `${MARKER_PREFIX}${encodeURIComponent(this.scope)}`;
  }

  private markerValue(): string | undefined {
    try {
      return this.options.marker?.getItem(this.markerKey) ?? undefined;
    } catch {
      return undefined;
    }
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
