/**
 * The README's demo command as a newcomer runs it: `npm start` (the development build, watched, on its
 * own server and its own seeded data), then its printed URLs in Chromium under the page's own
 * Content-Security-Policy. Every page once stayed on its grey skeleton here (eval-based source maps).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { contentSecurityPolicy } from '../../scripts/lib/contentSecurityPolicy';
import { CHROMIUM_ARGS, collectPageErrors } from './browser';

// The development build takes about 40 s on an idle two-core machine and several times that on a busy one.
jest.setTimeout(480_000);

const root = path.resolve(__dirname, '..', '..');
let child: ChildProcess | undefined;
let demoDir = '';
let base = '';
let output = '';
let browser: Browser | undefined;

beforeAll(async () => {
  demoDir = await mkdtemp(path.join(os.tmpdir(), 'partnerzicht-start-'));
  // Its own process group, so that stopping it stops webpack's watcher and the server with it.
  child = spawn('npm', ['start'], { cwd: root, env: { ...process.env, PORT: '0', PARTNERZICHT_DEMO_DIR: demoDir }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL in 420 s:\n${output}`)), 420_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Outlook-taakvenster:\s+(http:\/\/localhost:\d+)\/outlook\.html/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    child?.stdout?.on('data', read);
    child?.stderr?.on('data', read);
    child?.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  if (child?.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await rm(demoDir, { recursive: true, force: true });
});

test('npm start seeds its own data and serves the development build under the production policy', async () => {
  expect(output).toMatch(/Demogegevens geladen: 31 partners/);
  const response = await fetch(`${base}/outlook.html`);
  expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
  // The development build: readable bundle names, no content hashes, written apart from dist/.
  expect(await response.text()).toMatch(/src="\/outlook\.js"/);
  expect(await readFile(path.join(demoDir, 'dev-build', 'outlook.js'), 'utf8')).not.toMatch(/\beval\(/);
});

test.each([
  ['outlook.html', 'partner-name'],
  ['meeting.html', 'partner-name'],
  ['overview.html', 'overview-table'],
])('%s renders its first screen in Chromium with no script error', async (page, testId) => {
  const context = await browser!.newContext({ locale: 'nl-NL' });
  const tab = await context.newPage();
  const errors = collectPageErrors(tab);
  const violations: string[] = [];
  await tab.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await tab.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.effectiveDirective} ${e.blockedURI}`)));
  await tab.goto(`${base}/${page}`);
  await tab.getByTestId(testId).first().waitFor({ timeout: 30_000 });
  expect(await tab.getByTestId('startup-error').count()).toBe(0);
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('a script that fails while the page starts shows a translated message, not a skeleton for ever', async () => {
  for (const [locale, title] of [
    ['nl-NL', 'Partnerzicht kon niet starten'],
    ['en-GB', 'Partnerzicht could not start'],
  ]) {
    const context = await browser!.newContext({ locale });
    const tab = await context.newPage();
    // The surface's own chunk answers with code the policy refuses to run (what eval source maps did).
    await tab.route(/\/pane\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: 'eval("1");' }));
    await tab.goto(`${base}/outlook.html`);
    const message = tab.getByTestId('startup-error');
    await message.waitFor({ timeout: 30_000 });
    expect(await message.getByRole('heading').textContent()).toBe(title);
    expect(await tab.locator('.pz-boot:visible').count()).toBe(0);
    await message.getByRole('button').waitFor();
    await context.close();
  }
});
