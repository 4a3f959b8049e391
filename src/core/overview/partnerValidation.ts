import { isFreeMailDomain, normalizeRegisterDomain } from '../detection';
import type { Message } from './types';

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value.trim());
}

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

export function validateContacts(inputs: string[]): { contacts: string[]; errors: Message[] } {
  const contacts: string[] = [];
  const errors: Message[] = [];
  for (const input of inputs) {
    const value = input.trim().toLowerCase();
    if (!value) continue;
    if (!isEmailAddress(value)) errors.push({ key: 'partnerEdit.contact.invalid', params: { value } });
    else if (!contacts.includes(value)) contacts.push(value);
  }
  return { contacts, errors };
}

/** Splits a list typed in one field or cell: by `|`, `;`, `,` or new lines. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '').split(/[|;,\n]/).map((s) => s.trim()).filter(Boolean);
}
