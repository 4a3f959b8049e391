/**
 * A partner's contact persons: an address, and the person's name where it is known. Typed, imported and
 * stored as one text per person, `Henk van Dijk <h.vandijk@veenland.nl>` or just the address, so a
 * register kept in Excel or SharePoint reads the same; detection only ever sees the addresses.
 */
import type { Partner } from './model';

export interface Contact {
  /** Lower-case. */
  address: string;
  name?: string;
}

const NAMED = /^\s*"?([^"<>]*?)"?\s*<([^<>\s]+)>\s*$/;

/** `Naam <adres>` or `adres`; the address lower-cased, a name without quotes or angle brackets. */
export function parseContact(text: string): Contact {
  const named = NAMED.exec(text);
  if (!named) return { address: text.trim().toLowerCase() };
  const name = cleanName(named[1]);
  return name ? { address: named[2].toLowerCase(), name } : { address: named[2].toLowerCase() };
}

export function formatContact(contact: Contact): string {
  const name = cleanName(contact.name ?? '');
  return name ? `${name} <${contact.address}>` : contact.address;
}

/** The partner's contacts as persons, in the register's order. */
export function contactsOf(partner: Pick<Partner, 'contacts' | 'contactNames'>): Contact[] {
  return partner.contacts.map((address) => {
    const name = partner.contactNames?.[address];
    return name ? { address, name } : { address };
  });
}

/** Back to the partner's two fields: the addresses, and the names of those that have one. */
export function contactFields(contacts: readonly Contact[]): Pick<Partner, 'contacts' | 'contactNames'> {
  const names: Record<string, string> = {};
  for (const c of contacts) if (c.name) names[c.address] = c.name;
  return { contacts: contacts.map((c) => c.address), ...(Object.keys(names).length > 0 ? { contactNames: names } : {}) };
}

function cleanName(name: string): string {
  return name.replace(/[<>"\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Splits contacts typed in one field or cell (by `|`, `;`, `,` or new lines, as lists are), except that a comma
 * ends a contact only once it has its address, and never inside quotes: a name written as Dutch lists write it stays whole
 * (`Jansen, P. <p.jansen@portaal.nl>, Bakker, J. <j.bakker@portaal.nl>` is two contacts).
 */
export function splitContacts(value: string | undefined): string[] {
  const contacts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of value ?? '') {
    if (ch === '"') quoted = !quoted;
    const ends = !quoted && (ch === '|' || ch === ';' || ch === '\n' || (ch === ',' && current.includes('@')));
    if (ends) {
      contacts.push(current);
      current = '';
    } else current += ch;
  }
  contacts.push(current);
  return contacts.map((s) => s.trim()).filter(Boolean);
}
