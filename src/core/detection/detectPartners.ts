/**
 * Who is this email or meeting with. Every match carries its evidence, and several matches are
 * returned ranked rather than one picked: the user decides.
 */
import { isAutomatedLocalPart } from './automatedSender';
import { displayNameOf, normalizeLocalPart, scanMailboxes } from './mailbox';
import { PartnerIndex } from './partnerIndex';
import type { DetectionMessage, DetectionResult, ParticipantEvidence, ParticipantRole, PartnerMatch } from './types';

/** A meeting with the whole organisation invited is still one meeting; beyond this we stop reading. */
export const MAX_PARTICIPANTS = 2000;

const ROLE_ORDER: Record<ParticipantRole, number> = { from: 0, sender: 1, organizer: 2, to: 3, cc: 4, attendee: 5 };
/** Up to this many, a linear scan beats hashing; typical messages stay below it. */
const SMALL = 24;

interface Found {
  partner: number;
  participants: ParticipantEvidence[];
  subjectTerms: string[];
  senderOrOrganizer: boolean;
  contact: boolean;
}

function byRoleThenAddress(a: ParticipantEvidence, b: ParticipantEvidence): number {
  return ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0);
}

/**
 * 0: `raw[0, at)` is a plain lower-case local part usable as is; 1: usable after lower-casing or
 * unquoting; -1: not a local part.
 */
function localPartState(raw: string, at: number): number {
  if (at > 256 || raw.charCodeAt(0) === 34) return 1;
  let state = 0;
  for (let i = 0; i < at; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 65 && c <= 90) state = 1;
    else if (c <= 32 || c === 127 || c === 34 || c === 60 || c === 62 || c === 64) return -1;
    else if (c > 127) state = 1;
  }
  return state;
}

/** Held between calls instead of the last register, so a replaced register can be collected. */
const NO_INDEX = new PartnerIndex();

/**
 * The per-message working state, allocated once and reset per call: detection runs for every message
 * a pane shows and in bulk over mailboxes, and short-lived Maps and closures per message were most of
 * its cost. Safe to share because detection is synchronous and calls no outside code.
 */
class Collector {
  index = NO_INDEX;
  role: ParticipantRole = 'from';
  budget = 0;
  seenList: string[] = [];
  seenSet: Set<string> | undefined;
  found: Found[] = [];
  foundMap: Map<number, Found> | undefined;
  /** Handed to the caller, so a fresh array per message, made only when needed. */
  unknown: string[] | undefined;

  reset(index: PartnerIndex): void {
    this.index = index;
    this.budget = MAX_PARTICIPANTS;
    this.seenList.length = 0;
    this.seenSet = undefined;
    this.found.length = 0;
    this.foundMap = undefined;
    this.unknown = undefined;
  }

  /** True the first time `address` is seen in this message. */
  firstSighting(address: string): boolean {
    if (this.seenSet) {
      if (this.seenSet.has(address)) return false;
      this.seenSet.add(address);
      return true;
    }
    const list = this.seenList;
    for (let i = 0; i < list.length; i++) if (list[i] === address) return false;
    list.push(address);
    if (list.length > SMALL) this.seenSet = new Set(list);
    return true;
  }

  entry(partner: number): Found {
    let f: Found | undefined;
    if (this.foundMap) f = this.foundMap.get(partner);
    else for (let i = 0; i < this.found.length && !f; i++) if (this.found[i].partner === partner) f = this.found[i];
    if (!f) {
      f = { partner, participants: [], subjectTerms: [], senderOrOrganizer: false, contact: false };
      this.found.push(f);
      if (this.foundMap) this.foundMap.set(partner, f);
      else if (this.found.length > SMALL) this.foundMap = new Map(this.found.map((x) => [x.partner, x]));
    }
    return f;
  }

  readonly take = (raw: string, nameSource: string, nameStart: number, nameEnd: number): void => {
    if (this.budget <= 0) return;
    this.budget--;
    const at = raw.lastIndexOf('@');
    if (at <= 0) return;
    const rawHost = raw.slice(at + 1);
    const info = this.index.hostInfo(rawHost);
    // Internal participants never count, not even when listed as a contact: the own organisation is
    // never the partner.
    if (info.kind === 'invalid' || info.kind === 'ignored' || info.kind === 'internal') return;
    const state = localPartState(raw, at);
    if (state < 0) return;
    let address: string;
    let local: string | undefined;
    if (state === 0 && info.asWritten === true) address = raw; // already normal: no new string
    else {
      local = normalizeLocalPart(raw.slice(0, at));
      if (local === undefined) return;
      address = `${local}@${info.host}`;
    }
    if (!this.firstSighting(address)) return; // first role wins; roles are read in a fixed order
    const index = this.index;
    if (index.ignoredAddresses.size > 0 && index.ignoredAddresses.has(address)) return;

    const byContact = index.contacts.get(address);
    const partners = byContact ?? (info.kind === 'partner' ? info.partners : undefined);
    if (partners === undefined) {
      if (info.kind === 'unknown' && info.registrable !== undefined) {
        if (isAutomatedLocalPart(local ?? address.slice(0, address.lastIndexOf('@')))) return;
        const unknown = (this.unknown ??= []);
        if (!unknown.includes(info.registrable)) unknown.push(info.registrable);
      }
      return;
    }
    const automated = isAutomatedLocalPart(local ?? address.slice(0, address.lastIndexOf('@')));
    const displayName = displayNameOf(nameSource, nameStart, nameEnd);
    const role = this.role;
    const lead = role === 'from' || role === 'sender' || role === 'organizer';
    const via = byContact ? 'contact' : 'domain';
    const domain = byContact ? undefined : info.domain;
    for (let k = 0; k < partners.length; k++) {
      // Every field in one literal: one object shape for all evidence keeps property access fast.
      const evidence: ParticipantEvidence = { address, displayName, role, via, domain, automated };
      const f = this.entry(partners[k]);
      f.participants.push(evidence);
      if (lead) f.senderOrOrganizer = true;
      if (byContact) f.contact = true;
    }
  };

  readonly subjectTerm = (partner: number, term: string): void => {
    const f = this.entry(partner);
    if (!f.subjectTerms.includes(term)) f.subjectTerms.push(term);
  };

  read(value: unknown, role: ParticipantRole): void {
    this.role = role;
    if (typeof value === 'string') scanMailboxes(value, this.take);
    else if (Array.isArray(value)) {
      for (let i = 0; i < value.length && this.budget > 0; i++) {
        const v: unknown = value[i];
        if (typeof v === 'string') scanMailboxes(v, this.take);
      }
    }
  }
}

const collector = new Collector();

export function detectPartners(index: PartnerIndex, message: DetectionMessage): DetectionResult {
  const c = collector;
  c.reset(index);
  const m: Partial<DetectionMessage> = message !== null && typeof message === 'object' ? message : {};
  c.read(m.from, 'from');
  c.read(m.sender, 'sender');
  c.read(m.organizer, 'organizer');
  c.read(m.to, 'to');
  c.read(m.cc, 'cc');
  c.read(m.attendees, 'attendee');
  if (typeof m.subject === 'string') index.subjects.match(m.subject, c.subjectTerm);

  const found = c.found;
  const unknownDomains = c.unknown ? c.unknown.sort() : [];
  c.index = NO_INDEX;
  if (found.length === 0) return { matches: [], unknownDomains };

  const partners = index.partners;
  // Participant count first puts every subject-only match (count 0) after every participant match.
  if (found.length > 1) {
    found.sort((a, b) => {
      const d =
        b.participants.length - a.participants.length ||
        Number(b.senderOrOrganizer) - Number(a.senderOrOrganizer) ||
        Number(b.contact) - Number(a.contact);
      if (d !== 0) return d;
      const pa = partners[a.partner];
      const pb = partners[b.partner];
      return pa.nameKey < pb.nameKey ? -1 : pa.nameKey > pb.nameKey ? 1 : pa.id < pb.id ? -1 : 1;
    });
  }

  const matches: PartnerMatch[] = found.map((f) => ({
    partnerId: partners[f.partner].id,
    name: partners[f.partner].name,
    participants: f.participants.length > 1 ? f.participants.sort(byRoleThenAddress) : f.participants,
    subjectTerms: f.subjectTerms,
    isSenderOrOrganizer: f.senderOrOrganizer,
    strength: f.participants.length > 0 ? 'participant' : 'subject',
  }));
  return { matches, unknownDomains };
}
