/**
 * AVG requests: everything stored about one person, found by email address or name, and a plan to
 * remove it. Pure: the UI loads the data, shows the findings and the plan, and carries the plan out
 * through the repository and write queue after confirmation.
 */
import type { AgendaItem, Interaction, Partner } from '../model';
import { DAY_MS } from './types';

export interface PersonQuery {
  /** An email address or (part of) a name, at least three characters. */
  text: string;
}

export type PartnerRole = 'contact' | 'owner';
export type InteractionField = 'author' | 'title' | 'summary' | 'followUps';

export interface PersonFindings {
  query: string;
  partners: Array<{ partner: Partner; roles: PartnerRole[] }>;
  interactions: Array<{ interaction: Interaction; fields: InteractionField[] }>;
  agenda: Array<{ item: AgendaItem; fields: Array<'owner' | 'topic' | 'nextStep'> }>;
}

export function isSearchable(query: PersonQuery): boolean {
  return query.text.trim().length >= 3;
}

function matcher(text: string): (value: string | undefined) => boolean {
  const needle = text.trim().toLowerCase();
  return (value) => !!value && value.toLowerCase().includes(needle);
}

export function findPerson(query: PersonQuery, data: { partners: Partner[]; interactions: Interaction[]; agenda: AgendaItem[] }): PersonFindings {
  const text = query.text.trim();
  if (!isSearchable(query)) return { query: text, partners: [], interactions: [], agenda: [] };
  const has = matcher(text);
  const partners = data.partners
    .map((partner) => {
      const roles: PartnerRole[] = [];
      if (partner.contacts.some(has)) roles.push('contact');
      if (has(partner.ownerEmail) || has(partner.ownerName)) roles.push('owner');
      return { partner, roles };
    })
    .filter((x) => x.roles.length > 0);
  const interactions = data.interactions
    .map((interaction) => {
      const fields: InteractionField[] = [];
      if (has(interaction.authorEmail) || has(interaction.authorName)) fields.push('author');
      if (has(interaction.title)) fields.push('title');
      if (has(interaction.summary)) fields.push('summary');
      if (has(interaction.followUps)) fields.push('followUps');
      return { interaction, fields };
    })
    .filter((x) => x.fields.length > 0)
    .sort((a, b) => b.interaction.date.localeCompare(a.interaction.date));
  const agenda = data.agenda
    .map((item) => {
      const fields: Array<'owner' | 'topic' | 'nextStep'> = [];
      if (has(item.owner) || has(item.ownerName)) fields.push('owner');
      if (has(item.topic)) fields.push('topic');
      if (has(item.nextStep)) fields.push('nextStep');
      return { item, fields };
    })
    .filter((x) => x.fields.length > 0);
  return { query: text, partners, interactions, agenda };
}

/** The subject access export (AVG art. 15): what is stored, as plain JSON. */
export function personExport(findings: PersonFindings, exportedAt: Date): string {
  return JSON.stringify(
    {
      query: findings.query,
      exportedAt: exportedAt.toISOString(),
      partners: findings.partners.map(({ partner, roles }) => ({ partner: partner.name, roles, contacts: partner.contacts, ownerName: partner.ownerName, ownerEmail: partner.ownerEmail })),
      interactions: findings.interactions.map(({ interaction: i, fields }) => ({
        partnerId: i.partnerId, date: i.date, kind: i.kind, department: i.department, authorName: i.authorName, authorEmail: i.authorEmail,
        title: i.title, summary: i.summary, followUps: i.followUps, confidential: i.confidential, wooRelevant: i.wooRelevant, matchedIn: fields,
      })),
      agenda: findings.agenda.map(({ item, fields }) => ({ partnerId: item.partnerId, topic: item.topic, owner: item.owner, ownerName: item.ownerName, status: item.status, dueDate: item.dueDate, nextStep: item.nextStep, matchedIn: fields })),
    },
    null,
    2,
  );
}

export interface RemovalPlan {
  /** Partners with the address taken out of the contacts and/or the owner cleared. */
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
  const has = matcher(findings.query);
  const scrub = (value: string | undefined) => (value === undefined ? undefined : has(value) ? value.replace(new RegExp(escapeRegExp(findings.query), 'gi'), placeholder) : value);
  return {
    partnerUpdates: findings.partners.map(({ partner, roles }) => ({
      ...partner,
      contacts: partner.contacts.filter((c) => !has(c)),
      ...(roles.includes('owner') ? { ownerEmail: undefined, ownerName: undefined } : {}),
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

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Interactions older than the retention period (in months), oldest first: flagged for deletion, not
 * deleted, because a Woo-relevant note may have to be kept longer; a person decides.
 */
export function retentionFlags<T extends Pick<Interaction, 'date'>>(interactions: T[], months: number, now: Date): T[] {
  if (!(months > 0)) return [];
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const iso = cutoff.toISOString();
  return interactions.filter((i) => i.date < iso).sort((a, b) => a.date.localeCompare(b.date));
}

/** Days since, for showing how far past the retention an interaction is. */
export function daysSince(iso: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS);
}
