import { existsSync } from 'node:fs';
import path from 'node:path';
import { budgetProblems, readBudget, readBundleStats, repoRoot } from '../../scripts/lib/bundleBudget';

/**
 * The CI-enforced bundle budget (bench/budget.json) against the production build `npm test` makes
 * just before jest: dist/stats.json, written by scripts/lib/bundleStatsPlugin.js.
 */
const statsFile = path.join(repoRoot, 'dist', 'stats.json');
const budget = readBudget();

describe('bundle budget (dist/stats.json of the production build)', () => {
  const stats = existsSync(statsFile) ? readBundleStats(path.dirname(statsFile)) : undefined;

  test('the production build wrote its stats', () => {
    expect(stats).toBeDefined();
  });

  test('every surface is within its initial-JS budget and loads nothing it must not', () => {
    if (!stats) return;
    expect(budgetProblems(stats, budget)).toEqual([]);
  });

  test('the Outlook pane ships at most 160 KiB gzipped before its first paint', () => {
    if (!stats) return;
    expect(stats.surfaces.outlook.initial.gzip / 1024).toBeLessThanOrEqual(budget.targets.outlookInitialGzipKiB);
  });

  test('the budget check itself catches an oversized surface, a forbidden module and a chunk group holding what it must not', () => {
    const fake = {
      generatedAt: '',
      surfaces: {
        outlook: {
          initial: { files: [], min: 0, gzip: 1024 * budget.initialGzipKiB.outlook * 1.06, modules: [] },
          total: { files: [], min: 0, gzip: 0, modules: ['@microsoft/teams-js'] },
        },
        meeting: {
          initial: { files: [], min: 0, gzip: 1024, modules: [] },
          total: { files: [], min: 0, gzip: 0, modules: ['src/hosts/outlook/OutlookHost.ts'] },
        },
      },
      groups: { services: { modules: ['src/data/partnerLookup.ts', 'tldts'] } },
    };
    const problems = budgetProblems(fake, { ...budget, initialGzipKiB: { outlook: budget.initialGzipKiB.outlook, meeting: 100 } });
    expect(problems).toEqual([
      expect.stringMatching(/^outlook: initial JS/),
      expect.stringMatching(/^outlook: forbidden .*teams-js/),
      expect.stringMatching(/^meeting: forbidden .*hosts\/outlook/),
      expect.stringMatching(/^chunk group services: forbidden \^tldts in it: tldts$/),
      'chunk group pane-reads: not in the build',
    ]);
  });
});
