/** `npm run demo:reset`: wipes the local emulator's data and loads the demo municipality again. */
import { rm } from 'node:fs/promises';
import { startGraphEmulator } from '../src/emulator';
import { demoPaths } from './lib/demoPaths';
import { seedDemoIfEmpty } from './lib/seedDemo';

async function main(): Promise<void> {
  const dataDir = demoPaths().emulatorData;
  await rm(dataDir, { recursive: true, force: true });
  const { url, close } = await startGraphEmulator({ port: 0, dataDir });
  const seeded = await seedDemoIfEmpty(url);
  await close();
  console.log(`Demogegevens opnieuw geladen in ${dataDir}: ${seeded?.partners ?? 0} partners, ${seeded?.interactions ?? 0} contactmomenten, ${seeded?.agenda ?? 0} agendapunten.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
