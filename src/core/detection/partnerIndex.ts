/**
 * The register turned into lookups, built once per register version and reused for every message:
 * contact address → partners, register domain → partners, plus the settings. A participant then
 * costs a few hash lookups however large the register is.
 */
import { compareCodeUnits } from '../compareCodeUnits';
import { BoundedSubstringCache, substringHash, type SubstringKeyed } from './boundedCache';
import { freeMailDomains } from './freemail';
import { isAscii, isIpv4Like, toAsciiHost } from './host';
import { parseMailbox, plainAddress } from './mailbox';
import { domainOrProblem, isDomainProblem, normalizeRegisterDomain, registrableOfAsciiHost } from './registerDomain';
import { StringTable } from './stringTable';
import { SubjectIndex } from './subjectMatch';
import type { DetectablePartner, DetectionSettings, IndexProblem } from './types';

/**
 * Host cache bound: at least enough for every host a busy mailbox sees in a session, and room for
 * about two hosts per register domain (the domain and a `mail.` sibling), so a bulk scan across a
 * large register does not keep reclassifying the same hosts. The cache keeps two generations and
 * only the young one is sure to survive, so the bound is twice the hosts it must hold: sized at two
 * hosts per domain, a 10,000-partner scan missed on a third of its hosts and spent most of its time
 * reclassifying them and collecting the dropped generations. Only hosts actually seen take memory,
 * about 150 bytes each.
 */
export const HOST_CACHE_MIN = 20_000;
export const HOST_CACHE_MAX = 200_000;
/** Hosts per register domain the cache is sized for; see above. */
const HOSTS_PER_DOMAIN = 2;

export type HostKind = 'invalid' | 'ignored' | 'internal' | 'free-mail' | 'partner' | 'unknown';

export interface HostInfo extends SubstringKeyed {
  /** ASCII form; empty when `kind` is `invalid`. */
  readonly host: string;
  /** The host was written in this form already, so an address using it needs no rewriting. */
  readonly asWritten?: boolean;
  readonly kind: HostKind;
  /** For `partner`: every partner listing `domain`, the most specific listed domain covering the host. */
  readonly partners?: readonly number[];
  readonly domain?: string;
  /** For `unknown`: what the UI offers to link. */
  readonly registrable?: string;
  /** Some register contact is an address on this host; when false, no contact lookup can match. */
  readonly hasContacts: boolean;
}

/**
 * Every HostInfo is made here, with every field present in one order: detection reads these for every
 * participant, and a single object shape keeps those reads monomorphic (several shapes, as object
 * literals per kind and a spread for `asWritten` gave, made them megamorphic lookups).
 */
function hostInfoOf(
  host: string,
  kind: HostKind,
  partners?: readonly number[],
  domain?: string,
  registrable?: string,
  hasContacts = false,
): HostInfo {
  return { key: '', keyHash: 0, host, asWritten: false, kind, partners, domain, registrable, hasContacts };
}

/** `info` as the host cache holds it: under the host as written, `key`. */
function keyedHostInfo(info: HostInfo, key: string, keyHash: number): HostInfo {
  const { host, kind, partners, domain, registrable, hasContacts } = info;
  return { key, keyHash, host, asWritten: host === key, kind, partners, domain, registrable, hasContacts };
}

const INVALID_HOST: HostInfo = hostInfoOf('', 'invalid');

export class IndexedPartner {
  constructor(
    readonly id: string,
    readonly name: string,
  ) {}
}

/** Register keys (contact addresses, domains) and the partners listing each. */
export class PartnerLists {
  readonly table: StringTable;
  /** By key number in `table`. Shared and copied on write, never mutated: most keys belong to one partner. */
  readonly lists: (readonly number[])[] = [];

  constructor(expectedKeys: number) {
    this.table = new StringTable(expectedKeys);
  }

  get size(): number {
    return this.lists.length;
  }

  keys(): IterableIterator<string> {
    return this.table.keys.values();
  }

  get(key: string): readonly number[] | undefined {
    const k = this.table.find(key);
    return k < 0 ? undefined : this.lists[k];
  }

  /** `single` is the partner's own one-element list, shared by all its keys to spare an array each. */
  add(key: string, partner: number, single: readonly number[]): void {
    const k = this.table.add(key);
    if (k === this.lists.length) this.lists.push(single);
    else if (!this.lists[k].includes(partner)) this.lists[k] = [...this.lists[k], partner]; // shared domain or contact
  }
}

export class PartnerIndex {
  readonly partners: IndexedPartner[] = [];
  /** Register entries that were skipped, so an admin screen can show and fix them. */
  readonly problems: IndexProblem[] = [];
  /** Lists are shared and copied on write, never mutated: most keys belong to one partner. */
  readonly contacts: PartnerLists;
  readonly domains: PartnerLists;
  readonly internalDomains = new Set<string>();
  readonly ignoredAddresses = new Set<string>();
  readonly ignoredDomains = new Set<string>();
  readonly subjects = new SubjectIndex();
  private hostCache: BoundedSubstringCache<HostInfo> | undefined;
  private order: Int32Array | undefined;
  /** Hosts of `contacts`, made on first use (see `hasContactsOn`). */
  private contactHosts: StringTable | undefined;

  /** The expected sizes only spare regrowing the tables. */
  constructor(expectedContacts = 0, expectedDomains = 0) {
    this.contacts = new PartnerLists(expectedContacts);
    this.domains = new PartnerLists(expectedDomains);
  }

  get partnerCount(): number {
    return this.partners.length;
  }

  get hostCacheBound(): number {
    return Math.min(HOST_CACHE_MAX, Math.max(HOST_CACHE_MIN, 2 * HOSTS_PER_DOMAIN * this.domains.size));
  }

  /** How many hosts are remembered; never more than `hostCacheBound`. */
  get cachedHostCount(): number {
    return this.hostCache?.size ?? 0;
  }

  /**
   * Each partner's position in the order "by name key (`nameSortKey`), then by id", the last ranking
   * step. Ranking then compares two numbers from one small array instead of reading two partner
   * objects and two name keys scattered over the heap, which with a large register cost more than
   * the rest of the ranking. Made on first use.
   */
  get nameOrder(): Int32Array {
    if (this.order === undefined || this.order.length !== this.partners.length) {
      const partners = this.partners;
      const keys = partners.map((p) => nameSortKey(p.name));
      const byName = partners.map((_, i) => i);
      // Name key, then id: a total order, as ids are unique within an index.
      byName.sort((a, b) => compareCodeUnits(keys[a], keys[b]) || compareCodeUnits(partners[a].id, partners[b].id));
      const order = new Int32Array(partners.length);
      for (let k = 0; k < byName.length; k++) order[byName[k]] = k;
      this.order = order;
    }
    return this.order;
  }

  /** Classifies the host part of an address as written (Unicode or ASCII, any case). Cached. */
  hostInfo(rawHost: string): HostInfo {
    return this.hostInfoAt(rawHost, 0);
  }

  /**
   * `hostInfo(address.slice(start))` without the slice: detection asks this for every participant,
   * and a cache hit, nearly every call, then copies and allocates nothing.
   */
  hostInfoAt(address: string, start: number): HostInfo {
    const cache = (this.hostCache ??= new BoundedSubstringCache(this.hostCacheBound));
    const end = address.length;
    const hash = substringHash(address, start, end);
    let info = cache.get(address, start, end, hash);
    if (info === undefined) {
      const rawHost = start === 0 ? address : address.slice(start);
      const classified = this.classify(rawHost);
      // A host that is a register domain is keyed by the register's own string, not by `rawHost`,
      // which is usually cut from a message's mailbox string: the cache then does not keep those
      // strings alive.
      info = keyedHostInfo(classified, classified.domain === rawHost ? classified.domain : rawHost, hash);
      cache.set(info);
    }
    return info;
  }

  /** Some contact address is on `host` (ASCII form). */
  private hasContactsOn(host: string): boolean {
    // Made on first use rather than in `buildPartnerIndex`: one pass over the contacts, paid once per
    // register by the first message read, not by every build of the register.
    let hosts = this.contactHosts;
    if (hosts === undefined) {
      const addresses = this.contacts.table.keys;
      hosts = new StringTable();
      let previous = '';
      for (let k = 0; k < addresses.length; k++) {
        const address = addresses[k];
        const start = address.lastIndexOf('@') + 1;
        // A partner's contacts mostly share a host and come one after another: only a new host is
        // looked up.
        if (address.length - start === previous.length && address.endsWith(previous)) continue;
        previous = hosts.keys[hosts.addAt(address, start, address.length)];
      }
      this.contactHosts = hosts;
    }
    return hosts.find(host) >= 0;
  }

  private classify(rawHost: string): HostInfo {
    const host = toAsciiHost(rawHost);
    if (host === undefined || !host.includes('.') || isIpv4Like(host)) return INVALID_HOST;
    const free = freeMailDomains();
    let ignored = false;
    let internal = false;
    let freeMail = false;
    let partners: readonly number[] | undefined;
    let domain: string | undefined;
    // One walk over the host and its parents, most specific first, so `research.umcutrecht.nl` is
    // found before `umcutrecht.nl`; each parent string is made once and looked up everywhere.
    let h = host;
    for (;;) {
      if (this.ignoredDomains.size > 0 && this.ignoredDomains.has(h)) ignored = true;
      if (this.internalDomains.has(h)) internal = true;
      if (free.has(h)) freeMail = true;
      if (partners === undefined) {
        partners = this.domains.get(h);
        if (partners !== undefined) domain = h;
      }
      const dot = h.indexOf('.');
      if (dot < 0) break;
      h = h.slice(dot + 1);
    }
    if (ignored) return hostInfoOf(host, 'ignored');
    if (internal) return hostInfoOf(host, 'internal');
    const contacts = this.hasContactsOn(host);
    if (freeMail) return hostInfoOf(host, 'free-mail', undefined, undefined, undefined, contacts);
    if (partners !== undefined) return hostInfoOf(host, 'partner', partners, domain, undefined, contacts);
    return hostInfoOf(host, 'unknown', undefined, undefined, registrableOfAsciiHost(host), contacts);
  }
}

/**
 * Sort key for "then by name": case- and diacritic-insensitive, numbers in numeric order
 * (`Stichting 9` before `Stichting 10`). A plain string compare of this key replaces Intl.Collator,
 * which cost more per message than all other ranking work together.
 */
export function nameSortKey(name: string): string {
  const lower = name.toLowerCase();
  const folded = isAscii(lower) ? lower : lower.normalize('NFKD').replace(/\p{M}+/gu, '');
  return padNumbers(folded);
}

const NUMBER_WIDTH = 12;

/**
 * Each run of digits without its leading zeros (one digit stays) and padded with zeros to 12, so
 * numbers compare as numbers. By hand: the regex replace with a callback per number was most of the
 * cost of ordering a large register.
 */
function padNumbers(s: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < s.length; i++) {
    if (!isDigit(s.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < s.length && isDigit(s.charCodeAt(end))) end++;
    let start = i;
    while (start < end - 1 && s.charCodeAt(start) === 48 /* 0 */) start++;
    out += s.slice(copied, i) + '0'.repeat(Math.max(0, NUMBER_WIDTH - (end - start))) + s.slice(start, end);
    copied = end;
    i = end;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const NONE: readonly unknown[] = [];
/** The register comes from SharePoint or JSON: tolerate a missing or mistyped list. */
function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : NONE;
}

/**
 * Why a register host may not identify a partner: it is (under) an internal or a free-mail domain.
 * The parents are looked up among the internal domains in place, as ranges of `host`; the free-mail
 * domains are a native Set (freemail.ts), asked until one parent is on it.
 */
function excluded(host: string, internal: StringTable, free: ReadonlySet<string>): 'internal' | 'free-mail' | undefined {
  let freeMail = false;
  const end = host.length;
  for (let start = 0; ; ) {
    if (internal.size > 0 && internal.findAt(host, start, end, substringHash(host, start, end)) >= 0) return 'internal';
    if (!freeMail && free.has(start === 0 ? host : host.slice(start))) freeMail = true;
    const dot = host.indexOf('.', start);
    if (dot < 0) return freeMail ? 'free-mail' : undefined;
    start = dot + 1;
  }
}

/**
 * `@d` and `.d` for each internal domain `d`: an address ends with one of them exactly when its host
 * is `d` or under it. Checking those suffixes spares a host copy and a walk over its parents for
 * every contact of a large register.
 */
function addressSuffixesOf(domains: ReadonlySet<string>): string[] {
  const suffixes: string[] = [];
  for (const d of domains) suffixes.push('@' + d, '.' + d);
  return suffixes;
}

/** `address` is normalised (`local@host`); `suffixes` from `addressSuffixesOf`. */
function isOnInternalHost(address: string, suffixes: readonly string[]): boolean {
  for (let k = 0; k < suffixes.length; k++) if (address.endsWith(suffixes[k])) return true;
  return false;
}

export function buildPartnerIndex(partners: DetectablePartner[], settings: DetectionSettings): PartnerIndex {
  const rows = Array.isArray(partners) ? partners : [];
  let contactCount = 0;
  let domainCount = 0;
  for (const p of rows) {
    if (p && typeof p === 'object') {
      contactCount += listOf(p.contacts).length;
      domainCount += listOf(p.domains).length;
    }
  }
  const index = new PartnerIndex(contactCount, domainCount);
  const problems = index.problems;

  for (const value of listOf(settings?.internalDomains)) {
    if (typeof value !== 'string') continue;
    const d = normalizeRegisterDomain(value);
    if (d.ok) index.internalDomains.add(d.domain);
    else problems.push({ field: 'internalDomains', value, problem: d.problem });
  }

  for (const value of listOf(settings?.ignoredAddresses)) {
    if (typeof value !== 'string') continue;
    // `*@domain` is written for "every address at domain": `*` alone is a valid local part (RFC 5322 atext),
    // so as an address it would ignore only a mailbox no one has.
    const trimmed = value.trim().replace(/^\*@/, '@');
    if (/^[^@]+@/.test(trimmed)) {
      const mailbox = parseMailbox(trimmed);
      if (mailbox) index.ignoredAddresses.add(mailbox.address);
      else problems.push({ field: 'ignoredAddresses', value, problem: 'invalid-address' });
    } else {
      const d = normalizeRegisterDomain(trimmed);
      if (d.ok) index.ignoredDomains.add(d.domain);
      else problems.push({ field: 'ignoredAddresses', value, problem: d.problem });
    }
  }

  const byId = new Map<string, number>();
  const singles: (readonly number[])[] = [];
  const free = freeMailDomains();
  const internalDomains = new StringTable(index.internalDomains.size);
  for (const d of index.internalDomains) internalDomains.add(d);
  const internalSuffixes = addressSuffixesOf(index.internalDomains);
  for (const p of rows) {
    if (!p || typeof p !== 'object' || typeof p.id !== 'string' || p.id === '') continue;
    let i = byId.get(p.id);
    if (i === undefined) {
      i = index.partners.length;
      byId.set(p.id, i);
      const name = typeof p.name === 'string' && p.name.trim() ? p.name.trim() : p.id;
      index.partners.push(new IndexedPartner(p.id, name));
      singles.push([i]);
    } else {
      // Two register rows with one id are one partner; merging beats showing it twice.
      problems.push({ field: 'id', partnerId: p.id, value: p.id, problem: 'duplicate-id' });
    }

    for (const value of listOf(p.domains)) {
      if (typeof value !== 'string') continue;
      const domain = domainOrProblem(value);
      if (isDomainProblem(domain)) problems.push({ field: 'domains', partnerId: p.id, value, problem: domain });
      else {
        const why = excluded(domain, internalDomains, free);
        if (why) problems.push({ field: 'domains', partnerId: p.id, value, problem: why });
        else index.domains.add(domain, i, singles[i]);
      }
    }

    for (const value of listOf(p.contacts)) {
      if (typeof value !== 'string') continue;
      const address = plainAddress(value) ?? parseMailbox(value)?.address;
      if (address === undefined) {
        problems.push({ field: 'contacts', partnerId: p.id, value, problem: 'invalid-address' });
        continue;
      }
      // An own official listed as a partner contact would tag every internal email.
      if (internalSuffixes.length > 0 && isOnInternalHost(address, internalSuffixes))
        problems.push({ field: 'contacts', partnerId: p.id, value, problem: 'internal' });
      else index.contacts.add(address, i, singles[i]);
    }

    index.subjects.add(i, p.name);
    for (const alias of listOf(p.aliases)) index.subjects.add(i, alias);
  }
  return index;
}
