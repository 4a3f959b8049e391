/** @jest-environment jsdom */
import { loadOfficeJs, OFFICE_JS_URL, startOfficeJs } from '../../src/hosts/outlook/loadOfficeJs';

/**
 * Outlook's page starts Office.js from its first script (src/surfaces/officeEarly.ts) and the host
 * picker joins that load later. jsdom fetches no external scripts, so each test plays the script's
 * load (or error) and Office's readiness itself.
 */
/** The part of Office.js the host picker reads: `onReady`, answering with the host. */
const win = window as unknown as { Office?: { onReady(): Promise<{ host: string | null }> } };

const officeScripts = () => [...document.getElementsByTagName('script')].filter((s) => s.src === OFFICE_JS_URL);

/** What Office.js does once loaded: defines `Office`, whose onReady answers with the host. */
function officeLoads(host: string | null, readyAfterMs = 0): void {
  win.Office = { onReady: () => new Promise((resolve) => setTimeout(() => resolve({ host }), readyAfterMs)) };
  officeScripts()[0].dispatchEvent(new Event('load'));
}

afterEach(() => {
  document.head.replaceChildren();
  delete win.Office;
});

test('startOfficeJs adds the CDN script once, however often it is called', () => {
  const first = startOfficeJs();
  expect(startOfficeJs()).toBe(first);
  expect(officeScripts()).toHaveLength(1);
});

test('the host picker joins the load the early script started, instead of adding Office.js again', async () => {
  startOfficeJs();
  const host = loadOfficeJs(1000);
  officeLoads('Outlook');
  await expect(host).resolves.toBe('Outlook');
  expect(officeScripts()).toHaveLength(1);
});

test('a load that finished before the host picker asked is not waited for again', async () => {
  startOfficeJs();
  officeLoads('Outlook');
  await expect(loadOfficeJs(1000)).resolves.toBe('Outlook');
});

test('without an early start the host picker adds the script itself', async () => {
  const host = loadOfficeJs(1000);
  expect(officeScripts()).toHaveLength(1);
  officeLoads('Outlook');
  await expect(host).resolves.toBe('Outlook');
});

test('Office.js that fails to load, before or after the host picker asks, means no Office host', async () => {
  startOfficeJs().dispatchEvent(new Event('error'));
  await expect(loadOfficeJs(1000)).resolves.toBeUndefined();
  document.head.replaceChildren();
  const host = loadOfficeJs(1000);
  officeScripts()[0].dispatchEvent(new Event('error'));
  await expect(host).resolves.toBeUndefined();
});

test('Office that is not ready within the time given, or outside any host, means no Office host', async () => {
  startOfficeJs();
  officeLoads('Outlook', 200);
  await expect(loadOfficeJs(20)).resolves.toBeUndefined();
  document.head.replaceChildren();
  startOfficeJs();
  officeLoads(null);
  await expect(loadOfficeJs(1000)).resolves.toBeUndefined();
});
