/**
 * The partner's reply the demo bar simulates to a feedback request (docs/loops.md): demo content like the
 * sample emails, so it lives with the demo data, not in the message catalogues every surface loads. It
 * answers under each of the request's own questions (passed in, in the official's language), as a partner
 * replying above Outlook's quoted original would; in a variant the partner gave the reply a subject of
 * their own, so the reference is only in the quoted original below.
 */
import { FEEDBACK_QUESTIONS, type FeedbackQuestion } from '../core/partnerFeedback';

const ANSWERS: Record<'nl' | 'en', { greeting: string; answers: Record<FeedbackQuestion, string>; closing: string; ownSubject: string }> = {
  nl: {
    ownSubject: 'Onze reactie op uw vragen over de samenwerking',
    greeting: 'Beste',
    answers: {
      goesWell: 'Het maandelijkse overleg over de wijkaanpak; de lijnen met Wonen zijn kort.',
      couldImprove: 'Sneller terugkoppelen op vergunningaanvragen.',
      collaborate: 'Eén vast aanspreekpunt per dossier en twee keer per jaar een bestuurlijk overleg.',
      score: '4/5',
    },
    closing: 'Met vriendelijke groet,\nJan de Wit',
  },
  en: {
    ownSubject: 'Our answers to your questions on the collaboration',
    greeting: 'Dear',
    answers: {
      goesWell: 'The monthly meeting on the neighbourhood approach; short lines with Housing.',
      couldImprove: 'Faster feedback on permit applications.',
      collaborate: 'One fixed contact per file and a board meeting twice a year.',
      score: '4/5',
    },
    closing: 'Kind regards,\nJan de Wit',
  },
};

const textFor = (locale: string) => ANSWERS[locale.startsWith('en') ? 'en' : 'nl'];

/** The reply's subject: Outlook's "RE: " before the request's (with its reference), or one the partner wrote (without). */
export function demoFeedbackReplySubject(locale: string, requestSubject: string, ownSubject: boolean): string {
  return ownSubject ? textFor(locale).ownSubject : `RE: ${requestSubject}`;
}

export function demoFeedbackReply(locale: string, official: string, questions: Record<FeedbackQuestion, string>): string {
  const text = textFor(locale);
  const answered = FEEDBACK_QUESTIONS.flatMap((q, i) => [`${i + 1}. ${questions[q]}`, text.answers[q], '']);
  return [`${text.greeting} ${official},`, '', ...answered, text.closing, ''].join('\n');
}
