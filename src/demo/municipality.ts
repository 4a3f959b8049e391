import type { Official } from '../core/model';

/**
 * Gemeente Veenhaven: the fictional municipality every demo, screenshot and test runs in.
 * Fictional on purpose, so no real official, partner or address ends up in the repository.
 */

export const MUNICIPALITY_NAME = 'Gemeente Veenhaven';

/**
 * Only the registrable domain: sub-domains such as mail.veenhaven.nl are internal too, and listing
 * them here would hide a detection bug that forgets that rule.
 */
export const INTERNAL_DOMAINS = ['veenhaven.nl'] as const;

export const DEPARTMENTS = [
  'Wonen',
  'Ruimtelijke Ordening',
  'Economie',
  'Sociaal Domein',
  'Zorg en Welzijn',
  'Onderwijs',
  'Mobiliteit en Verkeer',
  'Vastgoed',
  'Veiligheid',
  'Duurzaamheid en Energie',
  'Bestuursondersteuning',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const THEMES = [
  'wonen',
  'energietransitie',
  'eenzaamheid',
  'zorg',
  'mobiliteit',
  'economie',
  'vastgoed',
  'veiligheid',
  'onderwijs',
  'armoede',
  'werkgelegenheid',
  'klimaatadaptatie',
] as const;
export type Theme = (typeof THEMES)[number];

/**
 * The themes a department usually talks about; the generator picks an interaction's theme from the
 * overlap with the partner's themes, so the housing department talks housing, not parking.
 * Bestuursondersteuning is absent: administrative meetings cover whatever the partner is about.
 */
export const DEPARTMENT_THEMES: Readonly<Record<Department, readonly Theme[]>> = {
  Wonen: ['wonen', 'eenzaamheid', 'armoede', 'energietransitie', 'zorg'],
  'Ruimtelijke Ordening': ['wonen', 'vastgoed', 'klimaatadaptatie', 'mobiliteit', 'economie'],
  Economie: ['economie', 'werkgelegenheid', 'mobiliteit', 'energietransitie'],
  'Sociaal Domein': ['armoede', 'werkgelegenheid', 'eenzaamheid', 'zorg', 'onderwijs'],
  'Zorg en Welzijn': ['zorg', 'eenzaamheid', 'veiligheid'],
  Onderwijs: ['onderwijs', 'werkgelegenheid', 'armoede'],
  'Mobiliteit en Verkeer': ['mobiliteit', 'veiligheid'],
  Vastgoed: ['vastgoed', 'energietransitie'],
  Veiligheid: ['veiligheid', 'klimaatadaptatie'],
  'Duurzaamheid en Energie': ['energietransitie', 'klimaatadaptatie', 'economie'],
  Bestuursondersteuning: [],
};

export type OfficialRole = 'beleidsadviseur' | 'accountmanager' | 'projectleider' | 'strategisch adviseur' | 'wethouder';

export interface DemoOfficial extends Official {
  department: Department;
  role: OfficialRole;
  /** What the person does, for tooltips and the demo host's "sign in as" picker. */
  title: string;
}

/**
 * Wethouders sit under Bestuursondersteuning: an interaction's department is the unit that
 * supports the official, and the college's meetings are prepared there.
 */
export const OFFICIALS: readonly DemoOfficial[] = [
  { name: 'Marieke Jansen', email: 'm.jansen@veenhaven.nl', department: 'Wonen', role: 'beleidsadviseur', title: 'Beleidsadviseur wonen' },
  { name: 'Bas Vermeulen', email: 'b.vermeulen@veenhaven.nl', department: 'Wonen', role: 'projectleider', title: 'Projectleider huisvesting bijzondere doelgroepen' },
  { name: 'Sander de Vries', email: 's.devries@veenhaven.nl', department: 'Ruimtelijke Ordening', role: 'projectleider', title: 'Projectleider gebiedsontwikkeling' },
  { name: 'Femke Bakker', email: 'f.bakker@veenhaven.nl', department: 'Economie', role: 'accountmanager', title: 'Accountmanager bedrijven' },
  { name: 'Youssef El Amrani', email: 'y.elamrani@veenhaven.nl', department: 'Sociaal Domein', role: 'beleidsadviseur', title: 'Beleidsadviseur armoede en participatie' },
  { name: 'Anouk Visser', email: 'a.visser@veenhaven.nl', department: 'Zorg en Welzijn', role: 'beleidsadviseur', title: 'Beleidsadviseur zorg en welzijn' },
  { name: 'Ruben Smit', email: 'r.smit@veenhaven.nl', department: 'Onderwijs', role: 'beleidsadviseur', title: 'Beleidsadviseur onderwijs' },
  { name: 'Thijs Mulder', email: 't.mulder@veenhaven.nl', department: 'Mobiliteit en Verkeer', role: 'beleidsadviseur', title: 'Verkeerskundige' },
  { name: 'Esther de Boer', email: 'e.deboer@veenhaven.nl', department: 'Vastgoed', role: 'projectleider', title: 'Projectleider afstoten maatschappelijk vastgoed' },
  { name: 'Karim Bouzid', email: 'k.bouzid@veenhaven.nl', department: 'Veiligheid', role: 'beleidsadviseur', title: 'Adviseur openbare orde en veiligheid' },
  { name: 'Lotte Hendriks', email: 'l.hendriks@veenhaven.nl', department: 'Duurzaamheid en Energie', role: 'projectleider', title: 'Programmamanager energietransitie' },
  { name: 'Jeroen van Leeuwen', email: 'j.vanleeuwen@veenhaven.nl', department: 'Bestuursondersteuning', role: 'strategisch adviseur', title: 'Strategisch adviseur verbonden partijen en regio' },
  { name: 'Petra Kok', email: 'p.kok@veenhaven.nl', department: 'Bestuursondersteuning', role: 'wethouder', title: 'Wethouder wonen, ruimte en vastgoed' },
  { name: 'Willem Post', email: 'w.post@veenhaven.nl', department: 'Bestuursondersteuning', role: 'wethouder', title: 'Wethouder zorg, economie en werk' },
];

export const WETHOUDERS: readonly DemoOfficial[] = OFFICIALS.filter((o) => o.role === 'wethouder');

const byEmail = new Map(OFFICIALS.map((o) => [o.email, o] as const));

/** The official with this address; throws on a typo so demo data never points at nobody. */
export function officialByEmail(email: string): DemoOfficial {
  const official = byEmail.get(email);
  if (!official) throw new Error(`Unknown demo official: ${email}`);
  return official;
}

export function officialsOf(department: Department): DemoOfficial[] {
  return OFFICIALS.filter((o) => o.department === department);
}
