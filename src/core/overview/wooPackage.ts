/**
 * The Woo coordinator's package: an inventory list (the document list a Woo decision carries) and
 * every document's text, as one self-contained HTML file that prints to PDF from the browser, and the
 * inventory as CSV for a spreadsheet. Words and dates in the reader's language (`CsvWords`); every
 * value from the data is escaped, so a note cannot put markup into the document.
 */
import { toCsv, type CsvWords } from '../csv/csvExport';
import { summariseWoo, type WooQuery, type WooRecord } from './wooRequest';

export interface WooPackageMeta {
  query: WooQuery;
  generatedAt: Date;
  generatedBy: string;
  partnerName(id: string): string;
  lang: string;
}

const say = (words: CsvWords, key: string, params?: Record<string, string | number>) => words.say({ key, params });
const counted = (words: CsvWords, key: string, count: number) => words.say({ key, count });

/** "12 documenten: 9 contactmomenten, 2 relatiegesprekken en 1 agendapunt" in the words of `key`. */
export function wooCounts(words: CsvWords, records: readonly WooRecord[], key: string): string {
  const { total, byKind } = summariseWoo(records);
  return say(words, key, {
    documents: counted(words, 'count.documents', total),
    interactions: counted(words, 'count.interactions', byKind.interaction),
    reviews: counted(words, 'count.reviews', byKind.review),
    agenda: counted(words, 'count.agendaItems', byKind.agenda),
  });
}

const assessments = (words: CsvWords, r: WooRecord) => r.assessments.map((a) => say(words, `woo.assess.${a}`)).join(', ');

export function wooInventoryCsv(records: readonly WooRecord[], words: CsvWords, partnerName: (id: string) => string): string {
  return toCsv(
    words,
    ['number', 'kind', 'date', 'partner', 'title', 'department', 'author', 'themes', 'assess', 'source'].map((k) => say(words, `woo.head.${k}`)),
    records.map((r) => [
      r.number, say(words, `woo.kind.${r.kind}`), words.date(r.date), partnerName(r.partnerId), r.title, r.department, r.authorName, r.themes.join('|'), assessments(words, r),
      `${r.source.list}/${r.source.id}`,
    ]),
  );
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function remembered<T>(make: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) known.set(key, (value = make(key)));
    return value;
  };
}

export function wooPackageHtml(records: readonly WooRecord[], words: CsvWords, meta: WooPackageMeta): string {
  const e = (text: string | undefined) => escapeHtml(text ?? '');
  const s = (key: string, params?: Record<string, string | number>) => e(say(words, key, params));
  // A package may hold 100,000 documents: their labels, dates and partner names are formatted once each.
  const label = remembered((key: string) => s(key));
  const day = remembered((iso: string) => e(words.date(iso)));
  const partner = remembered((id: string) => e(meta.partnerName(id)));
  const marks = remembered((key: string) => (key ? e(key.split(',').map((a) => say(words, `woo.assess.${a}`)).join(', ')) : ''));
  const assessedAs = (r: WooRecord) => marks(r.assessments.join(','));
  const summary = summariseWoo(records);
  const assessed = (Object.keys(summary.byAssessment) as Array<keyof typeof summary.byAssessment>)
    .filter((a) => summary.byAssessment[a] > 0)
    .map((a) => `${say(words, `woo.assess.${a}`)} (${counted(words, 'count.documents', summary.byAssessment[a])})`)
    .join(', ');
  const { query } = meta;
  const scope = [
    s('woo.scope.partners', { partners: query.partnerIds.length === 0 ? say(words, 'woo.scope.allPartners') : query.partnerIds.map(meta.partnerName).join(', ') }),
    s('woo.scope.themes', { themes: query.themes.length === 0 ? say(words, 'woo.scope.allThemes') : query.themes.join(', ') }),
    s('woo.scope.period', { period: `${query.from ? words.date(query.from) : '…'} – ${query.to ? words.date(query.to) : '…'}` }),
  ];
  const head = ['number', 'kind', 'date', 'partner', 'title', 'department', 'author', 'assess'].map((k) => `<th scope="col">${s(`woo.head.${k}`)}</th>`).join('');
  const rows = records
    .map((r) => `<tr><td><a href="#doc-${r.number}">${r.number}</a></td><td>${label(`woo.kind.${r.kind}`)}</td><td>${day(r.date ?? '')}</td><td>${partner(r.partnerId)}</td><td>${e(r.title)}</td><td>${e(r.department)}</td><td>${e(r.authorName)}</td><td>${assessedAs(r)}</td></tr>`)
    .join('\n');
  const documents = records
    .map((r) => {
      const texts = r.texts.map((t) => `<h4>${label(`woo.text.${t.label}`)}</h4><p>${e(t.text)}</p>`).join('');
      const withheld = r.textWithheld ? `<p class="mark">${s('woo.withheld', { author: r.authorName ?? '' })}</p>` : '';
      const marked = r.assessments.length > 0 ? `<p class="mark">${s('woo.assessFirst', { text: r.assessments.map((a) => say(words, `woo.assess.${a}`)).join(', ') })}</p>` : '';
      return `<section id="doc-${r.number}"><h3>${s('woo.document', { number: r.number })}: ${e(r.title)}</h3><p class="meta">${label(`woo.kind.${r.kind}`)} · ${day(r.date ?? '')} · ${partner(r.partnerId)}${r.department ? ` · ${e(r.department)}` : ''}${r.authorName ? ` · ${e(r.authorName)}` : ''} · ${e(`${r.source.list}/${r.source.id}`)}</p>${marked}${withheld}${texts}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${e(meta.lang)}"><head><meta charset="utf-8"><title>${s('woo.package.title')}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}p{white-space:pre-wrap}.mark{font-weight:600}.meta{color:#444}section{break-inside:avoid;border-top:1px solid #999;margin-top:1rem}</style>
</head><body>
<h1>${s('woo.package.title')}</h1>
<p>${s('woo.package.generated', { date: meta.generatedAt.toISOString(), by: meta.generatedBy })}</p>
<ul>${scope.map((x) => `<li>${x}</li>`).join('')}</ul>
<p>${e(wooCounts(words, records, 'woo.package.counts'))}</p>
<p>${s('woo.package.assess', { text: assessed || say(words, 'woo.package.assessNone') })}</p>
<h2>${s('woo.package.inventory')}</h2>
<table><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table>
<h2>${s('woo.package.documents')}</h2>
${documents}
</body></html>
`;
}
