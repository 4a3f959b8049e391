/**
 * The compose event runtime in Chromium with office-addin-mock as Outlook (composeMockPage.ts): the
 * compose notification's browser test and `npm run screenshots` open events.html this way.
 */
import path from 'node:path';
import { build } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import { COMPOSE_HINTS_KEY } from '../../src/data/composeHintStore';
import { OFFICE_JS_URL } from '../../src/hosts/outlook/loadOfficeJs';
import type { ComposeMockOptions } from './composeOfficeMock';

const root = path.resolve(__dirname, '..', '..');

/** composeMockPage.ts bundled for the page. */
export async function composeMockBundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, 'composeMockPage.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    // office-addin-mock needs only office-addin-manifest's OfficeApp enum; its entry pulls Node-only code.
    alias: { 'office-addin-manifest': path.join(root, 'node_modules/office-addin-manifest/lib/officeApp.js') },
  });
  return result.outputFiles[0]!.text;
}

/**
 * events.html with the mock served at Office.js's address, the launch event for `options.kind` fired as
 * Outlook would: the page shows the notification bar; `onPage` runs before the page loads (to collect its errors).
 */
export async function fireComposeEvent(
  context: BrowserContext,
  baseUrl: string,
  bundle: string,
  options: ComposeMockOptions,
  onPage?: (page: Page) => void,
): Promise<{ page: Page; result: { errors: string[]; count: number } }> {
  const page = await context.newPage();
  onPage?.(page);
  await page.addInitScript((o) => {
    window.__composeMockOptions = o;
  }, options);
  await page.route(OFFICE_JS_URL, (route) => route.fulfill({ contentType: 'text/javascript', body: bundle }));
  await page.goto(`${baseUrl}/events.html`);
  const result = await page.evaluate((name) => window.__composeMock.fire(name), options.kind === 'message' ? 'onRecipientsChanged' : 'onAttendeesChanged');
  return { page, result };
}

/** Waits until the pane (open on `page`) has left the compose hints on the device, with this partner's figures. */
export async function waitForComposeHints(page: Page, partnerName: string): Promise<void> {
  // Written when the browser is idle, after the context is on screen.
  await page.waitForFunction(
    ([key, name]) => {
      const raw = localStorage.getItem(key);
      return !!raw && (JSON.parse(raw) as { partners: Array<{ name: string; departments?: number }> }).partners.some((p) => p.name === name && p.departments !== undefined);
    },
    [COMPOSE_HINTS_KEY, partnerName] as const,
    { timeout: 30_000 },
  );
}
