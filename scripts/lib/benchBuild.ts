import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import webpack from 'webpack';
import { repoRoot } from './bundleBudget';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(path.join(repoRoot, 'webpack.config.js')) as (env: Record<string, unknown>, argv: Record<string, unknown>) => webpack.Configuration[];

/** Where the benches build (never dist/, which `npm start` and the tests use). */
export function benchDistDir(): string {
  return path.resolve(process.env.BENCH_DIST ?? path.join(os.tmpdir(), 'partnerzicht-bench-dist'));
}

/** The production build with the Fluent reference page (`--env reference`), through webpack's Node API. */
export function buildForBench(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const configs = makeConfig({ outDir, reference: true }, { mode: 'production' });
  return new Promise((resolve, reject) => {
    webpack(configs, (error, stats) => {
      if (error) return reject(error);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString('errors-only') ?? 'webpack failed'));
      resolve();
    });
  });
}

/** True when `outDir` already holds a bench build (surfaces and reference page). */
export function hasBenchBuild(outDir: string): boolean {
  return existsSync(path.join(outDir, 'outlook.html')) && existsSync(path.join(outDir, 'reference', 'reference.html')) && existsSync(path.join(outDir, 'stats.json'));
}
