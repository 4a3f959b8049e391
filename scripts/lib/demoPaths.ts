import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/**
 * Where the local demo keeps its state: `.data/` in the clone, or `PARTNERZICHT_DEMO_DIR` (the browser
 * test of `npm start` runs it in a folder of its own). The emulator's lists live in `emulator/`, and
 * `npm start`'s development build in `dev-build/`, apart from the production build in `dist/` that
 * `npm test` and `npm run build` write.
 */
export function demoPaths(env: NodeJS.ProcessEnv = process.env): { emulatorData: string; devBuild: string } {
  const dir = path.resolve(root, env.PARTNERZICHT_DEMO_DIR || '.data');
  return { emulatorData: path.join(dir, 'emulator'), devBuild: path.join(dir, 'dev-build') };
}
