import * as path from 'node:path';
import { stableGuid } from './auth';
import { GraphError, badRequest, notFound } from './errors';
import { checkBodyProperties, isoSeconds } from './columns';
import { ListStore } from './listStore';
import { DEFAULT_SITE_TIME_ZONE, isKnownTimeZone } from './timeZone';
import { SiteDirectory } from './persistence';
import type { EmulatorUser, SiteAddress } from './types';

/**
 * The SharePoint sites the emulator hosts and the lists in each.
 *
 * Site ids look like SharePoint's (`{hostname},{siteCollectionGuid},{webGuid}`) and are derived
 * from hostname + path, so they are the same on every run and every machine. Every hostname also
 * gets its root site (`/`), which is what `/sites/root` and `/sites/{hostname}` address.
 */

export class Site {
  readonly id: string;
  readonly lists = new Map<string, ListStore>();
  /** SharePoint's per-site user info list: email → lookup id (for AuthorLookupId/EditorLookupId). */
  private users = new Map<string, number>();
  /** Site owners (lower-case emails): not bound by a list's item-level permissions. */
  private owners = new Set<string>();
  /** The site's Visitors (lower-case emails): permission level Read, so they change no item. */
  private visitors = new Set<string>();
  readonly created = '2024-01-01T00:00:00Z';

  constructor(
    readonly hostname: string,
    readonly path: string,
    private readonly disk: SiteDirectory | undefined,
    /** The site's time zone (regional settings), for date-only columns. */
    readonly timeZone: string = DEFAULT_SITE_TIME_ZONE,
  ) {
    const collection = stableGuid(`site-collection:${hostname.toLowerCase()}${path.toLowerCase()}`);
    const web = stableGuid(`web:${hostname.toLowerCase()}${path.toLowerCase()}`);
    this.id = `${hostname},${collection},${web}`;
    if (disk) this.load(disk);
  }

  get webUrl(): string {
    return `https://${this.hostname}${this.path === '/' ? '' : this.path}`;
  }

  get name(): string {
    return this.path === '/' ? this.hostname : this.path.split('/').filter(Boolean).pop() ?? this.hostname;
  }

  private load(disk: SiteDirectory): void {
    const users = disk.readJson<Array<[string, number]>>('users.json');
    if (users) this.users = new Map(users);
    const owners = disk.readJson<string[]>('owners.json');
    if (owners) this.owners = new Set(owners);
    const visitors = disk.readJson<string[]>('visitors.json');
    if (visitors) this.visitors = new Set(visitors);
    for (const { loaded } of disk.loadLists()) {
      const store = ListStore.fromSnapshot(loaded.snapshot, loaded.journal);
      if (!store) continue;
      store.timeZone = this.timeZone;
      this.lists.set(store.meta.id, store);
      disk.track(store);
      if (loaded.journal.length) disk.compact(store); // fold the journal in, so the next start is quick
    }
  }

  lookupId(user: EmulatorUser): number {
    const key = user.email.toLowerCase();
    let id = this.users.get(key);
    if (id === undefined) {
      id = this.users.size + 7; // SharePoint's first real users start a few ids in
      this.users.set(key, id);
      this.disk?.writeJson('users.json', [...this.users.entries()]);
    }
    return id;
  }

  isOwner(user: EmulatorUser): boolean {
    return this.owners.has(user.email.toLowerCase());
  }

  /** Replaces the site's owners group (emails). */
  setOwners(emails: readonly string[]): void {
    this.owners = new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean));
    this.disk?.writeJson('owners.json', [...this.owners]);
  }

  isVisitor(user: EmulatorUser): boolean {
    return this.visitors.has(user.email.toLowerCase());
  }

  /** Replaces the site's Visitors group (emails). */
  setVisitors(emails: readonly string[]): void {
    this.visitors = new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean));
    this.disk?.writeJson('visitors.json', [...this.visitors]);
  }

  get ownerEmails(): string[] {
    return [...this.owners];
  }

  /** A list by id, or by display name or URL name (case-insensitive), as Graph accepts. */
  list(ref: string): ListStore {
    const byId = this.lists.get(ref) ?? this.lists.get(ref.toLowerCase());
    if (byId) return byId;
    const lower = ref.toLowerCase();
    for (const l of this.lists.values()) {
      if (l.meta.displayName.toLowerCase() === lower || l.meta.name.toLowerCase() === lower) return l;
    }
    throw notFound(`The specified list was not found`);
  }

  createList(body: unknown, user: EmulatorUser): ListStore {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('The list definition must be a JSON object.');
    const b = body as Record<string, unknown>;
    if (typeof b.displayName !== 'string' || !b.displayName.trim()) throw badRequest("The list needs a 'displayName'.");
    if (b.columns !== undefined && !Array.isArray(b.columns)) throw badRequest("'columns' must be an array.");
    checkBodyProperties(b, ['displayName', 'name', 'description', 'columns', 'list'], 'microsoft.graph.list');
    if (b.list !== undefined) {
      if (!b.list || typeof b.list !== 'object' || Array.isArray(b.list)) throw badRequest("'list' must be an object.");
      checkBodyProperties(b.list as Record<string, unknown>, ['template'], 'microsoft.graph.listInfo');
    }
    const displayName = b.displayName.trim();
    for (const l of this.lists.values()) {
      if (l.meta.displayName.toLowerCase() === displayName.toLowerCase()) {
        throw new GraphError(
          409,
          'nameAlreadyExists',
          'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
        );
      }
    }
    const template = (b.list as { template?: unknown } | undefined)?.template;
    const store = ListStore.create(
      {
        displayName,
        name: typeof b.name === 'string' ? b.name : undefined,
        description: typeof b.description === 'string' ? b.description : undefined,
        template: typeof template === 'string' ? template : undefined,
        columns: b.columns as unknown[] | undefined,
      },
      user,
    );
    store.timeZone = this.timeZone;
    this.lists.set(store.meta.id, store);
    if (this.disk) {
      this.disk.track(store);
      this.disk.compact(store);
    }
    return store;
  }

  deleteList(ref: string): void {
    const store = this.list(ref);
    this.lists.delete(store.meta.id);
    store.onChange = undefined;
    this.disk?.removeList(store.meta.id);
  }

  /** Drops every list (and the user info list). */
  wipe(): void {
    for (const id of [...this.lists.keys()]) this.deleteList(id);
    this.users.clear();
    this.disk?.writeJson('users.json', []);
  }

  flush(): Promise<void> {
    return this.disk?.flush() ?? Promise.resolve();
  }

  close(): Promise<void> {
    return this.disk?.close() ?? Promise.resolve();
  }

  json(): Record<string, unknown> {
    return {
      createdDateTime: this.created,
      description: '',
      id: this.id,
      lastModifiedDateTime: isoSeconds(Date.now()),
      name: this.name,
      webUrl: this.webUrl,
      displayName: this.path === '/' ? 'Communication site' : titleCase(this.name),
      ...(this.path === '/' ? { root: {} } : {}),
      siteCollection: { hostname: this.hostname },
    };
  }
}

export class SiteRegistry {
  private readonly sites: Site[] = [];

  constructor(
    addresses: SiteAddress[],
    private readonly dataDir: string | undefined,
    private readonly persistDelayMs: number,
    private readonly timeZone: string = DEFAULT_SITE_TIME_ZONE,
  ) {
    if (!isKnownTimeZone(timeZone)) throw new Error(`Unknown time zone '${timeZone}'`);
    for (const a of addresses) this.add(a);
  }

  get all(): readonly Site[] {
    return this.sites;
  }

  /** The first configured site's hostname: what `/sites/root` means. */
  get defaultHostname(): string {
    return this.sites[0].hostname;
  }

  add(address: SiteAddress): Site {
    const hostname = address.hostname.toLowerCase();
    const sitePath = normalisePath(address.path);
    const existing = this.sites.find((s) => s.hostname === hostname && s.path.toLowerCase() === sitePath.toLowerCase());
    if (existing) return existing;
    const disk = this.dataDir
      ? new SiteDirectory(path.join(this.dataDir, `${hostname}${sitePath === '/' ? '' : sitePath.replace(/\//g, '_')}`), this.persistDelayMs)
      : undefined;
    const site = new Site(hostname, sitePath, disk, address.timeZone ?? this.timeZone);
    this.sites.push(site);
    if (sitePath !== '/') this.add({ hostname, path: '/' });
    return site;
  }

  /**
   * Resolves a site reference as it appears in a URL: `root`, a site id
   * (`host,guid,guid`), `host` alone (its root site), or `host:/server/relative/path`.
   */
  resolve(ref: string): Site {
    let site: Site | undefined;
    const colon = ref.indexOf(':');
    if (ref === 'root') site = this.byAddress(this.defaultHostname, '/');
    else if (colon >= 0) {
      const host = ref.slice(0, colon) === 'root' ? this.defaultHostname : ref.slice(0, colon);
      site = this.byAddress(host, normalisePath(ref.slice(colon + 1) || '/'));
    } else if (ref.includes(',')) {
      const lower = ref.toLowerCase();
      site = this.sites.find((s) => s.id.toLowerCase() === lower);
    } else site = this.byAddress(ref, '/');
    if (!site) throw notFound('Requested site could not be found');
    return site;
  }

  private byAddress(hostname: string, sitePath: string): Site | undefined {
    const h = hostname.toLowerCase();
    const p = sitePath.toLowerCase();
    return this.sites.find((s) => s.hostname === h && s.path.toLowerCase() === p);
  }
}

function normalisePath(p: string): string {
  let out = p.trim();
  if (!out.startsWith('/')) out = `/${out}`;
  out = out.replace(/\/+$/, '');
  return out || '/';
}

function titleCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
