/**
 * `npm run bench`: every benchmark in one go — bench:detect, bench:graph, bench:size, bench-events, bench:woo, bench:open, each
 * as its own process (a crash or a leak in one does not colour the next) — then one summary table:
 * each row the figure, its target, and the reference measured in the same run.
 * bench:size builds into a temp dir that bench:open then serves (BENCH_DIST), so there is one build.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kib } from './lib/bundleBudget';

interface Step {
  name: string;
  script: string;
  lastLine?: string;
  ok: boolean;
  seconds: number;
  output: string;
}

function run(name: string, script: string, env: NodeJS.ProcessEnv): Promise<Step> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, script)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const forward = (chunk: Buffer, stream: NodeJS.WriteStream) => {
      output += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on('data', (c: Buffer) => forward(c, process.stdout));
    child.stderr.on('data', (c: Buffer) => forward(c, process.stderr));
    child.on('close', (code) => {
      const lines = output.trim().split('\n');
      const lastLine = [...lines].reverse().find((l) => l.startsWith(`${name}:`));
      resolve({ name, script, lastLine, ok: code === 0, seconds: (Date.now() - started) / 1000, output });
    });
  });
}

const num = (text: string | undefined, pattern: RegExp): number | undefined => {
  const m = text?.match(pattern);
  return m ? Number(m[1]) : undefined;
};
const show = (v: number | undefined, unit = ''): string => (v === undefined || Number.isNaN(v) ? 'not measured' : `${v.toLocaleString('en-US')}${unit}`);
const met = (v: number | undefined, ok: (v: number) => boolean): string => (v === undefined ? '—' : ok(v) ? 'met' : 'NOT met');

async function main(): Promise<void> {
  const results = mkdtempSync(path.join(os.tmpdir(), 'partnerzicht-bench-results-'));
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_RESULTS: results, BENCH_DIST: process.env.BENCH_DIST ?? path.join(results, 'dist') };
  const steps: Step[] = [];
  for (const [name, script] of [
    ['detect', 'bench-detect.ts'],
    ['graph', 'bench-graph.ts'],
    ['size', 'bench-size.ts'],
    ['events', 'bench-events.ts'],
    ['woo', 'bench-woo.ts'],
    ['open', 'bench-open.ts'],
  ]) {
    console.log(`\n=== bench:${name} ===`);
    steps.push(await run(name, script, env));
    // bench:size built BENCH_DIST; bench:open serves that build instead of building again.
    if (name === 'size' && steps[steps.length - 1].ok) env.BENCH_BUILD_FRESH = '1';
  }
  const by = Object.fromEntries(steps.map((s) => [s.name, s]));
  const readJson = <T>(file: string): T | undefined => {
    try {
      return JSON.parse(readFileSync(path.join(results, file), 'utf8')) as T;
    } catch {
      return undefined;
    }
  };
  const size = readJson<{
    surfaces: Record<string, { initialGzip: number; initialMin: number; initialCssGzip?: number; preloadedGzip?: number; totalGzip: number }>;
    reference: { initialGzip: number; initialMin: number; initialCssGzip?: number };
    budgetProblems: string[];
  }>('size.json');
  const css = (gzip: number | undefined) => (gzip ? ` + ${kib(gzip)} KiB CSS` : '');
  const open = readJson<{ medians: Record<string, number>; overviewFirst: number; longTasks?: { register: number; registerSteps?: number; timeline: number; timelineSteps?: number; timelineItems: number } }>('open.json');

  const detect = by.detect.lastLine;
  const graph = by.graph.lastLine;
  const rows: Array<[string, string, string, string, string]> = [];
  const rate = num(detect, /detect: (\d+) msgs\/s/);
  const ratio = num(detect, /(\d+)x naive/);
  rows.push(['detection throughput (10,000 partners, CPU time)', show(rate, ' msgs/s'), '≥ 100,000 msgs/s, ≥ 50× naive', `naive: ${show(rate && ratio ? Math.round(rate / ratio) : undefined, ' msgs/s')} (${show(ratio, '×')})`, met(rate, (v) => v >= 100_000 && (ratio ?? 0) >= 50)]);
  const context = num(graph, /context (\d+) round trips/);
  const cold = num(graph, /overview cold (\d+)/);
  const warm = num(graph, /warm (\d+) at/);
  rows.push(['Graph round trips: partner context', show(context), '1', 'no reference (count)', met(context, (v) => v <= 1)]);
  rows.push(['Graph round trips: overview warm (cold)', `${show(warm)} (${show(cold)})`, '≤ 2 warm', 'no reference (count)', met(warm, (v) => v <= 2)]);
  const paneUnits = num(graph, /pane open ([\d.]+) RU/);
  const panesPerMinute = num(graph, /(\d+) pane opens a minute/);
  rows.push(['SharePoint resource units: pane open (5,000-licence tenant: pane opens a minute)', `${show(paneUnits)} (${show(panesPerMinute)})`, '(no target)', "Microsoft's published unit costs and app limit", '—']);
  const lost = num(graph, /concurrency lost (\d+)/);
  const duplicated = num(graph, /duplicated (\d+)/);
  const failed = num(graph, /duplicated \d+ failed (\d+)/);
  const exact = graph?.includes('figures exact');
  rows.push([
    '12 officials x 25 notes, 15% faults: lost / duplicated / left failed; figures',
    `${show(lost)} / ${show(duplicated)} / ${show(failed)}; ${graph ? (exact ? 'exact' : 'WRONG') : 'not measured'}`,
    '0 / 0 / 0; exact',
    'no reference (count)',
    graph ? (lost === 0 && duplicated === 0 && failed === 0 && exact ? 'met' : 'NOT met') : '—',
  ]);
  const ref = size?.reference;
  for (const surface of ['outlook', 'meeting', 'overview', 'meeting-config', 'index']) {
    const s = size?.surfaces[surface];
    const target = surface === 'outlook' ? '≤ 160 KiB, budget' : 'budget (bench/budget.json)';
    const over = size?.budgetProblems.some((p) => p.startsWith(`${surface}:`));
    rows.push([
      `${surface}: initial JS gzipped (min)`,
      s ? `${kib(s.initialGzip)} KiB (${kib(s.initialMin)} KiB)${css(s.initialCssGzip)}${s.preloadedGzip ? `; + ${kib(s.preloadedGzip)} KiB preloaded` : ''}; total ${kib(s.totalGzip)} KiB` : 'not measured',
      target,
      ref ? `Fluent reference ${kib(ref.initialGzip)} KiB (${kib(ref.initialMin)} KiB)${css(ref.initialCssGzip)}` : 'not measured',
      s ? (over || (surface === 'outlook' && s.initialGzip / 1024 > 160) ? 'NOT met' : 'met') : '—',
    ]);
  }
  const events = readJson<{ gzipBytes: number; minBytes: number; paneGzipBytes?: number; coldMs: number; warmMs: number }>('events.json');
  rows.push([
    'Outlook event runtime (events.js): gzipped (min)',
    events ? `${kib(events.gzipBytes)} KiB (${kib(events.minBytes)} KiB)` : 'not measured',
    '≤ 8 KiB',
    events?.paneGzipBytes ? `the pane's first script ${kib(events.paneGzipBytes)} KiB` : 'not measured',
    met(events?.gzipBytes, (v) => v <= 8 * 1024),
  ]);
  rows.push([
    'compose notification handler, 1,000 partners: cold (warm)',
    events ? `${show(events.coldMs, ' ms')} (${show(events.warmMs, ' ms')})` : 'not measured',
    '< 50 ms',
    "Outlook's limit ~300,000 ms",
    met(events?.coldMs, (v) => v < 50),
  ]);
  const woo = readJson<{ interactions: number; gatherMs: number; outputMs: number; referenceMs: number; gatherRatio: number; packageRatio: number }>('woo.json');
  rows.push([
    `Woo request, everything gathered (${show(woo?.interactions)} interactions)`,
    woo ? `${show(Math.round(woo.gatherMs), ' ms')} (${woo.gatherRatio.toFixed(1)}×); package ${show(Math.round(woo.outputMs), ' ms')} (${woo.packageRatio.toFixed(1)}×)` : 'not measured',
    '< 5,000 ms and ≤ 5×; package ≤ 10×',
    woo ? `JSON.stringify of the data ${show(Math.round(woo.referenceMs), ' ms')}` : 'not measured',
    met(woo?.gatherMs, (v) => v < 5000 && woo!.gatherRatio <= 5 && woo!.packageRatio <= 10),
  ]);
  const m = open?.medians;
  const refPaint = m ? `reference first paint ${m.reference} ms` : 'not measured';
  rows.push(['Outlook pane context visible, warm (4× CPU; the device\'s copy)', show(m?.paneWarm, ' ms'), '< 1,000 ms', refPaint, met(m?.paneWarm, (v) => v < 1000)]);
  rows.push(["Outlook pane, warm: Graph's answer on screen (4× CPU)", show(m?.paneWarmFresh, ' ms'), '(no target)', refPaint, '—']);
  rows.push(['Outlook pane context visible, cold (4× CPU)', show(m?.paneCold, ' ms'), '< 1,800 ms', refPaint, met(m?.paneCold, (v) => v < 1800)]);
  rows.push(['meeting panel context visible, cold (4× CPU)', show(m?.meeting, ' ms'), '(pane cold: < 1,800 ms)', refPaint, met(m?.meeting, (v) => v < 1800)]);
  rows.push(['overview interactive, warm (4× CPU)', show(m?.overview, ' ms'), '< 2,500 ms', `${refPaint}; first open ${show(open?.overviewFirst, ' ms')} unthrottled`, met(m?.overview, (v) => v < 2500)]);
  const lt = open?.longTasks;
  // The long-task observer reports tasks of 50 ms and more: 0 is "none of those".
  const longest = (ms: number | undefined, steps: number | undefined) => `${ms === 0 ? 'none ≥ 50 ms' : show(ms, ' ms')}${steps === undefined ? '' : ` (${steps} scroll steps)`}`;
  rows.push(['longest task scrolling the overview register (1,000 partners)', longest(lt?.register, lt?.registerSteps), '< 100 ms', 'no reference', met(lt?.register, (v) => v < 100 && (lt?.registerSteps ?? 1) > 0)]);
  rows.push([`longest task paging and scrolling a partner's history (10,000 interactions; ${show(lt?.timelineItems)} rows rendered)`, longest(lt?.timeline, lt?.timelineSteps), '< 100 ms', 'no reference', met(lt?.timeline, (v) => v < 100 && (lt?.timelineSteps ?? 1) > 0)]);

  const headers: [string, string, string, string, string] = ['figure', 'measured', 'target', 'reference (same run)', 'status'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log('\n=== summary ===');
  console.log(line(headers));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  for (const s of steps) console.log(`${s.lastLine ?? `${s.name}: no summary line`}${s.ok ? '' : '  (FAILED)'}  [${s.seconds.toFixed(0)} s]`);
  if (!process.env.BENCH_DIST) rmSync(results, { recursive: true, force: true });
  if (steps.some((s) => !s.ok)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
