/**
 * Every case file in tests/fixtures/detection, run through the same loader and runner as
 * `npm run detect:check`, one jest test per case so a failure names the case and shows its evidence.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFile, checkPaths, collectCaseFiles } from '../../../scripts/detect-check';
import { describeFailure } from '../../../src/core/detection/caseFile';

const FIXTURES = join(__dirname, '../../fixtures/detection');
const files = collectCaseFiles([FIXTURES]);

describe('detection fixtures', () => {
  it('finds the case files', () => {
    expect(files.length).toBe(readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).length);
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    const check = checkFile(file);
    describe(file.slice(FIXTURES.length + 1), () => {
      if (!check.ok) {
        it('is a readable case file', () => {
          throw new Error(check.error);
        });
        return;
      }
      for (const outcome of check.outcomes) {
        it(outcome.name, () => {
          if (!outcome.passed) throw new Error(describeFailure(outcome));
        });
      }
    });
  }

  it('has at least 40 cases', () => {
    const total = files.map(checkFile).reduce((n, c) => n + (c.ok ? c.outcomes.length : 0), 0);
    expect(total).toBeGreaterThanOrEqual(40);
  });

  it('the CLI summary agrees and ends with "N passed, M failed"', () => {
    const { lines, failed } = checkPaths([FIXTURES]);
    expect(lines[lines.length - 1]).toMatch(/^\d+ passed, 0 failed$/);
    expect(failed).toBe(0);
  });
});

describe('detect:check on broken input', () => {
  it('reports unreadable, invalid and malformed files as failures', () => {
    const dir = mkdtempSync(join(tmpdir(), 'detect-check-'));
    writeFileSync(join(dir, 'a.json'), '{ not json');
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ partners: {}, cases: [{ kind: 'fax' }] }));
    writeFileSync(
      join(dir, 'c.json'),
      JSON.stringify({
        partners: [{ id: 'p', name: 'P', domains: ['p.nl'] }],
        cases: [{ name: 'wrong on purpose', kind: 'email', message: { from: 'a@p.nl' }, expect: { partners: [] } }],
      }),
    );
    let result: ReturnType<typeof checkPaths>;
    try {
      result = checkPaths([dir, join(dir, 'missing.json')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const { lines, passed, failed } = result;
    const text = lines.join('\n');
    expect(text).toMatch(/a\.json is not valid JSON/);
    expect(text).toMatch(/b\.json is not a detection case file/);
    expect(text).toMatch(/"partners" must be an array/);
    expect(text).toMatch(/cases\[0\]\.kind must be "email" or "meeting"/);
    expect(text).toMatch(/FAIL .*c\.json › wrong on purpose/);
    expect(text).toMatch(/1\. p \(P, sender\/organizer\): from a@p\.nl via domain p\.nl/);
    expect(text).toMatch(/cannot read .*missing\.json/);
    expect(lines[lines.length - 1]).toBe('0 passed, 4 failed');
    expect([passed, failed]).toEqual([0, 4]);
  });
});
