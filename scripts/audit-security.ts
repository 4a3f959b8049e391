/**
 * `npm run audit:security`: runs the security suites (tests/security: XSS in Chromium, injection,
 * fuzzing, write-queue failures, confidential-note permissions, least privilege, secrets, CSP, safeHref,
 * lint rules) and the linter, then prints a summary table and one last line:
 *
 *   security: <n> xss ok of <n>, <n> injection ok of <n>, <n> fuzz crashes, <n> lost, <n> duplicated
 *
 * The suites leave their counters in a temporary folder (PARTNERZICHT_SECURITY_RESULTS, see
 * tests/security/results.ts). Needs the production build for the browser and bundle checks: built
 * first when dist/ is missing. Exit code 1 when anything failed.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SecurityMeasure } from '../tests/security/results';

const ROOT = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function main(): void {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'outlook.html'))) {
    console.log('dist/ missing: building (webpack --mode production)…');
    if (run(bin('webpack'), ['--mode', 'production']) !== 0) process.exit(1);
  }
  const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerzicht-security-'));
  const jestJson = path.join(resultsDir, 'jest.json');
  console.log('Running tests/security …');
  run(bin('jest'), ['tests/security', '--json', `--outputFile=${jestJson}`, '--silent'], { PARTNERZICHT_SECURITY_RESULTS: resultsDir });
  console.log('Running eslint …');
  const lintStatus = run(bin('eslint'), ['.']);

  const measures = new Map<string, SecurityMeasure>();
  for (const file of fs.readdirSync(resultsDir)) {
    if (file === 'jest.json') continue;
    measures.set(file.replace(/\.json$/, ''), JSON.parse(fs.readFileSync(path.join(resultsDir, file), 'utf8')) as SecurityMeasure);
  }
  type Suite = { name: string; status: string; assertionResults: Array<{ status: string }> };
  const jest = fs.existsSync(jestJson) ? (JSON.parse(fs.readFileSync(jestJson, 'utf8')) as { testResults: Suite[]; numPassedTests: number; numFailedTests: number }) : undefined;
  fs.rmSync(resultsDir, { recursive: true, force: true });

  const suite = (file: string) => jest?.testResults.find((s) => s.name.endsWith(path.join('tests', 'security', file)));
  const suiteOk = (file: string) => suite(file)?.status === 'passed';
  const suiteCell = (file: string) => {
    const s = suite(file);
    if (!s) return 'not run';
    const passed = s.assertionResults.filter((a) => a.status === 'passed').length;
    return `${passed}/${s.assertionResults.length} tests`;
  };

  const xss = measures.get('xss');
  const injection = measures.get('injection');
  const fuzz = measures.get('fuzz');
  const queue = measures.get('queue');
  const n = (v: number | undefined) => (v === undefined ? '?' : String(v));

  const rows: Array<[string, string, string, boolean]> = [
    ['XSS payloads (pane, meeting panel, overview)', `${n(xss?.tried)} tried`, `${n(xss?.ok)} rendered as text, ${n(xss?.extra?.dialogs)} dialogs, ${n(xss?.extra?.problems)} problems`, suiteOk('xss.test.ts') && !!xss && xss.ok === xss.tried],
    ['OData injection strings', `${n(injection?.tried)} tried`, `${n(injection?.ok)} exact matches`, suiteOk('injection.test.ts') && !!injection && injection.ok === injection.tried],
    ['Fuzz cases (detection, note form, CSV, emulator)', `${n(fuzz?.tried)} cases`, `${n(fuzz?.extra?.crashes)} crashes`, suiteOk('fuzz.test.ts') && fuzz?.extra?.crashes === 0],
    ['Write-queue faults', `${n(queue?.tried)} injected`, `${n(queue?.extra?.lost)} lost, ${n(queue?.extra?.duplicated)} duplicated`, suiteOk('queueFailure.test.ts') && queue?.extra?.lost === 0 && queue?.extra?.duplicated === 0],
    ['Confidential notes (item-level read permission)', suiteCell('confidentialNotes.test.ts'), 'other official reads no summary', suiteOk('confidentialNotes.test.ts')],
    ['Least privilege, secrets, CSP', suiteCell('leastPrivilege.test.ts'), 'scopes = README = manifests; no secrets; CSP', suiteOk('leastPrivilege.test.ts')],
    ['Graph calls (docs/graph-calls.md)', suiteCell('graphCalls.test.ts'), 'calls = table = emulator permissions = scopes', suiteOk('graphCalls.test.ts')],
    ['safeHref (https:/mailto: only)', suiteCell('safeHref.test.ts'), 'script and data URLs refused', suiteOk('safeHref.test.ts')],
    ['Lint: HTML sinks banned', suiteCell('lint.test.ts'), lintStatus === 0 ? 'eslint . clean' : 'eslint . FAILED', suiteOk('lint.test.ts') && lintStatus === 0],
  ];

  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => String(r[i]).length), ['Check', 'Tried', 'Result'][i].length));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log('');
  console.log(`${line(['Check', 'Tried', 'Result'])} ok`);
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}| --`);
  for (const [a, b, c, ok] of rows) console.log(`${line([a, b, c])} ${ok ? 'ok' : 'FAIL'}`);
  if (jest) console.log(`\njest tests/security: ${jest.numPassedTests} passed, ${jest.numFailedTests} failed`);
  console.log(
    `security: ${n(xss?.ok)} xss ok of ${n(xss?.tried)}, ${n(injection?.ok)} injection ok of ${n(injection?.tried)}, ` +
      `${n(fuzz?.extra?.crashes)} fuzz crashes, ${n(queue?.extra?.lost)} lost, ${n(queue?.extra?.duplicated)} duplicated`,
  );
  process.exit(rows.every((r) => r[3]) && (jest?.numFailedTests ?? 1) === 0 ? 0 : 1);
}

main();
