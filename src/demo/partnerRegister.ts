import type { PartnerCategory, PartnerStatus } from '../core/model';
import type { Department, Theme } from './municipality';

/**
 * The hand-written partner register of Gemeente Veenhaven. Every organisation, person and domain
 * is invented; names are built on the fictional places Veenhaven, Lindeveen and Turfmeer and the
 * region Veenstreek, so they are unlikely to belong to a real organisation. "Veenland" is kept for
 * the housing corporation alone: its alias must not turn up inside other partners' names, or every
 * subject mentioning them would also suggest the corporation.
 */

export interface DemoContact {
  name: string;
  /** Lower-case, ASCII (an IDN domain in its xn-- form), as the register stores it. */
  email: string;
  role: string;
}

export interface PartnerSpec {
  slug: string;
  name: string;
  category: PartnerCategory;
  aliases: string[];
  domains: string[];
  contacts: DemoContact[];
  /** Official's email; absent on purpose for the ownerless partner. */
  owner?: string;
  themes: Theme[];
  description: string;
  rhythmDays: number;
  status: PartnerStatus;
  /** For a proposed partner: the official who proposed it from a pane, and how many days before `now`. */
  proposedBy?: string;
  proposedDaysAgo?: number;
  /** Generated (not scripted) interactions at the default scale. */
  volume: number;
  /** Which departments talk to this partner, and how often relative to each other. */
  departments: Partial<Record<Department, number>>;
  /**
   * Days before `now` of the latest contact. Chosen per partner so the rhythm patterns of the
   * overview (quiet partners, healthy ones) come out the same for every `now`.
   */
  lastContactDaysAgo?: number;
}

/** The consortium domain two home-care organisations share for their joint planning office. */
export const SHARED_CONSORTIUM_DOMAIN = 'zorgnetwerkveenhaven.nl';

/** zorgcoöperatieveenweide.nl in ASCII (punycode) form; the register stores the normalised form. */
export const IDN_DOMAIN = 'xn--zorgcoperatieveenweide-zhc.nl';
export const IDN_DOMAIN_UNICODE = 'zorgcoöperatieveenweide.nl';

export const PARTNER_SPECS: readonly PartnerSpec[] = [
  // --- woningcorporaties -------------------------------------------------------------------
  {
    slug: 'woonstichting-veenland',
    name: 'Woonstichting Veenland',
    category: 'woningcorporatie',
    aliases: ['Veenland', 'WSV'],
    domains: ['woonstichtingveenland.nl', 'veenlandwonen.nl'],
    contacts: [
      { name: 'Henk van Dijk', email: 'h.vandijk@woonstichtingveenland.nl', role: 'directeur-bestuurder' },
      { name: 'Annelies Schouten', email: 'a.schouten@woonstichtingveenland.nl', role: 'manager vastgoed' },
      { name: 'Joris Meijer', email: 'j.meijer@veenlandwonen.nl', role: 'wijkconsulent' },
      // A supervisory-board member writes from a private address: only the exact contact matches.
      { name: 'Gerrit Brouwer', email: 'gerrit.brouwer1958@gmail.com', role: 'lid raad van commissarissen' },
    ],
    owner: 'm.jansen@veenhaven.nl',
    themes: ['vastgoed', 'wonen', 'energietransitie', 'eenzaamheid', 'klimaatadaptatie'],
    description:
      'Grootste woningcorporatie van Veenhaven met ruim 9.000 huurwoningen en veel kennis van vastgoedontwikkeling, transformatie en beheer in de wijken. Heeft aangeboden mee te denken over gemeentelijk vastgoed.',
    rhythmDays: 30,
    status: 'active',
    volume: 42,
    departments: { Wonen: 6, 'Ruimtelijke Ordening': 2, 'Duurzaamheid en Energie': 2, 'Sociaal Domein': 1, 'Zorg en Welzijn': 1, Veiligheid: 0.5 },
    lastContactDaysAgo: 6,
  },
  {
    slug: 'thuisbaas-wonen',
    name: 'Thuisbaas Wonen',
    category: 'woningcorporatie',
    aliases: ['Thuisbaas'],
    domains: ['thuisbaaswonen.nl'],
    contacts: [
      { name: 'Joost Kramer', email: 'j.kramer@thuisbaaswonen.nl', role: 'directeur' },
      { name: 'Naima Haddou', email: 'n.haddou@thuisbaaswonen.nl', role: 'strategisch adviseur wonen' },
    ],
    owner: 'b.vermeulen@veenhaven.nl',
    themes: ['wonen', 'armoede', 'eenzaamheid', 'energietransitie'],
    description:
      'Woningcorporatie met circa 4.500 woningen in Veenhaven-Noord en de kernen. Sterk in huurdersparticipatie en vroegsignalering van betalingsachterstanden.',
    rhythmDays: 45,
    status: 'active',
    volume: 28,
    departments: { Wonen: 5, 'Sociaal Domein': 2, 'Duurzaamheid en Energie': 1, Bestuursondersteuning: 1 },
    lastContactDaysAgo: 12,
  },
  {
    slug: 'stichting-veenhof-wonen',
    name: 'Stichting Veenhof Wonen',
    category: 'woningcorporatie',
    aliases: ['Veenhof Wonen', 'Veenhof'],
    domains: ['veenhofwonen.nl'],
    contacts: [{ name: 'Lieke de Wit', email: 'l.dewit@veenhofwonen.nl', role: 'bestuurder' }],
    owner: 'b.vermeulen@veenhaven.nl',
    themes: ['wonen', 'zorg', 'klimaatadaptatie'],
    description: 'Kleine corporatie met 800 woningen rond het Veenhofplein, gericht op wonen met zorg voor ouderen.',
    rhythmDays: 90,
    status: 'active',
    volume: 11,
    departments: { Wonen: 3, 'Zorg en Welzijn': 2, 'Ruimtelijke Ordening': 1 },
    lastContactDaysAgo: 35,
  },

  // --- ziekenhuizen ------------------------------------------------------------------------
  {
    slug: 'streekziekenhuis-veenhaven',
    name: 'Streekziekenhuis Veenhaven',
    category: 'ziekenhuis',
    aliases: ['SZV', 'Streekziekenhuis'],
    domains: ['streekziekenhuisveenhaven.nl', 'szveenhaven.nl'],
    contacts: [
      { name: 'Ria Hofman', email: 'r.hofman@streekziekenhuisveenhaven.nl', role: 'lid raad van bestuur' },
      // The research department mails from a sub-domain; it belongs to the hospital by its registrable domain.
      { name: 'Mehmet Öztürk', email: 'm.ozturk@onderzoek.streekziekenhuisveenhaven.nl', role: 'senior onderzoeker ouderengeneeskunde' },
      { name: 'Eva Lammers', email: 'e.lammers@onderzoek.streekziekenhuisveenhaven.nl', role: 'hoofd wetenschappelijk onderzoek' },
      { name: 'Paul Vos', email: 'p.vos@szveenhaven.nl', role: 'manager facilitair bedrijf' },
    ],
    owner: 'a.visser@veenhaven.nl',
    themes: ['zorg', 'mobiliteit', 'werkgelegenheid', 'eenzaamheid'],
    description:
      'Regionaal ziekenhuis met 2.400 medewerkers en een eigen onderzoeksafdeling ouderengeneeskunde. De parkeerdruk rond het terrein is een terugkerend gespreksonderwerp.',
    rhythmDays: 45,
    status: 'active',
    volume: 36,
    departments: { 'Zorg en Welzijn': 4, 'Mobiliteit en Verkeer': 4, Economie: 1, 'Sociaal Domein': 1, Veiligheid: 1, Bestuursondersteuning: 1 },
    lastContactDaysAgo: 9,
  },
  {
    slug: 'rivierziekenhuis-lindeveen',
    name: 'Rivierziekenhuis Lindeveen',
    category: 'ziekenhuis',
    aliases: ['Rivierziekenhuis'],
    domains: ['rivierziekenhuislindeveen.nl'],
    contacts: [{ name: 'Sjoerd Kuipers', email: 's.kuipers@rivierziekenhuislindeveen.nl', role: 'manager zorgnetwerk' }],
    owner: 'a.visser@veenhaven.nl',
    themes: ['zorg', 'werkgelegenheid'],
    description: 'Ziekenhuis in buurgemeente Lindeveen waar veel inwoners van Veenhaven-Zuid terechtkunnen voor specialistische zorg.',
    rhythmDays: 120,
    status: 'active',
    volume: 9,
    departments: { 'Zorg en Welzijn': 3, 'Sociaal Domein': 1 },
    lastContactDaysAgo: 50,
  },

  // --- zorg en welzijn ---------------------------------------------------------------------
  {
    slug: 'zorggroep-veenstroom',
    name: 'Zorggroep Veenstroom',
    category: 'zorg',
    aliases: ['Veenstroom'],
    domains: ['zorggroepveenstroom.nl'],
    contacts: [
      { name: 'Margreet van den Berg', email: 'm.vandenberg@zorggroepveenstroom.nl', role: 'bestuurder' },
      { name: 'Tom Peters', email: 't.peters@zorggroepveenstroom.nl', role: 'manager wonen en welzijn' },
    ],
    owner: 'a.visser@veenhaven.nl',
    themes: ['zorg', 'eenzaamheid', 'wonen'],
    description:
      'Ouderenzorgorganisatie met vier verpleeghuizen en wijkteams in Veenhaven. Kent de eenzaamheid onder thuiswonende ouderen van dichtbij.',
    rhythmDays: 60,
    status: 'active',
    volume: 13,
    departments: { 'Zorg en Welzijn': 4, 'Sociaal Domein': 2, Wonen: 1 },
    // Quiet: last contact far past its 60-day rhythm.
    lastContactDaysAgo: 150,
  },
  {
    slug: 'stichting-welzijn-veenhaven',
    name: 'Stichting Welzijn Veenhaven',
    category: 'zorg',
    aliases: ['Welzijn Veenhaven'],
    domains: ['welzijnveenhaven.nl'],
    contacts: [
      { name: 'Karin de Groot', email: 'k.degroot@welzijnveenhaven.nl', role: 'directeur' },
      { name: 'Okan Yilmaz', email: 'o.yilmaz@welzijnveenhaven.nl', role: 'opbouwwerker' },
    ],
    owner: 'y.elamrani@veenhaven.nl',
    themes: ['eenzaamheid', 'armoede', 'zorg'],
    description:
      'Welzijnsorganisatie voor opbouwwerk, mantelzorgondersteuning en de buurthuizen. Trekker van de lokale coalitie tegen eenzaamheid.',
    rhythmDays: 30,
    status: 'active',
    volume: 27,
    departments: { 'Sociaal Domein': 5, 'Zorg en Welzijn': 3, Wonen: 1, Veiligheid: 1 },
    lastContactDaysAgo: 4,
  },
  {
    slug: 'thuiszorg-de-linde',
    name: 'Thuiszorg De Linde',
    category: 'zorg',
    aliases: ['De Linde'],
    domains: ['thuiszorgdelinde.nl', SHARED_CONSORTIUM_DOMAIN],
    contacts: [{ name: 'Astrid Wouters', email: 'a.wouters@thuiszorgdelinde.nl', role: 'regiomanager' }],
    owner: 'a.visser@veenhaven.nl',
    themes: ['zorg', 'eenzaamheid'],
    description:
      'Thuiszorgaanbieder in de westelijke kernen. Deelt met Wijkverpleging Veenhart het planningsbureau en het domein van Zorgnetwerk Veenhaven.',
    rhythmDays: 90,
    status: 'active',
    volume: 10,
    departments: { 'Zorg en Welzijn': 3, 'Sociaal Domein': 1 },
    lastContactDaysAgo: 40,
  },
  {
    slug: 'wijkverpleging-veenhart',
    name: 'Wijkverpleging Veenhart',
    category: 'zorg',
    aliases: ['Veenhart'],
    domains: ['veenhartwijkzorg.nl', SHARED_CONSORTIUM_DOMAIN],
    contacts: [{ name: 'Daan Koster', email: 'd.koster@veenhartwijkzorg.nl', role: 'teamleider wijkverpleging' }],
    owner: 'a.visser@veenhaven.nl',
    themes: ['zorg', 'eenzaamheid', 'veiligheid'],
    description: 'Wijkverpleging in Veenhaven-Centrum en -Zuid, onderdeel van het samenwerkingsverband Zorgnetwerk Veenhaven.',
    rhythmDays: 90,
    status: 'active',
    volume: 10,
    departments: { 'Zorg en Welzijn': 2, 'Sociaal Domein': 2 },
    lastContactDaysAgo: 28,
  },
  {
    slug: 'zorgcooperatie-de-veenweide',
    name: 'Zorgcoöperatie De Veenweide',
    category: 'zorg',
    aliases: ['De Veenweide', 'Zorgcooperatie Veenweide'],
    domains: [IDN_DOMAIN],
    contacts: [{ name: 'Hennie Blom', email: `h.blom@${IDN_DOMAIN}`, role: 'voorzitter' }],
    owner: 'y.elamrani@veenhaven.nl',
    themes: ['zorg', 'eenzaamheid', 'armoede'],
    description:
      'Bewonerscoöperatie in de Veenweide die zorg en ondersteuning voor ouderen zelf organiseert. Voorbeeld van een burgerinitiatief in het sociaal domein.',
    rhythmDays: 120,
    status: 'active',
    volume: 8,
    departments: { 'Sociaal Domein': 2, 'Zorg en Welzijn': 2 },
    lastContactDaysAgo: 60,
  },
  {
    slug: 'jeugdhulp-veenstreek',
    name: 'Jeugdhulp Veenstreek',
    category: 'zorg',
    aliases: ['JHV'],
    domains: ['jeugdhulpveenstreek.nl'],
    contacts: [
      { name: 'Sarita Ramdin', email: 's.ramdin@jeugdhulpveenstreek.nl', role: 'directeur' },
      { name: 'Mark Wolters', email: 'm.wolters@jeugdhulpveenstreek.nl', role: 'manager wijkteams jeugd' },
    ],
    owner: 'y.elamrani@veenhaven.nl',
    themes: ['zorg', 'onderwijs', 'veiligheid'],
    description: 'Aanbieder van ambulante jeugdhulp en gezinsbegeleiding in de regio, werkt in de wijkteams en op scholen.',
    rhythmDays: 60,
    status: 'active',
    volume: 16,
    departments: { 'Sociaal Domein': 3, Onderwijs: 2, Veiligheid: 1 },
    lastContactDaysAgo: 21,
  },

  // --- onderwijs ---------------------------------------------------------------------------
  {
    slug: 'roc-veenstreek-college',
    name: 'ROC Veenstreek College',
    category: 'onderwijs',
    aliases: ['ROC Veenstreek', 'Veenstreek College'],
    domains: ['rocveenstreek.nl'],
    contacts: [
      { name: 'Wim de Jong', email: 'w.dejong@rocveenstreek.nl', role: 'voorzitter college van bestuur' },
      { name: 'Fatima Ahmadi', email: 'f.ahmadi@rocveenstreek.nl', role: 'coördinator praktijkleren' },
    ],
    owner: 'r.smit@veenhaven.nl',
    themes: ['onderwijs', 'werkgelegenheid', 'zorg'],
    description:
      'Regionaal opleidingscentrum met 7.000 mbo-studenten in onder meer zorg, techniek en logistiek. Partner in de aanpak van tekorten op de arbeidsmarkt.',
    rhythmDays: 60,
    status: 'active',
    volume: 17,
    departments: { Onderwijs: 3, Economie: 2, 'Sociaal Domein': 1 },
    // Quiet: last contact past its 60-day rhythm.
    lastContactDaysAgo: 125,
  },
  {
    slug: 'scholengroep-veenhaven',
    name: 'Scholengroep Veenhaven',
    category: 'onderwijs',
    aliases: ['Scholengroep'],
    domains: ['scholengroepveenhaven.nl'],
    contacts: [{ name: 'Erik Jacobs', email: 'e.jacobs@scholengroepveenhaven.nl', role: 'rector-bestuurder' }],
    owner: 'r.smit@veenhaven.nl',
    themes: ['onderwijs', 'veiligheid', 'mobiliteit'],
    description: 'Bestuur van drie scholen voor voortgezet onderwijs met samen 3.200 leerlingen.',
    rhythmDays: 60,
    status: 'active',
    volume: 13,
    departments: { Onderwijs: 3, 'Mobiliteit en Verkeer': 1, Veiligheid: 1 },
    lastContactDaysAgo: 18,
  },
  {
    slug: 'stichting-kindwijs-veenhaven',
    name: 'Stichting Kindwijs Veenhaven',
    category: 'onderwijs',
    aliases: ['Kindwijs'],
    domains: ['kindwijsveenhaven.nl'],
    contacts: [{ name: 'Monique van Rijn', email: 'm.vanrijn@kindwijsveenhaven.nl', role: 'bestuurder' }],
    owner: 'r.smit@veenhaven.nl',
    themes: ['onderwijs', 'armoede'],
    description: 'Stichting voor primair onderwijs met veertien basisscholen in Veenhaven en omgeving.',
    rhythmDays: 90,
    status: 'active',
    volume: 9,
    // Seen by one department only.
    departments: { Onderwijs: 1 },
    lastContactDaysAgo: 30,
  },
  {
    slug: 'hogeschool-rijnveen',
    name: 'Hogeschool Rijnveen',
    category: 'onderwijs',
    aliases: ['Rijnveen'],
    domains: ['hogeschoolrijnveen.nl'],
    contacts: [{ name: 'Pieter van der Molen', email: 'p.vandermolen@hogeschoolrijnveen.nl', role: 'lector energietransitie' }],
    owner: 'l.hendriks@veenhaven.nl',
    themes: ['energietransitie', 'onderwijs', 'klimaatadaptatie'],
    description: 'Hogeschool met een lectoraat energietransitie in de gebouwde omgeving; voorgesteld als nieuwe kennispartner.',
    rhythmDays: 120,
    status: 'proposed',
    proposedBy: 'l.hendriks@veenhaven.nl',
    proposedDaysAgo: 19,
    volume: 0,
    departments: { 'Duurzaamheid en Energie': 1 },
    lastContactDaysAgo: 20,
  },

  // --- bedrijven ---------------------------------------------------------------------------
  {
    slug: 'veenhoeve-zuivel',
    name: 'Veenhoeve Zuivel B.V.',
    category: 'bedrijf',
    aliases: ['Veenhoeve Zuivel', 'Veenhoeve'],
    domains: ['veenhoevezuivel.nl'],
    contacts: [{ name: 'Gert Hermans', email: 'g.hermans@veenhoevezuivel.nl', role: 'vestigingsdirecteur' }],
    owner: 'f.bakker@veenhaven.nl',
    themes: ['economie', 'werkgelegenheid', 'energietransitie'],
    description: 'Zuivelfabriek met 600 medewerkers, de grootste private werkgever van Veenhaven. Wordt eens per jaar bezocht door de accountmanager.',
    rhythmDays: 180,
    status: 'active',
    volume: 1,
    // The one yearly visit by the economy account manager, and nothing else.
    departments: { Economie: 1 },
    // Quiet: even the yearly visit is overdue.
    lastContactDaysAgo: 290,
  },
  {
    slug: 'northbridge-packaging',
    name: 'Northbridge Packaging Ltd',
    category: 'bedrijf',
    aliases: ['Northbridge'],
    domains: ['northbridgepackaging.co.uk', 'northbridge-veenhaven.nl'],
    contacts: [
      { name: 'Claire Henderson', email: 'claire.henderson@northbridgepackaging.co.uk', role: 'operations director Europe' },
      { name: 'Jan Smits', email: 'j.smits@northbridge-veenhaven.nl', role: 'plant manager Veenhaven' },
    ],
    owner: 'f.bakker@veenhaven.nl',
    themes: ['economie', 'werkgelegenheid', 'mobiliteit'],
    description:
      'Britse verpakkingsproducent met een fabriek op bedrijventerrein De Veenpoort (350 banen). Over investeringen in de vestiging beslist het hoofdkantoor in Engeland.',
    rhythmDays: 120,
    status: 'active',
    volume: 6,
    departments: { Economie: 1 },
    lastContactDaysAgo: 45,
  },
  {
    slug: 'brenneke-waermesysteme',
    name: 'Brenneke Wärmesysteme GmbH',
    category: 'bedrijf',
    aliases: ['Brenneke'],
    domains: ['brenneke-waermesysteme.de'],
    contacts: [
      { name: 'Katrin Brenneke', email: 'k.brenneke@brenneke-waermesysteme.de', role: 'Geschäftsführerin' },
      { name: 'Matthias Vogel', email: 'm.vogel@brenneke-waermesysteme.de', role: 'projectleider Nederland' },
    ],
    owner: 'l.hendriks@veenhaven.nl',
    themes: ['energietransitie', 'economie'],
    description:
      'Duitse leverancier van warmtepompen en warmtenetcomponenten die het warmtenet in het Veenkwartier mee aanlegt. Onderzoekt een servicevestiging in Veenhaven.',
    rhythmDays: 90,
    status: 'active',
    volume: 6,
    departments: { 'Duurzaamheid en Energie': 1 },
    lastContactDaysAgo: 33,
  },
  {
    slug: 'van-der-meer-logistiek',
    name: 'Van der Meer Logistiek',
    category: 'bedrijf',
    aliases: ['Van der Meer'],
    domains: ['vandermeerlogistiek.nl'],
    contacts: [{ name: 'Arjan van der Meer', email: 'a.vandermeer@vandermeerlogistiek.nl', role: 'eigenaar' }],
    owner: 'f.bakker@veenhaven.nl',
    themes: ['economie', 'mobiliteit', 'werkgelegenheid'],
    description: 'Transportbedrijf dat in 2025 het distributiecentrum in Veenhaven sloot en naar Lindeveen verhuisde.',
    rhythmDays: 180,
    status: 'inactive',
    volume: 5,
    departments: { Economie: 2, 'Mobiliteit en Verkeer': 1 },
    lastContactDaysAgo: 420,
  },
  {
    slug: 'bouwbedrijf-hoekstra',
    name: 'Bouwbedrijf Hoekstra',
    category: 'bedrijf',
    aliases: ['Hoekstra Bouw'],
    domains: ['hoekstrabouwveenhaven.nl'],
    contacts: [{ name: 'Sietse Hoekstra', email: 's.hoekstra@hoekstrabouwveenhaven.nl', role: 'directeur' }],
    owner: 's.devries@veenhaven.nl',
    themes: ['wonen', 'werkgelegenheid', 'vastgoed'],
    description: 'Middelgroot bouwbedrijf uit Veenhaven voor nieuwbouw en renovatie; leerbedrijf voor bouwstudenten van het ROC.',
    rhythmDays: 90,
    status: 'active',
    volume: 4,
    departments: { 'Ruimtelijke Ordening': 2, Economie: 1 },
    lastContactDaysAgo: 25,
  },

  // --- buurgemeenten -----------------------------------------------------------------------
  {
    slug: 'gemeente-veenhaven-oost',
    name: 'Gemeente Veenhaven-Oost',
    category: 'buurgemeente',
    aliases: ['Veenhaven-Oost'],
    // Contains "veenhaven" but is its own registrable domain: never internal.
    domains: ['veenhaven-oost.nl'],
    contacts: [
      { name: 'Ingrid Bos', email: 'i.bos@veenhaven-oost.nl', role: 'strategisch adviseur' },
      { name: 'Rob van Dam', email: 'r.vandam@veenhaven-oost.nl', role: 'gemeentesecretaris' },
    ],
    owner: 'j.vanleeuwen@veenhaven.nl',
    themes: ['wonen', 'mobiliteit', 'economie', 'veiligheid'],
    description: 'Buurgemeente waarmee Veenhaven een samenwerkingsagenda heeft op wonen, bereikbaarheid en de regionale economie.',
    rhythmDays: 30,
    status: 'active',
    volume: 24,
    departments: { Bestuursondersteuning: 3, Wonen: 2, 'Mobiliteit en Verkeer': 2, Economie: 1, Veiligheid: 1, 'Ruimtelijke Ordening': 1 },
    lastContactDaysAgo: 8,
  },
  {
    slug: 'gemeente-lindeveen',
    name: 'Gemeente Lindeveen',
    category: 'buurgemeente',
    aliases: ['Lindeveen'],
    domains: ['lindeveen.nl'],
    contacts: [{ name: 'Hanneke Meulenbelt', email: 'h.meulenbelt@lindeveen.nl', role: 'beleidsadviseur regionale samenwerking' }],
    owner: 'j.vanleeuwen@veenhaven.nl',
    themes: ['mobiliteit', 'klimaatadaptatie', 'economie', 'onderwijs'],
    description: 'Buurgemeente aan de rivierkant; samen verantwoordelijk voor leerlingenvervoer en de dijkversterking.',
    rhythmDays: 45,
    status: 'active',
    volume: 18,
    departments: { Bestuursondersteuning: 2, 'Mobiliteit en Verkeer': 2, 'Duurzaamheid en Energie': 1, Economie: 1, Onderwijs: 1 },
    lastContactDaysAgo: 19,
  },
  {
    slug: 'gemeente-turfmeer',
    name: 'Gemeente Turfmeer',
    category: 'buurgemeente',
    aliases: ['Turfmeer'],
    domains: ['turfmeer.nl'],
    contacts: [{ name: 'Kees Brink', email: 'k.brink@turfmeer.nl', role: 'burgemeester' }],
    owner: 'j.vanleeuwen@veenhaven.nl',
    themes: ['klimaatadaptatie', 'wonen', 'veiligheid'],
    description: 'Kleine plattelandsgemeente ten noorden van Veenhaven; de samenwerkingsagenda uit 2024 is niet vernieuwd.',
    rhythmDays: 90,
    status: 'active',
    volume: 6,
    departments: { Bestuursondersteuning: 2, 'Ruimtelijke Ordening': 1, 'Duurzaamheid en Energie': 1 },
    // Quiet: past its 90-day rhythm.
    lastContactDaysAgo: 210,
  },

  // --- verbonden partijen ------------------------------------------------------------------
  {
    slug: 'afvalbeheer-veenstreek',
    name: 'Afvalbeheer Veenstreek N.V.',
    category: 'verbonden-partij',
    aliases: ['Afvalbeheer Veenstreek', 'AVS'],
    domains: ['afvalbeheerveenstreek.nl'],
    contacts: [{ name: 'Frank Verbeek', email: 'f.verbeek@afvalbeheerveenstreek.nl', role: 'directeur' }],
    owner: 'l.hendriks@veenhaven.nl',
    themes: ['energietransitie', 'klimaatadaptatie', 'economie'],
    description: 'Regionaal afvalinzamel- en verwerkingsbedrijf van zes gemeenten; Veenhaven is de grootste aandeelhouder.',
    rhythmDays: 60,
    status: 'active',
    volume: 13,
    departments: { 'Duurzaamheid en Energie': 3, Bestuursondersteuning: 1, Economie: 1 },
    lastContactDaysAgo: 14,
  },
  {
    slug: 'ggd-veenstreek',
    name: 'GGD Veenstreek',
    category: 'verbonden-partij',
    aliases: ['GGD'],
    domains: ['ggdveenstreek.nl'],
    contacts: [
      { name: 'Marloes Vink', email: 'm.vink@ggdveenstreek.nl', role: 'directeur publieke gezondheid' },
      { name: 'Bram Claassen', email: 'b.claassen@ggdveenstreek.nl', role: 'epidemioloog' },
    ],
    owner: 'a.visser@veenhaven.nl',
    themes: ['zorg', 'eenzaamheid', 'veiligheid', 'onderwijs'],
    description: 'Gemeenschappelijke regeling voor publieke gezondheid; levert de gezondheidsmonitor en de jeugdgezondheidszorg.',
    rhythmDays: 45,
    status: 'active',
    volume: 20,
    departments: { 'Zorg en Welzijn': 4, 'Sociaal Domein': 2, Onderwijs: 1, Veiligheid: 1, Bestuursondersteuning: 1 },
    lastContactDaysAgo: 11,
  },
  {
    slug: 'omgevingsdienst-veenstreek',
    name: 'Omgevingsdienst Veenstreek',
    category: 'verbonden-partij',
    aliases: ['ODV', 'Omgevingsdienst'],
    domains: ['odveenstreek.nl', 'omgevingsdienstveenstreek.nl'],
    contacts: [
      { name: 'Anton van der Heijden', email: 'a.vanderheijden@odveenstreek.nl', role: 'accountmanager gemeenten' },
      { name: 'Yvonne Maas', email: 'y.maas@odveenstreek.nl', role: 'teamleider vergunningen' },
    ],
    // No owner on purpose: everyone works with the Omgevingsdienst, nobody holds the relationship.
    themes: ['klimaatadaptatie', 'energietransitie', 'veiligheid', 'economie'],
    description: 'Voert vergunningverlening, toezicht en handhaving op milieu uit voor de gemeenten in de Veenstreek.',
    rhythmDays: 60,
    status: 'active',
    volume: 17,
    departments: { 'Ruimtelijke Ordening': 3, 'Duurzaamheid en Energie': 2, Veiligheid: 1, Economie: 1, Vastgoed: 1 },
    lastContactDaysAgo: 16,
  },
  {
    slug: 'veiligheidsregio-veenstreek',
    name: 'Veiligheidsregio Veenstreek',
    category: 'verbonden-partij',
    aliases: ['VRV', 'Veiligheidsregio'],
    domains: ['vrveenstreek.nl'],
    contacts: [{ name: 'Dirk Schipper', email: 'd.schipper@vrveenstreek.nl', role: 'regionaal crisiscoördinator' }],
    owner: 'k.bouzid@veenhaven.nl',
    themes: ['veiligheid', 'klimaatadaptatie', 'zorg'],
    description: 'Brandweer, GHOR en crisisbeheersing voor de regio; werkt aan het evacuatieplan bij hoogwater.',
    rhythmDays: 60,
    status: 'active',
    volume: 13,
    departments: { Veiligheid: 4, Bestuursondersteuning: 1, 'Duurzaamheid en Energie': 1 },
    lastContactDaysAgo: 22,
  },
  {
    slug: 'werkbedrijf-veenstreek',
    name: 'Werkbedrijf Veenstreek',
    category: 'verbonden-partij',
    aliases: ['Werkbedrijf'],
    domains: ['werkbedrijfveenstreek.nl'],
    contacts: [{ name: 'Nicole Hartman', email: 'n.hartman@werkbedrijfveenstreek.nl', role: 'directeur' }],
    owner: 'y.elamrani@veenhaven.nl',
    themes: ['werkgelegenheid', 'armoede', 'economie'],
    description: 'Regionaal werkbedrijf voor re-integratie en beschut werk, uitvoerder van de Participatiewet voor vier gemeenten.',
    rhythmDays: 45,
    status: 'active',
    volume: 18,
    departments: { 'Sociaal Domein': 4, Economie: 2 },
    lastContactDaysAgo: 10,
  },

  // --- overig ------------------------------------------------------------------------------
  {
    slug: 'energiecooperatie-veenhaven-duurzaam',
    name: 'Energiecoöperatie Veenhaven Duurzaam',
    category: 'overig',
    aliases: ['Veenhaven Duurzaam'],
    domains: ['veenhavenduurzaam.nl'],
    contacts: [
      // Volunteer chair on a consumer ISP address: matched by the exact address only.
      { name: 'Bert Timmermans', email: 'b.timmermans@kpnmail.nl', role: 'voorzitter' },
      { name: 'Lisa Kuijpers', email: 'info@veenhavenduurzaam.nl', role: 'secretariaat' },
    ],
    owner: 'l.hendriks@veenhaven.nl',
    themes: ['energietransitie', 'klimaatadaptatie'],
    description: 'Coöperatie van 900 leden die zonnedaken en een buurtwarmte-initiatief exploiteert.',
    rhythmDays: 60,
    status: 'active',
    volume: 10,
    departments: { 'Duurzaamheid en Energie': 3, Vastgoed: 1 },
    lastContactDaysAgo: 26,
  },
  {
    slug: 'voedselbank-veenhaven',
    name: 'Voedselbank Veenhaven',
    category: 'overig',
    aliases: ['Voedselbank'],
    domains: ['voedselbankveenhaven.nl'],
    contacts: [{ name: 'Truus Willems', email: 'truuswillems@hotmail.com', role: 'coördinator' }],
    owner: 'y.elamrani@veenhaven.nl',
    themes: ['armoede', 'eenzaamheid'],
    description: 'Vrijwilligersorganisatie die wekelijks 380 huishoudens ondersteunt met voedselpakketten.',
    rhythmDays: 60,
    status: 'active',
    volume: 8,
    departments: { 'Sociaal Domein': 2, 'Zorg en Welzijn': 1 },
    lastContactDaysAgo: 30,
  },
  {
    slug: 'ondernemersvereniging-veenhaven-centrum',
    name: 'Ondernemersvereniging Veenhaven Centrum',
    category: 'overig',
    aliases: ['OVC'],
    domains: ['ovc-veenhaven.nl'],
    contacts: [{ name: 'Frank de Graaf', email: 'frank.degraaf@ziggo.nl', role: 'voorzitter' }],
    owner: 'f.bakker@veenhaven.nl',
    themes: ['economie', 'veiligheid', 'mobiliteit'],
    description: 'Vereniging van 140 winkeliers en horecaondernemers in de binnenstad.',
    rhythmDays: 60,
    status: 'active',
    volume: 10,
    departments: { Economie: 3, Veiligheid: 1, 'Mobiliteit en Verkeer': 1 },
    lastContactDaysAgo: 17,
  },
];

export function partnerId(slug: string): string {
  return `p-${slug}`;
}

/** URL-safe slug: lower case, accents dropped (coöperatie → cooperatie), runs of other characters to one hyphen. */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
