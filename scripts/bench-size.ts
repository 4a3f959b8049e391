/**
 * `npm run bench:size`: the production build's JavaScript per surface, minified and gzipped (zlib
 * level 9), from webpack's own chunk graph (scripts/lib/bundleStatsPlugin.js): what the first paint
 * needs (the entry's synchronous chunks), what its page preloads beside it (the lazy chunks it
 * always loads at start: the root component and the data layer, see webpack.config.js) — together,
 * what must arrive before the partner's context can show — and everything the surface can load (plus
 * its dynamic imports). Office.js comes from Microsoft's CDN and is never in a bundle. Beside it, the reference:
 * a minimal React + Fluent UI v9 page (FluentProvider + Button, scripts/bench/reference.tsx) built
 * by the same webpack config (`--env reference`). Output goes to a temp dir (BENCH_DIST to choose
 * it), never dist/. Results as JSON to $BENCH_RESULTS/size.json when set (used by `npm run bench`).
 * The last line is the summary.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchDistDir, buildForBench } from './lib/benchBuild';
import { budgetProblems, kib, readBudget, readBundleStats, type BundleStats } from './lib/bundleBudget';

const SURFACES = ['outlook', 'meeting', 'overview', 'meeting-config', 'index'];

export interface SizeResult {
  surfaces: Record<string, { initialMin: number; initialGzip: number; initialCssGzip: number; preloadedMin: number; preloadedGzip: number; totalMin: number; totalGzip: number }>;
  reference: { initialMin: number; initialGzip: number; initialCssGzip: number };
  budgetProblems: string[];
  outDir: string;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

async function main(): Promise<void> {
  const outDir = benchDistDir();
  const started = Date.now();
  await buildForBench(outDir);
  const stats: BundleStats = readBundleStats(outDir);
  const reference = readBundleStats(path.join(outDir, 'reference')).surfaces.reference;
  const budget = readBudget();
  console.log(`production build in ${((Date.now() - started) / 1000).toFixed(0)} s → ${outDir}  (KiB = 1024 bytes; gzip level 9; Office.js excluded)`);
  console.log(`${pad('surface', 16)}${pad('initial min', 14)}${pad('initial gzip', 15)}${pad('+ CSS gzip', 13)}${pad('+ preloaded gzip', 18)}${pad('total min', 12)}${pad('total gzip', 13)}budget (initial gzip)`);
  type Part = { min: number; gzip: number; css?: { gzip: number } };
  const row = (name: string, part: { initial: Part; preloaded?: Part; total: Part }, note: string) =>
    console.log(
      `${pad(name, 16)}${pad(`${kib(part.initial.min)} KiB`, 14)}${pad(`${kib(part.initial.gzip)} KiB`, 15)}${pad(`${kib(part.initial.css?.gzip ?? 0)} KiB`, 13)}${pad(`${kib(part.preloaded?.gzip ?? 0)} KiB`, 18)}${pad(`${kib(part.total.min)} KiB`, 12)}${pad(`${kib(part.total.gzip)} KiB`, 13)}${note}`,
    );
  for (const name of SURFACES) {
    const s = stats.surfaces[name];
    const limit = budget.initialGzipKiB[name];
    row(name, s, limit === undefined ? '' : `${limit} KiB (+${budget.tolerance * 100}%)`);
  }
  row('reference', reference, 'FluentProvider + Button');
  const problems = budgetProblems(stats, budget);
  const outlook = stats.surfaces.outlook;
  const forbiddenOk = !problems.some((p) => p.includes('forbidden'));
  console.log(
    `targets: Outlook initial ≤ ${budget.targets.outlookInitialGzipKiB} KiB gzipped ${kib(outlook.initial.gzip) <= budget.targets.outlookInitialGzipKiB ? 'met' : 'NOT met'}; ` +
      `no teams-js/overview/charts in Outlook, no Office-only code in the meeting panel ${forbiddenOk ? 'met' : 'NOT met'}; budget ${problems.length ? `EXCEEDED: ${problems.join('; ')}` : 'kept'}`,
  );
  const result: SizeResult = {
    surfaces: Object.fromEntries(
      SURFACES.map((n) => {
        const s = stats.surfaces[n];
        return [n, { initialMin: s.initial.min, initialGzip: s.initial.gzip, initialCssGzip: s.initial.css?.gzip ?? 0, preloadedMin: s.preloaded?.min ?? 0, preloadedGzip: s.preloaded?.gzip ?? 0, totalMin: s.total.min, totalGzip: s.total.gzip }];
      }),
    ),
    reference: { initialMin: reference.initial.min, initialGzip: reference.initial.gzip, initialCssGzip: reference.initial.css?.gzip ?? 0 },
    budgetProblems: problems,
    outDir,
  };
  if (process.env.BENCH_RESULTS) writeFileSync(path.join(process.env.BENCH_RESULTS, 'size.json'), JSON.stringify(result, null, 1));
  console.log(
    `size: outlook ${kib(outlook.initial.gzip)} KiB initial gzipped (+ ${kib(outlook.initial.css?.gzip ?? 0)} KiB CSS, + ${kib(outlook.preloaded?.gzip ?? 0)} KiB preloaded, ${kib(outlook.total.gzip)} KiB total JS), meeting ${kib(stats.surfaces.meeting.initial.gzip)} KiB, ` +
      `overview ${kib(stats.surfaces.overview.initial.gzip)} KiB, reference ${kib(reference.initial.gzip)} KiB`,
  );
  if (problems.length) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
