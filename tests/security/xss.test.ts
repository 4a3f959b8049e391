/**
 * XSS in a real browser: every payload of the corpus is placed in every text that comes from outside
 * (subject, display names, addresses) or from other officials (partner names and aliases, owner names,
 * note titles and summaries, departments, agenda topics, owners and next steps), stored through the
 * production repository into the emulator, and rendered on the Outlook pane, the meeting panel and the
 * overview in Debian's Chromium. The page's Content-Security-Policy is bypassed on purpose: this proves
 * the app itself never turns data into markup; the CSP is a second wall, tested on its own.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { chromium, type Browser } from 'playwright-core';
import path from 'node:path';
import { startDemoServer, type DemoServer } from '../../scripts/lib/demoServer';
import { DEMO_SITE_REF } from '../../src/config/appConfig';
import type { Official } from '../../src/core/model';
import { ensureSchema } from '../../src/data/ensureSchema';
import { SharePointPartnerRepository } from '../../src/data/SharePointPartnerRepository';
import { createDemoData } from '../../src/demo';
import { OFFICIALS } from '../../src/demo/municipality';
import type { HostItem } from '../../src/hosts/Host';
import { makeDemoToken } from '../../src/hosts/browser/demoToken';
import { GraphTransport } from '../../src/data/graph/GraphTransport';
import { CHROMIUM_ARGS } from '../e2e/browser';
import { recordMeasure } from './results';
import { shortForm, XSS_FLAG, XSS_PAYLOADS } from './xssPayloads';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../..');
const VIEWER: Official = { email: OFFICIALS[0].email, name: OFFICIALS[0].name };
const OTHER: Official = { email: OFFICIALS[1].email, name: OFFICIALS[1].name };
const N = XSS_PAYLOADS.length;
const domainOf = (i: number) => `hostile-${i}.nl`;

let server: DemoServer;
let browser: Browser;
const dialogs: string[] = [];
const found = new Set<number>();
const problems: string[] = [];

beforeAll(async () => {
  server = await startDemoServer({ port: 0, distDir: path.join(ROOT, 'dist'), emulator: {} });
  const repo = (as: Official) => SharePointPartnerRepository.create({ baseUrl: server.url, getAccessToken: async () => makeDemoToken(as), siteRef: DEMO_SITE_REF });
  const admin = repo(VIEWER);
  const other = repo(OTHER);
  await ensureSchema(GraphTransport.create({ baseUrl: server.url, getAccessToken: async () => makeDemoToken(VIEWER, 'setup') }), DEMO_SITE_REF);
  await admin.saveSettings(createDemoData().settings);
  const ids: string[] = [];
  for (let i = 0; i < N; i++) {
    const p = XSS_PAYLOADS[i];
    const saved = await admin.savePartner({
      id: `xss-p-${i}`,
      name: shortForm(p),
      category: 'woningcorporatie',
      aliases: [p],
      domains: [domainOf(i)],
      contacts: [`contact@${domainOf(i)}`],
      ownerEmail: OTHER.email,
      ownerName: shortForm(p),
      themes: ['wonen', shortForm(p, 60)],
      description: p,
      rhythmDays: 30,
      status: 'active',
      interactionCount: 0,
    });
    ids.push(saved.id);
  }
  // Partner 0 gets every payload as a note (by another official) and as an agenda item.
  for (let i = 0; i < N; i++) {
    const p = XSS_PAYLOADS[i];
    await other.saveInteraction({
      id: `xss-i-${i}`,
      clientId: `xss-i-${i}`,
      partnerId: ids[0],
      date: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
      kind: 'email',
      department: shortForm(p, 100),
      authorEmail: OTHER.email,
      authorName: shortForm(p, 100),
      themes: ['wonen'],
      title: shortForm(p),
      summary: p,
      followUps: p,
      confidential: false,
      wooRelevant: i % 2 === 0,
      sourceLink: p,
    });
    await admin.saveAgendaItem({ id: `xss-a-${i}`, clientId: `xss-a-${i}`, partnerId: ids[0], topic: shortForm(p), direction: 'samen', owner: shortForm(p, 100), status: 'open', nextStep: p });
  }
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  recordMeasure('xss', { area: 'xss', label: 'payloads rendered on Outlook pane, meeting panel, overview', tried: N, ok: problems.length === 0 && dialogs.length === 0 ? found.size : 0, extra: { dialogs: dialogs.length, problems: problems.length } });
});

function mailbox(name: string, address: string): string {
  return `"${name.replace(/["\\]/g, (c) => `\\${c}`)}" <${address}>`;
}

async function openSurface(page: string, storageKey: string, item: HostItem): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ bypassCSP: true, locale: 'nl-NL', viewport: { width: 360, height: 1400 } });
  const state = { item, user: VIEWER, locale: 'nl-NL', theme: 'default' };
  await context.addInitScript(({ key, value }) => window.localStorage.setItem(key, value), { key: storageKey, value: JSON.stringify(state) });
  const p = await context.newPage();
  const errors: string[] = [];
  p.on('pageerror', (e) => errors.push(e.message));
  p.on('dialog', (d) => {
    dialogs.push(`${page}: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  await p.goto(`${server.url}/${page}`);
  return { context, page: p, errors };
}

/** What the page shows, and anything in #root that is not the app's own markup. */
async function inspect(page: Page): Promise<{ flag: unknown; text: string; foreign: string[] }> {
  return page.evaluate((flag) => {
    const root = document.getElementById('root') ?? document.body;
    const foreign: string[] = [];
    // <details> and <form> are the app's own too: theirs carry no handlers or script URLs (checked below).
    const BAD_TAGS = new Set(['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'BASE', 'META', 'LINK', 'MARQUEE', 'MATH', 'VIDEO', 'AUDIO', 'SOURCE', 'FOREIGNOBJECT', 'ANIMATE', 'MGLYPH', 'IMG', 'B', 'I']);
    for (const el of Array.from(root.querySelectorAll('*'))) {
      // Fluent's focus manager (tabster) inserts empty <i data-tabster-dummy> guards: the app's own markup.
      if (BAD_TAGS.has(el.tagName.toUpperCase()) && !el.hasAttribute('data-tabster-dummy')) foreign.push(`<${el.tagName.toLowerCase()}>`, `in: ${(el.parentElement?.outerHTML ?? '').slice(0, 160)}`);
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        const value = attr.value.trim().toLowerCase();
        if (name.startsWith('on') || name === 'srcdoc' || name === 'xlink:href') foreign.push(`${el.tagName.toLowerCase()}[${name}]`);
        if ((name === 'href' || name === 'src' || name === 'action' || name === 'formaction') && /^(javascript|data|vbscript):/.test(value.replace(/[\s\u0000-\u001f]/g, ''))) foreign.push(`${el.tagName.toLowerCase()}[${name}=${value.slice(0, 30)}]`);
      }
    }
    const values = Array.from(root.querySelectorAll('input, textarea')).map((e) => (e as HTMLInputElement).value);
    return { flag: (window as unknown as Record<string, unknown>)[flag], text: `${root.textContent ?? ''}\n${values.join('\n')}`, foreign };
  }, XSS_FLAG);
}

async function check(label: string, page: Page, errors: string[]): Promise<void> {
  await page.waitForTimeout(300); // let late effects (images failing, timers) run
  const result = await inspect(page);
  if (result.flag !== undefined) problems.push(`${label}: a payload ran (window.${XSS_FLAG} set)`);
  if (result.foreign.length) problems.push(`${label}: foreign markup ${[...new Set(result.foreign)].slice(0, 10).join(', ')}`);
  for (const e of errors) problems.push(`${label}: page error ${e.slice(0, 200)}`);
  XSS_PAYLOADS.forEach((p, i) => {
    if (result.text.includes(p) || result.text.includes(shortForm(p)) || result.text.includes(shortForm(p, 100))) found.add(i);
  });
}

test('Outlook pane: hostile subject and display names of an email from several hostile partners', async () => {
  const item: HostItem = {
    kind: 'email',
    id: 'xss-mail-1',
    subject: XSS_PAYLOADS.join(' | ').slice(0, 200_000),
    from: mailbox(XSS_PAYLOADS[1], `contact@${domainOf(1)}`),
    to: XSS_PAYLOADS.map((p, i) => mailbox(shortForm(p), `official${i}@veenhaven.nl`)),
    cc: XSS_PAYLOADS.slice(0, 20).map((p, i) => mailbox(shortForm(p), `x${i}@${domainOf(i)}`)),
    date: '2026-11-20T10:00:00Z',
    link: 'javascript:window.__pzXss=1',
  };
  const { context, page, errors } = await openSurface('outlook.html', 'partnerzicht.demo.email-meeting', item);
  await page.locator('[data-testid="partner-name"], [data-testid="no-partner"], [data-testid="partner-chooser"]').first().waitFor({ timeout: 30_000 }).catch(() => problems.push('outlook 1: pane did not settle'));
  await check('outlook 1', page, errors);
  await context.close();
});

test("Outlook pane: the partner's card, timeline and agenda written by others", async () => {
  const item: HostItem = {
    kind: 'email',
    id: 'xss-mail-2',
    subject: 'Overleg',
    from: mailbox(XSS_PAYLOADS[0], `contact@${domainOf(0)}`),
    to: [mailbox(VIEWER.name, VIEWER.email)],
    date: '2026-11-21T10:00:00Z',
  };
  const { context, page, errors } = await openSurface('outlook.html', 'partnerzicht.demo.email-meeting', item);
  await page.getByTestId('timeline-item').first().waitFor({ timeout: 30_000 }).catch(() => problems.push('outlook 2: timeline did not render'));
  // Show every note the timeline holds.
  for (let i = 0; i < 10; i++) {
    const more = page.getByRole('button', { name: /meer|more/i });
    if ((await more.count()) === 0) break;
    await more.first().click().catch(() => undefined);
  }
  await check('outlook 2', page, errors);
  expect(await page.getByTestId('timeline-item').count()).toBeGreaterThan(0);
  await context.close();
});

test('Teams meeting panel: hostile meeting title and attendee names', async () => {
  const item: HostItem = {
    kind: 'meeting',
    id: 'xss-meeting-1',
    subject: XSS_PAYLOADS.slice(0, 30).join(' '),
    organizer: mailbox(XSS_PAYLOADS[2], `contact@${domainOf(0)}`),
    attendees: XSS_PAYLOADS.map((p, i) => mailbox(shortForm(p), `a${i}@${domainOf(0)}`)),
    date: '2026-11-22T10:00:00Z',
  };
  const { context, page, errors } = await openSurface('meeting.html', 'partnerzicht.demo.meeting', item);
  await page
    .locator('[data-testid="partner-name"], [data-testid="no-partner"], [data-testid="partner-chooser"], [data-testid="load-error"]')
    .first()
    .waitFor({ timeout: 30_000 })
    .catch(async () => problems.push(`meeting: panel did not settle: ${(await page.locator('#root').textContent())?.slice(0, 300)}`));
  if ((await page.getByTestId('partner-name').count()) > 0) await page.getByTestId('timeline-item').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
  await check('meeting', page, errors);
  await context.close();
});

test('overview: every hostile partner name, alias and owner', async () => {
  const { context, page, errors } = await openSurface('overview.html', 'partnerzicht.demo.overview', { kind: 'email', id: 'none', subject: '' });
  await page.getByTestId('overview-table').waitFor({ timeout: 30_000 });
  await check('overview', page, errors);
  await context.close();
});

test('control: the checks do catch markup injected the way a bug would (so a pass is not vacuous)', async () => {
  const { context, page } = await openSurface('overview.html', 'partnerzicht.demo.overview', { kind: 'email', id: 'none', subject: '' });
  await page.getByTestId('overview-table').waitFor({ timeout: 30_000 });
  await page.evaluate(() => {
    const probe = document.createElement('div');
    // eslint-disable-next-line no-restricted-syntax -- deliberately what the app must never do
    probe.innerHTML = '<img src=x onerror="window.__pzXss=1">';
    document.getElementById('root')?.appendChild(probe);
  });
  await page.waitForFunction((flag) => (window as unknown as Record<string, unknown>)[flag] === 1, XSS_FLAG, { timeout: 5_000 });
  const result = await inspect(page);
  expect(result.flag).toBe(1);
  expect(result.foreign).toEqual(expect.arrayContaining(['<img>', 'img[onerror]']));
  await context.close();
});

test('no dialog opened, no script ran, no foreign markup, and every payload showed as text', () => {
  expect(dialogs).toEqual([]);
  expect(problems).toEqual([]);
  const missing = XSS_PAYLOADS.map((p, i) => (found.has(i) ? undefined : shortForm(p, 60))).filter(Boolean);
  expect(missing).toEqual([]);
  expect(N).toBeGreaterThanOrEqual(50);
});
