import { contactFields, contactsOf, formatContact, parseContact, type Contact } from '../contacts';

/** Contacts typed in one field or cell (the edit form, the CSV import). */
export { splitContacts } from '../contacts';
import { NOTE_MAX_CHARS, TEXT_MAX_CHARS } from '../fieldLimits';
import { isFreeMailDomain, normalizeRegisterDomain } from '../detection';
import { isEmailAddress } from '../emailAddress';
import type { Partner } from '../model';
import type { Message } from './types';

export { isEmailAddress };

/**
 * Domains as detection will read them: normalised (`https://www.x.nl` → `x.nl`), no public suffix,
 * no free-mail provider (gmail.com never identifies an organisation), no municipal domain, no repeats.
 */
export function validateDomains(inputs: string[], internalDomains: string[] = []): { domains: string[]; errors: Message[] } {
  const domains: string[] = [];
  const errors: Message[] = [];
  const internal = new Set(internalDomains.map((d) => d.toLowerCase()));
  for (const input of inputs) {
    if (!input.trim()) continue;
    const result = normalizeRegisterDomain(input);
    if (!result.ok) errors.push({ key: `partnerEdit.domain.${result.problem}`, params: { value: input.trim() } });
    else if (isFreeMailDomain(result.domain)) errors.push({ key: 'partnerEdit.domain.free-mail', params: { value: input.trim() } });
    // Also under one (`wijk.gemeente.nl`): detection leaves every host under an internal domain out (core/detection/partnerIndex.ts).
    else if ([...internal].some((d) => result.domain === d || result.domain.endsWith(`.${d}`))) errors.push({ key: 'partnerEdit.domain.internal', params: { value: input.trim() } });
    else if (!domains.includes(result.domain)) domains.push(result.domain);
  }
  return { domains, errors };
}

/** Contact addresses, each optionally with the person's name (`Henk van Dijk <h.vandijk@veenland.nl>`). */
export function validateContacts(inputs: string[]): Pick<Partner, 'contacts' | 'contactNames'> & { errors: Message[] } {
  const contacts: Contact[] = [];
  const errors: Message[] = [];
  for (const input of inputs) {
    if (!input.trim()) continue;
    const contact = parseContact(input);
    if (!isEmailAddress(contact.address)) errors.push({ key: 'partnerEdit.contact.invalid', params: { value: input.trim() } });
    else if (!contacts.some((c) => c.address === contact.address)) contacts.push(contact);
  }
  return { ...contactFields(contacts), errors };
}

/** Splits a list typed in one field or cell: by `|`, `;`, `,` or new lines. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '').split(/[|;,\n]/).map((s) => s.trim()).filter(Boolean);
}

/**
 * Names typed in one field or cell (aliases, themes): by `|` or new lines where the text has either (the export
 * writes `|`, and the edit form where a name holds a comma), so "Zorg, Welzijn en Wonen" comes back whole; else as
 * {@link splitList}.
 */
export function splitNames(value: string | undefined): string[] {
  const text = value ?? '';
  return /[|\n]/.test(text) ? text.split(/[|\n]/).map((s) => s.trim()).filter(Boolean) : splitList(text);
}

/** Names for one field, as {@link splitNames} reads them back: with `, ` unless a name holds a comma or `;`. */
export function joinNames(names: readonly string[]): string {
  return names.join(names.some((n) => /[,;]/.test(n)) ? ' | ' : ', ');
}

/** The partner columns an official types into, each as long as its list column lets it be (core/fieldLimits.ts). */
export type PartnerTextField = 'name' | 'aliases' | 'domains' | 'contacts' | 'ownerName' | 'ownerEmail' | 'themes' | 'description';

/**
 * The fields of a partner too long for their list column, with that column's maximum: as stored, the
 * lists one item per line (src/data/listFields.ts), contacts as `Name <address>`.
 */
export function partnerTooLong(partner: Partner): Array<{ field: PartnerTextField; max: number }> {
  const lines = (values: readonly string[]) => values.join('\n').length;
  const lengths: Record<PartnerTextField, [number, number]> = {
    name: [partner.name.length, TEXT_MAX_CHARS],
    ownerName: [partner.ownerName?.length ?? 0, TEXT_MAX_CHARS],
    ownerEmail: [partner.ownerEmail?.length ?? 0, TEXT_MAX_CHARS],
    aliases: [lines(partner.aliases), NOTE_MAX_CHARS],
    domains: [lines(partner.domains), NOTE_MAX_CHARS],
    contacts: [lines(contactsOf(partner).map(formatContact)), NOTE_MAX_CHARS],
    themes: [lines(partner.themes), NOTE_MAX_CHARS],
    description: [partner.description?.length ?? 0, NOTE_MAX_CHARS],
  };
  return (Object.entries(lengths) as Array<[PartnerTextField, [number, number]]>).filter(([, [length, max]]) => length > max).map(([field, [, max]]) => ({ field, max }));
}
