/**
 * The register turned into lookups, built once per register version and reused for every message:
 * contact address → partners, register domain → partners, plus the settings. A participant then
 * costs a few hash lookups however large the register is.
 */
import { BoundedCache } from './boundedCache';
import { isFreeMailHost } from './freemail';
import { isAscii, isIpv4Like, toAsciiHost } from './host';
import { parseMailbox } from './mailbox';
import { normalizeRegisterDomain, registrableOfAsciiHost } from './registerDomain';
import { SubjectIndex } from './subjectMatch';
import type { DetectablePartner, DetectionSettings, IndexProblem } from './types';

/** Enough for every host a busy mailbox sees in a session; a miss costs about a microsecond. */
export const HOST_CACHE_ENTRIES = 20_000;

export type HostKind = 'invalid' | 'ignored' | 'internal' | 'free-mail' | 'partner' | 'unknown';

export interface HostInfo {
  /** ASCII form; empty when `kind` is `invalid`. */
  readonly host: string;
  readonly kind: HostKind;
  /** For `partner`: every partner listing `domain`, the most specific listed domain covering the host. */
  readonly partners?: readonly number[];
  readonly domain?: string;
  /** For `unknown`: what the UI offers to link. */
  readonly registrable?: string;
}

const INVALID_HOST: HostInfo = { host: '', kind: 'invalid' };

export interface IndexedPartner {
  readonly id: string;
  readonly name: string;
  /** Name folded for the last ranking step: case- and diacritic-insensitive, so `Ä` sorts with `A`. */
  readonly nameKey: string;
}

export class PartnerIndex {
  readonly partners: IndexedPartner[] = [];
  /** Register entries that were skipped, so an admin screen can show and fix them. */
  readonly problems: IndexProblem[] = [];
  readonly contacts = new Map<string, number[]>();
  readonly domains = new Map<string, number[]>();
  readonly internalDomains = new Set<string>();
  readonly ignoredAddresses = new Set<string>();
  readonly ignoredDomains = new Set<string>();
  readonly subjects = new SubjectIndex();
  private readonly hostCache = new BoundedCache<string, HostInfo>(HOST_CACHE_ENTRIES);

  get partnerCount(): number {
    return this.partners.length;
  }

  /** How many hosts are remembered; never more than the cache bound. */
  get cachedHostCount(): number {
    return this.hostCache.size;
  }

  /** Classifies the host part of an address as written (Unicode or ASCII, any case). Cached. */
  hostInfo(rawHost: string): HostInfo {
    let info = this.hostCache.get(rawHost);
    if (info === undefined) {
      info = this.classify(rawHost);
      this.hostCache.set(rawHost, info);
    }
    return info;
  }

  /** Equal to or below one of `set`'s domains. */
  coveredBy(set: Set<string>, host: string): boolean {
    if (set.size === 0) return false;
    let h = host;
    for (;;) {
      if (set.has(h)) return true;
      const dot = h.indexOf('.');
      if (dot < 0) return false;
      h = h.slice(dot + 1);
    }
  }

  private classify(rawHost: string): HostInfo {
    const host = toAsciiHost(rawHost);
    if (host === undefined || !host.includes('.') || isIpv4Like(host)) return INVALID_HOST;
    if (this.coveredBy(this.ignoredDomains, host)) return { host, kind: 'ignored' };
    if (this.coveredBy(this.internalDomains, host)) return { host, kind: 'internal' };
    if (isFreeMailHost(host)) return { host, kind: 'free-mail' };
    // Most specific first: `research.umcutrecht.nl` is tried before `umcutrecht.nl`.
    let h = host;
    for (;;) {
      const partners = this.domains.get(h);
      if (partners) return { host, kind: 'partner', partners, domain: h };
      const dot = h.indexOf('.');
      if (dot < 0) break;
      h = h.slice(dot + 1);
    }
    return { host, kind: 'unknown', registrable: registrableOfAsciiHost(host) };
  }
}

function foldName(name: string): string {
  const lower = name.toLowerCase();
  return isAscii(lower) ? lower : lower.normalize('NFKD').replace(/\p{M}+/gu, '');
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function addTo(map: Map<string, number[]>, key: string, partner: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [partner]);
  else if (!list.includes(partner)) list.push(partner); // `www.x.nl` and `x.nl` on one partner
}

export function buildPartnerIndex(partners: DetectablePartner[], settings: DetectionSettings): PartnerIndex {
  const index = new PartnerIndex();
  const problems = index.problems;

  for (const value of stringsOf(settings?.internalDomains)) {
    const d = normalizeRegisterDomain(value);
    if (d.ok) index.internalDomains.add(d.domain);
    else problems.push({ field: 'internalDomains', value, problem: d.problem });
  }

  for (const value of stringsOf(settings?.ignoredAddresses)) {
    const trimmed = value.trim();
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
  for (const p of Array.isArray(partners) ? partners : []) {
    if (!p || typeof p !== 'object' || typeof p.id !== 'string' || p.id === '') continue;
    let i = byId.get(p.id);
    if (i === undefined) {
      i = index.partners.length;
      byId.set(p.id, i);
      const name = typeof p.name === 'string' && p.name.trim() ? p.name.trim() : p.id;
      index.partners.push({ id: p.id, name, nameKey: foldName(name) });
    } else {
      // Two register rows with one id are one partner; merging beats showing it twice.
      problems.push({ field: 'id', partnerId: p.id, value: p.id, problem: 'duplicate-id' });
    }

    for (const value of stringsOf(p.domains)) {
      const d = normalizeRegisterDomain(value);
      if (!d.ok) problems.push({ field: 'domains', partnerId: p.id, value, problem: d.problem });
      else if (index.coveredBy(index.internalDomains, d.domain))
        problems.push({ field: 'domains', partnerId: p.id, value, problem: 'internal' });
      else if (isFreeMailHost(d.domain))
        problems.push({ field: 'domains', partnerId: p.id, value, problem: 'free-mail' });
      else addTo(index.domains, d.domain, i);
    }

    for (const value of stringsOf(p.contacts)) {
      const mailbox = parseMailbox(value);
      if (!mailbox) {
        problems.push({ field: 'contacts', partnerId: p.id, value, problem: 'invalid-address' });
        continue;
      }
      const host = mailbox.address.slice(mailbox.address.lastIndexOf('@') + 1);
      // An own official listed as a partner contact would tag every internal email.
      if (index.coveredBy(index.internalDomains, host))
        problems.push({ field: 'contacts', partnerId: p.id, value, problem: 'internal' });
      else addTo(index.contacts, mailbox.address, i);
    }

    index.subjects.add(i, p.name);
    for (const alias of stringsOf(p.aliases)) index.subjects.add(i, alias);
  }
  return index;
}
