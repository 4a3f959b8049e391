import { contactFields } from '../core/contacts';
import type { AgendaDirection, AgendaItem, AgendaStatus, Interaction, InteractionKind, Partner, PartnerCategory, Settings } from '../core/model';
import {
  DEPARTMENT_THEMES,
  DEPARTMENTS,
  INTERNAL_DOMAINS,
  OFFICIALS,
  THEMES,
  officialByEmail,
  officialsOf,
  type Department,
  type DemoOfficial,
  type Theme,
} from './municipality';
import { PARTNER_SPECS, partnerId, slugify, type DemoContact, type PartnerSpec } from './partnerRegister';
import {
  ADMINISTRATIVE_TITLE_FORMATS,
  CATEGORY_TOPICS,
  CONFIDENTIAL_SUMMARY_FORMATS,
  DUTCH_MONTHS,
  FIRST_NAMES,
  FOLLOW_UP_FORMATS,
  NOTE_SUMMARY_FORMATS,
  PLACE_PREFIXES,
  PLACE_SUFFIXES,
  REVIEW_COULD_IMPROVE,
  REVIEW_GOES_WELL,
  SUMMARY_FORMATS,
  SURNAMES,
  SYNTHETIC_CATEGORY_THEMES,
  SYNTHETIC_DESCRIPTIONS,
  SYNTHETIC_NAME_PREFIXES,
  THEME_TOPICS,
  TITLE_FORMATS,
} from './phrases';
import { SeededRandom } from './random';
import { SCRIPTED_AGENDA, SCRIPTED_INTERACTIONS, type ScriptedInteraction } from './storyline';

/** The moment the demo story is told from; a Thursday, so "last week" reads naturally. */
export const DEFAULT_DEMO_NOW = '2026-11-26T12:00:00.000Z';
export const DEMO_SEED = 20261126;

export interface DemoDataOptions {
  /** Every date is relative to this moment (default DEFAULT_DEMO_NOW). */
  now?: Date;
  /**
   * Benchmark size: exactly this many partners and interactions. The hand-written register comes
   * first (so the story still holds), then invented partners built by the same generators.
   */
  scale?: { partners: number; interactions: number };
}

export interface DemoData {
  settings: Settings;
  partners: Partner[];
  /** Sorted by date, oldest first. */
  interactions: Interaction[];
  agenda: AgendaItem[];
  officials: DemoOfficial[];
}

const DAY_MS = 86_400_000;
/** Two years back, less a margin so moving a weekend day back to Friday stays inside the window. */
const OLDEST_DAYS_AGO = 727;

const KIND_WEIGHTS: ReadonlyArray<readonly [Exclude<InteractionKind, 'review'>, number]> = [
  ['meeting', 34],
  ['email', 30],
  ['call', 15],
  ['visit', 8],
  ['note', 13],
];

/** Whose portfolio an administrative meeting falls under, by the theme discussed. */
const WETHOUDER_BY_THEME: Readonly<Record<Theme, string>> = {
  wonen: 'p.kok@veenhaven.nl',
  vastgoed: 'p.kok@veenhaven.nl',
  mobiliteit: 'p.kok@veenhaven.nl',
  klimaatadaptatie: 'p.kok@veenhaven.nl',
  energietransitie: 'p.kok@veenhaven.nl',
  veiligheid: 'p.kok@veenhaven.nl',
  zorg: 'w.post@veenhaven.nl',
  eenzaamheid: 'w.post@veenhaven.nl',
  economie: 'w.post@veenhaven.nl',
  werkgelegenheid: 'w.post@veenhaven.nl',
  armoede: 'w.post@veenhaven.nl',
  onderwijs: 'w.post@veenhaven.nl',
};

interface PlannedPartner {
  spec: PartnerSpec;
  id: string;
  shortName: string;
  synthetic: boolean;
  departmentWeights: Array<readonly [Department, number]>;
  themesFor: Map<Department, readonly Theme[]>;
}

export function createDemoData(options: DemoDataOptions = {}): DemoData {
  const now = options.now ?? new Date(DEFAULT_DEMO_NOW);
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new Error('createDemoData: invalid `now`');
  const scale = options.scale;
  if (scale && (!Number.isInteger(scale.partners) || !Number.isInteger(scale.interactions) || scale.partners < 0 || scale.interactions < 0)) {
    throw new Error('createDemoData: scale needs non-negative integers');
  }

  // One generator per phase, so adding an agenda item does not reshuffle every interaction.
  const partnerRng = new SeededRandom(DEMO_SEED);
  const interactionRng = new SeededRandom(DEMO_SEED + 1);
  const agendaRng = new SeededRandom(DEMO_SEED + 2);

  const specs = planPartnerSpecs(partnerRng, scale?.partners);
  const planned = specs.map(toPlannedPartner);
  const included = new Set(specs.map((s) => s.slug));

  let scripted = SCRIPTED_INTERACTIONS.filter((s) => included.has(s.partner));
  let counts: number[];
  if (scale) {
    if (scripted.length > scale.interactions) scripted = scripted.slice(0, scale.interactions);
    counts = allocate(scale.interactions - scripted.length, specs.map((s) => s.volume));
  } else {
    counts = specs.map((s) => s.volume);
  }

  const calendar = makeCalendar(nowMs);
  const sink = new InteractionSink(calendar, scripted.length + counts.reduce((a, b) => a + b, 0));
  const bySlug = new Map(planned.map((p) => [p.spec.slug, p] as const));
  for (const s of scripted) scriptedInteraction(s, bySlug.get(s.partner)!, interactionRng, sink);
  planned.forEach((p, i) => generateInteractions(p, counts[i] ?? 0, interactionRng, sink));
  const interactions = sink.sorted();

  const partners = planned.map((p) => toPartner(p.spec, nowMs));
  summariseContacts(partners, interactions);

  // Agenda items carry their owner's name, as the pane stores it: officials and partners' contacts.
  const people = new Map<string, string>([...planned.flatMap((p) => p.spec.contacts.map((c) => [c.email, c.name] as const)), ...OFFICIALS.map((o) => [o.email, o.name] as const)]);
  const agenda: AgendaItem[] = [];
  for (const a of SCRIPTED_AGENDA) {
    if (!included.has(a.partner)) continue;
    const id = agendaRng.uuid();
    agenda.push(
      withoutUndefined({
        id,
        clientId: id,
        partnerId: partnerId(a.partner),
        topic: a.topic,
        direction: a.direction,
        owner: a.owner,
        ownerName: people.get(a.owner),
        status: a.status,
        dueDate: a.dueInDays === undefined ? undefined : dueDate(nowMs, a.dueInDays),
        nextStep: a.nextStep,
      }),
    );
  }
  for (const p of planned) if (p.synthetic) generateAgenda(p, nowMs, agendaRng, agenda, people);

  return {
    settings: {
      internalDomains: [...INTERNAL_DOMAINS],
      // One address (the waste company's invoicing) and one bulk-mail domain that must never be logged.
      ignoredAddresses: ['facturen@afvalbeheerveenstreek.nl', 'nieuwsbrieven-veenstreek.nl'],
      departments: [...DEPARTMENTS],
      themes: [...THEMES],
      // The strategic adviser for partners keeps the register: he decides on proposed partners.
      registerOwners: ['j.vanleeuwen@veenhaven.nl'],
    },
    partners,
    interactions,
    agenda,
    officials: OFFICIALS.map((o) => ({ ...o })),
  };
}

// --- partners ------------------------------------------------------------------------------

function planPartnerSpecs(rng: SeededRandom, partnerCount: number | undefined): PartnerSpec[] {
  if (partnerCount === undefined) return PARTNER_SPECS.slice();
  const base = PARTNER_SPECS.slice(0, partnerCount);
  return base.concat(syntheticSpecs(rng, partnerCount - base.length));
}

function toPlannedPartner(spec: PartnerSpec): PlannedPartner {
  const listed = (Object.entries(spec.departments) as Array<[Department, number]>).filter(([, w]) => w > 0);
  // A partner always belongs somewhere; the strategic adviser holds what no department claims.
  const departmentWeights: Array<readonly [Department, number]> = listed.length > 0 ? listed : [['Bestuursondersteuning', 1]];
  return {
    spec,
    id: partnerId(spec.slug),
    // Summaries read "Veenland stuurt…", not an acronym and not the full legal name.
    shortName: spec.aliases.find((a) => a.length > 3) ?? spec.name,
    synthetic: !PARTNER_SPECS.includes(spec),
    departmentWeights,
    themesFor: themesPerDepartment(spec),
  };
}

function toPartner(spec: PartnerSpec, nowMs: number): Partner {
  const owner = spec.owner ? officialByEmail(spec.owner) : undefined;
  const proposer = spec.status === 'proposed' ? officialByEmail(spec.proposedBy ?? spec.owner ?? OFFICIALS[0].email) : undefined;
  return withoutUndefined({
    id: partnerId(spec.slug),
    name: spec.name,
    category: spec.category,
    aliases: spec.aliases.slice(),
    domains: spec.domains.slice(),
    ...contactFields(spec.contacts.map((c) => ({ address: c.email, name: c.name }))),
    ownerEmail: owner?.email,
    ownerName: owner?.name,
    themes: spec.themes.slice(),
    description: spec.description,
    rhythmDays: spec.rhythmDays,
    status: spec.status,
    lastContact: undefined,
    interactionCount: 0,
    proposal: proposer && { byEmail: proposer.email, byName: proposer.name, at: new Date(nowMs - (spec.proposedDaysAgo ?? 30) * DAY_MS).toISOString() },
  });
}

/** The denormalised fields the repository keeps on every write, computed here from the same data. */
function summariseContacts(partners: Partner[], interactions: readonly Interaction[]): void {
  const byId = new Map(partners.map((p) => [p.id, p] as const));
  for (const i of interactions) {
    const p = byId.get(i.partnerId)!;
    p.interactionCount += 1;
    if (!p.lastContact || i.date > p.lastContact) p.lastContact = i.date;
  }
}

const SYNTHETIC_CATEGORY_WEIGHTS: Readonly<Record<PartnerCategory, number>> = {
  bedrijf: 30,
  zorg: 20,
  overig: 15,
  onderwijs: 10,
  'verbonden-partij': 8,
  woningcorporatie: 6,
  buurgemeente: 6,
  ziekenhuis: 5,
};
const QUALIFIERS = ['Noord', 'Zuid', 'Oost', 'West', 'Midden'] as const;
const RHYTHMS = [30, 45, 60, 90, 120, 180] as const;
const FREE_MAIL = ['gmail.com', 'hotmail.com', 'outlook.com', 'live.nl', 'kpnmail.nl'] as const;

/**
 * Invented partners for a benchmark-sized register. Names and domains are made unique against the
 * hand-written register and each other, because detection tests rely on one domain → one partner.
 */
function syntheticSpecs(rng: SeededRandom, count: number): PartnerSpec[] {
  const names = new Set(PARTNER_SPECS.map((s) => s.name.toLowerCase()));
  const slugs = new Set(PARTNER_SPECS.map((s) => s.slug));
  const domains = new Set<string>([...INTERNAL_DOMAINS, ...PARTNER_SPECS.flatMap((s) => s.domains)]);
  const staff = OFFICIALS.filter((o) => o.role !== 'wethouder');
  // Words of the hand-written names and aliases ("Veenland", "Lindeveen"): an invented place must not
  // reuse them, or subject matching at scale would tie invented partners to the story's partners.
  const reservedWords = new Set(
    PARTNER_SPECS.flatMap((s) => [s.name, ...s.aliases]).flatMap((n) => n.toLowerCase().split(/[^a-z\u00c0-\u024f]+/)),
  );
  const out: PartnerSpec[] = [];

  for (let n = 0; n < count; n++) {
    const category = rng.weighted(SYNTHETIC_CATEGORY_WEIGHTS);
    const prefix = rng.pick(SYNTHETIC_NAME_PREFIXES[category]);
    let place = rng.pick(PLACE_PREFIXES) + rng.pick(PLACE_SUFFIXES);
    while (reservedWords.has(place.toLowerCase())) place = rng.pick(PLACE_PREFIXES) + rng.pick(PLACE_SUFFIXES);
    let name = '';
    let slug = '';
    let domain = '';
    // Try the plain name, then with a compass qualifier, then numbered: always terminates.
    for (let attempt = 0; ; attempt++) {
      const qualified = attempt === 0 ? place : attempt <= QUALIFIERS.length ? `${place}-${QUALIFIERS[attempt - 1]}` : `${place} ${attempt}`;
      name = category === 'bedrijf' ? `${qualified} ${prefix} B.V.` : `${prefix} ${qualified}`;
      slug = slugify(name);
      domain = `${category === 'buurgemeente' ? slug.replace(/^gemeente-/, '') : slugify(name.replace(/ B\.V\.$/, '')).replace(/-/g, '')}.nl`;
      if (!names.has(name.toLowerCase()) && !slugs.has(slug) && !domains.has(domain)) break;
    }
    names.add(name.toLowerCase());
    slugs.add(slug);
    domains.add(domain);
    const partnerDomains = [domain];
    const secondDomain = domain.replace(/\.nl$/, '.com');
    if (rng.chance(0.15) && !domains.has(secondDomain)) {
      domains.add(secondDomain);
      partnerDomains.push(secondDomain);
    }

    const contacts: DemoContact[] = [];
    const contactCount = rng.int(1, 3);
    for (let c = 0; c < contactCount; c++) {
      const first = rng.pick(FIRST_NAMES);
      const surname = rng.pick(SURNAMES);
      const local = `${first[0]!.toLowerCase()}.${surname.replace(/\s+/g, '').toLowerCase()}`;
      // Private addresses carry the partner number so no two partners share a contact address.
      const email = rng.chance(0.05)
        ? `${first.toLowerCase()}.${surname.replace(/\s+/g, '').toLowerCase()}${n + 1}@${rng.pick(FREE_MAIL)}`
        : `${local}@${domain}`;
      if (!contacts.some((x) => x.email === email)) contacts.push({ name: `${first} ${surname}`, email, role: 'contactpersoon' });
    }

    const themes = rng.sample(SYNTHETIC_CATEGORY_THEMES[category], rng.int(2, 3));
    const rhythmDays = rng.pick(RHYTHMS);
    const status = rng.weighted({ active: 85, proposed: 10, inactive: 5 } as const);
    const departments: Partial<Record<Department, number>> = {};
    const fitting = DEPARTMENTS.filter((d) => DEPARTMENT_THEMES[d].some((t) => themes.includes(t)));
    for (const d of rng.sample(fitting, rng.int(1, Math.min(4, fitting.length)))) departments[d] = rng.int(1, 5);
    if (rng.chance(0.15)) departments.Bestuursondersteuning = 1;

    const r = rng.next();
    out.push(
      withoutUndefined({
        slug,
        name,
        category,
        aliases: [],
        domains: partnerDomains,
        contacts,
        owner: rng.chance(0.92) ? rng.pick(staff).email : undefined,
        themes,
        description: SYNTHETIC_DESCRIPTIONS[category].replace('{place}', place),
        rhythmDays,
        status,
        // Not drawn from the generator, so the register stays the same as before proposals were recorded.
        ...(status === 'proposed' ? { proposedBy: staff[n % staff.length].email, proposedDaysAgo: 3 + (n % 40) } : {}),
        // Skewed sizes: most partners see a few contacts, a few see very many.
        volume: status === 'proposed' ? rng.int(0, 1) : 2 + Math.floor(60 * r * r),
        departments,
        lastContactDaysAgo:
          status === 'inactive'
            ? rng.int(200, 600)
            : rng.chance(0.75)
              ? rng.int(1, Math.max(1, rhythmDays - 3))
              : rng.int(rhythmDays + 5, Math.min(rhythmDays * 3, 600)),
      }),
    );
  }
  return out;
}

/** Splits `total` over the weights with the largest-remainder method, so the parts add up exactly. */
function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const raw = weights.map((w) => (w / sum) * total);
  const counts = raw.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k]![1]] += 1;
  return counts;
}

// --- interactions --------------------------------------------------------------------------

/**
 * Dates for one `now`, worked out once per day instead of once per interaction: a benchmark
 * register asks for 100,000 of them. Index = days before `now`.
 */
interface Calendar {
  /** Whole days since the epoch of `now`'s date. */
  today: number;
  /** 'YYYY-MM-DD' of the day `i` days back. */
  isoDay: string[];
  /** Days back of the weekday a contact on day `i` lands on: weekends move back to Friday, keeping the order of days. */
  weekdayBack: Int32Array;
  /** Chance a contact drawn on day `i` is redrawn: fewer contacts in the summer and Christmas holidays. */
  thinning: Float64Array;
  /** Year and month (0–11) of day `i`, for texts like "vervolg in maart". */
  year: Int32Array;
  month: Int32Array;
}

function makeCalendar(nowMs: number): Calendar {
  const today = Math.floor(nowMs / DAY_MS);
  const size = OLDEST_DAYS_AGO + 3;
  const isoDay: string[] = [];
  const weekdayBack = new Int32Array(size);
  const thinning = new Float64Array(size);
  const year = new Int32Array(size);
  const monthOf = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const d = new Date((today - i) * DAY_MS);
    isoDay.push(d.toISOString().slice(0, 10));
    const weekday = d.getUTCDay();
    weekdayBack[i] = weekday === 6 ? i + 1 : weekday === 0 ? i + 2 : i;
    const month = d.getUTCMonth();
    const date = d.getUTCDate();
    thinning[i] = month === 6 || month === 7 ? 0.45 : (month === 11 && date >= 22) || (month === 0 && date <= 3) ? 0.8 : 0;
    year[i] = d.getUTCFullYear();
    monthOf[i] = month;
  }
  return { today, isoDay, weekdayBack, thinning, year, month: monthOf };
}

/** 'THH:MM:00.000Z' for each quarter of an hour of the day. */
const QUARTER_SUFFIX = Array.from({ length: 96 }, (_, q) => {
  const hh = String(Math.floor(q / 4)).padStart(2, '0');
  const mm = String((q % 4) * 15).padStart(2, '0');
  return `T${hh}:${mm}:00.000Z`;
});

/**
 * A plausible office-hours moment (08:00–16:00 Dutch winter time, written in UTC) on a weekday
 * `daysAgo` days before `now`, as quarter-hours since the epoch: a number that sorts like the date.
 * daysAgo is at least 1 (nothing in the future of `now`) and at most two years.
 */
function officeMoment(calendar: Calendar, daysAgo: number, rng: SeededRandom): number {
  const back = calendar.weekdayBack[Math.min(Math.max(1, daysAgo), OLDEST_DAYS_AGO)]!;
  return (calendar.today - back) * 96 + rng.int(7 * 4, 15 * 4);
}

/**
 * Collects interactions with a numeric sort key, because comparing 100,000 date strings is slow;
 * sized up front so a benchmark register does not pay for growing arrays.
 */
class InteractionSink {
  private readonly items: Interaction[];
  private readonly moments: Float64Array;
  private size = 0;

  constructor(
    readonly calendar: Calendar,
    capacity: number,
  ) {
    this.items = new Array<Interaction>(capacity);
    this.moments = new Float64Array(capacity);
  }

  iso(moment: number): string {
    const day = Math.floor(moment / 96);
    return this.calendar.isoDay[this.calendar.today - day]! + QUARTER_SUFFIX[moment - day * 96]!;
  }

  /** Days before `now` of a moment, to index the calendar tables. */
  daysBack(moment: number): number {
    return this.calendar.today - Math.floor(moment / 96);
  }

  add(interaction: Interaction, moment: number): void {
    this.items[this.size] = interaction;
    this.moments[this.size++] = moment;
  }

  /** Oldest first; the same moment keeps creation order, so the result never depends on the engine. */
  sorted(): Interaction[] {
    const { moments } = this;
    const order = Array.from({ length: this.size }, (_, i) => i);
    order.sort((a, b) => moments[a]! - moments[b]! || a - b);
    const out = new Array<Interaction>(this.size);
    for (let k = 0; k < this.size; k++) out[k] = this.items[order[k]!]!;
    return out;
  }
}

function scriptedInteraction(s: ScriptedInteraction, p: PlannedPartner, rng: SeededRandom, sink: InteractionSink): void {
  const author = officialByEmail(s.author);
  const id = rng.uuid();
  const moment = officeMoment(sink.calendar, s.daysAgo, rng);
  const interaction = withoutUndefined({
    id,
    clientId: id,
    partnerId: p.id,
    date: sink.iso(moment),
    kind: s.kind,
    department: author.department,
    authorEmail: author.email,
    authorName: author.name,
    themes: s.themes.slice(),
    title: s.title,
    summary: s.summary,
    followUps: s.followUps,
    confidential: s.confidential ?? false,
    wooRelevant: s.wooRelevant ?? false,
    sourceRef: sourceRefFor(s.kind, id),
    review: s.review ? { ...s.review } : undefined,
  });
  sink.add(interaction, moment);
}

function generateInteractions(p: PlannedPartner, count: number, rng: SeededRandom, sink: InteractionSink): void {
  if (count <= 0) return;
  const last = p.spec.lastContactDaysAgo ?? rng.int(1, 60);
  // Invented partners get a yearly review now and then, so review figures exist at scale too.
  const reviewAt = p.synthetic && p.spec.owner && count >= 4 && rng.chance(0.4) ? 1 : -1;
  for (let i = 0; i < count; i++) {
    // The first one is the latest contact itself, so rhythm status is exactly as planned.
    const daysAgo = i === 0 ? last : spreadDay(last, sink.calendar.thinning, rng);
    // Every listed department appears once before weights take over: "seen by" is by design.
    const department = i < p.departmentWeights.length ? p.departmentWeights[i]![0] : rng.weighted(p.departmentWeights);
    if (i === reviewAt) generatedReview(p, daysAgo, rng, sink);
    else generatedInteraction(p, department, daysAgo, rng, sink);
  }
}

/** A day between the latest contact and two years back. */
function spreadDay(latest: number, thinning: Float64Array, rng: SeededRandom): number {
  for (let attempt = 0; ; attempt++) {
    const day = rng.int(latest, Math.max(latest, OLDEST_DAYS_AGO));
    if (attempt >= 3 || !rng.chance(thinning[day] ?? 0)) return day;
  }
}

function generatedInteraction(p: PlannedPartner, department: Department, daysAgo: number, rng: SeededRandom, sink: InteractionSink): void {
  const administrative = department === 'Bestuursondersteuning';
  const theme = rng.pick(p.themesFor.get(department)!);
  const themes: Theme[] = [theme];
  if (p.spec.themes.length > 1 && rng.chance(0.25)) {
    const second = rng.pick(p.spec.themes);
    if (second !== theme) themes.push(second);
  }
  const author = pickAuthor(p, department, theme, rng);
  const kind: Exclude<InteractionKind, 'review'> = administrative ? (rng.chance(0.8) ? 'meeting' : 'call') : rng.weighted(KIND_WEIGHTS);
  const moment = officeMoment(sink.calendar, daysAgo, rng);
  const date = sink.iso(moment);
  const back = sink.daysBack(moment);
  const year = sink.calendar.year[back]!;
  const month = DUTCH_MONTHS[(sink.calendar.month[back]! + 1) % 12]!; // "vervolg in <next month>"
  const topic = pickTopic(p.spec.category, theme, year, rng);
  const fill = (format: string) =>
    format.replace('{topic}', topic).replace('{short}', p.shortName).replace('{month}', month).replace('{department}', department);

  const confidential = rng.chance(kind === 'note' ? 0.1 : 0.04);
  const wooRelevant = rng.chance(administrative ? 0.5 : p.spec.category === 'verbonden-partij' ? 0.3 : 0.1);
  const summaryFormats = confidential ? CONFIDENTIAL_SUMMARY_FORMATS : kind === 'note' ? NOTE_SUMMARY_FORMATS : SUMMARY_FORMATS;
  const titleFormats = administrative ? ADMINISTRATIVE_TITLE_FORMATS : TITLE_FORMATS[kind];
  const id = rng.uuid();
  // Built field by field (no undefined keys) because this runs 100,000 times in a benchmark.
  const interaction: Interaction = {
    id,
    clientId: id,
    partnerId: p.id,
    date,
    kind,
    department,
    authorEmail: author.email,
    authorName: author.name,
    themes,
    title: titleOf(rng.pick(titleFormats), topic, fill),
    summary: fill(rng.pick(summaryFormats)),
    confidential,
    wooRelevant,
  };
  if (rng.chance(0.25)) interaction.followUps = fill(rng.pick(FOLLOW_UP_FORMATS));
  const sourceRef = sourceRefFor(kind, id);
  if (sourceRef) interaction.sourceRef = sourceRef;
  sink.add(interaction, moment);
}

function generatedReview(p: PlannedPartner, daysAgo: number, rng: SeededRandom, sink: InteractionSink): void {
  const owner = officialByEmail(p.spec.owner!);
  const moment = officeMoment(sink.calendar, daysAgo, rng);
  const date = sink.iso(moment);
  const id = rng.uuid();
  sink.add({
    id,
    clientId: id,
    partnerId: p.id,
    date,
    kind: 'review',
    department: owner.department,
    authorEmail: owner.email,
    authorName: owner.name,
    themes: p.spec.themes.slice(0, 2),
    title: `Relatiegesprek ${date.slice(0, 4)} ${p.spec.name}`,
    summary: 'Jaarlijks gesprek over de samenwerking.',
    confidential: false,
    wooRelevant: false,
    review: { goesWell: rng.pick(REVIEW_GOES_WELL), couldImprove: rng.pick(REVIEW_COULD_IMPROVE), score: rng.int(2, 5) },
  }, moment);
}

/**
 * The themes a department talks about with this partner: the overlap of both, or the partner's own
 * themes when there is none (the Vastgoed department and the Omgevingsdienst talk energy labels).
 */
function themesPerDepartment(spec: PartnerSpec): Map<Department, readonly Theme[]> {
  const out = new Map<Department, readonly Theme[]>();
  for (const d of DEPARTMENTS) {
    const overlap = spec.themes.filter((t) => DEPARTMENT_THEMES[d].includes(t));
    out.set(d, overlap.length > 0 ? overlap : spec.themes);
  }
  return out;
}

const CATEGORY_TOPICS_BY_THEME = new Map<string, string[]>();
for (const [category, topics] of Object.entries(CATEGORY_TOPICS)) {
  for (const t of topics ?? []) {
    const key = `${category}/${t.theme}`;
    CATEGORY_TOPICS_BY_THEME.set(key, [...(CATEGORY_TOPICS_BY_THEME.get(key) ?? []), t.topic]);
  }
}

function pickTopic(category: PartnerCategory, theme: Theme, year: number, rng: SeededRandom): string {
  const special = CATEGORY_TOPICS_BY_THEME.get(`${category}/${theme}`);
  const topic = special && rng.chance(0.35) ? rng.pick(special) : rng.pick(THEME_TOPICS[theme]);
  if (!topic.includes('{')) return topic;
  return topic.replace('{year}', String(year + 1)).replace('{next}', String(year + 1)).replace('{prev}', String(year - 1));
}

/** A title starts with a capital; only formats that open with the topic need one added. */
function titleOf(format: string, topic: string, fill: (format: string) => string): string {
  return format.startsWith('{topic}') ? fill(capitalise(topic) + format.slice('{topic}'.length)) : fill(format);
}

/** Civil servants per department; wethouders only appear in administrative meetings. */
const STAFF_BY_DEPARTMENT = new Map(DEPARTMENTS.map((d) => [d, officialsOf(d).filter((o) => o.role !== 'wethouder')] as const));

function pickAuthor(p: PlannedPartner, department: Department, theme: Theme, rng: SeededRandom): DemoOfficial {
  const owner = p.spec.owner ? officialByEmail(p.spec.owner) : undefined;
  if (owner && owner.department === department && rng.chance(0.6)) return owner;
  if (department === 'Bestuursondersteuning' && rng.chance(0.6)) return officialByEmail(WETHOUDER_BY_THEME[theme]);
  return rng.pick(STAFF_BY_DEPARTMENT.get(department)!);
}

function dueDate(nowMs: number, inDays: number): string {
  return new Date(Math.floor(nowMs / DAY_MS) * DAY_MS + inDays * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Emails and meetings carry an Outlook/Teams reference, as logged items do, so "already logged"
 * lookups have data to find. Derived from the id: unique, and no extra random draws.
 */
function sourceRefFor(kind: InteractionKind, id: string): string | undefined {
  if (kind === 'email') return `demo-mail-${id}`;
  if (kind === 'meeting') return `demo-meeting-${id}`;
  return undefined;
}

// --- agenda for invented partners ----------------------------------------------------------

const SYNTHETIC_AGENDA_TOPICS = [
  'Samenwerkingsagenda {year} opstellen',
  'Vervolgafspraak over {topic}',
  'Gegevens delen over {topic}',
  'Gezamenlijke aanpak {topic}',
] as const;

function generateAgenda(p: PlannedPartner, nowMs: number, rng: SeededRandom, out: AgendaItem[], people: ReadonlyMap<string, string>): void {
  const count = rng.int(0, 2);
  for (let i = 0; i < count; i++) {
    const direction = rng.pick<AgendaDirection>(['wij', 'partner', 'samen']);
    const status = rng.weighted<AgendaStatus>({ open: 5, 'in-progress': 3, done: 2 });
    const owner =
      direction === 'partner' ? p.spec.contacts[0]?.email ?? p.spec.owner : p.spec.owner ?? rng.pick(OFFICIALS).email;
    const topic = rng
      .pick(SYNTHETIC_AGENDA_TOPICS)
      .replace('{year}', String(new Date(nowMs).getUTCFullYear() + 1))
      .replace('{topic}', rng.pick(THEME_TOPICS[rng.pick(p.spec.themes)]));
    const id = rng.uuid();
    out.push(
      withoutUndefined({
        id,
        clientId: id,
        partnerId: p.id,
        topic,
        direction,
        owner: owner ?? '',
        ownerName: owner ? people.get(owner) : undefined,
        status,
        dueDate: rng.chance(0.85) ? dueDate(nowMs, rng.int(-120, 180)) : undefined,
      }),
    );
  }
}

// --- small helpers -------------------------------------------------------------------------

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A copy without the keys whose value is undefined, so the data is the same after a JSON round
 * trip (the emulator stores JSON) and deep-equality tests compare like with like. Copies instead
 * of `delete`, which would push 100,000 objects into V8's slow dictionary mode.
 */
function withoutUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return out as T;
}
