/**
 * `npm run screenshots`: every surface of the local demo in Dutch and English, light, dark and
 * high contrast, as PNGs in the git-ignored `.screenshots/` folder. Needs `npm run build` first.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { startDemoEnvironment } from './lib/demoBrowser';

const SURFACES = [
  { page: 'outlook.html', storageKey: 'partnerzicht.demo.email-meeting', ready: '[data-testid="partner-name"]', width: 360 },
  { page: 'meeting.html', storageKey: 'partnerzicht.demo.meeting', ready: '[data-testid="partner-name"]', width: 320 },
  { page: 'overview.html', storageKey: 'partnerzicht.demo.look', ready: '[data-testid="overview-table"]', width: 1280 },
] as const;
const LOCALES = ['nl-NL', 'en-GB'] as const;
const THEMES = ['default', 'dark', 'contrast'] as const;

async function main(): Promise<void> {
  const outDir = path.resolve(__dirname, '..', '.screenshots');
  await mkdir(outDir, { recursive: true });
  const env = await startDemoEnvironment();
  try {
    for (const surface of SURFACES) {
      for (const locale of LOCALES) {
        for (const theme of THEMES) {
          const context = await env.browser.newContext({ locale, viewport: { width: surface.width, height: 1000 } });
          // The demo host reads its language and theme from localStorage, as set by its demo bar.
          await context.addInitScript(
            ([key, state]) => localStorage.setItem(key, state),
            [surface.storageKey, JSON.stringify({ locale, theme })] as const,
          );
          const page = await context.newPage();
          await page.goto(`${env.server.url}/${surface.page}`);
          await page.locator(surface.ready).first().waitFor({ timeout: 30_000 });
          const file = path.join(outDir, `${surface.page.replace('.html', '')}-${locale.slice(0, 2)}-${theme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          console.log(file);
          await context.close();
        }
      }
    }
  } finally {
    await env.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
