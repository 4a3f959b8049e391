import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One measured part of a surface (see scripts/lib/bundleStatsPlugin.js, which writes `stats.json`). */
export interface BundlePart {
  files: string[];
  /** Minified bytes. */
  min: number;
  /** Gzipped bytes (zlib level 9). */
  gzip: number;
  /** npm packages by name, project files by path. */
  modules: string[];
  /** The stylesheet these chunks link (Griffel's extracted CSS); not part of min/gzip, which are JavaScript. */
  css?: { files: string[]; min: number; gzip: number };
}

export interface BundleStats {
  generatedAt: string;
  surfaces: Record<string, { initial: BundlePart; preloaded?: { files: string[]; min: number; gzip: number }; total: BundlePart }>;
  /** Named lazy chunk groups (webpackChunkName): the modules they hold. */
  groups?: Record<string, { modules: string[] }>;
}

export interface Budget {
  tolerance: number;
  initialGzipKiB: Record<string, number>;
  targets: { outlookInitialGzipKiB: number };
  forbidden: Record<string, string[]>;
  /** Per named lazy chunk group: module patterns it must not hold. */
  forbiddenInGroups?: Record<string, string[]>;
}

export const repoRoot = path.resolve(__dirname, '..', '..');

export function readBudget(): Budget {
  return JSON.parse(readFileSync(path.join(repoRoot, 'bench', 'budget.json'), 'utf8')) as Budget;
}

export function readBundleStats(distDir: string): BundleStats {
  return JSON.parse(readFileSync(path.join(distDir, 'stats.json'), 'utf8')) as BundleStats;
}

export const kib = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;

/** Each pattern that some of the modules match, with the first few of them. */
function forbiddenHits(modules: string[], patterns: string[]): Array<[string, string]> {
  return patterns.flatMap((pattern) => {
    const hits = modules.filter((m) => new RegExp(pattern, 'i').test(m));
    return hits.length ? [[pattern, hits.slice(0, 5).join(', ')] as [string, string]] : [];
  });
}

/** Every way the build breaks the budget: initial JS over budget + tolerance, forbidden modules reachable or in a chunk group. */
export function budgetProblems(stats: BundleStats, budget: Budget): string[] {
  const problems: string[] = [];
  for (const [surface, limit] of Object.entries(budget.initialGzipKiB)) {
    const measured = stats.surfaces[surface];
    if (!measured) {
      problems.push(`${surface}: not in the build`);
      continue;
    }
    const size = measured.initial.gzip / 1024;
    if (size > limit * (1 + budget.tolerance)) {
      problems.push(`${surface}: initial JS ${kib(measured.initial.gzip)} KiB gzipped, budget ${limit} KiB (+${budget.tolerance * 100}%)`);
    }
  }
  for (const [surface, patterns] of Object.entries(budget.forbidden)) {
    const measured = stats.surfaces[surface];
    if (!measured) continue;
    for (const [pattern, hits] of forbiddenHits(measured.total.modules, patterns)) problems.push(`${surface}: forbidden ${pattern} reachable: ${hits}`);
  }
  for (const [group, patterns] of Object.entries(budget.forbiddenInGroups ?? {})) {
    const modules = stats.groups?.[group]?.modules;
    if (!modules) {
      problems.push(`chunk group ${group}: not in the build`);
      continue;
    }
    for (const [pattern, hits] of forbiddenHits(modules, patterns)) problems.push(`chunk group ${group}: forbidden ${pattern} in it: ${hits}`);
  }
  return problems;
}
