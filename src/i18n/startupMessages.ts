/**
 * The few words a page shows when Partnerzicht could not start (src/surfaces/startupFailure.ts). A
 * catalogue of its own because the page's start-up guard runs before, and without, the app's bundle:
 * it must stay a few hundred bytes, so it cannot carry the two full catalogues.
 */
export const startupMessages = {
  nl: {
    title: 'Partnerzicht kon niet starten',
    body: 'Er ging iets mis bij het laden van de app. Vernieuw de pagina. Blijft deze melding terugkomen, geef haar dan door aan de beheerder van Partnerzicht in uw gemeente.',
    detail: 'Technische melding',
    reload: 'Pagina vernieuwen',
  },
  en: {
    title: 'Partnerzicht could not start',
    body: 'Something went wrong while the app was loading. Reload the page. If this message keeps coming back, pass it on to your municipality’s Partnerzicht administrator.',
    detail: 'Technical message',
    reload: 'Reload page',
  },
} as const;
