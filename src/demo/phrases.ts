import type { InteractionKind, PartnerCategory } from '../core/model';
import type { Theme } from './municipality';

/**
 * Dutch text building blocks for generated interactions. Titles and summaries read like what an
 * official writes after a contact: one line, a short summary, never the content of an email.
 */

/** Conversation topics per theme, as they appear in a title ("Overleg {topic}"). */
export const THEME_TOPICS: Readonly<Record<Theme, readonly string[]>> = {
  wonen: [
    'woningbouwprogrammering', 'huisvesting statushouders', 'doorstroming senioren', 'wachtlijsten sociale huur',
    'urgentieregeling', 'flexwonen', 'woonzorgvisie', 'huurdersparticipatie', 'betaalbaarheid van huren',
  ],
  energietransitie: [
    'wijkwarmteplan', 'isolatieprogramma', 'warmtenet Veenkwartier', 'netcongestie', 'zonnepanelen op daken',
    'energiearmoede', 'energiebesparingsplicht',
  ],
  eenzaamheid: [
    'aanpak eenzaamheid ouderen', 'Week tegen Eenzaamheid', 'ontmoetingsplekken in de wijk', 'signalering eenzaamheid bij huisbezoeken',
    'maatjesprojecten', 'coalitie tegen eenzaamheid',
  ],
  zorg: [
    'valpreventie ouderen', 'wijkverpleging en wijkteams', 'mantelzorgondersteuning', 'acute zorg in de regio',
    'zorgvervoer', 'personeelstekort in de zorg', 'Wmo-hulpmiddelen',
  ],
  mobiliteit: [
    'parkeerbeleid', 'bereikbaarheid bedrijventerrein', 'fietsroutes', 'busverbindingen', 'verkeersveiligheid schoolroutes',
    'deelmobiliteit',
  ],
  economie: [
    'uitbreidingsplannen', 'bedrijventerrein De Veenpoort', 'centrummanagement', 'vestigingsklimaat', 'regionale economische agenda',
  ],
  vastgoed: [
    'onderhoud vastgoedportefeuille', 'transformatie van kantoren naar woningen', 'herstructurering Veenkwartier',
    'grondposities en gebiedsontwikkeling', 'verduurzaming vastgoed', 'leegstand in de binnenstad',
  ],
  veiligheid: ['ondermijning', 'woonoverlast', 'cameratoezicht', 'crisisbeheersing', 'hoogwaterveiligheid', 'jeugdoverlast'],
  onderwijs: [
    'voortijdig schoolverlaten', 'stages en leerbanen', 'kansengelijkheid', 'leerlingenvervoer', 'laaggeletterdheid', 'jeugdhulp op school',
  ],
  armoede: [
    'schuldhulpverlening', 'vroegsignalering betalingsachterstanden', 'energietoeslag', 'kindregelingen', 'minimabeleid',
  ],
  werkgelegenheid: ['arbeidsmarkttekorten', 'leerwerktrajecten', 'beschut werk', 'banenafspraak', 'statushouders aan het werk'],
  klimaatadaptatie: ['wateroverlast en hemelwater', 'hittestress', 'groen in de wijk', 'klimaatstresstest', 'bodemdaling in het veen'],
};

/**
 * Topics that belong to one kind of partner (prestatieafspraken only with a corporation), with the
 * theme they count under. `{year}` is the year of the interaction.
 */
export const CATEGORY_TOPICS: Partial<Record<PartnerCategory, ReadonlyArray<{ theme: Theme; topic: string }>>> = {
  woningcorporatie: [
    { theme: 'wonen', topic: 'prestatieafspraken {year}' },
    { theme: 'wonen', topic: 'monitoring prestatieafspraken' },
    { theme: 'wonen', topic: 'bod op de woonvisie' },
  ],
  ziekenhuis: [
    { theme: 'mobiliteit', topic: 'parkeerdruk rond het ziekenhuisterrein' },
    { theme: 'zorg', topic: 'ketenzorg ouderen' },
    { theme: 'werkgelegenheid', topic: 'werven van zorgpersoneel' },
  ],
  buurgemeente: [
    { theme: 'wonen', topic: 'regionale woondeal' },
    { theme: 'economie', topic: 'regionale samenwerkingsagenda' },
    { theme: 'mobiliteit', topic: 'regionale bereikbaarheidsagenda' },
  ],
  'verbonden-partij': [
    { theme: 'economie', topic: 'ontwerpbegroting {next}' },
    { theme: 'economie', topic: 'jaarrekening {prev}' },
  ],
  bedrijf: [
    { theme: 'economie', topic: 'bedrijfsbezoek' },
    { theme: 'werkgelegenheid', topic: 'personeelswerving' },
  ],
};

/** `{topic}` and `{short}` (the partner's short name) are filled in; the first letter is capitalised. */
export const TITLE_FORMATS: Readonly<Record<Exclude<InteractionKind, 'review'>, readonly string[]>> = {
  meeting: ['Overleg {topic}', 'Ambtelijk overleg: {topic}', '{topic}: voortgangsoverleg', 'Werksessie {topic}', 'Overleg met {short} over {topic}'],
  email: ['Afstemming {topic}', 'Vraag over {topic}', 'Stukken {topic}', 'Reactie op notitie {topic}'],
  call: ['Telefonisch overleg {topic}', 'Belafspraak over {topic}', 'Teams-gesprek {topic}'],
  visit: ['Werkbezoek {short}: {topic}', 'Bezoek aan {short}', 'Rondleiding en gesprek over {topic}'],
  note: ['Signaal: {topic}', 'Notitie {topic}', 'Aantekening informeel contact over {topic}'],
};

export const ADMINISTRATIVE_TITLE_FORMATS: readonly string[] = [
  'Bestuurlijk overleg {short}: {topic}',
  'Portefeuillehoudersoverleg over {topic}',
  'Kennismaking wethouder met {short}',
];

/** `{topic}`, `{short}`, `{month}` (a Dutch month name after the date) and `{department}`. */
export const SUMMARY_FORMATS: readonly string[] = [
  'Stand van zaken {topic} besproken. {short} ziet kansen om samen op te trekken; vervolg in {month}.',
  '{short} deelt zorgen over {topic}. Wij leveren voor het volgende overleg actuele cijfers aan.',
  'Afgesproken om {topic} te agenderen voor het bestuurlijk overleg.',
  'Korte terugkoppeling over {topic}; geen nieuwe acties.',
  '{short} heeft een voorstel gedaan over {topic}; wordt intern besproken binnen {department}.',
  'Informatie uitgewisseld over {topic}. {short} stuurt de uitgangspunten na.',
  'Goed gesprek over {topic}; {short} wil eerder betrokken worden bij nieuwe plannen.',
  'Knelpunten rond {topic} geïnventariseerd; in {month} volgt een voorstel voor een gezamenlijke aanpak.',
  '{short} vraagt om duidelijkheid over {topic}. Toegezegd om voor {month} te reageren.',
];

export const NOTE_SUMMARY_FORMATS: readonly string[] = [
  'Bij een bijeenkomst kort gesproken met {short} over {topic}; zij willen graag een vervolggesprek.',
  'Signaal van {short} over {topic} doorgezet naar de collega\u2019s van {department}.',
  'Via een collega gehoord dat {short} nieuwe plannen heeft rond {topic}.',
];

export const CONFIDENTIAL_SUMMARY_FORMATS: readonly string[] = [
  'Vertrouwelijk gesprek over {topic}; details alleen bij de accounthouder.',
  'Vertrouwelijk: {short} informeerde vooraf over een reorganisatie die {topic} raakt.',
];

export const FOLLOW_UP_FORMATS: readonly string[] = [
  'Verslag rondsturen aan de deelnemers',
  'Cijfers opvragen voor het volgende overleg',
  'Vervolgafspraak plannen in {month}',
  'Terugkoppelen aan de wethouder',
  'Notitie voorbereiden voor het MT',
];

export const REVIEW_GOES_WELL: readonly string[] = [
  'Korte lijnen en een vast aanspreekpunt.',
  'Afspraken worden nagekomen.',
  'We worden serieus genomen als kennispartner.',
  'Open gesprekken, ook over lastige onderwerpen.',
];

export const REVIEW_COULD_IMPROVE: readonly string[] = [
  'Eerder betrekken bij nieuwe plannen, niet pas bij de inspraak.',
  'Minder wisselende contactpersonen.',
  'Sneller reageren op vragen.',
  'Meer terugkoppeling over wat er met onze inbreng gebeurt.',
];

export const DUTCH_MONTHS = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december',
] as const;

// --- parts for the synthetic partners of a scaled (benchmark) register ------------------------

export const PLACE_PREFIXES = [
  'Veen', 'Linde', 'Rijn', 'Turf', 'Moer', 'Beek', 'Eik', 'Hazel', 'Kraan', 'Wilg', 'Zand', 'Klei', 'Dijk', 'Molen', 'Brug',
  'Vaart', 'Sloot', 'Polder', 'Kreek', 'Berk', 'Els', 'Ooster', 'Wester', 'Noorder', 'Zuider', 'Hoog', 'Laag', 'Oud', 'Nieuw', 'Riet',
] as const;
export const PLACE_SUFFIXES = [
  'dam', 'wijk', 'hoven', 'meer', 'horst', 'broek', 'veen', 'dorp', 'zijl', 'sluis', 'loo', 'recht', 'burg', 'kerk', 'stede',
  'hout', 'weide', 'land', 'hem', 'rode',
] as const;

export const SYNTHETIC_NAME_PREFIXES: Readonly<Record<PartnerCategory, readonly string[]>> = {
  woningcorporatie: ['Woonstichting', 'Woningcorporatie', 'Wooncompagnie', 'Woonbron'],
  ziekenhuis: ['Ziekenhuis', 'Medisch Centrum', 'Streekziekenhuis'],
  zorg: ['Zorggroep', 'Thuiszorg', 'Stichting Welzijn', 'Wijkzorg', 'Jeugdhulp', 'Zorgcentrum'],
  onderwijs: ['Scholengroep', 'Stichting Primair Onderwijs', 'Lyceum', 'Kindcentrum'],
  bedrijf: ['Logistiek', 'Metaal', 'Bouwgroep', 'Voeding', 'Techniek', 'Recycling'],
  buurgemeente: ['Gemeente'],
  'verbonden-partij': ['Recreatieschap', 'Regionaal Archief', 'Milieudienst', 'Werkvoorzieningschap', 'Belastingsamenwerking'],
  overig: ['Stichting', 'Vereniging', 'Energiecoöperatie', 'Sportvereniging', 'Dorpsraad'],
};

export const SYNTHETIC_CATEGORY_THEMES: Readonly<Record<PartnerCategory, readonly Theme[]>> = {
  woningcorporatie: ['wonen', 'vastgoed', 'energietransitie', 'eenzaamheid', 'armoede'],
  ziekenhuis: ['zorg', 'mobiliteit', 'werkgelegenheid'],
  zorg: ['zorg', 'eenzaamheid', 'armoede'],
  onderwijs: ['onderwijs', 'werkgelegenheid', 'armoede'],
  bedrijf: ['economie', 'werkgelegenheid', 'energietransitie', 'mobiliteit'],
  buurgemeente: ['wonen', 'mobiliteit', 'economie', 'klimaatadaptatie', 'veiligheid'],
  'verbonden-partij': ['economie', 'veiligheid', 'klimaatadaptatie', 'werkgelegenheid'],
  overig: ['economie', 'eenzaamheid', 'energietransitie', 'armoede'],
};

export const SYNTHETIC_DESCRIPTIONS: Readonly<Record<PartnerCategory, string>> = {
  woningcorporatie: 'Woningcorporatie met sociale huurwoningen in {place} en omgeving.',
  ziekenhuis: 'Ziekenhuis in {place} met een regionale functie.',
  zorg: 'Zorg- en welzijnsorganisatie actief in {place}.',
  onderwijs: 'Onderwijsinstelling met scholen in {place}.',
  bedrijf: 'Bedrijf met een vestiging in {place}; belangrijke werkgever in de regio.',
  buurgemeente: 'Buurgemeente waarmee Veenhaven regionaal samenwerkt.',
  'verbonden-partij': 'Gemeenschappelijke regeling waarin Veenhaven met {place} samenwerkt.',
  overig: 'Maatschappelijke organisatie in {place}.',
};

export const FIRST_NAMES = [
  'Anna', 'Bart', 'Carla', 'Daan', 'Eline', 'Freek', 'Greet', 'Hugo', 'Iris', 'Jan', 'Karin', 'Luuk', 'Mirjam', 'Niels', 'Olga',
  'Pim', 'Rianne', 'Stefan', 'Tineke', 'Vincent', 'Wendy', 'Yara', 'Zeynep', 'Mohamed', 'Priya',
] as const;
export const SURNAMES = [
  'de Boer', 'Bosman', 'van Dam', 'Dijkstra', 'Evers', 'de Haan', 'Jonker', 'Koning', 'Lambregts', 'Mol', 'Nijhuis', 'Oosterhuis',
  'Prins', 'Roos', 'Scholten', 'Terpstra', 'Veenstra', 'Wouters', 'Zijlstra', 'Aydin', 'Bakker', 'Kaya',
] as const;
