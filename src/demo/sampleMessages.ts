/**
 * Sample emails and meetings for the plain-browser demo host: what Outlook or Teams would hand the
 * add-in, one item per detection case the product must handle. The `preview` stands in for the
 * body a user sees in Outlook; the product never stores it (notes are short summaries, see AVG/Woo).
 * Participants are RFC 5322 mailbox strings as Office.js and Graph return them.
 * Dates sit around the default demo moment (2026-11-26) so "today" in the demo matches.
 */

export interface SampleItem {
  id: string;
  kind: 'email' | 'meeting';
  from?: string;
  to?: string[];
  cc?: string[];
  organizer?: string;
  attendees?: string[];
  subject: string;
  /** Received (email) or start (meeting), ISO 8601 UTC. */
  date: string;
  /** Meeting end, ISO 8601 UTC. */
  end?: string;
  preview: string;
}

/** What each sample is there to show; used by the demo host's picker and by tests. */
export type SampleCase =
  | 'single-partner'
  | 'known-freemail-contact'
  | 'two-partners'
  | 'hospital-research-subdomain'
  | 'unknown-domain'
  | 'subject-mention'
  | 'automated-sender'
  | 'internal-only'
  | 'shared-domain'
  | 'neighbour-municipality'
  | 'multi-part-suffix'
  | 'idn-domain';

export const SAMPLE_ITEMS: readonly SampleItem[] = [
  {
    id: 'sample-veenland-prestatieafspraken',
    kind: 'email',
    from: '"Dijk, Henk van" <h.vandijk@woonstichtingveenland.nl>',
    to: ['"Jansen, Marieke" <m.jansen@veenhaven.nl>'],
    cc: ['Annelies Schouten <a.schouten@woonstichtingveenland.nl>'],
    subject: 'Prestatieafspraken 2027: reactie op tweede concept',
    date: '2026-11-25T08:42:00.000Z',
    preview:
      'Beste Marieke, hierbij onze reactie op het tweede concept. Over het aantal woningen voor statushouders bellen we graag nog even. Met vriendelijke groet, Henk van Dijk',
  },
  {
    id: 'sample-veenland-rvc-gmail',
    kind: 'email',
    from: 'Gerrit Brouwer <gerrit.brouwer1958@gmail.com>',
    to: ['"Jansen, Marieke" <m.jansen@veenhaven.nl>'],
    subject: 'Huurdersavond Veenkwartier',
    date: '2026-11-24T19:05:00.000Z',
    preview:
      'Marieke, als commissaris van Veenland was ik gisteren bij de huurdersavond. Bewoners vroegen veel naar de renovatieplanning; misschien goed om dat mee te nemen. Groet, Gerrit',
  },
  {
    id: 'sample-two-corporations',
    kind: 'email',
    from: '"Jansen, Marieke" <m.jansen@veenhaven.nl>',
    to: ['"Dijk, Henk van" <h.vandijk@woonstichtingveenland.nl>', '"Kramer, Joost" <j.kramer@thuisbaaswonen.nl>'],
    cc: ['"Vermeulen, Bas" <b.vermeulen@veenhaven.nl>'],
    subject: 'Uitnodiging: gezamenlijk overleg woningbouwprogrammering 2027',
    date: '2026-11-23T10:15:00.000Z',
    preview:
      'Beste Henk en Joost, graag nodig ik jullie uit voor een gezamenlijk overleg over de woningbouwprogrammering 2027. Zouden jullie je beschikbaarheid willen doorgeven?',
  },
  {
    id: 'sample-ziekenhuis-overleg',
    kind: 'meeting',
    organizer: '"Visser, Anouk" <a.visser@veenhaven.nl>',
    attendees: [
      'Ria Hofman <r.hofman@streekziekenhuisveenhaven.nl>',
      '"Öztürk, Mehmet" <m.ozturk@onderzoek.streekziekenhuisveenhaven.nl>',
      '"Mulder, Thijs" <t.mulder@veenhaven.nl>',
    ],
    subject: 'Overleg valpreventie-onderzoek en parkeerdek',
    date: '2026-11-26T13:00:00.000Z',
    end: '2026-11-26T14:00:00.000Z',
    preview: 'Agenda: 1. tussenresultaten valpreventie-onderzoek, 2. stand van zaken vergunning parkeerdek, 3. rondvraag.',
  },
  {
    id: 'sample-onbekend-domein',
    kind: 'email',
    from: 'Lisa Verhoef <l.verhoef@buurtkrachtveenhaven.nl>',
    to: ['"El Amrani, Youssef" <y.elamrani@veenhaven.nl>'],
    subject: 'Kennismaking Buurtkracht: ontmoetingsplekken tegen eenzaamheid',
    date: '2026-11-24T13:30:00.000Z',
    preview:
      'Beste Youssef, Buurtkracht is het nieuwe buurtproject van Stichting Welzijn Veenhaven en heeft een eigen website en mailadres. Ik maak graag kennis om te vertellen wat we doen.',
  },
  {
    id: 'sample-onderwerp-ggd',
    kind: 'email',
    from: '"Leeuwen, Jeroen van" <j.vanleeuwen@veenhaven.nl>',
    to: ['"Visser, Anouk" <a.visser@veenhaven.nl>'],
    subject: 'Voorbereiding bestuurlijk overleg met GGD Veenstreek',
    date: '2026-11-25T15:20:00.000Z',
    preview: 'Anouk, kun jij voor donderdag de punten voor het overleg met de GGD aanleveren? De wethouder wil vooral de gezondheidsmonitor bespreken.',
  },
  {
    id: 'sample-nieuwsbrief',
    kind: 'email',
    from: 'Omgevingsdienst Veenstreek <no-reply@odveenstreek.nl>',
    to: ['"Jansen, Marieke" <m.jansen@veenhaven.nl>'],
    subject: 'Nieuwsbrief Omgevingsdienst Veenstreek – november 2026',
    date: '2026-11-24T06:00:00.000Z',
    preview: 'In deze editie: de nieuwe werkwijze voor meldingen, cijfers over vergunningverlening en de agenda voor december. Afmelden kan onderaan deze e-mail.',
  },
  {
    id: 'sample-intern',
    kind: 'email',
    from: '"Bakker, Femke" <f.bakker@veenhaven.nl>',
    to: ['"Jansen, Marieke" <m.jansen@veenhaven.nl>'],
    // A sub-domain of the municipality's own domain: internal as well.
    cc: ['Facilitaire Zaken <facilitair@intranet.veenhaven.nl>'],
    subject: 'Planning MT-overleg december',
    date: '2026-11-25T11:05:00.000Z',
    preview: 'Hoi Marieke, het MT-overleg van 10 december schuift naar de middag. Wil jij de zaal omboeken? Dank je!',
  },
  {
    id: 'sample-zorgnetwerk',
    kind: 'email',
    from: 'Planning Zorgnetwerk Veenhaven <planning@zorgnetwerkveenhaven.nl>',
    to: ['"Visser, Anouk" <a.visser@veenhaven.nl>'],
    subject: 'Rooster wijkverpleging rond de feestdagen',
    date: '2026-11-23T09:10:00.000Z',
    preview: 'Beste Anouk, bijgaand het gezamenlijke rooster van de wijkverpleging voor de feestdagen, zodat de wijkteams weten wie bereikbaar is.',
  },
  {
    id: 'sample-veenhaven-oost',
    kind: 'meeting',
    organizer: '"Bos, Ingrid" <i.bos@veenhaven-oost.nl>',
    attendees: [
      '"Leeuwen, Jeroen van" <j.vanleeuwen@veenhaven.nl>',
      '"Jansen, Marieke" <m.jansen@veenhaven.nl>',
      'Rob van Dam <r.vandam@veenhaven-oost.nl>',
    ],
    subject: 'Regionale woondeal: afstemming bouwopgave 2027',
    date: '2026-11-30T09:00:00.000Z',
    end: '2026-11-30T10:30:00.000Z',
    preview: 'Afstemming over de verdeling van de bouwopgave 2027 en de inbreng voor het portefeuillehoudersoverleg.',
  },
  {
    id: 'sample-northbridge',
    kind: 'email',
    from: 'Jan Smits <j.smits@northbridgepackaging.co.uk>',
    to: ['"Bakker, Femke" <f.bakker@veenhaven.nl>'],
    cc: ['"Henderson, Claire" <claire.henderson@northbridgepackaging.co.uk>'],
    subject: 'Investeringsbesluit fabriek Veenhaven',
    date: '2026-11-23T14:45:00.000Z',
    preview:
      'Beste Femke, het hoofdkantoor beslist in januari over de nieuwe productielijn. Bereikbaarheid voor de ploegendiensten weegt mee; kunnen we daar voor die tijd over praten?',
  },
  {
    id: 'sample-veenweide-idn',
    kind: 'email',
    // Outlook shows an internationalised domain in Unicode; the register stores it as xn--.
    from: 'Hennie Blom <h.blom@zorgcoöperatieveenweide.nl>',
    to: ['"El Amrani, Youssef" <y.elamrani@veenhaven.nl>'],
    subject: 'Vraag over huisvesting van onze coöperatie',
    date: '2026-11-25T09:30:00.000Z',
    preview: 'Beste Youssef, ons ontmoetingspunt moet per 1 maart uit het huidige pand. Weet de gemeente een geschikte ruimte in de Veenweide?',
  },
];

/** The detection case each sample demonstrates, and the partner ids a correct detection offers. */
export const SAMPLE_EXPECTATIONS: Readonly<Record<string, { case: SampleCase; partnerIds: readonly string[]; note: string }>> = {
  'sample-veenland-prestatieafspraken': {
    case: 'single-partner',
    partnerIds: ['p-woonstichting-veenland'],
    note: 'Sender and cc on the corporation\u2019s domain: one partner, recognised at once.',
  },
  'sample-veenland-rvc-gmail': {
    case: 'known-freemail-contact',
    partnerIds: ['p-woonstichting-veenland'],
    note: 'gmail.com never identifies an organisation; the exact address is a known contact of Veenland.',
  },
  'sample-two-corporations': {
    case: 'two-partners',
    partnerIds: ['p-woonstichting-veenland', 'p-thuisbaas-wonen'],
    note: 'Two corporations in one email: the user chooses, and the choice sticks for this email.',
  },
  'sample-ziekenhuis-overleg': {
    case: 'hospital-research-subdomain',
    partnerIds: ['p-streekziekenhuis-veenhaven'],
    note: 'onderzoek.streekziekenhuisveenhaven.nl belongs to its registrable domain: still one partner.',
  },
  'sample-onbekend-domein': {
    case: 'unknown-domain',
    partnerIds: [],
    note: 'No partner uses buurtkrachtveenhaven.nl; offer "link this domain" (to Stichting Welzijn Veenhaven).',
  },
  'sample-onderwerp-ggd': {
    case: 'subject-mention',
    partnerIds: ['p-ggd-veenstreek'],
    note: 'Only colleagues take part; the partner is named in the subject, so suggest it, do not assume it.',
  },
  'sample-nieuwsbrief': {
    case: 'automated-sender',
    partnerIds: ['p-omgevingsdienst-veenstreek'],
    note: 'A no-reply newsletter on a partner\u2019s domain: the partner may be shown, flagged as automated; nothing is created or logged by itself.',
  },
  'sample-intern': {
    case: 'internal-only',
    partnerIds: [],
    note: 'Only veenhaven.nl and its sub-domain: internal, no partner.',
  },
  'sample-zorgnetwerk': {
    case: 'shared-domain',
    partnerIds: ['p-thuiszorg-de-linde', 'p-wijkverpleging-veenhart'],
    note: 'Two care organisations share zorgnetwerkveenhaven.nl and the sender is no known contact: the user chooses.',
  },
  'sample-veenhaven-oost': {
    case: 'neighbour-municipality',
    partnerIds: ['p-gemeente-veenhaven-oost'],
    note: 'veenhaven-oost.nl contains the municipality\u2019s name but is another organisation, not internal.',
  },
  'sample-northbridge': {
    case: 'multi-part-suffix',
    partnerIds: ['p-northbridge-packaging'],
    note: 'northbridgepackaging.co.uk: the registrable domain sits under the two-part suffix co.uk.',
  },
  'sample-veenweide-idn': {
    case: 'idn-domain',
    partnerIds: ['p-zorgcooperatie-de-veenweide'],
    note: 'Unicode domain in the address, punycode (xn--) in the register: the same domain.',
  },
};
