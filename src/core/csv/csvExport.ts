/**
 * CSV export of partners, interactions and agenda for a person to read in Excel: headings, kinds,
 * categories, statuses, dates and yes/no in the reader's language (`CsvWords`), `;`-separated and UTF-8
 * with BOM so Dutch Excel splits the columns and picks the encoding. The partner register also carries
 * its category as a code, so an exported register imports again in either language (registerImport.ts).
 * Cells that a spreadsheet would run as a formula are neutralised: a note titled "=HYPERLINK(...)" must
 * stay text when a colleague opens the file.
 */
import Papa from 'papaparse';
import { isOverdue, ownerLabel } from '../agenda';
import type { AgendaItem, Interaction, InteractionTexts, Partner } from '../model';
import { isEmailAddress } from '../overview/partnerValidation';
import { choiceMessage, type ChoiceGroup, type Message } from '../overview/types';
import { contactsOf, formatContact } from '../contacts';

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** How the export says things: catalogue messages and dates in the reader's language. */
export interface CsvWords {
  say(message: Message): string;
  /** A date as a spreadsheet in that language reads it (`26-11-2026`). */
  date(iso: string | undefined): string;
}

type Cell = string | number | boolean | undefined;

export function toCsv(words: CsvWords, heading: string[], rows: Cell[][]): string {
  const yes = words.say({ key: 'common.yes' });
  const no = words.say({ key: 'common.no' });
  const data = rows.map((row) => row.map((v) => neutraliseCell(v === undefined ? '' : typeof v === 'boolean' ? (v ? yes : no) : String(v))));
  return `\uFEFF${Papa.unparse({ fields: heading, data }, { delimiter: ';', newline: '\r\n', quotes: false })}\r\n`;
}

const list = (values: string[]) => values.join('|');
const label = (words: CsvWords, key: string) => words.say({ key });
const choice = (words: CsvWords, group: ChoiceGroup, value: string) => words.say(choiceMessage(group, value));
const headings = (words: CsvWords, keys: string[]) => keys.map((k) => label(words, `csv.head.${k}`));

/** The register as the import reads it back (headings in either language are recognised there). */
export function partnersCsv(partners: Partner[], words: CsvWords): string {
  return toCsv(
    words,
    headings(words, ['name', 'category', 'categoryCode', 'aliases', 'domains', 'contacts', 'ownerName', 'ownerEmail', 'themes', 'rhythmDays', 'status', 'description', 'lastContact', 'interactionCount']),
    partners.map((p) => [
      p.name, choice(words, 'category', p.category), p.category, list(p.aliases), list(p.domains), list(contactsOf(p).map(formatContact)), p.ownerName, p.ownerEmail, list(p.themes),
      p.rhythmDays, choice(words, 'partner.status', p.status), p.description, words.date(p.lastContact), p.interactionCount,
    ]),
  );
}

/** An interaction as the overview holds it: its facts, and texts only where it has them. */
type InteractionFacts = Pick<Interaction, 'partnerId' | 'date' | 'kind' | 'department' | 'authorName' | 'title' | 'themes'> & Partial<Interaction>;
export type ExportedInteraction = InteractionFacts & Pick<Interaction, 'wooRelevant' | 'confidential'>;

/**
 * The overview's interactions with the texts read for the export, by item id. An interaction logged
 * here and not read back yet keeps the texts it was logged with; the score comes from the overview.
 */
export function withTexts(interactions: readonly InteractionFacts[], texts: ReadonlyMap<string, InteractionTexts>): ExportedInteraction[] {
  return interactions.map((i) => {
    const read = texts.get(i.id ?? '');
    const answers = read?.review ?? i.review;
    const review = i.review || answers ? { goesWell: answers?.goesWell ?? '', couldImprove: answers?.couldImprove ?? '', score: i.review?.score ?? 0 } : undefined;
    return { ...i, wooRelevant: !!i.wooRelevant, confidential: !!i.confidential, followUps: read?.followUps ?? i.followUps, review };
  });
}

/**
 * Interactions with their follow-ups, the Woo flag and a review's score and answers; the summary is
 * left out (the export is a register of contacts, not of everyone's notes), and so is every text of a
 * confidential interaction: only its author may read that.
 */
export function interactionsCsv(interactions: ExportedInteraction[], partnerNames: ReadonlyMap<string, string>, words: CsvWords): string {
  return toCsv(
    words,
    headings(words, ['partner', 'date', 'kind', 'department', 'author', 'authorEmail', 'title', 'themes', 'followUps', 'confidential', 'wooRelevant', 'reviewScore', 'reviewGoesWell', 'reviewCouldImprove']),
    interactions.map((i) => {
      const text = (value: string | undefined) => (i.confidential ? '' : value);
      return [
        partnerNames.get(i.partnerId) ?? i.partnerId, words.date(i.date), choice(words, 'kind', i.kind), i.department, i.authorName, i.authorEmail, i.title, list(i.themes),
        text(i.followUps), i.confidential, i.wooRelevant, i.review?.score || undefined, text(i.review?.goesWell), text(i.review?.couldImprove),
      ];
    }),
  );
}

export function agendaCsv(agenda: AgendaItem[], partnerNames: ReadonlyMap<string, string>, words: CsvWords, context: { officialNames: ReadonlyMap<string, string>; now: Date }): string {
  return toCsv(
    words,
    headings(words, ['partner', 'topic', 'direction', 'owner', 'ownerAddress', 'status', 'dueDate', 'overdue', 'nextStep']),
    agenda.map((a) => [
      partnerNames.get(a.partnerId) ?? a.partnerId, a.topic, choice(words, 'agenda.direction', a.direction), ownerLabel(a, context.officialNames),
      isEmailAddress(a.owner) ? a.owner : undefined, choice(words, 'agenda.status', a.status), words.date(a.dueDate), isOverdue(a, context.now), a.nextStep,
    ]),
  );
}
