/**
 * An AVG inzageverzoek (right of access, AVG art. 15) answered from a person search: what is stored
 * about the person, where (which SharePoint list on the municipality's site), since when and why, as a
 * readable HTML report and as JSON with exactly the same data (the person's own data only: other people's
 * names and addresses in a note are redacted, as in the AVG export). The answer is due within one month
 * of receipt (AVG art. 12(3)); the deadline is part of the answer and of the trail entry that logs it.
 */
import { calendarDay } from '../calendarDay';
import { addCalendarMonths } from '../calendarMonths';
import type { CsvWords } from '../csv/csvExport';
import { personExport, type ExportOptions, type PersonFindings } from './privacy';
import { escapeHtml } from './wooPackage';

export type InzageCategory = 'partners' | 'interactions' | 'agenda';

const LIST_OF: Record<InzageCategory, string> = { partners: 'Partners', interactions: 'Interactions', agenda: 'Agenda' };

/** The day one month after receipt (a day that does not exist in that month becomes its last day). */
export function inzageDeadline(receivedOn: string): string {
  return addCalendarMonths(`${receivedOn.slice(0, 10)}T12:00:00Z`, 1).toISOString().slice(0, 10);
}

export interface InzageAnswer {
  request: { query: string; receivedOn: string; deadline: string; answeredAt: string; onTime: boolean };
  /** Per kind of data: how many, where, since when, why (a catalogue key for the purpose). */
  categories: Array<{ category: InzageCategory; count: number; list: string; site: string; since?: string; purpose: string }>;
  /** The person's data itself, as the AVG export has it. */
  data: { partners: unknown[]; interactions: Array<{ date?: string }>; agenda: Array<{ dueDate?: string }> };
}

export function inzageAnswer(findings: PersonFindings, options: ExportOptions & { receivedOn: string; site: string }): InzageAnswer {
  const exported = JSON.parse(personExport(findings, options)) as InzageAnswer['data'];
  const deadline = inzageDeadline(options.receivedOn);
  // The official's calendar day: an answer sent at 00:30 in Amsterdam is of that day, not of the UTC day before.
  const answeredOn = calendarDay(options.exportedAt);
  const earliest = (dates: Array<string | undefined>) => dates.filter((d): d is string => !!d).sort()[0];
  const counts: Record<InzageCategory, { count: number; since?: string }> = {
    partners: { count: findings.partners.length },
    interactions: { count: findings.interactions.length, since: earliest(findings.interactions.map((f) => f.interaction.loggedAt ?? f.interaction.date)) },
    agenda: { count: findings.agenda.length, since: earliest(findings.agenda.map((f) => f.item.dueDate)) },
  };
  return {
    request: { query: findings.query, receivedOn: options.receivedOn.slice(0, 10), deadline, answeredAt: options.exportedAt.toISOString(), onTime: answeredOn <= deadline },
    categories: (Object.keys(counts) as InzageCategory[])
      .filter((c) => counts[c].count > 0)
      .map((c) => ({ category: c, count: counts[c].count, list: LIST_OF[c], site: options.site, since: counts[c].since, purpose: `inzage.purpose.${c}` })),
    data: exported,
  };
}

/** The answer as JSON for machines: the same content as the report. */
export function inzageJson(answer: InzageAnswer): string {
  return JSON.stringify(answer, null, 2);
}

/** The answer as a readable HTML page (prints as PDF), in the reader's language. */
export function inzageHtml(answer: InzageAnswer, words: CsvWords, lang: string): string {
  const e = (text: unknown) => escapeHtml(text === undefined || text === null ? '' : String(text));
  const s = (key: string, params?: Record<string, string | number>) => e(words.say({ key, params }));
  const { request } = answer;
  const rows = answer.categories
    .map((c) => `<tr><td>${s(`inzage.category.${c.category}`)}</td><td>${c.count}</td><td>${e(`${c.list} (${c.site})`)}</td><td>${e(c.since ? words.date(c.since) : '')}</td><td>${s(c.purpose)}</td></tr>`)
    .join('\n');
  const partnerRows = (answer.data.partners as Array<Record<string, unknown>>)
    .map((p) => `<li>${e(p.partner)}: ${e((p.roles as string[]).map((r) => words.say({ key: `privacy.role.${r}` })).join(', '))}${p.contacts ? ` — ${e((p.contacts as string[]).join(', '))}` : ''}</li>`)
    .join('');
  const notes = (answer.data.interactions as Array<Record<string, unknown>>)
    .map((i) => `<section><h3>${e(words.date(i.date as string))} · ${e(i.partner)} · ${e(i.title)}</h3>${i.summary ? `<p>${e(i.summary)}</p>` : ''}${i.followUps ? `<p>${e(i.followUps)}</p>` : ''}</section>`)
    .join('\n');
  const agenda = (answer.data.agenda as Array<Record<string, unknown>>).map((a) => `<li>${e(a.partner)}: ${e(a.topic)}${a.nextStep ? ` — ${e(a.nextStep)}` : ''}</li>`).join('');
  return `<!doctype html>
<html lang="${e(lang)}"><head><meta charset="utf-8"><title>${s('inzage.title')}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}p{white-space:pre-wrap}section{break-inside:avoid;border-top:1px solid #999;margin-top:1rem}</style>
</head><body>
<h1>${s('inzage.title')}</h1>
<p>${s('inzage.request', { query: request.query, received: words.date(request.receivedOn), deadline: words.date(request.deadline), answered: words.date(request.answeredAt) })}</p>
<h2>${s('inzage.what')}</h2>
<table><thead><tr><th scope="col">${s('inzage.head.what')}</th><th scope="col">${s('inzage.head.count')}</th><th scope="col">${s('inzage.head.where')}</th><th scope="col">${s('inzage.head.since')}</th><th scope="col">${s('inzage.head.why')}</th></tr></thead><tbody>
${rows}
</tbody></table>
${partnerRows ? `<h2>${s('inzage.category.partners')}</h2><ul>${partnerRows}</ul>` : ''}
${notes ? `<h2>${s('inzage.category.interactions')}</h2>${notes}` : ''}
${agenda ? `<h2>${s('inzage.category.agenda')}</h2><ul>${agenda}</ul>` : ''}
<p>${s('inzage.rights')}</p>
</body></html>
`;
}
