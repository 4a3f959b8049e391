/**
 * CSV export of partners, interactions and agenda in the shape the import reads back (Dutch Excel:
 * `;`, UTF-8 with BOM so Excel picks the encoding). Cells that a spreadsheet would run as a formula
 * are neutralised: a note titled "=HYPERLINK(...)" must stay text when a colleague opens the file.
 */
import Papa from 'papaparse';
import { contactsOf, formatContact } from '../contacts';
import type { AgendaItem, Interaction, Partner } from '../model';

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function toCsv(heading: string[], rows: Array<Array<string | number | boolean | undefined>>): string {
  const data = rows.map((row) => row.map((v) => neutraliseCell(v === undefined ? '' : typeof v === 'boolean' ? (v ? 'ja' : 'nee') : String(v))));
  return `\uFEFF${Papa.unparse({ fields: heading, data }, { delimiter: ';', newline: '\r\n', quotes: false })}\r\n`;
}

const list = (values: string[]) => values.join('|');

export function partnersCsv(partners: Partner[]): string {
  return toCsv(
    ['Naam', 'Categorie', 'Aliassen', 'Domeinen', 'Contacten', 'Accounthouder', 'Accounthouder e-mail', "Thema's", 'Ritme', 'Status', 'Omschrijving', 'Laatste contact', 'Aantal contacten'],
    partners.map((p) => [p.name, p.category, list(p.aliases), list(p.domains), list(contactsOf(p).map(formatContact)), p.ownerName, p.ownerEmail, list(p.themes), p.rhythmDays, p.status, p.description, p.lastContact, p.interactionCount]),
  );
}

/** Interactions as the overview holds them; summary and follow-ups are exported when present. */
export function interactionsCsv(interactions: Array<Partial<Interaction> & Pick<Interaction, 'partnerId' | 'date' | 'kind' | 'department' | 'authorName' | 'title' | 'themes' | 'wooRelevant' | 'confidential'>>, partnerNames: Map<string, string>): string {
  return toCsv(
    ['Partner', 'Datum', 'Soort', 'Afdeling', 'Auteur', 'Auteur e-mail', 'Titel', "Thema's", 'Samenvatting', 'Vervolgacties', 'Vertrouwelijk', 'Woo-relevant'],
    interactions.map((i) => [
      partnerNames.get(i.partnerId) ?? i.partnerId, i.date, i.kind, i.department, i.authorName, i.authorEmail, i.title, list(i.themes),
      i.confidential ? '' : i.summary, i.confidential ? '' : i.followUps, i.confidential, i.wooRelevant,
    ]),
  );
}

export function agendaCsv(agenda: AgendaItem[], partnerNames: Map<string, string>): string {
  return toCsv(
    ['Partner', 'Onderwerp', 'Richting', 'Eigenaar', 'Status', 'Uiterlijk', 'Volgende stap'],
    agenda.map((a) => [partnerNames.get(a.partnerId) ?? a.partnerId, a.topic, a.direction, a.owner, a.status, a.dueDate, a.nextStep]),
  );
}
