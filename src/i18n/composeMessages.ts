/**
 * The words of Outlook's compose notification (src/core/composeHint.ts, src/events). A catalogue of
 * its own, like startupMessages.ts: the event runtime must stay a few kilobytes, so it cannot carry
 * the two full catalogues. tests/i18n/composeMessages.test.ts checks that both languages have every
 * key and the same placeholders.
 */
export type ComposeLocale = 'nl' | 'en';

export interface ComposeCatalogue {
  /** `{partner}` and `{details}`; the notification is at most 150 characters. */
  line: string;
  departmentsOne: string;
  departmentsOther: string;
  lastContact: string;
  lastDepartment: string;
  today: string;
  yesterday: string;
  daysAgoOne: string;
  daysAgoOther: string;
  noContact: string;
  noFigures: string;
  othersOne: string;
  othersOther: string;
  /** The notification's link (Outlook: at most 30 characters). */
  open: string;
}

export const composeMessages: Record<ComposeLocale, ComposeCatalogue> = {
  nl: {
    line: '{partner} — {details}',
    departmentsOne: '{count} afdeling in contact',
    departmentsOther: '{count} afdelingen in contact',
    lastContact: 'laatste contact {ago}',
    lastDepartment: ' ({department})',
    today: 'vandaag',
    yesterday: 'gisteren',
    daysAgoOne: '{count} dag geleden',
    daysAgoOther: '{count} dagen geleden',
    noContact: 'partner van de gemeente, nog geen contact vastgelegd',
    noFigures: 'partner van de gemeente; open Partnerzicht voor het hele beeld',
    othersOne: ' (en {count} andere partner)',
    othersOther: ' (en {count} andere partners)',
    open: 'Partnerzicht openen',
  },
  en: {
    line: '{partner} — {details}',
    departmentsOne: '{count} department in contact',
    departmentsOther: '{count} departments in contact',
    lastContact: 'last contact {ago}',
    lastDepartment: ' ({department})',
    today: 'today',
    yesterday: 'yesterday',
    daysAgoOne: '{count} day ago',
    daysAgoOther: '{count} days ago',
    noContact: 'partner of the municipality, no contact logged yet',
    noFigures: 'partner of the municipality; open Partnerzicht for the whole picture',
    othersOne: ' (and {count} other partner)',
    othersOther: ' (and {count} other partners)',
    open: 'Open Partnerzicht',
  },
};

/** Outlook's display language → the catalogue: English for `en-*`, Dutch otherwise (the default). */
export function composeLocale(displayLanguage: string | undefined): ComposeLocale {
  return /^en\b/i.test(displayLanguage || '') ? 'en' : 'nl';
}
