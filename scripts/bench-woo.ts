/**
 * `npm run bench:woo`: a Woo request over the demo municipality at 100,000 interactions (issue 21:
 * "gathering at 100,000 interactions finishes within seconds"). Times, in one process: gathering the
 * records for every partner and theme over the whole period (the worst case: every record matches and
 * is scanned for personal data), then the inventory CSV and the HTML package. The reference, measured
 * in the same run on the same data, is `JSON.stringify` of it (reading the data once, as any
 * processing must). Targets: gathering under 5 s and within 5× that; the package (a 100,000-document
 * HTML file of some 65 MB and its CSV: far beyond any real request, which names a partner or a theme)
 * within 10×. Median of BENCH_WOO_RUNS (default 3).
 * The last line is the summary; results as JSON to $BENCH_RESULTS/woo.json when set.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gatherWooRecords, wooInventoryCsv, wooPackageHtml } from '../src/core/overview';
import { createDemoData } from '../src/demo';
import { createI18n } from '../src/i18n';

const INTERACTIONS = Number(process.env.BENCH_WOO_INTERACTIONS ?? 100_000);
const RUNS = Number(process.env.BENCH_WOO_RUNS ?? 3);
const GATHER_TARGET_MS = 5000;
const GATHER_TARGET_RATIO = 5;
const PACKAGE_TARGET_RATIO = 10;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function time<T>(work: () => T): [number, T] {
  const started = performance.now();
  const result = work();
  return [performance.now() - started, result];
}

function main(): void {
  const data = createDemoData({ scale: { partners: 1000, interactions: INTERACTIONS } });
  const i18n = createI18n('nl');
  const words = { say: i18n.say, date: i18n.numericDate };
  const names = new Map(data.partners.map((p) => [p.id, p.name]));
  const query = { partnerIds: [], themes: [] };
  const reference: number[] = [];
  const gather: number[] = [];
  const output: number[] = [];
  let records = gatherWooRecords(query, data, 'Europe/Amsterdam');
  for (let run = 0; run < RUNS; run++) {
    reference.push(time(() => JSON.stringify(data))[0]);
    const [ms, gathered] = time(() => gatherWooRecords(query, data, 'Europe/Amsterdam'));
    gather.push(ms);
    records = gathered;
    output.push(
      time(() => {
        wooInventoryCsv(records, words, (id) => names.get(id) ?? id);
        wooPackageHtml(records, words, { query, generatedAt: new Date(), generatedBy: 'bench', partnerName: (id) => names.get(id) ?? id, lang: 'nl' });
      })[0],
    );
  }
  const personal = records.filter((r) => r.assessments.includes('personalData')).length;
  const result = { interactions: data.interactions.length, agenda: data.agenda.length, partners: data.partners.length, records: records.length, personal, gatherMs: median(gather), outputMs: median(output), referenceMs: median(reference) };
  const gatherRatio = result.gatherMs / result.referenceMs;
  const packageRatio = result.outputMs / result.referenceMs;
  console.log(`data: ${result.partners} partners, ${result.interactions} interactions, ${result.agenda} agenda items; ${result.records} records gathered, ${personal} marked for personal data`);
  console.log(`CSV + HTML package ${result.outputMs.toFixed(0)} ms, ${packageRatio.toFixed(1)}x reference (target ≤ ${PACKAGE_TARGET_RATIO}x) ${packageRatio <= PACKAGE_TARGET_RATIO ? 'met' : 'NOT met'}`);
  if (process.env.BENCH_RESULTS) writeFileSync(path.join(process.env.BENCH_RESULTS, 'woo.json'), JSON.stringify({ ...result, gatherRatio, packageRatio }));
  const ok = result.gatherMs < GATHER_TARGET_MS && gatherRatio <= GATHER_TARGET_RATIO && packageRatio <= PACKAGE_TARGET_RATIO;
  console.log(`woo: gather ${result.gatherMs.toFixed(0)} ms for ${result.interactions} interactions, ${gatherRatio.toFixed(1)}x reference JSON.stringify ${result.referenceMs.toFixed(0)} ms (target < ${GATHER_TARGET_MS} ms and ≤ ${GATHER_TARGET_RATIO}x) ${ok ? 'met' : 'NOT met'}`);
  if (!ok) process.exitCode = 1;
}

main();
