/**
 * What the sign-in pages (auth-office.html, auth-teams.html) say: one line while the official is sent to
 * Entra and back, or why it did not work. A catalogue of its own, spread into the full ones, so those
 * pages load these few sentences instead of both full catalogues (their whole bundle is a few KiB beside
 * MSAL and teams-js: bench/budget.json).
 */
export const signInMessages = {
  nl: {
    'signin.page.busy': 'Je wordt aangemeld bij Microsoft…',
    'signin.page.done': 'Je bent aangemeld. Dit venster sluit vanzelf.',
    'signin.page.noHost': 'Deze pagina hoort bij het aanmelden vanuit Outlook of Teams en werkt alleen in het venster dat zij daarvoor openen. Sluit haar en klik in Partnerzicht op Aanmelden.',
    'signin.error.consent-required': 'Partnerzicht heeft nog geen toestemming om namens je gegevens te lezen. Klik op Aanmelden en geef toestemming, of vraag de beheerder van Microsoft 365 om toestemming voor de hele organisatie te geven.',
    'signin.error.popup-blocked': 'Het aanmeldvenster werd geblokkeerd. Sta pop-ups toe voor deze pagina en klik opnieuw op Aanmelden.',
    'signin.error.wrong-tenant': 'Je bent aangemeld met een account van een andere organisatie. Meld je aan met je account van de gemeente, of vraag de beheerder of Partnerzicht voor jouw organisatie is ingesteld.',
    'signin.error.wrong-account': 'Je hebt je aangemeld met een ander account dan het account waarmee je in Outlook of Teams werkt. Klik op Aanmelden en kies hetzelfde account.',
    'signin.error.offline': 'Er is geen verbinding, dus aanmelden lukt nu niet. Controleer je netwerk en probeer het opnieuw.',
    'signin.error.cancelled': 'Het aanmelden is afgebroken. Klik op Aanmelden om het opnieuw te proberen.',
    'signin.error.unknown': 'Aanmelden is niet gelukt. Probeer het opnieuw; blijft het misgaan, neem dan contact op met de beheerder.',
  },
  en: {
    'signin.page.busy': 'Signing you in with Microsoft…',
    'signin.page.done': 'You are signed in. This window closes by itself.',
    'signin.page.noHost': 'This page is part of signing in from Outlook or Teams and only works in the window they open for it. Close it and select Sign in in Partnerzicht.',
    'signin.error.consent-required': 'Partnerzicht does not yet have permission to read data on your behalf. Click Sign in and give consent, or ask your Microsoft 365 administrator to grant consent for the whole organisation.',
    'signin.error.popup-blocked': 'The sign-in window was blocked. Allow pop-ups for this page and click Sign in again.',
    'signin.error.wrong-tenant': "You are signed in with an account from another organisation. Sign in with your municipality account, or ask your administrator whether Partnerzicht is set up for your organisation.",
    'signin.error.wrong-account': 'You signed in with a different account than the one you use in Outlook or Teams. Select Sign in and choose that same account.',
    'signin.error.offline': 'There is no connection, so signing in is not possible right now. Check your network and try again.',
    'signin.error.cancelled': 'Sign-in was cancelled. Click Sign in to try again.',
    'signin.error.unknown': 'Sign-in failed. Try again; if it keeps failing, contact your administrator.',
  },
} as const;

export type SignInMessageKey = keyof typeof signInMessages.nl;
