/**
 * docs/graph-calls.md is the one table of Graph calls: this suite fails when
 * - a row and the emulator's permission table (src/emulator/permissions.ts) disagree;
 * - the scopes the app requests (src/config/scopes.ts, the XML manifest's <Scopes>) differ from the table;
 * - the code names a Graph path that matches no row (a scan of src/, comments left out);
 * - running the app's flows against the emulator calls an endpoint that is not in the table, or an
 *   official's flow calls an administrator's row (or the other way round).
 */
import 'fake-indexeddb/auto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_GRAPH_SCOPES, ATTENDANCE_GRAPH_SCOPES, ATTENDANCE_SCOPES, SETUP_GRAPH_SCOPES, SETUP_SCOPES, TEAM_GRAPH_SCOPES, TEAM_SCOPES, shortScope } from '../../src/config/scopes';
import { ensureSchema } from '../../src/data/ensureSchema';
import { AGENDA, toGraphListDefinition, type ColumnSpec } from '../../src/data/schema';
import { readOwnDepartment } from '../../src/data/officialProfile';
import { OverviewCache } from '../../src/data/overviewCache';
import { ENDPOINT_PERMISSIONS, permissionFor, type LoggedRequest } from '../../src/emulator';
import { RouteTable } from '../../src/emulator/routes';
import { findMeetingParticipants } from '../../src/hosts/meeting/meetingParticipants';
import { findMeetingAttendance } from '../../src/hosts/meeting/meetingAttendance';
import { ATTENDANCE_TOKEN_SCOPES, TEAM_TOKEN_SCOPES } from '../../src/emulator/testToken';
import { GraphTransport } from '../../src/data/graph/GraphTransport';
import { createTestToken } from '../../src/emulator';
import { overviewPartnerDeepLink } from '../../src/hosts/deepLinks';
import { OwnerNotifier } from '../../src/data/ownerNotifier';
import { readUpcomingMeetings } from '../../src/data/upcomingMeetings';
import { readTeamCalendars } from '../../src/data/teamCalendars';
import { createTranslator } from '../../src/i18n';
import { newInteraction, newPartner } from '../data/fixtures';
import { ANNA, BRAM, SITE_REF, startHarness, type Harness } from '../data/graphHarness';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

interface Row {
  method: string;
  pattern: string;
  least: string;
  asks: string;
  who: string[];
  doc: string;
  test: string;
}

function tableRows(): Row[] {
  const md = read('docs/graph-calls.md');
  const start = md.indexOf('## Calls');
  const rows: Row[] = [];
  for (const line of md.slice(start).split('\n')) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length !== 7 || !/^[A-Z]+$/.test(cells[0]) || cells[0] === 'Method') continue;
    rows.push({ method: cells[0], pattern: cells[1].replace(/`/g, ''), least: cells[2], asks: cells[3], who: cells[4].split(',').map((w) => w.trim()), doc: cells[5], test: cells[6] });
  }
  return rows;
}

const rows = tableRows();
const isGraphRow = (r: Row) => r.pattern !== '/$batch';

test('each row is the emulator\'s permission for that endpoint: least privileged first, the requested scope accepted', () => {
  expect(rows.length).toBeGreaterThan(10);
  for (const row of rows.filter(isGraphRow)) {
    const rule = permissionFor(row.method, row.pattern);
    expect({ row: `${row.method} ${row.pattern}`, found: !!rule }).toEqual({ row: `${row.method} ${row.pattern}`, found: true });
    expect(rule!.accepted[0]).toBe(row.least);
    expect(rule!.accepted).toContain(row.asks);
    expect(rule!.doc).toBe(`https://learn.microsoft.com/graph/api/${row.doc}`);
    expect(fs.existsSync(path.join(ROOT, row.test))).toBe(true);
    for (const who of row.who) expect(['official', 'administrator', 'organizer', 'manager']).toContain(who);
  }
  // Every emulator permission the app does not use is at least a real route (permissions.test.ts); none is missing here for the app's calls.
  expect(ENDPOINT_PERMISSIONS.length).toBeGreaterThanOrEqual(rows.filter(isGraphRow).length);
});

test('the scopes the app requests are exactly the table\'s: officials\' and the administrator\'s setup', () => {
  const asked = (who: string) => new Set(rows.filter((r) => isGraphRow(r) && r.who.includes(who)).map((r) => r.asks));
  const official = ALL_GRAPH_SCOPES.map(shortScope).sort();
  expect([...asked('official')].sort()).toEqual(official);
  // Setup asks for the official's scopes plus the manage scope; the table's administrator rows use only those, and the manage scope only they use.
  const setup = SETUP_SCOPES.map(shortScope);
  for (const scope of asked('administrator')) expect(setup).toContain(scope);
  for (const manage of Object.values(SETUP_GRAPH_SCOPES).map(shortScope)) {
    expect(asked('administrator').has(manage)).toBe(true);
    expect(asked('official').has(manage)).toBe(false);
  }
  // The attendance report's scope likewise: only the organizer's rows use it, and its token holds exactly those rows' scopes.
  const attendance = ATTENDANCE_SCOPES.map(shortScope);
  for (const scope of asked('organizer')) expect(attendance).toContain(scope);
  for (const artifact of Object.values(ATTENDANCE_GRAPH_SCOPES).map(shortScope)) {
    expect(asked('organizer').has(artifact)).toBe(true);
    expect(asked('official').has(artifact)).toBe(false);
    expect(asked('administrator').has(artifact)).toBe(false);
  }
  // The team's calendars likewise: only the manager's rows use those scopes, and the team token holds exactly those rows' scopes.
  const team = TEAM_SCOPES.map(shortScope);
  for (const scope of asked('manager')) expect(team).toContain(scope);
  for (const shared of Object.values(TEAM_GRAPH_SCOPES).map(shortScope)) {
    expect(asked('manager').has(shared)).toBe(true);
    expect(asked('official').has(shared)).toBe(false);
    expect(asked('administrator').has(shared)).toBe(false);
    expect(asked('organizer').has(shared)).toBe(false);
  }
  // The XML manifest's SSO scopes are the official's; the unified manifest declares no Graph scope.
  const xml = read('manifest/manifest.xml');
  const xmlScopes = [...xml.matchAll(/<Scope>([^<]+)<\/Scope>/g)].map((m) => m[1]).filter((s) => s !== 'openid' && s !== 'profile');
  expect(xmlScopes.sort()).toEqual(official);
  expect(read('appPackage/manifest.json')).not.toMatch(/Sites\.|User\.Read|Calendars\.|Chat\.ReadBasic|OnlineMeetings\./);
});

/** String and template literals of a source file, comments left out, `${…}` as `{x}`. */
function pathLiterals(source: string): string[] {
  const code = source.split('\n').filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line)).join('\n');
  const out: string[] = [];
  for (let i = 0; i < code.length; i++) {
    const quote = code[i];
    if (quote !== "'" && quote !== '"' && quote !== '`') continue;
    let text = '';
    let j = i + 1;
    for (; j < code.length && code[j] !== quote; j++) {
      if (code[j] === '\\') {
        text += code[++j];
      } else if (quote === '`' && code[j] === '$' && code[j + 1] === '{') {
        let depth = 1;
        for (j += 2; j < code.length && depth > 0; j++) depth += code[j] === '{' ? 1 : code[j] === '}' ? -1 : 0;
        j--;
        text += '{x}';
      } else if (quote !== '`' && code[j] === '\n') break;
      else text += code[j];
    }
    out.push(text);
    i = j;
  }
  return out;
}

const GRAPH_WORDS = new Set(['sites', 'lists', 'items', 'columns', 'fields', 'delta', 'me', 'chats', 'onlinemeetings', 'events', '$batch', 'users', 'drives', 'groups', 'teams']);

/** Segments of a literal that names a Graph path, or undefined when it does not. */
function graphPath(literal: string): string[] | undefined {
  const pathPart = literal.split('?')[0];
  if (!/^(\/|\{x\}\/)/.test(pathPart) || /\s/.test(pathPart)) return undefined;
  const segments = pathPart.split('/').filter(Boolean);
  if (segments[0] === '_emulator' || !segments.some((s) => GRAPH_WORDS.has(s.toLowerCase()))) return undefined;
  return segments;
}

/**
 * A leading `{x}` stands for any prefix (`${site}/lists`), an inner one for one segment. A base the code
 * builds calls on (`/sites/{x}/lists/{x}`) may match the start of a row's pattern.
 */
function matchesRow(segments: string[], pattern: string): boolean {
  const full = pattern.split('/').filter(Boolean);
  return full.some((_, k) => matchesExactly(segments, full.slice(0, k + 1)));
}

function matchesExactly(segments: string[], p: string[]): boolean {
  const prefixVariable = segments[0] === '{x}';
  const rest = prefixVariable ? segments.slice(1) : segments;
  if (prefixVariable ? rest.length > p.length : rest.length !== p.length) return false;
  const tail = p.slice(p.length - rest.length);
  return rest.every((s, i) => s === '{x}' || (tail[i].startsWith('{') ? !GRAPH_WORDS.has(s.toLowerCase()) : tail[i].toLowerCase() === s.toLowerCase()));
}

test('every Graph path the code names matches a row (a new endpoint must be added to docs/graph-calls.md)', () => {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
  const found: string[] = [];
  const unmatched: string[] = [];
  for (const file of walk(path.join(ROOT, 'src')).filter((f) => !f.includes(`${path.sep}emulator${path.sep}`))) {
    for (const literal of pathLiterals(fs.readFileSync(file, 'utf8'))) {
      const segments = graphPath(literal);
      if (!segments) continue;
      found.push(literal);
      if (!rows.some((r) => matchesRow(segments, r.pattern))) unmatched.push(`${path.relative(ROOT, file)}: ${literal}`);
    }
  }
  expect(found.length).toBeGreaterThan(8);
  expect(unmatched).toEqual([]);
  // The scan itself: a path that is in no row is caught.
  expect(rows.some((r) => matchesRow(graphPath('/me/drive/root')!, r.pattern))).toBe(false);
  expect(rows.some((r) => matchesRow(graphPath('{x}/lists/{x}/contentTypes')!, r.pattern))).toBe(false);
});

describe('the app\'s flows against the emulator call only the table\'s endpoints, each by its caller', () => {
  let h: Harness;
  const table = new RouteTable();
  for (const row of rows) table.add(row.method, row.pattern, async () => ({ status: 200 }));
  const rowOf = (entry: LoggedRequest) => {
    const url = entry.url.replace(/^\/(v1\.0|beta)/, '').split('?')[0];
    try {
      const pattern = table.match(entry.method, url).pattern;
      return rows.find((r) => r.method === entry.method && r.pattern === pattern);
    } catch {
      return undefined;
    }
  };
  const used = new Set<Row>();
  const check = (who: 'official' | 'administrator' | 'organizer' | 'manager') => {
    const wrong = h.emulator.requestLog
      .map((entry) => ({ entry, row: rowOf(entry) }))
      .filter(({ entry, row }) => {
        if (row) used.add(row);
        return !entry.url.includes('/_emulator/') && (!row || !row.who.includes(who));
      })
      .map(({ entry }) => `${entry.method} ${entry.url}`);
    h.emulator.clearLog();
    return wrong;
  };

  beforeAll(async () => {
    h = await startHarness({ provision: false });
  });
  afterAll(() => h.close());

  it('setup (administrator) and daily work (official)', async () => {
    await ensureSchema(h.adminTransport(), SITE_REF);
    expect(check('administrator')).toEqual([]);
    // A list as an earlier release made it (a column missing, an index not yet set): the upgrade path.
    const admin = h.adminTransport();
    const siteId = (await ensureSchema(admin, SITE_REF)).siteId;
    await admin.request('DELETE', `/sites/${siteId}/lists/Agenda`);
    const [first, ...others] = (AGENDA.columns as readonly ColumnSpec[]).filter((c) => !c.builtIn);
    await admin.request('POST', `/sites/${siteId}/lists`, { body: toGraphListDefinition({ ...AGENDA, columns: others.map((c) => ({ ...c, indexed: false, unique: false })) }) });
    h.emulator.clearLog();
    const upgrade = await ensureSchema(admin, SITE_REF);
    expect(upgrade.addedColumns).toContain(`Agenda.${first.name}`);
    expect(upgrade.indexedColumns.length).toBeGreaterThan(0);
    expect(check('administrator')).toEqual([]);

    const repo = h.repository(ANNA);
    const partner = await repo.savePartner(newPartner());
    const note = await repo.saveInteraction(newInteraction(partner.id, { confidential: true, summary: 'Vertrouwelijk' }));
    await repo.saveInteraction({ ...note, title: 'Bijgewerkt' });
    await repo.getPartnerContext(partner.id);
    await repo.getPartner(partner.id);
    await repo.listItemVersions('Interactions', note.id);
    await repo.listRegister();
    await repo.listInteractions(partner.id);
    await repo.deleteInteraction(note);
    const cache = await OverviewCache.open({ transport: h.transport(), siteRef: SITE_REF, owner: ANNA.email, dbName: 'graph-calls' });
    await cache.load();
    await cache.load();
    await readOwnDepartment(h.transport());
    const chatId = '19:meeting_Z3JhcGgtY2FsbHM@thread.v2';
    h.emulator.meetings.add({ chatId, subject: 'Overleg', organizer: ANNA, attendees: [{ email: 'h.vandijk@portaal.nl', name: 'Henk van Dijk' }], start: '2026-12-01T13:00:00.000Z', deny: ['onlineMeeting'] });
    await findMeetingParticipants(h.transport(), chatId);
    await readUpcomingMeetings(h.transport(), new Date('2026-12-01T08:00:00Z'));
    // A colleague's note on Anna's partner: Bram's client tells Anna (the owner) in Teams.
    const bram = h.repository(BRAM);
    const bramsNote = await bram.saveInteraction(newInteraction(partner.id, { department: 'Economie', authorEmail: BRAM.email, authorName: BRAM.name }));
    const notifier = new OwnerNotifier({ transport: h.transport(BRAM), readContext: (id) => bram.getPartnerContext(id), official: async () => BRAM.email, translate: createTranslator('nl'), partnerLink: (id) => overviewPartnerDeepLink(id) });
    expect((await notifier.noteSaved(bramsNote))?.status).toBe('sent');
    expect(check('official')).toEqual([]);
    // After the meeting, its organizer (with the attendance consent) fills the note from the attendance report.
    const reportChat = '19:meeting_YXR0ZW5kYW5jZS1jYWxscw@thread.v2';
    h.emulator.meetings.add({ chatId: reportChat, subject: 'Overleg', organizer: ANNA, attendees: [{ email: 'h.vandijk@portaal.nl' }], start: '2026-12-01T13:00:00.000Z', reports: [{ records: [{ email: 'h.vandijk@portaal.nl', seconds: 1800 }] }] });
    const organizerToken = createTestToken({ ...ANNA, scopes: ATTENDANCE_TOKEN_SCOPES });
    const organizer = GraphTransport.create({ baseUrl: h.url, getAccessToken: async () => organizerToken, retry: { maxRetries: 0 } });
    expect((await findMeetingAttendance(organizer, reportChat)).status).toBe('found');
    expect(check('organizer')).toEqual([]);
    // A manager (with the team consent) reads the calendars their direct reports shared, for the week ahead.
    h.emulator.setUserProfile(BRAM.email, { displayName: BRAM.name, manager: ANNA.email });
    h.emulator.meetings.shareCalendar(BRAM.email, ANNA.email);
    const managerToken = createTestToken({ ...ANNA, scopes: TEAM_TOKEN_SCOPES });
    const manager = GraphTransport.create({ baseUrl: h.url, getAccessToken: async () => managerToken, retry: { maxRetries: 0 } });
    expect((await readTeamCalendars(manager, new Date('2026-12-01T08:00:00Z'))).map((c) => c.calendar)).toEqual(['shared']);
    expect(check('manager')).toEqual([]);
    // Each row was called by these flows (the table lists no call the app does not make), but the
    // batch envelope, which the log counts apart from its steps.
    const missing = rows.filter((r) => !used.has(r) && r.pattern !== '/$batch').map((r) => `${r.method} ${r.pattern}`);
    expect(missing).toEqual([]);
  });
});
