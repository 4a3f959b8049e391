/**
 * "Vraag de partner om feedback" (issue 20, docs/loops.md): the email that asks a partner how the
 * collaboration goes, the short reference it carries (`[PZ-XXXXXX]`), recognising the reply by that
 * reference, and reading the partner's answers from the reply under each question. Pure: the host opens
 * the email and reads the reply's body; the UI supplies the texts in the official's language.
 */
import { dueDayAfter } from './calendarDay';

/** The questions, in the order the email asks them. */
export const FEEDBACK_QUESTIONS = ['goesWell', 'couldImprove', 'collaborate', 'score'] as const;
export type FeedbackQuestion = (typeof FEEDBACK_QUESTIONS)[number];

/** After this many days without an answer a request counts as overdue (why 21: docs/loops.md). */
export const FEEDBACK_ANSWER_DAYS = 21;

/** The request's due day on the agenda, FEEDBACK_ANSWER_DAYS after the official's calendar day of asking (see dueDayAfter). */
export function feedbackDueDate(askedAt: Date, timeZone?: string): string {
  return dueDayAfter(askedAt, FEEDBACK_ANSWER_DAYS, timeZone);
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I: a reference is read and typed by people
const REFERENCE = /\[?\bPZ-([2-9A-HJ-NP-Z]{6})\b\]?/i;

/** Two characters from the partner id and the token: a reference of another partner (or a typo) does not match. */
function check(partnerId: string, token: string): string {
  let hash = 2166136261;
  for (const ch of `${partnerId}:${token}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return ALPHABET[hash % 32]! + ALPHABET[(hash >>> 5) % 32]!;
}

/**
 * A new reference for a request to this partner: four random characters and two derived from the
 * partner id, e.g. `PZ-7KQ4M2`. `random` returns values in [0, 1) (Math.random, or fixed in tests).
 */
export function newFeedbackReference(partnerId: string, random: () => number = Math.random): string {
  let token = '';
  for (let i = 0; i < 4; i++) token += ALPHABET[Math.floor(random() * 32) % 32];
  return `PZ-${token}${check(partnerId, token)}`;
}

/** The reference in a subject or body (`[PZ-…]`, any case), upper-cased; undefined when there is none. */
export function findFeedbackReference(...texts: Array<string | undefined>): string | undefined {
  for (const text of texts) {
    const match = text?.match(REFERENCE);
    if (match) return `PZ-${match[1]!.toUpperCase()}`;
  }
  return undefined;
}

/** Whether a reference was made for this partner (its last two characters check the partner id). */
export function referenceIsFor(reference: string, partnerId: string): boolean {
  const code = reference.toUpperCase().replace(/^PZ-/, '');
  return code.length === 6 && check(partnerId, code.slice(0, 4)) === code.slice(4);
}

/** The texts of the email in the official's language (the message catalogue's `feedback.mail.*`). */
export interface FeedbackMailTexts {
  subject: string;
  greeting: string;
  intro: string;
  questions: Record<FeedbackQuestion, string>;
  closing: string;
  /** The official's name under the email. */
  signature: string;
  /** "Referentie" / "Reference". */
  referenceLabel: string;
}

export interface FeedbackMail {
  to: string[];
  subject: string;
  /** What the email says, as plain text (the demo shows it; tests read it). */
  text: string;
  /** The same as HTML, for `displayNewMessageForm`'s `htmlBody`; every text escaped. */
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The email asking for feedback: each question a numbered heading with room under it, the reference in subject and body. */
export function feedbackMail(to: string[], reference: string, texts: FeedbackMailTexts): FeedbackMail {
  const tag = `[${reference}]`;
  const subject = `${texts.subject} ${tag}`;
  const questions = FEEDBACK_QUESTIONS.map((q, i) => `${i + 1}. ${texts.questions[q]}`);
  const text = [texts.greeting, '', texts.intro, '', ...questions.flatMap((q) => [q, '', '']), texts.closing, texts.signature, '', `${texts.referenceLabel}: ${tag}`].join('\n');
  const html = [
    `<p>${escapeHtml(texts.greeting)}</p>`,
    `<p>${escapeHtml(texts.intro)}</p>`,
    ...questions.map((q) => `<p><b>${escapeHtml(q)}</b></p><p><br></p>`),
    `<p>${escapeHtml(texts.closing)}<br>${escapeHtml(texts.signature)}</p>`,
    `<p>${escapeHtml(texts.referenceLabel)}: ${escapeHtml(tag)}</p>`,
  ].join('');
  return { to: [...new Set(to.map((a) => a.trim().toLowerCase()).filter(Boolean))], subject, text, html };
}

/** What the pane prefills from the partner's reply; every answer may be empty, the score absent. */
export interface FeedbackAnswers {
  goesWell: string;
  couldImprove: string;
  collaborate: string;
  score?: number;
}

/**
 * The question a line heads, in Dutch or English, as the email asks it or as a partner may retype it
 * ("1. Wat gaat goed?", "**What goes well:**", "Score: 4"), with what follows it on the same line.
 */
const HEADINGS: Array<[FeedbackQuestion, RegExp]> = [
  ['goesWell', /^(?:wat gaat (?:er )?goed|what (?:is going|goes|went|works) well)\b[^?:]*[?:]?/i],
  ['couldImprove', /^(?:wat (?:kan|kunnen) (?:er |we |wij )?beter|what could (?:we do |be done )?(?:better|be better|improve)|what can (?:we do |be )?(?:better|improved?))\b[^?:]*[?:]?/i],
  ['collaborate', /^(?:hoe (?:wilt|zou) u (?:met ons |met de gemeente )?(?:willen )?samenwerken|how would you like to (?:work together|collaborate))\b[^?:]*[?:]?/i],
  ['score', /^(?:welk cijfer|wat is uw (?:cijfer|score)|cijfer|score|rating|what score|which score|how would you (?:rate|score))\b[^?:]*[?:]?/i],
];

/** Where the partner's own text ends: a reply header, Outlook's separator, a sign-off or the reference line. */
const STOP = [
  /^(?:van|from|verzonden|sent|aan|to|onderwerp|subject|datum|date)\s*:\s/i,
  /^-{2,}\s*(?:original message|oorspronkelijk bericht|forwarded message|doorgestuurd bericht)/i,
  /^_{10,}$/,
  /^(?:on|op) .{4,200}(?:wrote|schreef)(?: het volgende)?\s*:$/i,
  /^(?:met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|hartelijke groet(?:en)?|groet(?:en|jes)?|mvg|kind regards|best regards|regards|best wishes|many thanks|cheers)\b[,.!]?$/i,
  /^(?:referentie|reference)\s*:/i,
];

function clean(line: string): string {
  // Quoting ("> > text"), list numbering and emphasis marks are not the partner's words.
  return line
    .replace(/^\s*(?:>\s?)+/, '')
    .trim()
    .replace(/^(?:\d{1,2}\s*[.)]\s*|[-*•]\s+)/, '')
    .replace(/^[*_]+|[*_]+$/g, '')
    .trim();
}

function headingOf(line: string): { question: FeedbackQuestion; rest: string } | undefined {
  if (line.length > 160) return undefined;
  for (const [question, pattern] of HEADINGS) {
    const match = line.match(pattern);
    if (match) return { question, rest: line.slice(match[0].length).replace(/^[*_\s]+/, '').trim() };
  }
  return undefined;
}

/** A score from 1 to 5 in an answer: "4", "4/5", "4 van 5", "score: 4", "een 4"; not "4,5", a date or 8. */
export function scoreIn(text: string): number | undefined {
  const match = text.match(/(?<![\d/.,-])([1-5])(?:\s*(?:\/|van|of|uit|out of)\s*5)?(?![\d/.,]\d|\d|\s*(?:\/|-)\s*\d)/i);
  return match ? Number(match[1]) : undefined;
}

/**
 * The partner's answers in a reply: the text under each question heading, up to the next heading or
 * the end of their own text (a reply header, a sign-off, the reference line). Quoting (`>`) is taken
 * off, so answers written between the quoted questions count as well as answers above them. Each
 * question takes its first non-empty answer: a reply's own text comes before the quoted original,
 * whose questions are empty. The score is the score answer's number, else "score: 4" or "4/5"
 * anywhere in the text above the quoted original.
 */
export function parseFeedbackReply(body: string): FeedbackAnswers {
  const found: Partial<Record<FeedbackQuestion, string>> = {};
  let current: FeedbackQuestion | undefined;
  let lines: string[] = [];
  const ownText: string[] = [];
  let quotedStarted = false;
  const flush = () => {
    if (current && found[current] === undefined) {
      const answer = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
      if (answer) found[current] = answer;
    }
    lines = [];
  };
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const quoted = /^\s*>/.test(raw);
    const line = clean(raw);
    if (STOP.some((stop) => stop.test(line))) {
      flush();
      current = undefined;
      if (!quoted) quotedStarted = true;
      continue;
    }
    if (quoted) quotedStarted = true;
    else if (!quotedStarted) ownText.push(line);
    const heading = headingOf(line);
    if (heading) {
      flush();
      current = heading.question;
      if (heading.rest) lines.push(heading.rest);
      continue;
    }
    if (current) lines.push(line);
  }
  flush();
  const scoreAnswer = found.score !== undefined ? scoreIn(found.score) : undefined;
  const labelled = ownText.join('\n').match(/(?:score|cijfer|rating)\s*[:=]?\s*(\d(?:\s*\/\s*5)?)/i);
  const outOfFive = ownText.join('\n').match(/(?<![\d/.,])[1-5]\s*\/\s*5(?![\d/])/);
  const score = scoreAnswer ?? (labelled ? scoreIn(labelled[1]!) : undefined) ?? (outOfFive ? scoreIn(outOfFive[0]) : undefined);
  return { goesWell: found.goesWell ?? '', couldImprove: found.couldImprove ?? '', collaborate: found.collaborate ?? '', ...(score ? { score } : {}) };
}

/** A request's state in the review schedule: asked (waiting), answered, or overdue (no answer after FEEDBACK_ANSWER_DAYS). */
export type FeedbackRequestState = 'asked' | 'answered' | 'overdue';

export function feedbackRequestState(request: { askedAt: string; answered: boolean }, now: Date): FeedbackRequestState {
  if (request.answered) return 'answered';
  return now.getTime() - Date.parse(request.askedAt) > FEEDBACK_ANSWER_DAYS * 86_400_000 ? 'overdue' : 'asked';
}
