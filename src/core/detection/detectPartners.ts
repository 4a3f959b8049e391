/**
 * Who is this email or meeting with. Every match carries its evidence, and several matches are
 * returned ranked rather than one picked: the user decides.
 */
import { compareCodeUnits } from '../compareCodeUnits';
import { isAutomatedAddress } from './automatedSender';
import { displayNameOf, normalizeLocalPart, scanMailboxes } from './mailbox';
import { IndexedPartner, PartnerIndex } from './partnerIndex';
import type { DetectionMessage, DetectionResult, ParticipantEvidence, ParticipantRole, PartnerMatch } from './types';

import { MAX_PARTICIPANTS } from './messageKeys';

export { MAX_PARTICIPANTS };

const ROLE_ORDER: Record<ParticipantRole, number> = { from: 0, sender: 1, organizer: 2, to: 3, cc: 4, attendee: 5 };
/** Up to this many, a linear scan beats hashing; typical messages stay below it. */
const SMALL = 24;

/**
 * One partner's evidence while a message is read. Reused across messages (see `Collector`); only
 * its two lists go to the caller, so those are fresh per message, made on their first entry.
 */
class Found {
  partner = 0;
  participants: ParticipantEvidence[] = NO_EVIDENCE;
  subjectTerms: string[] = NO_TERMS;
  senderOrOrganizer = false;
  contact = false;

  reset(partner: number): this {
    this.partner = partner;
    this.participants = NO_EVIDENCE;
    this.subjectTerms = NO_TERMS;
    this.senderOrOrganizer = false;
    this.contact = false;
    return this;
  }

  addParticipant(evidence: ParticipantEvidence): void {
    // A literal for the first: `[]` and push would reserve room for 17, for one or two entries.
    if (this.participants === NO_EVIDENCE) this.participants = [evidence];
    else this.participants.push(evidence);
  }

  addSubjectTerm(term: string): void {
    if (this.subjectTerms === NO_TERMS) this.subjectTerms = [term];
    else if (!this.subjectTerms.includes(term)) this.subjectTerms.push(term);
  }
}

/** Placeholders for "none yet", never handed out or written to. */
const NO_EVIDENCE: ParticipantEvidence[] = [];
const NO_TERMS: string[] = [];

/**
 * Sorts `list[0, n)` in place, as `sort` would (stably), by insertion for the few entries a message
 * has: `Array.prototype.sort` sets up work arrays on every call, and three sorts per message made
 * them a large share of detection's garbage.
 */
function sortSmall<T>(list: T[], n: number, compare: (a: T, b: T) => number): T[] {
  if (n > SMALL) {
    const sorted = list.slice(0, n).sort(compare);
    for (let i = 0; i < n; i++) list[i] = sorted[i];
    return list;
  }
  for (let i = 1; i < n; i++) {
    const x = list[i];
    let j = i - 1;
    for (; j >= 0 && compare(list[j], x) > 0; j--) list[j + 1] = list[j];
    list[j + 1] = x;
  }
  return list;
}

function byRoleThenAddress(a: ParticipantEvidence, b: ParticipantEvidence): number {
  return ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || compareCodeUnits(a.address, b.address);
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
  /**
   * `seenList[0, seenCount)` and `found[0, foundCount)` are this message's. Counts, not `length = 0`:
   * emptying an array drops its storage, and every message then allocated it anew.
   */
  readonly seenList: string[] = [];
  seenCount = 0;
  seenSet: Set<string> | undefined;
  /** Found objects, reused from message to message. */
  readonly found: Found[] = [];
  foundCount = 0;
  foundMap: Map<number, Found> | undefined;
  /** Handed to the caller, so a fresh array per message, made only when needed. */
  unknown: string[] | undefined;

  reset(index: PartnerIndex): void {
    this.index = index;
    this.budget = MAX_PARTICIPANTS;
    this.seenCount = 0;
    this.seenSet = undefined;
    this.foundCount = 0;
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
    const n = this.seenCount;
    for (let i = 0; i < n; i++) if (list[i] === address) return false;
    if (n === list.length) list.push(address);
    else list[n] = address;
    this.seenCount = n + 1;
    if (n + 1 > SMALL) this.seenSet = new Set(list.slice(0, n + 1));
    return true;
  }

  entry(partner: number): Found {
    const found = this.found;
    const n = this.foundCount;
    let f: Found | undefined;
    if (this.foundMap) f = this.foundMap.get(partner);
    else for (let i = 0; i < n && !f; i++) if (found[i].partner === partner) f = found[i];
    if (!f) {
      if (n === found.length) found.push(new Found());
      f = found[n].reset(partner);
      this.foundCount = n + 1;
      if (this.foundMap) this.foundMap.set(partner, f);
      else if (n + 1 > SMALL) this.foundMap = new Map(found.slice(0, n + 1).map((x) => [x.partner, x]));
    }
    return f;
  }

  readonly take = (raw: string, nameSource: string, nameStart: number, nameEnd: number): void => {
    if (this.budget <= 0) return;
    this.budget--;
    const at = raw.lastIndexOf('@');
    if (at <= 0) return;
    const info = this.index.hostInfoAt(raw, at + 1);
    // Internal participants never count, not even when listed as a contact: the own organisation is
    // never the partner.
    if (info.kind === 'invalid' || info.kind === 'ignored' || info.kind === 'internal') return;
    const state = localPartState(raw, at);
    if (state < 0) return;
    let address: string;
    if (state === 0 && info.asWritten === true) address = raw; // already normal: no new string
    else {
      const local = normalizeLocalPart(raw.slice(0, at));
      if (local === undefined) return;
      address = `${local}@${info.host}`;
    }
    if (!this.firstSighting(address)) return; // first role wins; roles are read in a fixed order
    const index = this.index;
    if (index.ignoredAddresses.size > 0 && index.ignoredAddresses.has(address)) return;

    // Most hosts carry no register contact at all (unknown firms, a partner's other domains): skip
    // the lookup in the largest map of the index for them.
    const byContact = info.hasContacts ? index.contacts.get(address) : undefined;
    const partners = byContact ?? (info.kind === 'partner' ? info.partners : undefined);
    if (partners === undefined) {
      if (info.kind === 'unknown' && info.registrable !== undefined) {
        if (isAutomatedAddress(address)) return;
        // A literal for the first: `[]` and push would reserve room for 17.
        const unknown = this.unknown;
        if (unknown === undefined) this.unknown = [info.registrable];
        else if (!unknown.includes(info.registrable)) unknown.push(info.registrable);
      }
      return;
    }
    const automated = isAutomatedAddress(address);
    const displayName = displayNameOf(nameSource, nameStart, nameEnd);
    const role = this.role;
    const lead = role === 'from' || role === 'sender' || role === 'organizer';
    const via = byContact ? 'contact' : 'domain';
    const domain = byContact ? undefined : info.domain;
    for (let k = 0; k < partners.length; k++) {
      // Every field in one literal: one object shape for all evidence keeps property access fast.
      const evidence: ParticipantEvidence = { address, displayName, role, via, domain, automated };
      const f = this.entry(partners[k]);
      f.addParticipant(evidence);
      if (lead) f.senderOrOrganizer = true;
      if (byContact) f.contact = true;
    }
  };

  readonly subjectTerm = (partner: number, term: string): void => {
    this.entry(partner).addSubjectTerm(term);
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

/** `nameOrder` of the register being ranked, for `byRank`; a module-level comparator spares a closure per message. */
let rankingOrder: Int32Array = NO_INDEX.nameOrder;

function byRank(a: Found, b: Found): number {
  return (
    b.participants.length - a.participants.length ||
    Number(b.senderOrOrganizer) - Number(a.senderOrOrganizer) ||
    Number(b.contact) - Number(a.contact) ||
    rankingOrder[a.partner] - rankingOrder[b.partner]
  );
}

/** The caller's copy of one pooled `Found`; its lists become the caller's. */
function matchOf(f: Found, partner: IndexedPartner): PartnerMatch {
  const count = f.participants.length;
  return {
    partnerId: partner.id,
    name: partner.name,
    participants: count === 0 ? [] : count > 1 ? sortSmall(f.participants, count, byRoleThenAddress) : f.participants,
    subjectTerms: f.subjectTerms === NO_TERMS ? [] : f.subjectTerms,
    isSenderOrOrganizer: f.senderOrOrganizer,
    strength: count > 0 ? 'participant' : 'subject',
  };
}

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
  const n = c.foundCount;
  const unknownDomains = c.unknown ? sortSmall(c.unknown, c.unknown.length, compareCodeUnits) : [];
  c.index = NO_INDEX;
  if (n === 0) return { matches: [], unknownDomains };

  // Participant count first puts every subject-only match (count 0) after every participant match.
  if (n > 1) {
    rankingOrder = index.nameOrder;
    sortSmall(found, n, byRank);
    rankingOrder = NO_INDEX.nameOrder;
  }

  const partners = index.partners;
  // Sized up front: growing by `push` reserved room for 17.
  const matches = new Array<PartnerMatch>(n);
  for (let i = 0; i < n; i++) {
    matches[i] = matchOf(found[i], partners[found[i].partner]);
    found[i].reset(0); // pooled: keep no reference to what the caller now owns
  }
  c.foundCount = 0;
  return { matches, unknownDomains };
}
