/**
 * A Woo request (Wet open overheid): the documents the municipality holds about a partner, theme and
 * period, gathered for the Woo coordinator with what needs assessment marked. Pure: the UI reads the
 * notes (with their texts) and turns the records into the inventory list and CSV the coordinator works
 * from. Nothing is published or withheld here; the marks only say where to look (Woo art. 5.1/5.2
 * grounds are the coordinator's decision).
 *
 * Which records match: notes and reviews of the chosen partners (all when none is chosen) whose
 * calendar day lies in the period and, when themes are chosen, that carry one of them; withdrawn notes
 * too (they are documents the municipality holds, marked); agenda items of those partners due in the
 * period or without a due date, and when themes are chosen only those whose topic or next step names one.
 */
import { calendarDay } from '../calendarDay';
import { containsFolded, fold, foldedNameFinder } from '../foldedText';
import type { AgendaItem, Interaction, Partner } from '../model';
import { knownPeople } from './privacy';

export interface WooQuery {
  partnerIds: readonly string[];
  themes: readonly string[];
  /** First and last calendar day (`yyyy-mm-dd`), inclusive; open-ended when absent. */
  from?: string;
  to?: string;
}

export type WooAssessment = 'confidential' | 'personalData' | 'flagged' | 'withdrawn';
export type WooRecordKind = 'interaction' | 'review' | 'agenda';

export interface WooRecord {
  /** Document number in the inventory, from 1, in date order. */
  number: number;
  kind: WooRecordKind;
  /** The list and item it comes from, so the coordinator can find the original. */
  source: { list: 'Interactions' | 'Agenda'; id: string };
  partnerId: string;
  date?: string;
  title: string;
  department?: string;
  authorName?: string;
  themes: string[];
  /** The record's texts as labelled paragraphs (summary, follow-ups, review answers, next step). */
  texts: Array<{ label: 'summary' | 'followUps' | 'goesWell' | 'couldImprove' | 'score' | 'nextStep' | 'withdrawnReason'; text: string }>;
  /** A confidential note whose text only its author can read: the coordinator must ask them. */
  textWithheld: boolean;
  assessments: WooAssessment[];
}

export interface WooData {
  partners: Partner[];
  interactions: Interaction[];
  agenda: AgendaItem[];
}

const EMAIL_ADDRESS = /[^\s@<>(),;:"']+@[^\s@<>(),;:"']+\.[a-z]{2,}/i;
/** Shorter names would be found inside ordinary words. */
const MIN_NAME_CHARS = 3;

function inPeriod(day: string, query: WooQuery): boolean {
  return (!query.from || day >= query.from) && (!query.to || day <= query.to);
}

/** The matching records, numbered in date order (undated agenda items last). `timeZone` decides calendar days. */
export function gatherWooRecords(query: WooQuery, data: WooData, timeZone?: string): WooRecord[] {
  const partners = new Set(query.partnerIds);
  const ofPartner = (id: string) => partners.size === 0 || partners.has(id);
  const themes = query.themes.map(fold).filter((t) => t !== '');
  // Indexed once: a substring search per known person per text takes minutes at 100,000 notes.
  const namesSomeone = foldedNameFinder(knownPeople(data).flat(), MIN_NAME_CHARS);
  const namesPeople = (texts: string[]) => texts.some((t) => (t.includes('@') && EMAIL_ADDRESS.test(t)) || namesSomeone(t));

  const records: Array<Omit<WooRecord, 'number'>> = [];
  for (const i of data.interactions) {
    if (!ofPartner(i.partnerId) || !inPeriod(calendarDay(i.date, timeZone), query)) continue;
    if (themes.length > 0 && !i.themes.some((t) => themes.includes(fold(t)))) continue;
    const texts: WooRecord['texts'] = [];
    const add = (label: WooRecord['texts'][number]['label'], text: string | undefined) => {
      if (text && text.trim() !== '') texts.push({ label, text });
    };
    add('summary', i.summary);
    add('followUps', i.followUps);
    add('goesWell', i.review?.goesWell);
    add('couldImprove', i.review?.couldImprove);
    if (i.review) add('score', String(i.review.score));
    add('withdrawnReason', i.withdrawn?.reason);
    const textWithheld = i.confidential && !i.summary;
    const assessments: WooAssessment[] = [];
    if (i.confidential) assessments.push('confidential');
    if (namesPeople([i.title, ...texts.map((t) => t.text)])) assessments.push('personalData');
    if (i.wooRelevant) assessments.push('flagged');
    if (i.withdrawn) assessments.push('withdrawn');
    records.push({
      kind: i.kind === 'review' ? 'review' : 'interaction', source: { list: 'Interactions', id: i.id }, partnerId: i.partnerId, date: i.date, title: i.title,
      department: i.department, authorName: i.authorName, themes: i.themes, texts, textWithheld, assessments,
    });
  }
  for (const a of data.agenda) {
    if (!ofPartner(a.partnerId)) continue;
    if (a.dueDate && !inPeriod(calendarDay(a.dueDate, timeZone), query)) continue;
    if (themes.length > 0 && !containsFolded(`${a.topic}\n${a.nextStep ?? ''}`, themes)) continue;
    const texts: WooRecord['texts'] = a.nextStep ? [{ label: 'nextStep', text: a.nextStep }] : [];
    records.push({
      kind: 'agenda', source: { list: 'Agenda', id: a.id }, partnerId: a.partnerId, date: a.dueDate, title: a.topic, authorName: a.ownerName ?? a.owner,
      themes: [], texts, textWithheld: false, assessments: namesPeople([a.topic, a.nextStep ?? '']) ? ['personalData'] : [],
    });
  }
  records.sort((x, y) => (x.date === undefined ? 1 : 0) - (y.date === undefined ? 1 : 0) || (x.date ?? '').localeCompare(y.date ?? '') || x.source.id.localeCompare(y.source.id));
  return records.map((r, index) => ({ ...r, number: index + 1 }));
}

export interface WooSummary {
  total: number;
  byKind: Record<WooRecordKind, number>;
  byAssessment: Record<WooAssessment, number>;
}

export function summariseWoo(records: readonly WooRecord[]): WooSummary {
  const byKind: WooSummary['byKind'] = { interaction: 0, review: 0, agenda: 0 };
  const byAssessment: WooSummary['byAssessment'] = { confidential: 0, personalData: 0, flagged: 0, withdrawn: 0 };
  for (const r of records) {
    byKind[r.kind]++;
    for (const a of r.assessments) byAssessment[a]++;
  }
  return { total: records.length, byKind, byAssessment };
}
