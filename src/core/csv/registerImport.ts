/**
 * Import of a partner register as a municipality keeps it in Excel: `;`-separated (Dutch Excel) or
 * `,`-separated, with or without a byte-order mark, quoted fields, UTF-8 or Windows-1252 (`decodeCsvBytes`). Pure: parse → rows with errors →
 * the caller shows a preview and writes only the valid, non-duplicate rows after confirmation.
 */
import Papa from 'papaparse';
import { fold } from '../foldedText';
import { PARTNER_CATEGORIES, PARTNER_STATUSES, type Partner, type PartnerCategory, type PartnerStatus } from '../model';
import { isEmailAddress, partnerTooLong, splitContacts, splitList, splitNames, validateContacts, validateDomains } from '../overview/partnerValidation';
import type { Message } from '../overview/types';

export const IMPORT_LIMITS = { maxBytes: 2_000_000, maxRows: 5_000 } as const;

type Field = 'name' | 'category' | 'categoryCode' | 'aliases' | 'domains' | 'contacts' | 'ownerName' | 'ownerEmail' | 'themes' | 'rhythmDays' | 'status' | 'description';

/** Accepted column headings (compared without case, spaces, accents or punctuation), Dutch first. */
const HEADINGS: Record<Field, string[]> = {
  name: ['naam', 'partner', 'organisatie', 'name'],
  category: ['categorie', 'soort', 'category'],
  // The export's code column: its category column holds the label in the exporter's language.
  categoryCode: ['categoriecode', 'categorycode'],
  aliases: ['aliassen', 'alias', 'afkortingen', 'aliases'],
  domains: ['domeinen', 'domein', 'website', 'domains', 'domain'],
  contacts: ['contacten', 'contactadressen', 'contactpersonen', 'contacts'],
  ownerName: ['accounthouder', 'relatiebeheerder', 'owner', 'ownername', 'relationshipowner'],
  ownerEmail: ['accounthouderemail', 'accounthouderemailadres', 'relatiebeheerderemail', 'owneremail', 'relationshipowneremail'],
  themes: ['themas', 'thema', 'themes'],
  rhythmDays: ['ritme', 'ritmedagen', 'contactritme', 'rhythm', 'rhythmdays'],
  status: ['status'],
  description: ['omschrijving', 'beschrijving', 'description'],
};

/**
 * Category labels that are not the code itself, squashed (see `squash`): the Dutch and English labels the export
 * writes (src/i18n, kept equal by tests/core/overview/csv.test.ts), and the American spellings.
 */
const CATEGORY_WORDS: Record<string, PartnerCategory> = {
  zorgorganisatie: 'zorg', verbondenpartij: 'verbonden-partij',
  housingcorporation: 'woningcorporatie', hospital: 'ziekenhuis', careorganisation: 'zorg', careorganization: 'zorg', education: 'onderwijs',
  company: 'bedrijf', neighbouringmunicipality: 'buurgemeente', neighboringmunicipality: 'buurgemeente', affiliatedparty: 'verbonden-partij', other: 'overig',
};

/** The category a cell names (its code, or a label), undefined when it names none. */
export function categoryOfCell(text: string): PartnerCategory | undefined {
  const key = squash(text);
  return PARTNER_CATEGORIES.find((c) => squash(c) === key) ?? CATEGORY_WORDS[key];
}

const STATUS_WORDS: Record<string, PartnerStatus> = { actief: 'active', active: 'active', voorgesteld: 'proposed', proposed: 'proposed', inactief: 'inactive', inactive: 'inactive' };

/** Undoes the export's `neutraliseCell` (`'=x` → `=x`), so an exported register imports as it was. */
function restoreCell(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

function squash(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

export interface ImportRow {
  /** Line in the file, counting the heading as line 1 (as Excel shows it). */
  line: number;
  name: string;
  /** Present when the row is valid. */
  partner?: Partner;
  errors: Message[];
  /** Name or domain already in the register or earlier in the file: skipped, not an error to fix. */
  duplicate?: Message;
}

export type ImportResult = { ok: false; error: Message } | { ok: true; rows: ImportRow[]; separator: string; unknownColumns: string[] };

export interface ImportOptions {
  existing: Partner[];
  internalDomains?: string[];
  newId: () => string;
  limits?: { maxBytes: number; maxRows: number };
}

/**
 * A file's text: UTF-8 (with or without a byte-order mark) when it is valid UTF-8, else Windows-1252, which is
 * what Dutch Excel writes when a sheet is saved as plain "CSV (gescheiden door lijstscheidingsteken)": read as
 * UTF-8, "Café" would come in as "Caf\uFFFD" without a word said.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // 0x80–0x9F as Windows-1252 has them (€, ‘, ’, “, ”, …): browsers' decoder does so (WHATWG Encoding), Node's
    // reads them as the C1 controls of Latin-1.
    let text = '';
    for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] ?? '\uFFFD') : String.fromCharCode(byte);
    return text;
  }
}

/** Windows-1252 at 0x80–0x9F (the five bytes it leaves undefined as U+FFFD); every other byte is its Latin-1 character. */
const WINDOWS_1252_HIGH = [...'€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ'];

/**
 * The separator, from the heading line (every column of it is named, so each separator there is one): the most
 * frequent of `;`, `,` and tab outside quotes. None: a file of one column, whose cells may hold commas
 * ("GGD Noord, afdeling Jeugd"), so it is read with a separator the text does not hold.
 */
function separatorOf(body: string): string {
  const counts = new Map([[';', 0], [',', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of body) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  const [best, count] = [...counts].sort((a, b) => b[1] - a[1])[0];
  return count > 0 ? best : '\u001f';
}

const isBlankRecord = (record: string[]) => record.every((cell) => !cell.trim());

export function parseRegisterCsv(text: string, options: ImportOptions): ImportResult {
  const limits = options.limits ?? IMPORT_LIMITS;
  if (text.length > limits.maxBytes) return { ok: false, error: { key: 'csv.error.tooLarge', params: { max: Math.round(limits.maxBytes / 1000) } } };
  const withoutBom = text.replace(/^\uFEFF/, '');
  // Blank lines before the heading are left out, and counted: Excel numbers its rows from the file's first line.
  const leading = /^(?:[ \t]*\r?\n)*/.exec(withoutBom)![0];
  const offset = leading.split('\n').length - 1;
  const body = withoutBom.slice(leading.length);
  if (!body.trim()) return { ok: false, error: { key: 'csv.error.empty' } };
  // Every record kept, blank ones too, so that a row's number is the one Excel shows it under.
  const parsed = Papa.parse<string[]>(body, { delimiter: separatorOf(body), skipEmptyLines: false });
  // A quote left open swallows every row after it into one cell: refused whole, with the row to look at.
  const quotes = parsed.errors.find((e) => e.type === 'Quotes');
  if (quotes) return { ok: false, error: { key: 'csv.error.quotes', params: { line: (quotes.row ?? 0) + 1 + offset } } };
  const [heading, ...all] = parsed.data;
  if (!heading) return { ok: false, error: { key: 'csv.error.empty' } };
  const records = all.map((record, index) => ({ record, line: index + 2 + offset })).filter(({ record }) => !isBlankRecord(record));
  if (records.length > limits.maxRows) return { ok: false, error: { key: 'csv.error.tooManyRows', params: { count: records.length, max: limits.maxRows } } };
  const columns = new Map<Field, number>();
  const unknownColumns: string[] = [];
  heading.forEach((h, index) => {
    const key = squash(h);
    const field = (Object.keys(HEADINGS) as Field[]).find((f) => HEADINGS[f].includes(key));
    if (field && !columns.has(field)) columns.set(field, index);
    else if (h.trim()) unknownColumns.push(h.trim());
  });
  if (!columns.has('name')) return { ok: false, error: { key: 'csv.error.noNameColumn' } };

  // Names compare folded (case, accents, spaces of any kind): "Fryslân" and "fryslan" are one partner.
  const names = new Map(options.existing.map((p) => [fold(p.name), p.name]));
  const domains = new Map<string, string>();
  for (const p of options.existing) for (const d of p.domains) domains.set(d, p.name);
  const rows: ImportRow[] = records.map(({ record, line }) => {
    const cell = (f: Field) => {
      const i = columns.get(f);
      return i === undefined ? '' : restoreCell((record[i] ?? '').trim());
    };
    // A single line of text in SharePoint: a line break typed inside a quoted cell becomes a space.
    const line1 = (f: Field) => cell(f).replace(/\s*[\r\n]+\s*/g, ' ');
    const name = line1('name');
    const errors: Message[] = [];
    if (!name) errors.push({ key: 'csv.row.nameMissing' });
    // The label first: it is what a person reads and changes in an exported file, whose code column then still
    // says the old category; the code where the label names none (another language, a choice added in SharePoint).
    const categoryCell = cell('category') || cell('categoryCode');
    const category = categoryCell ? (categoryOfCell(cell('category')) ?? categoryOfCell(cell('categoryCode'))) : 'overig';
    if (!category) errors.push({ key: 'csv.row.category', params: { value: categoryCell } });
    const checkedDomains = validateDomains(splitList(cell('domains')), options.internalDomains);
    errors.push(...checkedDomains.errors);
    const checkedContacts = validateContacts(splitContacts(cell('contacts')));
    errors.push(...checkedContacts.errors);
    const ownerEmail = cell('ownerEmail').toLowerCase();
    if (ownerEmail && !isEmailAddress(ownerEmail)) errors.push({ key: 'csv.row.ownerEmail', params: { value: ownerEmail } });
    const rhythmText = cell('rhythmDays');
    // Digits only: Number() would read "1.000" (a thousand, in Dutch) as 1, and "0x5A" or "9e1" as 90.
    const rhythmDays = rhythmText ? (/^\d+$/.test(rhythmText) ? Number(rhythmText) : NaN) : undefined;
    if (rhythmDays !== undefined && (!Number.isInteger(rhythmDays) || rhythmDays < 1 || rhythmDays > 3650)) errors.push({ key: 'csv.row.rhythm', params: { value: rhythmText } });
    const statusText = cell('status').toLowerCase();
    const status: PartnerStatus | undefined = statusText ? STATUS_WORDS[statusText] : 'active';
    if (!status || !PARTNER_STATUSES.includes(status)) errors.push({ key: 'csv.row.status', params: { value: cell('status') } });

    const candidate: Omit<Partner, 'id'> = {
      name,
      category: category ?? 'overig',
      aliases: splitNames(cell('aliases')),
      domains: checkedDomains.domains,
      contacts: checkedContacts.contacts,
      contactNames: checkedContacts.contactNames,
      ownerName: line1('ownerName') || undefined,
      ownerEmail: ownerEmail || undefined,
      themes: splitNames(cell('themes')).map((t) => t.toLowerCase()),
      description: cell('description') || undefined,
      rhythmDays,
      status: status ?? 'active',
      interactionCount: 0,
    };
    // Each field comes from one column, so the column the list would refuse is the one to name.
    for (const { field, max } of partnerTooLong({ id: '', ...candidate })) errors.push({ key: 'csv.row.tooLong', params: { column: heading[columns.get(field)!].trim(), max } });

    let duplicate: Message | undefined;
    if (name) {
      const sameName = names.get(fold(name));
      const sameDomain = checkedDomains.domains.find((d) => domains.has(d));
      if (sameName) duplicate = { key: 'csv.row.duplicateName', params: { name: sameName } };
      else if (sameDomain) duplicate = { key: 'csv.row.duplicateDomain', params: { domain: sameDomain, name: domains.get(sameDomain)! } };
    }
    if (errors.length > 0 || duplicate || !category || !status) return { line, name, errors, duplicate };
    // Later rows are checked against this one too: a file that lists a partner twice imports it once.
    names.set(fold(name), name);
    for (const d of checkedDomains.domains) domains.set(d, name);
    const partner: Partner = { id: options.newId(), ...candidate };
    return { line, name, errors, partner };
  });
  return { ok: true, rows, separator: parsed.meta.delimiter === '\u001f' ? '' : parsed.meta.delimiter, unknownColumns };
}
