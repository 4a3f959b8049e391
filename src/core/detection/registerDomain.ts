/**
 * Domains as the register stores them, and the registrable domain of any host.
 *
 * Private suffixes count (`allowPrivateDomains: true`): on `github.io`, `blogspot.com` or
 * `azurewebsites.net` every sub-domain belongs to a different owner, so the organisation boundary is
 * one label below the suffix. Treating `github.io` as registrable would let one register entry match
 * every GitHub Pages site and would offer "link github.io to a partner". For the same reason a register
 * entry that *is* a private suffix is rejected like `co.uk`.
 */
import { getDomain, getPublicSuffix, parse } from 'tldts';
import { hasBlankEnd, isIpv4Like, isValidAsciiHostAt, toAsciiHost } from './host';
import type { DomainProblem } from './types';

const PSL_OPTIONS = {
  allowPrivateDomains: true,
  // Inputs are already clean lower-case hosts; skipping tldts' own extraction is faster and avoids
  // a second opinion on what the host is.
  extractHostname: false,
  mixedInputs: false,
  validateHostname: false,
  detectIp: false,
  extraSuffixes: {
    // Every Microsoft 365 tenant, municipalities and partners alike, has a `<tenant>.onmicrosoft.com`
    // address; the list does not carry it, so without this all tenants would share one "organisation".
    private: ['onmicrosoft.com', 'mail.onmicrosoft.com'],
  },
};

export type NormalizedDomain = { ok: true; domain: string } | { ok: false; problem: DomainProblem };

const MAX_INPUT_CHARS = 2048;

/**
 * `https://www.Example.nl/path`, `www.example.nl`, `@EXAMPLE.nl` → `example.nl`. Sub-domains other
 * than a leading `www.` are kept: a register may list `research.umcutrecht.nl` on purpose, to claim
 * that part of the hospital for a different partner.
 */
export function normalizeRegisterDomain(input: string): NormalizedDomain {
  const d = domainOrProblem(input);
  return isDomainProblem(d) ? { ok: false, problem: d } : { ok: true, domain: d };
}

/** A normalised domain always has a dot; a problem code never does. */
export function isDomainProblem(d: string): d is DomainProblem {
  return !d.includes('.');
}

/**
 * `normalizeRegisterDomain` without a result object per call, for building large indexes: the
 * domain, or the problem code (tell them apart with `isDomainProblem`).
 */
export function domainOrProblem(input: string): string {
  if (typeof input !== 'string') return 'invalid';
  let s = hasBlankEnd(input) ? input.trim() : input;
  if (s.length === 0) return 'empty';
  if (s.length > MAX_INPUT_CHARS) return 'invalid';
  let host: string | undefined;
  if (isValidAsciiHostAt(s, 0, s.length)) {
    // Most register entries are already a valid lower-case ASCII host: `peel` would leave it as it
    // is (no scheme, path, `@`, port or brackets) and `toAsciiHost` would return it unchanged.
    host = s;
  } else {
    if (!CLEAN_HOST.test(s)) s = peel(s);
    if (s === '') return 'empty';
    if (s === IP_LITERAL) return 'ip-address';
    host = toAsciiHost(s);
    if (host === undefined) return 'invalid';
  }
  if (isIpv4Like(host)) return 'ip-address';

  if (host.startsWith('www.')) {
    const rest = host.slice(4);
    // `www.co.uk` would be a (strange) registrable domain of its own; only strip `www.` from a real one.
    // A real one has been looked up already, so it is done: one suffix lookup per domain, not two.
    if (publicSuffixState(rest) === 'no') return rest;
  }
  const state = publicSuffixState(host);
  if (state === 'listed') return 'public-suffix';
  if (state === 'single-label') return 'invalid';
  return host;
}

const CLEAN_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;
/** Marker `peel` returns for `[::1]`-style input, which is never a domain. */
const IP_LITERAL = '[ip]';

/** `https://user@Host.nl:8080/path` → `Host.nl`; `@x.nl` and `jan@x.nl` → `x.nl`. */
function peel(input: string): string {
  let s = input.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^mailto:/i, '');
  const pathStart = s.search(/[/?#]/);
  if (pathStart >= 0) s = s.slice(0, pathStart);
  const at = s.lastIndexOf('@');
  if (at >= 0) s = s.slice(at + 1); // `@x.nl`, `jan@x.nl` or URL credentials: the host is after the last @
  if (s.startsWith('[') || (s.match(/:/g)?.length ?? 0) > 1) return IP_LITERAL;
  s = s.replace(/:\d*$/, '').trim();
  return /^\.*$/.test(s) ? '' : s;
}

/** `listed`: the whole host is a suffix on the list (`nl`, `co.uk`, `github.io`). */
function publicSuffixState(host: string): 'no' | 'listed' | 'single-label' {
  // `getPublicSuffix` stops after the suffix and allocates no result object; nearly every register
  // domain is not itself a suffix, so the full `parse` runs only for the rare one that is.
  if (getPublicSuffix(host, PSL_OPTIONS) !== host) return 'no';
  const r = parse(host, PSL_OPTIONS);
  if (r.isIcann || r.isPrivate) return 'listed';
  // Not on the list and no dot (`localhost`, `intranet`): not a domain anyone could register.
  return host.includes('.') ? 'listed' : 'single-label';
}

/** Registrable domain of an ASCII host that `toAsciiHost` produced; no re-validation. */
export function registrableOfAsciiHost(host: string): string | undefined {
  if (isIpv4Like(host)) return undefined;
  // Same answer as `parse(host).domain`, without the result object and the sub-domain work.
  return getDomain(host, PSL_OPTIONS) ?? undefined;
}

/**
 * PSL-based registrable domain, ASCII form: `mail.airbnb.co.uk` → `airbnb.co.uk`,
 * `jan@Bücher.de` → `xn--bcher-kva.de`. Undefined for public suffixes, IPs and garbage.
 */
export function registrableDomain(hostOrAddress: string): string | undefined {
  if (typeof hostOrAddress !== 'string' || hostOrAddress.length > MAX_INPUT_CHARS) return undefined;
  let s = hostOrAddress.trim();
  const at = s.lastIndexOf('@');
  if (at >= 0) s = s.slice(at + 1);
  if (s.endsWith('>')) s = s.slice(0, -1).trim(); // `Jan <jan@x.nl>`
  const host = toAsciiHost(s);
  return host === undefined ? undefined : registrableOfAsciiHost(host);
}
