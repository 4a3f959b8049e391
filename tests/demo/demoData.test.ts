import { domainToUnicode } from 'node:url';
import { getDomain, getPublicSuffix } from 'tldts';
import { AGENDA_DIRECTIONS, AGENDA_STATUSES, PARTNER_CATEGORIES, type Interaction, type Partner } from '../../src/core/model';
import {
  createDemoData,
  DEFAULT_DEMO_NOW,
  IDN_DOMAIN,
  IDN_DOMAIN_UNICODE,
  OFFICIALS,
  SAMPLE_EXPECTATIONS,
  SAMPLE_ITEMS,
  SHARED_CONSORTIUM_DOMAIN,
  type DemoData,
} from '../../src/demo';

const DAY = 86_400_000;
const NOW = Date.parse(DEFAULT_DEMO_NOW);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** Consumer providers the demo's private contacts use; their domain never names an organisation. */
const FREE_MAIL = new Set(['gmail.com', 'hotmail.com', 'outlook.com', 'live.nl', 'ziggo.nl', 'kpnmail.nl']);

const data = createDemoData();
const byId = new Map(data.partners.map((p) => [p.id, p]));
const daysAgo = (iso: string) => (NOW - Date.parse(iso)) / DAY;
const of = (partnerId: string) => data.interactions.filter((i) => i.partnerId === partnerId);

/** registrable domain or a sub-domain of one, per the Public Suffix List (never a bare suffix like co.uk). */
function isRegistrableOrSubdomain(domain: string): boolean {
  const registrable = getDomain(domain);
  if (!registrable || getPublicSuffix(domain) === domain) return false;
  return domain === registrable || domain.endsWith(`.${registrable}`);
}

function hostOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

describe('the default demo municipality', () => {
  test('has enough partners in every category, interactions and departments', () => {
    expect(data.partners.length).toBeGreaterThanOrEqual(25);
    for (const category of PARTNER_CATEGORIES) {
      expect(data.partners.filter((p) => p.category === category).length).toBeGreaterThan(0);
    }
    expect(data.interactions.length).toBeGreaterThanOrEqual(400);
    expect(new Set(data.interactions.map((i) => i.department)).size).toBeGreaterThanOrEqual(8);
    expect(data.agenda.length).toBeGreaterThanOrEqual(40);
    expect(OFFICIALS.length).toBeGreaterThanOrEqual(12);
  });

  test('spans the two years before now, in order, on weekdays', () => {
    const dates = data.interactions.map((i) => i.date);
    expect(dates).toEqual([...dates].sort());
    for (const date of dates) {
      expect(daysAgo(date)).toBeGreaterThan(0);
      expect(daysAgo(date)).toBeLessThanOrEqual(730);
      expect([1, 2, 3, 4, 5]).toContain(new Date(date).getUTCDay());
    }
    expect(daysAgo(dates[0]!)).toBeGreaterThan(700);
    expect(daysAgo(dates[dates.length - 1]!)).toBeLessThan(14);
  });

  test('is the same on every call, and survives a JSON round trip unchanged', () => {
    const again = createDemoData();
    expect(again).toEqual(data);
    expect(JSON.parse(JSON.stringify(data))).toStrictEqual(data);
  });

  test('keeps every interaction consistent with the register and the municipality', () => {
    const officials = new Map(OFFICIALS.map((o) => [o.email, o]));
    const ids = new Set<string>();
    for (const i of data.interactions) {
      expect(byId.has(i.partnerId)).toBe(true);
      expect(i.id).toMatch(UUID);
      expect(i.clientId).toBe(i.id);
      ids.add(i.id);
      expect(officials.get(i.authorEmail)?.department).toBe(i.department);
      expect(officials.get(i.authorEmail)?.name).toBe(i.authorName);
      expect(data.settings.departments).toContain(i.department);
      expect(i.themes.length).toBeGreaterThan(0);
      for (const theme of i.themes) expect(data.settings.themes).toContain(theme);
      expect(i.title.length).toBeGreaterThan(5);
      expect(i.summary.length).toBeGreaterThan(10);
      expect(i.summary.length).toBeLessThan(300); // a summary, not an email body
      if (i.kind === 'review') {
        expect(i.review?.score).toBeGreaterThanOrEqual(1);
        expect(i.review?.score).toBeLessThanOrEqual(5);
        expect(i.review?.goesWell).toBeTruthy();
        expect(i.review?.couldImprove).toBeTruthy();
      } else {
        expect(i.review).toBeUndefined();
      }
    }
    expect(ids.size).toBe(data.interactions.length);
    expect(data.interactions.some((i) => i.confidential)).toBe(true);
    expect(data.interactions.some((i) => i.wooRelevant)).toBe(true);
    expect(new Set(data.interactions.map((i) => i.kind))).toEqual(new Set(['meeting', 'email', 'call', 'visit', 'note', 'review']));
  });

  test('has lastContact and interactionCount on each partner that match its interactions', () => {
    for (const p of data.partners) {
      const own = of(p.id);
      expect(p.interactionCount).toBe(own.length);
      expect(p.lastContact).toBe(own.length ? own.map((i) => i.date).sort().at(-1) : undefined);
    }
  });

  test('has partners with ids from their names, owners from the officials, and sensible fields', () => {
    const officials = new Map(OFFICIALS.map((o) => [o.email, o]));
    for (const p of data.partners) {
      expect(p.id).toMatch(/^p-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(p.domains.length).toBeGreaterThanOrEqual(1);
      expect(p.domains.length).toBeLessThanOrEqual(3);
      expect(p.contacts.length).toBeGreaterThanOrEqual(1);
      expect(p.contacts.length).toBeLessThanOrEqual(5);
      expect(p.rhythmDays).toBeGreaterThanOrEqual(30);
      expect(p.rhythmDays).toBeLessThanOrEqual(180);
      expect(p.description).toBeTruthy();
      if (p.ownerEmail) expect(officials.get(p.ownerEmail)?.name).toBe(p.ownerName);
    }
    expect(new Set(data.partners.map((p) => p.id)).size).toBe(data.partners.length);
  });

  test('has agenda items in every direction and status, some overdue, all on known partners', () => {
    for (const a of data.agenda) {
      expect(byId.has(a.partnerId)).toBe(true);
      expect(a.id).toMatch(UUID);
      expect(a.owner).toContain('@');
      // Named as the pane stores it, so the demo shows people, not addresses.
      expect(`${a.owner}: ${a.ownerName ? 'named' : 'unnamed'}`).toBe(`${a.owner}: named`);
    }
    for (const direction of AGENDA_DIRECTIONS) expect(data.agenda.some((a) => a.direction === direction)).toBe(true);
    for (const status of AGENDA_STATUSES) expect(data.agenda.some((a) => a.status === status)).toBe(true);
    const overdue = data.agenda.filter((a) => a.status !== 'done' && a.dueDate && Date.parse(a.dueDate) < NOW);
    expect(overdue.length).toBeGreaterThanOrEqual(5);
  });
});

describe('domains and contacts', () => {
  const allDomains = data.partners.flatMap((p) => p.domains);

  test('are unique, except the one consortium domain two care organisations share', () => {
    const owners = new Map<string, string[]>();
    for (const p of data.partners) for (const d of p.domains) owners.set(d, [...(owners.get(d) ?? []), p.id]);
    const shared = [...owners].filter(([, ids]) => ids.length > 1);
    expect(shared).toEqual([[SHARED_CONSORTIUM_DOMAIN, ['p-thuiszorg-de-linde', 'p-wijkverpleging-veenhart']]]);
  });

  test('are valid registrable domains by the Public Suffix List, in lower-case ASCII, never internal', () => {
    for (const d of allDomains) {
      expect(d).toMatch(/^[a-z0-9.-]+$/);
      expect(isRegistrableOrSubdomain(d)).toBe(true);
      expect(d === 'veenhaven.nl' || d.endsWith('.veenhaven.nl')).toBe(false);
    }
    expect(allDomains).toContain('veenhaven-oost.nl');
    expect(allDomains.some((d) => getPublicSuffix(d) === 'co.uk')).toBe(true);
    expect(allDomains.some((d) => d.endsWith('.de'))).toBe(true);
  });

  test('include one internationalised domain, stored as punycode', () => {
    expect(allDomains).toContain(IDN_DOMAIN);
    expect(domainToUnicode(IDN_DOMAIN)).toBe(IDN_DOMAIN_UNICODE);
  });

  test('contacts are lower-case, belong to one partner, and sit on its domain or on free mail', () => {
    const seen = new Set<string>();
    for (const p of data.partners) {
      for (const c of p.contacts) {
        expect(c).toBe(c.toLowerCase());
        expect(seen.has(c)).toBe(false);
        seen.add(c);
        const host = hostOf(c);
        const onOwnDomain = p.domains.some((d) => host === d || host.endsWith(`.${d}`));
        expect(onOwnDomain || FREE_MAIL.has(host)).toBe(true);
      }
    }
    expect([...seen].some((c) => hostOf(c) === 'gmail.com')).toBe(true);
    expect([...seen].some((c) => hostOf(c) === 'onderzoek.streekziekenhuisveenhaven.nl')).toBe(true);
  });
});

describe('the patterns a manager overview should reveal', () => {
  const active = data.partners.filter((p) => p.status === 'active');
  const ids = (partners: Partner[]) => partners.map((p) => p.id).sort();

  test('four active partners have gone quiet past their contact rhythm', () => {
    const quiet = active.filter((p) => !p.lastContact || daysAgo(p.lastContact) > p.rhythmDays!);
    expect(ids(quiet)).toEqual(['p-gemeente-turfmeer', 'p-roc-veenstreek-college', 'p-veenhoeve-zuivel', 'p-zorggroep-veenstroom']);
  });

  test('one active partner has no owner', () => {
    expect(ids(active.filter((p) => !p.ownerEmail))).toEqual(['p-omgevingsdienst-veenstreek']);
  });

  test('a few active partners are seen by a single department', () => {
    const single = active.filter((p) => new Set(of(p.id).map((i) => i.department)).size === 1);
    expect(ids(single)).toEqual([
      'p-brenneke-waermesysteme',
      'p-northbridge-packaging',
      'p-stichting-kindwijs-veenhaven',
      'p-veenhoeve-zuivel',
    ]);
  });

  test('only the hospital\u2019s latest relationship review dropped', () => {
    const dropped = data.partners.filter((p) => {
      const scores = of(p.id).filter((i) => i.kind === 'review').map((i) => i.review!.score);
      return scores.length >= 2 && scores.at(-1)! < scores.at(-2)!;
    });
    expect(ids(dropped)).toEqual(['p-streekziekenhuis-veenhaven']);
  });
});

describe('the real-estate story (source text\u2019s opening example)', () => {
  const veenland = byId.get('p-woonstichting-veenland')!;
  const lastYear = (i: Interaction) => daysAgo(i.date) <= 365;
  const about = (themes: string[]) => (i: Interaction) => i.themes.some((t) => themes.includes(t));

  test('the housing corporation is the clear vastgoed expert, recently and by its register themes', () => {
    expect(veenland.themes).toEqual(expect.arrayContaining(['vastgoed', 'wonen']));
    const counts = data.partners.map((p) => ({ id: p.id, n: of(p.id).filter(lastYear).filter(about(['vastgoed'])).length }));
    counts.sort((a, b) => b.n - a.n);
    expect(counts[0]!.id).toBe(veenland.id);
    expect(counts[0]!.n).toBeGreaterThanOrEqual(5);
    expect(counts[0]!.n).toBeGreaterThanOrEqual(2 * counts[1]!.n);
  });

  test('a naive "who can help disposing of municipal real estate" ranking puts it on top', () => {
    const issueThemes = ['vastgoed', 'wonen'];
    // Expertise in the register, past contacts about the themes, and warmth (latest contact within rhythm).
    const score = (p: Partner) =>
      2 * p.themes.filter((t) => issueThemes.includes(t)).length +
      of(p.id).filter(lastYear).filter(about(issueThemes)).length +
      (p.lastContact && daysAgo(p.lastContact) <= p.rhythmDays! ? 2 : 0);
    const ranked = [...data.partners].sort((a, b) => score(b) - score(a));
    expect(ranked[0]!.id).toBe(veenland.id);
  });

  test('is not yet involved in the disposal: no Vastgoed department contact, no agenda item about it', () => {
    expect(of(veenland.id).some((i) => i.department === 'Vastgoed')).toBe(false);
    const agenda = data.agenda.filter((a) => a.partnerId === veenland.id);
    expect(agenda.some((a) => /vastgoed|afsto/i.test(`${a.topic} ${a.nextStep ?? ''}`))).toBe(false);
    expect(daysAgo(veenland.lastContact!)).toBeLessThanOrEqual(veenland.rhythmDays!);
  });
});

describe('sample messages for the demo host', () => {
  const MAILBOX = /^(?:"[^"]+"|[^"<>,]+) <[^<>\s@]+@[^<>\s@]+>$/u;

  test('cover every detection case with well-formed items', () => {
    expect(SAMPLE_ITEMS.length).toBeGreaterThanOrEqual(10);
    expect(SAMPLE_ITEMS.length).toBeLessThanOrEqual(12);
    expect(new Set(SAMPLE_ITEMS.map((s) => s.id)).size).toBe(SAMPLE_ITEMS.length);
    expect(new Set(SAMPLE_ITEMS.map((s) => SAMPLE_EXPECTATIONS[s.id]!.case)).size).toBe(SAMPLE_ITEMS.length);
    for (const s of SAMPLE_ITEMS) {
      expect(s.preview.length).toBeGreaterThan(20);
      expect(Number.isNaN(Date.parse(s.date))).toBe(false);
      const people = s.kind === 'email' ? [s.from!, ...(s.to ?? []), ...(s.cc ?? [])] : [s.organizer!, ...(s.attendees ?? [])];
      for (const mailbox of people) expect(mailbox).toMatch(MAILBOX);
      if (s.kind === 'meeting') expect(Date.parse(s.end!)).toBeGreaterThan(Date.parse(s.date));
    }
  });

  test('expect only partners that exist, and use known contacts where they say so', () => {
    for (const s of SAMPLE_ITEMS) for (const id of SAMPLE_EXPECTATIONS[s.id]!.partnerIds) expect(byId.has(id)).toBe(true);
    const gmail = SAMPLE_ITEMS.find((s) => SAMPLE_EXPECTATIONS[s.id]!.case === 'known-freemail-contact')!;
    expect(byId.get('p-woonstichting-veenland')!.contacts).toContain(gmail.from!.match(/<(.+)>/)![1]);
  });
});

describe('the scale option', () => {
  const SCALE = { partners: 1_000, interactions: 100_000 };

  // What generating costs is not a test's business (a time budget fails on a busy machine and passes on a
  // fast one): `npm run bench:open` prints how long seeding this size takes.
  test('generates 1,000 partners and 100,000 interactions, with unique names and domains', () => {
    const big = createDemoData({ scale: SCALE });
    expect(big.partners).toHaveLength(SCALE.partners);
    expect(big.interactions).toHaveLength(SCALE.interactions);
    expect(new Set(big.partners.map((p) => p.name)).size).toBe(SCALE.partners);
    expect(new Set(big.partners.map((p) => p.id)).size).toBe(SCALE.partners);
    const domains = big.partners.flatMap((p) => p.domains);
    expect(new Set(domains).size).toBe(domains.length - 1); // the consortium domain, twice
    for (const d of domains) expect(isRegistrableOrSubdomain(d)).toBe(true);

    // The hand-written register comes first, so the story holds at scale too.
    expect(big.partners.slice(0, data.partners.length).map((p) => p.id)).toEqual(data.partners.map((p) => p.id));

    const counts = new Map<string, number>();
    const last = new Map<string, string>();
    for (const i of big.interactions) {
      counts.set(i.partnerId, (counts.get(i.partnerId) ?? 0) + 1);
      if ((last.get(i.partnerId) ?? '') < i.date) last.set(i.partnerId, i.date);
    }
    for (const p of big.partners) {
      expect(p.interactionCount).toBe(counts.get(p.id) ?? 0);
      expect(p.lastContact).toBe(last.get(p.id));
    }
    expect(new Set(big.interactions.map((i) => i.id)).size).toBe(SCALE.interactions);
  });

  test('is deterministic and honours small sizes exactly', () => {
    const a = createDemoData({ scale: { partners: 60, interactions: 2_000 } });
    expect(createDemoData({ scale: { partners: 60, interactions: 2_000 } })).toEqual(a);
    expect(a.partners).toHaveLength(60);
    expect(a.interactions).toHaveLength(2_000);
    const few = createDemoData({ scale: { partners: 5, interactions: 10 } });
    expect(few.partners).toHaveLength(5);
    expect(few.interactions).toHaveLength(10);
    for (const i of few.interactions) expect(few.partners.some((p) => p.id === i.partnerId)).toBe(true);
    for (const a2 of few.agenda) expect(few.partners.some((p) => p.id === a2.partnerId)).toBe(true);
  });
});

test('`now` moves the whole story along', () => {
  const now = new Date('2027-06-15T10:00:00Z');
  const later = createDemoData({ now });
  const veenland = later.partners.find((p) => p.id === 'p-woonstichting-veenland')!;
  expect((now.getTime() - Date.parse(veenland.lastContact!)) / DAY).toBeLessThanOrEqual(30);
  for (const i of later.interactions) expect(Date.parse(i.date)).toBeLessThan(now.getTime());
  expect(later.interactions.length).toBe(data.interactions.length);
});
