/**
 * npm run detect:check -- <file or folder> [...]
 * Runs every detection case in the given JSON files (folders are searched recursively), prints each
 * failure with its evidence and ends with `N passed, M failed`; exit status 1 on any failure.
 * A file that cannot be read or is not in the case format counts as one failure, so a typo can never
 * make a run green.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describeFailure, readCaseFile, runCaseFile, type CaseOutcome } from '../src/core/detection/caseFile';

export const DEFAULT_FIXTURES = 'tests/fixtures/detection';

export type FileCheck =
  | { file: string; ok: true; outcomes: CaseOutcome[] }
  | { file: string; ok: false; error: string };

/** JSON files under each path, in a stable order. Missing paths are returned as-is to be reported. */
export function collectCaseFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      out.push(p);
      return;
    }
    if (!isDir) {
      out.push(p);
      return;
    }
    for (const name of readdirSync(p).sort()) {
      const child = join(p, name);
      if (name.endsWith('.json') || statSync(child).isDirectory()) walk(child);
    }
  };
  for (const p of paths) walk(p);
  return out;
}

export function checkFile(file: string): FileCheck {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { file, ok: false, error: `cannot read ${file}: ${(e as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { file, ok: false, error: `${file} is not valid JSON: ${(e as Error).message}` };
  }
  const read = readCaseFile(json);
  if (!read.ok) {
    return { file, ok: false, error: `${file} is not a detection case file:\n  - ${read.errors.join('\n  - ')}` };
  }
  return { file, ok: true, outcomes: runCaseFile(read.file) };
}

export function checkPaths(paths: string[]): { lines: string[]; passed: number; failed: number } {
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;
  const files = collectCaseFiles(paths);
  if (files.length === 0) {
    lines.push(`no .json case files found in ${paths.join(', ')}`);
    failed++;
  }
  for (const file of files) {
    const fromCwd = relative(process.cwd(), resolve(file));
    const shown = fromCwd && !fromCwd.startsWith('..') ? fromCwd : file;
    const check = checkFile(file);
    if (!check.ok) {
      lines.push(`ERROR ${check.error.split(file).join(shown)}`);
      failed++;
      continue;
    }
    for (const outcome of check.outcomes) {
      if (outcome.passed) passed++;
      else {
        failed++;
        lines.push(describeFailure(outcome, shown));
      }
    }
  }
  lines.push(`${passed} passed, ${failed} failed`);
  return { lines, passed, failed };
}

function main(): void {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const { lines, failed } = checkPaths(args.length > 0 ? args : [DEFAULT_FIXTURES]);
  console.log(lines.join('\n'));
  process.exitCode = failed > 0 ? 1 : 0;
}

// Imported by the jest suite as a library; run only from the command line.
if (/detect-check\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) main();
