import { contactFields, parseContact, type Contact } from '../contacts';
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
    else if (internal.has(result.domain)) errors.push({ key: 'partnerEdit.domain.internal', params: { value: input.trim() } });
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
