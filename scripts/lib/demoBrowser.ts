import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from './demoServer';
import { seedDemoIfEmpty } from './seedDemo';

const root = path.resolve(__dirname, '..', '..');

/** Flags for Debian's Chromium on a machine without network (see the developers' guide). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface DemoEnvironment {
  server: DemoServer;
  browser: Browser;
  close(): Promise<void>;
}

/** The built surfaces (`npm run build`) served with a fresh, seeded emulator, and a real Chromium. */
export async function startDemoEnvironment(): Promise<DemoEnvironment> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'partnerzicht-e2e-'));
  const server = await startDemoServer({ port: 0, distDir: path.join(root, 'dist'), emulator: { dataDir } });
  await seedDemoIfEmpty(server.url);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Fails the test on any script error or console error the page reports. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}
