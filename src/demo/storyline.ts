import type { AgendaDirection, AgendaStatus, InteractionKind, RelationshipReview } from '../core/model';
import type { Theme } from './municipality';

/**
 * The hand-written events that give the demo its story. The generator fills in the everyday
 * contacts around them; these make the overview's patterns deliberate instead of accidental:
 * - Woonstichting Veenland is the vastgoed expert (many recent vastgoed contacts, reviews saying
 *   "use our real-estate knowledge") yet nobody from the Vastgoed department has ever spoken to
 *   them, and no agenda item links them to the disposal of municipal real estate;
 * - the Vastgoed department's disposal project talks only to a builder and a neighbour;
 * - Streekziekenhuis Veenhaven's review score drops from 4 to 2 over the parking permit.
 * Every `daysAgo` is at or before the partner's `lastContactDaysAgo`, so quiet partners stay quiet.
 */

export interface ScriptedInteraction {
  partner: string;
  daysAgo: number;
  kind: InteractionKind;
  /** Official's email; the department is the official's own. */
  author: string;
  themes: Theme[];
  title: string;
  summary: string;
  followUps?: string;
  confidential?: boolean;
  wooRelevant?: boolean;
  review?: RelationshipReview;
}

export const SCRIPTED_INTERACTIONS: readonly ScriptedInteraction[] = [
  // --- Woonstichting Veenland: the vastgoed expert nobody asks ------------------------------
  {
    partner: 'woonstichting-veenland', daysAgo: 700, kind: 'meeting', author: 'm.jansen@veenhaven.nl', themes: ['wonen'],
    title: 'Start prestatieafspraken 2025', summary: 'Planning en uitgangspunten voor de prestatieafspraken 2025 doorgenomen met corporatie en huurdersorganisatie.',
    wooRelevant: true,
  },
  {
    partner: 'woonstichting-veenland', daysAgo: 540, kind: 'review', author: 'm.jansen@veenhaven.nl', themes: ['wonen', 'vastgoed'],
    title: 'Relatiegesprek 2025 Woonstichting Veenland', summary: 'Jaarlijks gesprek over de samenwerking met de directeur-bestuurder.',
    review: {
      goesWell: 'Korte lijnen met de beleidsadviseurs wonen; de prestatieafspraken waren op tijd rond.',
      couldImprove: 'De gemeente betrekt ons laat bij vastgoed- en gebiedsvraagstukken; we horen plannen vaak pas uit de krant.',
      score: 4,
    },
  },
  {
    partner: 'woonstichting-veenland', daysAgo: 420, kind: 'visit', author: 's.devries@veenhaven.nl', themes: ['vastgoed', 'wonen'],
    title: 'Werkbezoek transformatie kantoorpand Stationsweg', summary: 'Rondleiding door het voormalige kantoorpand dat Veenland ombouwt tot 46 sociale huurwoningen; leerpunten over brandveiligheid en parkeernormen.',
  },
  {
    partner: 'woonstichting-veenland', daysAgo: 300, kind: 'meeting', author: 'm.jansen@veenhaven.nl', themes: ['vastgoed', 'wonen'],
    title: 'Portefeuillestrategie Veenland 2026–2035', summary: 'Veenland lichtte toe welke complexen het verkoopt, sloopt of verduurzaamt. Sterke analyse van waarde en onderhoudsstaat per complex.',
    followUps: 'Kaart met complexen delen met Ruimtelijke Ordening',
  },
  {
    partner: 'woonstichting-veenland', daysAgo: 200, kind: 'email', author: 's.devries@veenhaven.nl', themes: ['vastgoed', 'wonen'],
    title: 'Grondposities en herstructurering Veenkwartier', summary: 'Overzicht van grondposities van Veenland in het Veenkwartier ontvangen, als input voor het gebiedsplan.',
  },
  {
    partner: 'woonstichting-veenland', daysAgo: 150, kind: 'meeting', author: 'l.hendriks@veenhaven.nl', themes: ['energietransitie', 'vastgoed'],
    title: 'Verduurzaming vastgoedportefeuille: isolatie 600 woningen', summary: 'Planning van het isolatieprogramma afgestemd op het wijkwarmteplan; Veenland deelt energielabels per complex.',
  },
  {
    partner: 'woonstichting-veenland', daysAgo: 120, kind: 'review', author: 'm.jansen@veenhaven.nl', themes: ['wonen', 'vastgoed'],
    title: 'Relatiegesprek 2026 Woonstichting Veenland', summary: 'Jaarlijks gesprek over de samenwerking; Veenland herhaalt het aanbod om mee te denken over gemeentelijk vastgoed.',
    review: {
      goesWell: 'Samenwerking in de wijkteams en bij de prestatieafspraken loopt goed.',
      couldImprove: 'Benut onze vastgoedkennis: we denken graag mee over het gemeentelijk vastgoed, maar worden daar niet voor gevraagd.',
      score: 4,
    },
  },
  {
    partner: 'woonstichting-veenland', daysAgo: 95, kind: 'visit', author: 's.devries@veenhaven.nl', themes: ['vastgoed', 'wonen'],
    title: 'Rondgang binnenstad: wonen boven winkels', summary: 'Met de manager vastgoed van Veenland panden in de binnenstad bekeken die geschikt zijn voor woningen boven winkels.',
  },
  {
    partner: 'woonstichting-veenland', daysAgo: 70, kind: 'meeting', author: 'b.vermeulen@veenhaven.nl', themes: ['wonen', 'vastgoed'],
    title: 'Aanpak vocht en schimmel in de jaren-zestigcomplexen', summary: 'Veenland presenteerde de onderhoudsaanpak; gemeente sluit aan met huisbezoeken via de wijkteams.',
  },
  {
    partner: 'woonstichting-veenland', daysAgo: 48, kind: 'call', author: 's.devries@veenhaven.nl', themes: ['vastgoed', 'wonen'],
    title: 'Haalbaarheid woningbouw op bedrijfskavel Turfweg', summary: 'Veenland heeft de kavel aan de Turfweg doorgerekend; haalbaar met 60 woningen als de gemeente de bestemming wijzigt.',
  },
  {
    partner: 'woonstichting-veenland', daysAgo: 30, kind: 'meeting', author: 'p.kok@veenhaven.nl', themes: ['wonen', 'vastgoed'],
    title: 'Bestuurlijk overleg wethouder Kok – Woonstichting Veenland', summary: 'Directeur-bestuurder gaf opnieuw aan graag mee te denken over maatschappelijk vastgoed van de gemeente; wethouder neemt het mee, nog geen vervolg afgesproken.',
    wooRelevant: true,
  },
  {
    partner: 'woonstichting-veenland', daysAgo: 20, kind: 'meeting', author: 'm.jansen@veenhaven.nl', themes: ['wonen'],
    title: 'Prestatieafspraken 2027: tweede concept', summary: 'Tweede concept besproken; open punten zijn het aantal woningen voor statushouders en de huurverhoging.',
    wooRelevant: true,
  },
  {
    partner: 'woonstichting-veenland', daysAgo: 6, kind: 'email', author: 's.devries@veenhaven.nl', themes: ['vastgoed', 'wonen'],
    title: 'Nieuwbouwplanning 2027 en vastgoedontwikkeling', summary: 'Veenland stuurde de nieuwbouwplanning 2027 met drie transformatieprojecten; verwerkt in het woningbouwprogramma.',
  },

  // --- Thuisbaas Wonen -----------------------------------------------------------------------
  {
    partner: 'thuisbaas-wonen', daysAgo: 500, kind: 'review', author: 'b.vermeulen@veenhaven.nl', themes: ['wonen', 'armoede'],
    title: 'Relatiegesprek 2025 Thuisbaas Wonen', summary: 'Jaarlijks gesprek over de samenwerking.',
    review: { goesWell: 'Vroegsignalering van huurachterstanden werkt.', couldImprove: 'Te veel wisselende contactpersonen bij de gemeente.', score: 3 },
  },
  {
    partner: 'thuisbaas-wonen', daysAgo: 100, kind: 'review', author: 'b.vermeulen@veenhaven.nl', themes: ['wonen', 'armoede'],
    title: 'Relatiegesprek 2026 Thuisbaas Wonen', summary: 'Jaarlijks gesprek over de samenwerking.',
    review: { goesWell: 'Vast aanspreekpunt sinds dit jaar; afspraken worden nagekomen.', couldImprove: 'Sneller schakelen bij urgente huisvesting.', score: 4 },
  },

  // --- Streekziekenhuis Veenhaven: review score drops ----------------------------------------
  {
    partner: 'streekziekenhuis-veenhaven', daysAgo: 560, kind: 'review', author: 'a.visser@veenhaven.nl', themes: ['zorg', 'mobiliteit'],
    title: 'Relatiegesprek 2025 Streekziekenhuis Veenhaven', summary: 'Jaarlijks gesprek met de raad van bestuur.',
    review: {
      goesWell: 'Goede afstemming over ouderenzorg en valpreventie; de gemeente denkt mee over huisvesting van personeel.',
      couldImprove: 'De parkeerproblematiek rond het terrein sleept al jaren.',
      score: 4,
    },
  },
  {
    partner: 'streekziekenhuis-veenhaven', daysAgo: 400, kind: 'meeting', author: 't.mulder@veenhaven.nl', themes: ['mobiliteit'],
    title: 'Parkeerdruk rond het ziekenhuisterrein: resultaten metingen', summary: 'Metingen laten structureel 300 plaatsen tekort zien op werkdagen; ziekenhuis wil een parkeerdek bouwen.',
  },
  {
    partner: 'streekziekenhuis-veenhaven', daysAgo: 200, kind: 'meeting', author: 'a.visser@veenhaven.nl', themes: ['zorg', 'eenzaamheid'],
    title: 'Onderzoek valpreventie ouderen met de onderzoeksafdeling', summary: 'Afspraken over een gezamenlijk onderzoek naar valincidenten bij thuiswonende ouderen, met gegevens van de wijkteams.',
  },
  {
    partner: 'streekziekenhuis-veenhaven', daysAgo: 90, kind: 'email', author: 't.mulder@veenhaven.nl', themes: ['mobiliteit'],
    title: 'Vergunning parkeerdek: vertraging', summary: 'Ziekenhuis vraagt naar de stand van de vergunning; besluit schuift door vanwege een aanvullend verkeersonderzoek.',
  },
  {
    partner: 'streekziekenhuis-veenhaven', daysAgo: 40, kind: 'review', author: 'a.visser@veenhaven.nl', themes: ['zorg', 'mobiliteit'],
    title: 'Relatiegesprek 2026 Streekziekenhuis Veenhaven', summary: 'Jaarlijks gesprek met de raad van bestuur; de frustratie over het parkeerdek overheerst.',
    review: {
      goesWell: 'Het gezamenlijke onderzoek naar valpreventie loopt goed.',
      couldImprove: 'Het besluit over het parkeerdek blijft uit en we worden van het kastje naar de muur gestuurd. Graag één aanspreekpunt.',
      score: 2,
    },
  },

  // --- other yearly reviews ----------------------------------------------------------------
  {
    partner: 'stichting-welzijn-veenhaven', daysAgo: 450, kind: 'review', author: 'y.elamrani@veenhaven.nl', themes: ['eenzaamheid'],
    title: 'Relatiegesprek 2025 Stichting Welzijn Veenhaven', summary: 'Jaarlijks gesprek over de samenwerking.',
    review: { goesWell: 'Gezamenlijke aanpak eenzaamheid.', couldImprove: 'Subsidievoorwaarden vroeger bekend maken.', score: 4 },
  },
  {
    partner: 'stichting-welzijn-veenhaven', daysAgo: 60, kind: 'review', author: 'y.elamrani@veenhaven.nl', themes: ['eenzaamheid', 'armoede'],
    title: 'Relatiegesprek 2026 Stichting Welzijn Veenhaven', summary: 'Jaarlijks gesprek over de samenwerking.',
    review: { goesWell: 'De coalitie tegen eenzaamheid heeft energie; de gemeente denkt echt mee.', couldImprove: 'Meer ruimte voor de buurthuizen in de begroting.', score: 5 },
  },
  {
    partner: 'zorggroep-veenstroom', daysAgo: 400, kind: 'review', author: 'a.visser@veenhaven.nl', themes: ['zorg', 'eenzaamheid'],
    title: 'Relatiegesprek 2025 Zorggroep Veenstroom', summary: 'Jaarlijks gesprek over de samenwerking.',
    review: { goesWell: 'Betrokken beleidsadviseur.', couldImprove: 'We worden alleen gebeld als er iets misgaat.', score: 3 },
  },
  {
    partner: 'ggd-veenstreek', daysAgo: 300, kind: 'review', author: 'a.visser@veenhaven.nl', themes: ['zorg'],
    title: 'Relatiegesprek 2026 GGD Veenstreek', summary: 'Jaarlijks gesprek over de samenwerking.',
    review: { goesWell: 'Snelle duiding van de gezondheidsmonitor.', couldImprove: 'Eerder betrekken bij nieuw beleid.', score: 4 },
  },
  {
    partner: 'gemeente-veenhaven-oost', daysAgo: 380, kind: 'review', author: 'j.vanleeuwen@veenhaven.nl', themes: ['wonen', 'mobiliteit'],
    title: 'Evaluatie samenwerkingsagenda 2025 Veenhaven-Oost', summary: 'Jaarlijkse evaluatie van de samenwerkingsagenda.',
    review: { goesWell: 'Samen opgetrokken in de regionale woondeal.', couldImprove: 'Afspraken uit het portefeuillehoudersoverleg worden slecht opgevolgd.', score: 3 },
  },
  {
    partner: 'gemeente-veenhaven-oost', daysAgo: 50, kind: 'review', author: 'j.vanleeuwen@veenhaven.nl', themes: ['wonen', 'mobiliteit'],
    title: 'Evaluatie samenwerkingsagenda 2026 Veenhaven-Oost', summary: 'Jaarlijkse evaluatie van de samenwerkingsagenda.',
    review: { goesWell: 'Actielijst na elk overleg; de fietsroute is gerealiseerd.', couldImprove: 'Ambtelijke capaciteit voor de woondeal.', score: 4 },
  },
  {
    partner: 'werkbedrijf-veenstreek', daysAgo: 200, kind: 'review', author: 'y.elamrani@veenhaven.nl', themes: ['werkgelegenheid'],
    title: 'Relatiegesprek 2026 Werkbedrijf Veenstreek', summary: 'Jaarlijks gesprek over de samenwerking.',
    review: { goesWell: 'Plaatsingen beschut werk op koers.', couldImprove: 'Gemeente stuurt te veel op detailcijfers.', score: 3 },
  },
  {
    partner: 'afvalbeheer-veenstreek', daysAgo: 250, kind: 'review', author: 'l.hendriks@veenhaven.nl', themes: ['energietransitie'],
    title: 'Aandeelhoudersgesprek en relatiegesprek 2026', summary: 'Jaarlijks gesprek over de samenwerking en de strategie.',
    review: { goesWell: 'Open over de financiële risico\u2019s.', couldImprove: 'Gemeente als aandeelhouder eerder betrekken bij investeringen.', score: 4 },
  },

  // --- the Vastgoed department's disposal project: talks to a builder and a neighbour only ---
  {
    partner: 'bouwbedrijf-hoekstra', daysAgo: 80, kind: 'visit', author: 'e.deboer@veenhaven.nl', themes: ['vastgoed'],
    title: 'Bezichtiging voormalig schoolgebouw De Klimop', summary: 'Hoekstra bekeek het leegstaande schoolgebouw; interesse in herontwikkeling tot bedrijfsunits.',
  },
  {
    partner: 'bouwbedrijf-hoekstra', daysAgo: 26, kind: 'email', author: 'e.deboer@veenhaven.nl', themes: ['vastgoed'],
    title: 'Interesse aankoop voormalig schoolgebouw De Klimop', summary: 'Schriftelijke belangstelling ontvangen; verkoop loopt via een openbare inschrijving.',
    wooRelevant: true,
  },
  {
    partner: 'gemeente-lindeveen', daysAgo: 140, kind: 'call', author: 'e.deboer@veenhaven.nl', themes: ['vastgoed'],
    title: 'Kennisuitwisseling afstoten maatschappelijk vastgoed', summary: 'Lindeveen deelde ervaringen met de verkoop van buurthuizen en een gymzaal via openbare inschrijving.',
  },

  // --- the once-a-year company visit ---------------------------------------------------------
  {
    partner: 'veenhoeve-zuivel', daysAgo: 650, kind: 'visit', author: 'f.bakker@veenhaven.nl', themes: ['economie', 'werkgelegenheid'],
    title: 'Jaarlijks bedrijfsbezoek Veenhoeve Zuivel', summary: 'Rondgang door de fabriek; Veenhoeve wil uitbreiden maar twijfelt over de netaansluiting.',
  },
  {
    partner: 'veenhoeve-zuivel', daysAgo: 290, kind: 'visit', author: 'f.bakker@veenhaven.nl', themes: ['economie', 'energietransitie'],
    title: 'Jaarlijks bedrijfsbezoek: uitbreiding en netcongestie', summary: 'Uitbreiding staat stil door netcongestie; Veenhoeve vraagt de gemeente om te helpen bij de netbeheerder.',
    followUps: 'Contact leggen met de netbeheerder via het programma energietransitie',
  },

  // --- the proposed new knowledge partner -----------------------------------------------------
  {
    partner: 'hogeschool-rijnveen', daysAgo: 20, kind: 'meeting', author: 'l.hendriks@veenhaven.nl', themes: ['energietransitie', 'onderwijs'],
    title: 'Kennismaking lectoraat energietransitie', summary: 'Lector bood aan studenten in te zetten voor onderzoek naar de warmtetransitie in het Veenkwartier.',
  },
];

export interface ScriptedAgendaItem {
  partner: string;
  topic: string;
  direction: AgendaDirection;
  /** An official's email for our commitments and shared ones, the partner contact's email for theirs. */
  owner: string;
  status: AgendaStatus;
  /** Days after `now` (negative: in the past). Open or in progress with a negative value is overdue. */
  dueInDays?: number;
  nextStep?: string;
}

export const SCRIPTED_AGENDA: readonly ScriptedAgendaItem[] = [
  { partner: 'woonstichting-veenland', topic: 'Prestatieafspraken 2027 vaststellen', direction: 'samen', owner: 'm.jansen@veenhaven.nl', status: 'in-progress', dueInDays: 35, nextStep: 'Tweede concept bespreken met de huurdersorganisatie' },
  { partner: 'woonstichting-veenland', topic: 'Huisvesting statushouders: 40 extra woningen in 2027', direction: 'partner', owner: 'h.vandijk@woonstichtingveenland.nl', status: 'open', dueInDays: 60, nextStep: 'Overzicht beschikbare woningen per kwartaal' },
  { partner: 'woonstichting-veenland', topic: 'Pilot wonen boven winkels in de binnenstad', direction: 'samen', owner: 's.devries@veenhaven.nl', status: 'open', dueInDays: 90, nextStep: 'Drie panden selecteren' },
  { partner: 'woonstichting-veenland', topic: 'Energielabels per complex delen voor het wijkwarmteplan', direction: 'partner', owner: 'a.schouten@woonstichtingveenland.nl', status: 'done', dueInDays: -120 },
  { partner: 'woonstichting-veenland', topic: 'Vocht en schimmel: gezamenlijke huisbezoeken', direction: 'samen', owner: 'b.vermeulen@veenhaven.nl', status: 'in-progress', dueInDays: -10, nextStep: 'Planning huisbezoeken wijkteam Noord' },
  { partner: 'thuisbaas-wonen', topic: 'Convenant vroegsignalering huurachterstanden verlengen', direction: 'samen', owner: 'y.elamrani@veenhaven.nl', status: 'in-progress', dueInDays: 20, nextStep: 'Concepttekst naar juristen' },
  { partner: 'thuisbaas-wonen', topic: 'Cijfers doorstroming senioren aanleveren', direction: 'partner', owner: 'n.haddou@thuisbaaswonen.nl', status: 'open', dueInDays: -25, nextStep: 'Herinnering sturen' },
  { partner: 'thuisbaas-wonen', topic: 'Prestatieafspraken 2027', direction: 'samen', owner: 'b.vermeulen@veenhaven.nl', status: 'in-progress', dueInDays: 35 },
  { partner: 'stichting-veenhof-wonen', topic: 'Woonzorgvisie: zorggeschikte woningen inventariseren', direction: 'wij', owner: 'b.vermeulen@veenhaven.nl', status: 'open', dueInDays: 45 },
  { partner: 'streekziekenhuis-veenhaven', topic: 'Besluit vergunning parkeerdek', direction: 'wij', owner: 't.mulder@veenhaven.nl', status: 'open', dueInDays: -40, nextStep: 'Aanvullend verkeersonderzoek afronden' },
  { partner: 'streekziekenhuis-veenhaven', topic: 'Eén aanspreekpunt voor het ziekenhuis benoemen', direction: 'wij', owner: 'a.visser@veenhaven.nl', status: 'open', dueInDays: -5, nextStep: 'Voorstel in het MT' },
  { partner: 'streekziekenhuis-veenhaven', topic: 'Valpreventie-onderzoek: gegevens wijkteams delen met verwerkersovereenkomst', direction: 'samen', owner: 'a.visser@veenhaven.nl', status: 'in-progress', dueInDays: 30 },
  { partner: 'streekziekenhuis-veenhaven', topic: 'Huisvesting voor zorgmedewerkers verkennen', direction: 'partner', owner: 'r.hofman@streekziekenhuisveenhaven.nl', status: 'open', dueInDays: 75 },
  { partner: 'streekziekenhuis-veenhaven', topic: 'Proef pendelbus station–ziekenhuis', direction: 'samen', owner: 't.mulder@veenhaven.nl', status: 'done', dueInDays: -150 },
  { partner: 'rivierziekenhuis-lindeveen', topic: 'Afspraken zorgvervoer inwoners Veenhaven-Zuid', direction: 'samen', owner: 'a.visser@veenhaven.nl', status: 'open', dueInDays: 100 },
  { partner: 'zorggroep-veenstroom', topic: 'Gezamenlijk plan eenzaamheid thuiswonende ouderen', direction: 'samen', owner: 'a.visser@veenhaven.nl', status: 'open', dueInDays: -60, nextStep: 'Afspraak maken met de bestuurder' },
  { partner: 'stichting-welzijn-veenhaven', topic: 'Coalitie tegen eenzaamheid: jaarplan 2027', direction: 'samen', owner: 'y.elamrani@veenhaven.nl', status: 'in-progress', dueInDays: 40 },
  { partner: 'stichting-welzijn-veenhaven', topic: 'Subsidieaanvraag buurthuizen indienen', direction: 'partner', owner: 'k.degroot@welzijnveenhaven.nl', status: 'done', dueInDays: -90 },
  { partner: 'stichting-welzijn-veenhaven', topic: 'Evaluatie Week tegen Eenzaamheid', direction: 'wij', owner: 'y.elamrani@veenhaven.nl', status: 'done', dueInDays: -30 },
  { partner: 'thuiszorg-de-linde', topic: 'Gezamenlijke planning wijkverpleging westelijke kernen', direction: 'partner', owner: 'a.wouters@thuiszorgdelinde.nl', status: 'in-progress', dueInDays: 15 },
  { partner: 'wijkverpleging-veenhart', topic: 'Signalering overbelaste mantelzorgers', direction: 'samen', owner: 'a.visser@veenhaven.nl', status: 'open', dueInDays: 50 },
  { partner: 'zorgcooperatie-de-veenweide', topic: 'Huisvestingsvraag bewonerscoöperatie beantwoorden', direction: 'wij', owner: 'y.elamrani@veenhaven.nl', status: 'open', dueInDays: -15 },
  { partner: 'jeugdhulp-veenstreek', topic: 'Maandelijkse rapportage wachttijden jeugdhulp', direction: 'partner', owner: 'm.wolters@jeugdhulpveenstreek.nl', status: 'in-progress', dueInDays: 10 },
  { partner: 'jeugdhulp-veenstreek', topic: 'Pilot jeugdhulp op school voortzetten', direction: 'samen', owner: 'r.smit@veenhaven.nl', status: 'done', dueInDays: -200 },
  { partner: 'roc-veenstreek-college', topic: 'Praktijkleerplaatsen zorg en techniek uitbreiden', direction: 'samen', owner: 'r.smit@veenhaven.nl', status: 'open', dueInDays: -45, nextStep: 'Werkgevers uitnodigen via Economie' },
  { partner: 'roc-veenstreek-college', topic: 'Arbeidsmarktmonitor delen', direction: 'partner', owner: 'f.ahmadi@rocveenstreek.nl', status: 'open', dueInDays: 30 },
  { partner: 'scholengroep-veenhaven', topic: 'Verkeersonderzoek veilige schoolroutes', direction: 'wij', owner: 't.mulder@veenhaven.nl', status: 'in-progress', dueInDays: 25 },
  { partner: 'stichting-kindwijs-veenhaven', topic: 'Evaluatie schoolspullenpas', direction: 'samen', owner: 'r.smit@veenhaven.nl', status: 'done', dueInDays: -60 },
  { partner: 'hogeschool-rijnveen', topic: 'Afstudeeronderzoek warmtetransitie Veenkwartier', direction: 'samen', owner: 'l.hendriks@veenhaven.nl', status: 'open', dueInDays: 80 },
  { partner: 'veenhoeve-zuivel', topic: 'Aanvraag bij de netbeheerder ondersteunen', direction: 'wij', owner: 'f.bakker@veenhaven.nl', status: 'open', dueInDays: -100 },
  { partner: 'northbridge-packaging', topic: 'Bereikbaarheid De Veenpoort voor ploegendiensten', direction: 'wij', owner: 'f.bakker@veenhaven.nl', status: 'in-progress', dueInDays: 40 },
  { partner: 'brenneke-waermesysteme', topic: 'Locatieverkenning servicevestiging', direction: 'partner', owner: 'k.brenneke@brenneke-waermesysteme.de', status: 'open', dueInDays: 60 },
  { partner: 'bouwbedrijf-hoekstra', topic: 'Leerwerkplekken bouw met het ROC', direction: 'partner', owner: 's.hoekstra@hoekstrabouwveenhaven.nl', status: 'done', dueInDays: -180 },
  { partner: 'gemeente-veenhaven-oost', topic: 'Regionale woondeal: gezamenlijke bouwopgave', direction: 'samen', owner: 'j.vanleeuwen@veenhaven.nl', status: 'in-progress', dueInDays: 20 },
  { partner: 'gemeente-veenhaven-oost', topic: 'Samenwerkingsagenda 2027 opstellen', direction: 'samen', owner: 'j.vanleeuwen@veenhaven.nl', status: 'open', dueInDays: 45 },
  { partner: 'gemeente-veenhaven-oost', topic: 'Fietsroute Veenhaven–Veenhaven-Oost', direction: 'samen', owner: 't.mulder@veenhaven.nl', status: 'done', dueInDays: -75 },
  { partner: 'gemeente-lindeveen', topic: 'Gezamenlijke aanbesteding leerlingenvervoer', direction: 'samen', owner: 'r.smit@veenhaven.nl', status: 'in-progress', dueInDays: -3 },
  { partner: 'gemeente-lindeveen', topic: 'Stresstest wateroverlast in de polder', direction: 'samen', owner: 'l.hendriks@veenhaven.nl', status: 'open', dueInDays: 120 },
  { partner: 'gemeente-turfmeer', topic: 'Samenwerkingsagenda vernieuwen', direction: 'wij', owner: 'j.vanleeuwen@veenhaven.nl', status: 'open', dueInDays: -90 },
  { partner: 'afvalbeheer-veenstreek', topic: 'Nieuwe tarieven inzameling grofvuil', direction: 'partner', owner: 'f.verbeek@afvalbeheerveenstreek.nl', status: 'done', dueInDays: -40 },
  { partner: 'afvalbeheer-veenstreek', topic: 'Zonnepark op de voormalige stortplaats', direction: 'samen', owner: 'l.hendriks@veenhaven.nl', status: 'in-progress', dueInDays: 90 },
  { partner: 'ggd-veenstreek', topic: 'Duiding gezondheidsmonitor ouderen voor Veenhaven', direction: 'partner', owner: 'b.claassen@ggdveenstreek.nl', status: 'open', dueInDays: 30 },
  { partner: 'ggd-veenstreek', topic: 'Hitteplan 2027', direction: 'samen', owner: 'a.visser@veenhaven.nl', status: 'open', dueInDays: 150 },
  { partner: 'omgevingsdienst-veenstreek', topic: 'Handhaving energiebesparingsplicht bedrijven', direction: 'samen', owner: 'l.hendriks@veenhaven.nl', status: 'in-progress', dueInDays: 10 },
  { partner: 'omgevingsdienst-veenstreek', topic: 'Doorlooptijden vergunningverlening verbeteren', direction: 'partner', owner: 'y.maas@odveenstreek.nl', status: 'open', dueInDays: -20 },
  { partner: 'veiligheidsregio-veenstreek', topic: 'Evacuatieplan hoogwater actualiseren', direction: 'samen', owner: 'k.bouzid@veenhaven.nl', status: 'in-progress', dueInDays: 60 },
  { partner: 'werkbedrijf-veenstreek', topic: 'Plaatsingen beschut werk 2027', direction: 'samen', owner: 'y.elamrani@veenhaven.nl', status: 'open', dueInDays: 30 },
  { partner: 'energiecooperatie-veenhaven-duurzaam', topic: 'Zonnepanelen op gemeentelijke daken: tweede tranche', direction: 'wij', owner: 'e.deboer@veenhaven.nl', status: 'in-progress', dueInDays: 45 },
  { partner: 'voedselbank-veenhaven', topic: 'Nieuwe locatie voor het uitgiftepunt', direction: 'wij', owner: 'y.elamrani@veenhaven.nl', status: 'open', dueInDays: -30 },
  { partner: 'ondernemersvereniging-veenhaven-centrum', topic: 'Evaluatie cameratoezicht winkelgebied', direction: 'samen', owner: 'k.bouzid@veenhaven.nl', status: 'done', dueInDays: -20 },
  { partner: 'ondernemersvereniging-veenhaven-centrum', topic: 'Centrumvisie: reactie ondernemers', direction: 'partner', owner: 'frank.degraaf@ziggo.nl', status: 'open' },
];
