/**
 * The obvious implementation of issue 3's rules: for every participant, scan every partner. No maps,
 * no caches. It is the oracle the property tests compare the indexed detector against, and the
 * baseline `npm run bench:detect` measures it against, so it must stay simple enough to trust.
 * It shares only parsing and normalisation with the detector, not the matching.
 */
import { isAutomatedLocalPart } from '../../../src/core/detection/automatedSender';
import { isFreeMailDomain } from '../../../src/core/detection/freemail';
import { parseMailbox, parseMailboxList } from '../../../src/core/detection/mailbox';
import { nameSortKey } from '../../../src/core/detection/partnerIndex';
import { normalizeRegisterDomain, registrableDomain } from '../../../src/core/detection/registerDomain';
import { MIN_TERM_CHARS, words } from '../../../src/core/detection/subjectMatch';
import type {
  DetectablePartner,
  DetectionMessage,
  DetectionResult,
  DetectionSettings,
  ParticipantEvidence,
  ParticipantRole,
  PartnerMatch,
} from '../../../src/core/detection/types';

interface NaivePartner {
  id: string;
  name: string;
  domains: string[];
  contacts: string[];
  terms: { text: string; spaced: string }[];
}

export interface NaiveRegister {
  partners: NaivePartner[];
  internal: string[];
  ignoredAddresses: string[];
  ignoredDomains: string[];
}

const under = (host: string, domain: string): boolean => host === domain || host.endsWith('.' + domain);

export function naiveRegister(partners: DetectablePartner[], settings: DetectionSettings): NaiveRegister {
  const domainsOf = (list: string[]): string[] =>
    list.map(normalizeRegisterDomain).flatMap((d) => (d.ok ? [d.domain] : []));
  const internal = domainsOf(settings.internalDomains);
  const ignoredAddresses: string[] = [];
  const ignoredDomains: string[] = [];
  for (const entry of settings.ignoredAddresses) {
    if (/^[^@]+@/.test(entry.trim())) {
      const m = parseMailbox(entry);
      if (m) ignoredAddresses.push(m.address);
    } else ignoredDomains.push(...domainsOf([entry.trim()]));
  }
  const isInternal = (host: string): boolean => internal.some((d) => under(host, d));
  const out: NaivePartner[] = [];
  for (const p of partners) {
    let target = out.find((x) => x.id === p.id);
    if (!target) {
      target = { id: p.id, name: p.name.trim() || p.id, domains: [], contacts: [], terms: [] };
      out.push(target);
    }
    for (const d of domainsOf(p.domains)) {
      if (!isInternal(d) && !isFreeMailDomain(d) && !target.domains.includes(d)) target.domains.push(d);
    }
    for (const c of p.contacts) {
      const m = parseMailbox(c);
      if (m && !isInternal(m.address.split('@').pop() ?? '') && !target.contacts.includes(m.address))
        target.contacts.push(m.address);
    }
    for (const term of [p.name, ...p.aliases]) {
      const text = term.trim();
      const w = words(text, 200);
      if ([...text].length >= MIN_TERM_CHARS && w.length > 0 && !target.terms.some((t) => t.spaced === ` ${w.join(' ')} `))
        target.terms.push({ text, spaced: ` ${w.join(' ')} ` });
    }
  }
  return { partners: out, internal, ignoredAddresses, ignoredDomains };
}

const ROLES: [keyof DetectionMessage, ParticipantRole][] = [
  ['from', 'from'], ['sender', 'sender'], ['organizer', 'organizer'], ['to', 'to'], ['cc', 'cc'], ['attendees', 'attendee'],
];
const ROLE_RANK: ParticipantRole[] = ['from', 'sender', 'organizer', 'to', 'cc', 'attendee'];

export function naiveDetect(reg: NaiveRegister, message: DetectionMessage): DetectionResult {
  const evidence = new Map<string, ParticipantEvidence[]>();
  const subjectTerms = new Map<string, string[]>();
  const seen: string[] = [];
  const unknown: string[] = [];

  for (const [field, role] of ROLES) {
    const value = message[field];
    const entries = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    for (const entry of entries) {
      if (typeof entry !== 'string') continue;
      for (const mb of parseMailboxList(entry)) {
        const address = mb.address;
        const at = address.lastIndexOf('@');
        const host = address.slice(at + 1);
        const local = address.slice(0, at);
        if (host.split('.').every((l) => /^[0-9]+$/.test(l))) continue;
        if (reg.ignoredDomains.some((d) => under(host, d))) continue;
        if (reg.internal.some((d) => under(host, d))) continue;
        if (seen.includes(address)) continue;
        seen.push(address);
        if (reg.ignoredAddresses.includes(address)) continue;

        const byContact = reg.partners.filter((p) => p.contacts.includes(address));
        let hits: { p: NaivePartner; via: 'contact' | 'domain'; domain?: string }[] = byContact.map((p) => ({ p, via: 'contact' }));
        if (hits.length === 0 && !isFreeMailDomain(host)) {
          let best = '';
          for (const p of reg.partners) for (const d of p.domains) if (under(host, d) && d.length > best.length) best = d;
          if (best) hits = reg.partners.filter((p) => p.domains.includes(best)).map((p) => ({ p, via: 'domain', domain: best }));
          else if (!isAutomatedLocalPart(local)) {
            const r = registrableDomain(host);
            if (r && !unknown.includes(r)) unknown.push(r);
          }
        }
        for (const h of hits) {
          const e: ParticipantEvidence = { address, role, via: h.via, automated: isAutomatedLocalPart(local) };
          if (h.domain) e.domain = h.domain;
          if (mb.displayName) e.displayName = mb.displayName;
          evidence.set(h.p.id, [...(evidence.get(h.p.id) ?? []), e]);
        }
      }
    }
  }

  if (typeof message.subject === 'string') {
    const spaced = ` ${words(message.subject).slice(0, 200).join(' ')} `;
    for (const p of reg.partners) {
      for (const t of p.terms) {
        if (spaced.includes(t.spaced)) subjectTerms.set(p.id, [...(subjectTerms.get(p.id) ?? []), t.text]);
      }
    }
  }

  const ids = reg.partners.map((p) => p.id).filter((id) => evidence.has(id) || subjectTerms.has(id));
  const matches: PartnerMatch[] = ids.map((id) => {
    const p = reg.partners.find((x) => x.id === id)!;
    const participants = (evidence.get(id) ?? []).sort(
      (a, b) => ROLE_RANK.indexOf(a.role) - ROLE_RANK.indexOf(b.role) || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0),
    );
    return {
      partnerId: id,
      name: p.name,
      participants,
      subjectTerms: subjectTerms.get(id) ?? [],
      isSenderOrOrganizer: participants.some((e) => e.role === 'from' || e.role === 'sender' || e.role === 'organizer'),
      strength: participants.length > 0 ? 'participant' : 'subject',
    };
  });
  const hasContact = (m: PartnerMatch): number => (m.participants.some((e) => e.via === 'contact') ? 1 : 0);
  matches.sort(
    (a, b) =>
      b.participants.length - a.participants.length ||
      Number(b.isSenderOrOrganizer) - Number(a.isSenderOrOrganizer) ||
      hasContact(b) - hasContact(a) ||
      (nameSortKey(a.name) < nameSortKey(b.name) ? -1 : nameSortKey(a.name) > nameSortKey(b.name) ? 1 : 0) ||
      (a.partnerId < b.partnerId ? -1 : 1),
  );
  return { matches, unknownDomains: unknown.sort() };
}
