import type { Interaction, Partner } from './model';
import { countsAsContact } from './notes';
import { tableWords, type InteractionTable } from './overview/interactionTable';

/**
 * A partner's last contact and number of contacts are derived data (issue 19): never stored with the
 * partner, always computed where they are read, from the interactions that read fetched already (the
 * pane's context, the overview's copy). A note is saved when its item is created; no write ever has to
 * update a shared figure, so concurrent writers cannot conflict over one and a withdrawal, a correction,
 * a merge or a deletion is counted right on the next read.
 */
export interface PartnerFigures {
  lastContact?: string;
  interactionCount: number;
}

type Counted = Pick<Interaction, 'partnerId' | 'date'> & Partial<Pick<Interaction, 'withdrawn'>>;

/**
 * Whether `a` is a later contact date than `b`. A note without a readable date (another client can leave
 * the column empty: SharePoint's own form does not require it) counts as a contact but is nobody's last one.
 */
const later = (a: string, b: string | undefined) => {
  const time = Date.parse(a);
  return !Number.isNaN(time) && (b === undefined || time > Date.parse(b));
};

/** The figures of every partner that has interactions (withdrawn notes do not count). */
export function figuresByPartner(interactions: Iterable<Counted>): Map<string, PartnerFigures> {
  const map = new Map<string, PartnerFigures>();
  for (const i of interactions) {
    if (!countsAsContact({ withdrawn: i.withdrawn })) continue;
    let f = map.get(i.partnerId);
    if (!f) map.set(i.partnerId, (f = { interactionCount: 0 }));
    f.interactionCount += 1;
    if (later(i.date, f.lastContact)) f.lastContact = i.date;
  }
  return map;
}

/**
 * The same from the overview cache's columns (which hold no withdrawn notes: the cache leaves them out),
 * one pass over the codes; dates are compared once per distinct date text.
 */
export function figuresFromTable(table: InteractionTable): Map<string, PartnerFigures> {
  const words = tableWords(table);
  const time = new Float64Array(words.length).fill(NaN);
  const byCode: Array<{ count: number; last: number; date: number } | undefined> = [];
  for (let r = 0; r < table.length; r++) {
    const p = table.partner[r];
    const d = table.date[r];
    if (Number.isNaN(time[d])) time[d] = Date.parse(words[d]);
    const f = (byCode[p] ??= { count: 0, last: -Infinity, date: -1 });
    f.count += 1;
    // An unreadable date (NaN) is never later: see `later`.
    if (time[d] > f.last) {
      f.last = time[d];
      f.date = d;
    }
  }
  const map = new Map<string, PartnerFigures>();
  byCode.forEach((f, p) => {
    if (f) map.set(words[p], { interactionCount: f.count, lastContact: f.date < 0 ? undefined : words[f.date] });
  });
  return map;
}

/** The partner with the figures of `figures` (none when it has no interactions), whatever it carried before. */
export function withFigures<P extends Pick<Partner, 'id' | 'interactionCount' | 'lastContact'>>(partner: P, figures: PartnerFigures | undefined): P {
  return { ...partner, interactionCount: figures?.interactionCount ?? 0, lastContact: figures?.lastContact };
}
