/**
 * AVG requests: everything stored about one person, found by email address or name, and a plan to
 * remove it. Pure: the UI loads the data, shows the findings and the plan, and carries the plan out
 * through the repository and write queue after confirmation.
 */
import { contactFields, contactsOf, formatContact, type Contact } from '../contacts';
import { containsFoldedWords, fold, foldedRanges, mergeRanges, replaceRanges } from '../foldedText';
import type { AgendaItem, Interaction, Partner } from '../model';
import { DAY_MS } from './types';
import { addCalendarMonths } from '../calendarMonths';

export interface PersonQuery {
  /**
   * An email address or a name, or some of its words ("de vries"), at least three characters: found as
   * whole words only, so that what is exported or removed is about this person and not about another
   * whose name holds theirs ("Jan de Vries" is not "Marjan de Vries").
   */
  text: string;
}

/** `proposal`: proposed the partner, or decided on the proposal, or is named in the decision's reason. */
export type PartnerRole = 'contact' | 'owner' | 'proposal';
/** `review`: the partner's answers in a relationship review; `edited`, `withdrawn`: corrected or withdrew it, or named in why. */
export type InteractionField = 'author' | 'title' | 'summary' | 'followUps' | 'review' | 'edited' | 'withdrawn';
export type AgendaField = 'owner' | 'topic' | 'nextStep';

export interface PersonFindings {
  query: string;
  /**
   * What identifies the person, folded (see foldedText.ts): the query, and when it is a whole name or
   * address the data pairs with another (a contact's name and address, an author's, an owner's), that too,
   * so a search by address also finds the notes that name the person.
   */
  identities: string[];
  /** Every other person the data knows, folded: never part of what is exported about this one. */
  others: string[];
  partners: Array<{ partner: Partner; roles: PartnerRole[]; contacts: Contact[] }>;
  interactions: Array<{ interaction: Interaction; fields: InteractionField[] }>;
  agenda: Array<{ item: AgendaItem; fields: AgendaField[] }>;
  /**
   * Confidential notes whose text the searcher could not read (only their author and site owners can:
   * ConfidentialNotes, ReadSecurity 2), so could not search: an inzage is complete only once someone who
   * can read them has searched too.
   */
  unreadable: number;
}

export interface PersonData {
  partners: Partner[];
  interactions: Interaction[];
  agenda: AgendaItem[];
}

export function isSearchable(query: PersonQuery): boolean {
  return fold(query.text).length >= 3;
}

/** The people the data knows, each as the names and addresses that belong together. */
export function knownPeople(data: PersonData): string[][] {
  const people: string[][] = [];
  const add = (...values: Array<string | undefined>) => {
    const person = values.filter((v): v is string => !!v && v.trim() !== '').map(fold);
    if (person.length > 0) people.push(person);
  };
  for (const p of data.partners) {
    for (const c of contactsOf(p)) add(c.address, c.name);
    add(p.ownerEmail, p.ownerName);
    add(p.proposal?.byEmail, p.proposal?.byName);
    add(p.proposal?.decision?.byEmail, p.proposal?.decision?.byName);
  }
  for (const i of data.interactions) {
    add(i.authorEmail, i.authorName);
    add(i.edited?.byEmail, i.edited?.byName);
    add(i.withdrawn?.byEmail, i.withdrawn?.byName);
  }
  for (const a of data.agenda) add(a.owner, a.ownerName);
  return people;
}

export function findPerson(query: PersonQuery, data: PersonData): PersonFindings {
  const text = query.text.trim();
  const folded = fold(text);
  if (!isSearchable(query)) return { query: text, identities: [], others: [], partners: [], interactions: [], agenda: [], unreadable: 0 };
  const people = knownPeople(data);
  const identities = new Set([folded]);
  for (const person of people) if (person.includes(folded)) for (const value of person) identities.add(value);
  const own = [...identities];
  const has = (value: string | undefined) => containsFoldedWords(value, own);
  const others = new Set<string>();
  for (const person of people) for (const value of person) if (value.length >= MIN_NAME_CHARS && !has(value)) others.add(value);

  const partners = data.partners
    .map((partner) => {
      const contacts = contactsOf(partner).filter((c) => has(c.address) || has(c.name));
      const roles: PartnerRole[] = [];
      if (contacts.length > 0) roles.push('contact');
      if (has(partner.ownerEmail) || has(partner.ownerName)) roles.push('owner');
      if (inProposal(partner.proposal, has)) roles.push('proposal');
      return { partner, roles, contacts };
    })
    .filter((x) => x.roles.length > 0);
  const interactions = data.interactions
    .map((interaction) => {
      const fields: InteractionField[] = [];
      if (has(interaction.authorEmail) || has(interaction.authorName)) fields.push('author');
      if (has(interaction.title)) fields.push('title');
      if (has(interaction.summary)) fields.push('summary');
      if (has(interaction.followUps)) fields.push('followUps');
      if (has(interaction.review?.goesWell) || has(interaction.review?.couldImprove)) fields.push('review');
      if (has(interaction.edited?.byEmail) || has(interaction.edited?.byName)) fields.push('edited');
      const w = interaction.withdrawn;
      if (has(w?.byEmail) || has(w?.byName) || has(w?.reason)) fields.push('withdrawn');
      return { interaction, fields };
    })
    .filter((x) => x.fields.length > 0)
    .sort((a, b) => b.interaction.date.localeCompare(a.interaction.date));
  const agenda = data.agenda
    .map((item) => {
      const fields: AgendaField[] = [];
      if (has(item.owner) || has(item.ownerName)) fields.push('owner');
      if (has(item.topic)) fields.push('topic');
      if (has(item.nextStep)) fields.push('nextStep');
      return { item, fields };
    })
    .filter((x) => x.fields.length > 0);
  // As the Woo request tells them (wooRequest.ts): confidential, and no text came back.
  const unreadable = data.interactions.filter((i) => i.confidential && !i.summary).length;
  return { query: text, identities: own, others: [...others], partners, interactions, agenda, unreadable };
}

function inProposal(proposal: Partner['proposal'], has: (value: string | undefined) => boolean): boolean {
  const d = proposal?.decision;
  return !!proposal && (has(proposal.byEmail) || has(proposal.byName) || has(d?.byEmail) || has(d?.byName) || has(d?.reason));
}

/** Shorter names (`Jo`) would be blanked out of ordinary words. */
const MIN_NAME_CHARS = 3;
const EMAIL_ADDRESS = /[^\s@<>(),;:"']+@[^\s@<>(),;:"']+\.[a-z]{2,}/gi;

/**
 * Free text as it may go out to this person: other people's names and addresses (those the data knows,
 * and any address at all that is not the person's) replaced by `redacted`; the person's own stay.
 */
function withoutOthers(text: string | undefined, findings: PersonFindings, redacted: string): string | undefined {
  if (!text) return text;
  const own = foldedRanges(text, findings.identities);
  const overlapsOwn = ([start, end]: readonly [number, number]) => own.some(([s, e]) => start < e && s < end);
  const addresses = [...text.matchAll(EMAIL_ADDRESS)].map((m): [number, number] => [m.index, m.index + m[0].length]);
  return replaceRanges(text, mergeRanges([...foldedRanges(text, findings.others), ...addresses].filter((r) => !overlapsOwn(r))), redacted);
}

export interface ExportOptions {
  exportedAt: Date;
  /** Put where another person's name or address stood in a note (the reader's language). */
  redacted: string;
  partnerName(id: string): string;
}

/**
 * The subject access export (AVG art. 15): what is stored about this person and nothing about anyone
 * else — their own contact entries, not the partner's other contacts; the owner only when it is them;
 * an author only when it is them; other people's names and addresses blanked out of the notes.
 */
export function personExport(findings: PersonFindings, options: ExportOptions): string {
  const clean = (text: string | undefined) => withoutOthers(text, findings, options.redacted);
  return JSON.stringify(
    {
      query: findings.query,
      exportedAt: options.exportedAt.toISOString(),
      partners: findings.partners.map(({ partner, roles, contacts }) => ({
        partner: partner.name,
        roles,
        ...(contacts.length > 0 ? { contacts: contacts.map(formatContact) } : {}),
        ...(roles.includes('owner') ? { ownerName: partner.ownerName, ownerEmail: partner.ownerEmail } : {}),
        ...(roles.includes('proposal') ? { proposal: ownProposal(partner.proposal!, findings, clean) } : {}),
      })),
      interactions: findings.interactions.map(({ interaction: i, fields }) => ({
        partner: options.partnerName(i.partnerId), date: i.date, kind: i.kind, department: i.department,
        ...(fields.includes('author') ? { authorName: i.authorName, authorEmail: i.authorEmail } : {}),
        title: clean(i.title), summary: clean(i.summary), followUps: clean(i.followUps),
        ...(i.review ? { review: { goesWell: clean(i.review.goesWell), couldImprove: clean(i.review.couldImprove) } } : {}),
        ...(i.edited ? { edited: { at: i.edited.at, ...ownMark(i.edited, findings) } } : {}),
        ...(i.withdrawn ? { withdrawn: { at: i.withdrawn.at, ...ownMark(i.withdrawn, findings), reason: clean(i.withdrawn.reason) } } : {}),
        confidential: i.confidential, wooRelevant: i.wooRelevant, matchedIn: fields,
      })),
      agenda: findings.agenda.map(({ item, fields }) => ({
        partner: options.partnerName(item.partnerId), topic: clean(item.topic), ...(containsFoldedWords(item.owner, findings.identities) || containsFoldedWords(item.ownerName, findings.identities) ? { owner: item.owner, ownerName: item.ownerName } : {}), status: item.status, dueDate: item.dueDate,
        nextStep: clean(item.nextStep), matchedIn: fields,
      })),
    },
    null,
    2,
  );
}

/** Who did it, only when it was this person. */
function ownMark(mark: { byName: string; byEmail: string }, findings: PersonFindings) {
  return containsFoldedWords(mark.byEmail, findings.identities) || containsFoldedWords(mark.byName, findings.identities) ? { byName: mark.byName, byEmail: mark.byEmail } : {};
}

function ownProposal(proposal: NonNullable<Partner['proposal']>, findings: PersonFindings, clean: (text: string | undefined) => string | undefined) {
  const d = proposal.decision;
  return { at: proposal.at, ...ownMark(proposal, findings), ...(d ? { decision: { kind: d.kind, at: d.at, ...ownMark(d, findings), ...(d.reason ? { reason: clean(d.reason) } : {}) } } : {}) };
}

export interface RemovalPlan {
  /** Partners with the person taken out of the contacts and/or the owner cleared. */
  partnerUpdates: Partner[];
  /** Agenda items with the person replaced by `placeholder`. */
  agendaUpdates: AgendaItem[];
  /**
   * Interactions that name the person. They are deleted, not edited: the repository has no update for
   * interactions (they are a log), and a note about a person is the personal data itself.
   */
  interactionDeletions: Interaction[];
}

/** What "remove this person" changes. Nothing happens until the caller carries it out. */
export function removalPlan(findings: PersonFindings, placeholder: string): RemovalPlan {
  const has = (value: string | undefined) => containsFoldedWords(value, findings.identities);
  const scrub = (value: string | undefined) => (value === undefined ? undefined : replaceRanges(value, foldedRanges(value, findings.identities), placeholder));
  return {
    partnerUpdates: findings.partners.map(({ partner, roles }) => ({
      ...partner,
      ...contactFields(contactsOf(partner).filter((c) => !has(c.address) && !has(c.name))),
      ...(roles.includes('owner') ? { ownerEmail: undefined, ownerName: undefined } : {}),
      ...(roles.includes('proposal') && partner.proposal ? { proposal: scrubbedProposal(partner.proposal, has, scrub, placeholder) } : {}),
    })),
    // The owner's address and name name the same person: either found, both go.
    agendaUpdates: findings.agenda.map(({ item, fields }) => ({
      ...item,
      ...(fields.includes('owner') ? { owner: placeholder, ownerName: item.ownerName === undefined ? undefined : placeholder } : {}),
      topic: scrub(item.topic) ?? '',
      nextStep: scrub(item.nextStep),
    })),
    interactionDeletions: findings.interactions.map(({ interaction }) => interaction),
  };
}

/** The proposal with this person's name and address, where they proposed or decided, and mentions in the reason, replaced. */
function scrubbedProposal(proposal: NonNullable<Partner['proposal']>, has: (value: string | undefined) => boolean, scrub: (value: string | undefined) => string | undefined, placeholder: string): NonNullable<Partner['proposal']> {
  const mark = <T extends { byName: string; byEmail: string }>(m: T): T => (has(m.byEmail) || has(m.byName) ? { ...m, byName: placeholder, byEmail: placeholder } : m);
  const d = proposal.decision;
  return { ...mark(proposal), ...(d ? { decision: { ...mark(d), ...(d.reason !== undefined ? { reason: scrub(d.reason) } : {}) } } : {}) };
}

/**
 * Interactions older than the retention period (in months), oldest first: flagged for deletion, not
 * deleted, because a Woo-relevant note may have to be kept longer; a person decides.
 */
export function retentionFlags<T extends Pick<Interaction, 'date'>>(interactions: T[], months: number, now: Date): T[] {
  if (!(months > 0)) return [];
  const iso = addCalendarMonths(now, -months).toISOString();
  return interactions.filter((i) => i.date < iso).sort((a, b) => a.date.localeCompare(b.date));
}

/** Days since, for showing how far past the retention an interaction is. */
export function daysSince(iso: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS);
}
