/**
 * The partner's reply the demo bar simulates to a feedback request (docs/loops.md): demo content like the
 * sample emails, so it lives with the demo data, not in the message catalogues every surface loads. It
 * answers under each of the request's own questions (passed in, in the official's language), as a partner
 * replying above Outlook's quoted original would.
 */
import { FEEDBACK_QUESTIONS, type FeedbackQuestion } from '../core/partnerFeedback';

const ANSWERS: Record<'nl' | 'en', { greeting: string; answers: Record<FeedbackQuestion, string>; closing: string }> = {
  nl: {
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

export function demoFeedbackReply(locale: string, official: string, questions: Record<FeedbackQuestion, string>): string {
  const text = ANSWERS[locale.startsWith('en') ? 'en' : 'nl'];
  const answered = FEEDBACK_QUESTIONS.flatMap((q, i) => [`${i + 1}. ${questions[q]}`, text.answers[q], '']);
  return [`${text.greeting} ${official},`, '', ...answered, text.closing, ''].join('\n');
}
