import { describe, expect, it } from '@jest/globals';
import { dateOnlyDay, dateOnlyToGraph } from '../../src/data/dateOnly';
import { feedbackDueDate, feedbackMail, feedbackRequestState, findFeedbackReference, newFeedbackReference, parseFeedbackReply, referenceIsFor, scoreIn, type FeedbackMailTexts } from '../../src/core/partnerFeedback';
import { nl } from '../../src/i18n/nl';
import { en } from '../../src/i18n/en';

const textsOf = (m: Record<string, string>): FeedbackMailTexts => ({
  subject: m['feedback.mail.subject']!, greeting: m['feedback.mail.greeting']!, intro: m['feedback.mail.intro']!, closing: m['feedback.mail.closing']!,
  signature: 'Femke Bakker', referenceLabel: m['feedback.mail.reference']!,
  questions: { goesWell: m['feedback.q.goesWell']!, couldImprove: m['feedback.q.couldImprove']!, collaborate: m['feedback.q.collaborate']!, score: m['feedback.q.score']! },
});

describe('feedback reference', () => {
  it('is PZ- and six readable characters, checks its partner and is found in a subject in any case', () => {
    const ref = newFeedbackReference('p-portaal', () => 0.5);
    expect(ref).toMatch(/^PZ-[2-9A-HJ-NP-Z]{6}$/);
    expect(referenceIsFor(ref, 'p-portaal')).toBe(true);
    expect(referenceIsFor(ref, 'p-other')).toBe(false);
    expect(findFeedbackReference(`RE: Hoe verloopt onze samenwerking? [${ref.toLowerCase()}]`)).toBe(ref);
    expect(findFeedbackReference('RE: gewone mail', `bla\nReferentie: [${ref}]`)).toBe(ref);
    expect(findFeedbackReference('RE: gewone mail', 'PZ-0000 is geen referentie')).toBeUndefined();
  });
  it('differs from one request to the next', () => {
    expect(newFeedbackReference('p1')).not.toBe(newFeedbackReference('p1', () => 0));
  });
});

describe('feedback mail', () => {
  it('asks the four questions in Dutch and English with the reference in subject and body, HTML escaped', () => {
    const mail = feedbackMail(['Info@Portaal.nl', 'info@portaal.nl'], 'PZ-ABCDEF', { ...textsOf(nl), signature: 'Femke <Bakker>' });
    expect(mail.to).toEqual(['info@portaal.nl']);
    expect(mail.subject).toContain('[PZ-ABCDEF]');
    expect(mail.text).toContain('1. Wat gaat goed');
    expect(mail.text).toContain('4. Welk cijfer');
    expect(mail.text).toContain('[PZ-ABCDEF]');
    expect(mail.html).toContain('Femke &#60;Bakker&#62;');
    expect(mail.html).not.toContain('<Bakker>');
    expect(feedbackMail([], 'PZ-ABCDEF', textsOf(en)).text).toContain('1. What is going well');
  });
  it('its own questions, unanswered, give empty answers and no score (the scale "1 tot 5" is no score)', () => {
    for (const m of [nl, en]) expect(parseFeedbackReply(feedbackMail([], 'PZ-ABCDEF', textsOf(m)).text)).toEqual({ goesWell: '', couldImprove: '', collaborate: '' });
  });
});

describe('parseFeedbackReply', () => {
  const original = feedbackMail(['info@portaal.nl'], 'PZ-ABCDEF', textsOf(nl)).text;

  it('reads answers typed under the questions above an Outlook reply header', () => {
    const reply = [
      'Beste Femke,', '', '1. Wat gaat goed in de samenwerking?', 'Het maandelijkse overleg over de wijkaanpak.', 'Korte lijnen met Wonen.', '',
      '2. Wat kan beter?', 'Sneller terugkoppelen op vergunningen.', '', '3. Hoe wilt u met ons samenwerken?', 'Eén vast aanspreekpunt per dossier.', '',
      '4. Welk cijfer geeft u de samenwerking, van 1 tot 5?', '4', '', 'Met vriendelijke groet,', 'Jan de Wit', 'Woonstichting Portaal', '',
      '________________________________', 'Van: Femke Bakker <femke@gemeente.nl>', 'Verzonden: dinsdag 1 december 2026 10:12', 'Aan: info@portaal.nl',
      'Onderwerp: Hoe verloopt onze samenwerking? [PZ-ABCDEF]', '', original,
    ].join('\r\n');
    expect(parseFeedbackReply(reply)).toEqual({
      goesWell: 'Het maandelijkse overleg over de wijkaanpak.\nKorte lijnen met Wonen.',
      couldImprove: 'Sneller terugkoppelen op vergunningen.',
      collaborate: 'Eén vast aanspreekpunt per dossier.',
      score: 4,
    });
  });

  it('reads answers written between Gmail-quoted questions, in English, score as "4/5"', () => {
    const quoted = feedbackMail([], 'PZ-ABCDEF', textsOf(en)).text.split('\n').map((l) => `> ${l}`);
    const at = (q: string) => quoted.findIndex((l) => l.includes(q));
    const lines = [...quoted];
    lines.splice(at('4. Which score') + 1, 0, '', '4/5 overall', '');
    lines.splice(at('2. What could') + 1, 0, '', 'Faster answers on permits.', '');
    lines.splice(at('1. What is going') + 1, 0, '', 'The joint planning sessions.', '');
    const reply = ['Hi Femke, see my answers below.', '', 'On Tue, 1 Dec 2026 at 10:12, Femke Bakker <femke@gemeente.nl> wrote:', ...lines].join('\n');
    expect(parseFeedbackReply(reply)).toEqual({ goesWell: 'The joint planning sessions.', couldImprove: 'Faster answers on permits.', collaborate: '', score: 4 });
  });

  it('takes an inline answer and "score: 3" from a reply without numbered questions, and leaves a missing score out', () => {
    expect(parseFeedbackReply('Wat gaat goed: de bereikbaarheid\nWat kan beter: planning\n\nScore: 3\n\nGroet,\nAnne')).toEqual({
      goesWell: 'de bereikbaarheid', couldImprove: 'planning', collaborate: '', score: 3,
    });
    expect(parseFeedbackReply('**What goes well?**\nEverything.\n\nKind regards\nBob')).toEqual({ goesWell: 'Everything.', couldImprove: '', collaborate: '' });
  });

  it('finds the score in a free reply above the original, and ignores scores out of range, decimals and dates', () => {
    expect(parseFeedbackReply(`Prima samenwerking, cijfer: 5.\n\nVan: Femke\n${original}`).score).toBe(5);
    expect(parseFeedbackReply('Welk cijfer? Een 8')).toEqual({ goesWell: '', couldImprove: '', collaborate: '' });
    expect(scoreIn('4,5')).toBeUndefined();
    expect(scoreIn('op 4-12-2026')).toBeUndefined();
    expect(scoreIn('een 4 van 5')).toBe(4);
    expect(scoreIn('10')).toBeUndefined();
  });
});

describe('feedbackRequestState', () => {
  const now = new Date('2026-12-22T12:00:00Z');
  it('is asked within 21 days, overdue after, answered once answered', () => {
    expect(feedbackRequestState({ askedAt: '2026-12-10T12:00:00Z', answered: false }, now)).toBe('asked');
    expect(feedbackRequestState({ askedAt: '2026-11-30T12:00:00Z', answered: false }, now)).toBe('overdue');
    expect(feedbackRequestState({ askedAt: '2026-11-01T12:00:00Z', answered: true }, now)).toBe('answered');
  });
});

describe('feedbackDueDate', () => {
  it('is noon UTC of the day 21 days after the official’s day of asking, so the date-only column keeps that day', () => {
    // Asked in the afternoon: the same day, not the next (a raw instant after noon UTC is stored as the next day).
    const afternoon = feedbackDueDate(new Date('2026-12-03T15:30:00Z'), 'Europe/Amsterdam');
    expect(afternoon).toBe('2026-12-24T12:00:00.000Z');
    expect(dateOnlyDay(dateOnlyToGraph(afternoon))).toBe('2026-12-24');
    // Just after midnight in Amsterdam it is already the 4th there.
    expect(feedbackDueDate(new Date('2026-12-03T23:30:00Z'), 'Europe/Amsterdam')).toBe('2026-12-25T12:00:00.000Z');
    expect(feedbackDueDate(new Date('2026-12-03T08:00:00Z'), 'Europe/Amsterdam')).toBe('2026-12-24T12:00:00.000Z');
  });
});
