/**
 * `npm start`: builds the three surfaces (development mode, and rebuilds on change), serves them with
 * the Graph emulator on one origin and under the production Content-Security-Policy, seeds the demo
 * municipality on first run, and prints the start URL. `PORT=0` picks a free port.
 */
import path from 'node:path';
import webpack from 'webpack';
import { demoPaths } from './lib/demoPaths';
import { startDemoServer } from './lib/demoServer';
import { seedDemoIfEmpty } from './lib/seedDemo';

const root = path.resolve(__dirname, '..');
const port = Number(process.env.PORT ?? 3000);
const paths = demoPaths();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require(path.join(root, 'webpack.config.js'))({ outDir: paths.devBuild }, { mode: 'development' });

async function main(): Promise<void> {
  const compiler = webpack(webpackConfig);
  let firstBuild: (() => void) | undefined;
  const built = new Promise<void>((resolve) => (firstBuild = resolve));
  compiler.watch({ aggregateTimeout: 300 }, (error, stats) => {
    if (error) console.error(error);
    else if (stats?.hasErrors()) console.error(stats.toString('errors-only'));
    else console.log(`Gebouwd in ${stats ? stats.endTime - stats.startTime : 0} ms.`);
    firstBuild?.();
    firstBuild = undefined;
  });
  await built;

  const server = await startDemoServer({
    port,
    distDir: paths.devBuild,
    emulator: { dataDir: paths.emulatorData },
  });
  const seeded = await seedDemoIfEmpty(server.url);
  if (seeded) console.log(`Demogegevens geladen: ${seeded.partners} partners, ${seeded.interactions} contactmomenten, ${seeded.agenda} agendapunten.`);

  console.log(`\nPartnerzicht draait lokaal (zonder Microsoft 365):\n  ${server.url}/\n`);
  console.log(`  Outlook-taakvenster: ${server.url}/outlook.html`);
  console.log(`  Teams-vergaderpaneel: ${server.url}/meeting.html`);
  console.log(`  Teams-overzicht:      ${server.url}/overview.html`);
  console.log(`  Graph-emulator:       ${server.url}/v1.0/\n`);

  const stop = async () => {
    compiler.close(() => undefined);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
