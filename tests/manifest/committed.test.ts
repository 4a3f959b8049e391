/**
 * The committed development manifests and icons are exactly what the generator writes, so editing
 * appIdentity.ts without re-running `npx tsx scripts/package.ts --dev` (or hand-editing a
 * manifest) fails here instead of in a tenant.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { samePixels } from '../../scripts/lib/icons';
import { REPO_ROOT, committedDevFiles } from '../../scripts/lib/manifestFiles';
import { allOk, checkDrift, formatReport, validateCommitted } from '../../scripts/lib/manifestValidation';

jest.mock('uuid', () => ({ v4: () => '00000000-0000-4000-8000-000000000000' }));

const expected = [...committedDevFiles()];

describe('committed development files', () => {
  it('cover both manifests, the localization file and every icon', () => {
    expect(expected.map(([file]) => file).sort()).toEqual(
      [
        'appPackage/color.png',
        'appPackage/en.json',
        'appPackage/manifest.json',
        'appPackage/outline.png',
        'assets/color-192.png',
        'assets/icon-128.png',
        'assets/icon-16.png',
        'assets/icon-32.png',
        'assets/icon-64.png',
        'assets/icon-80.png',
        'assets/outline-32.png',
        'manifest/manifest.xml',
      ].map((p) => p.split('/').join(path.sep)),
    );
  });

  it.each(expected)('%s equals the generator output', (relative, data) => {
    const actual = fs.readFileSync(path.join(REPO_ROOT, relative));
    if (relative.endsWith('.png')) expect(samePixels(actual, data)).toBe(true);
    else expect(actual.toString('utf8')).toBe(data.toString('utf8'));
  });

  it('pass every validate check', async () => {
    const groups = await validateCommitted();
    if (!allOk(groups)) throw new Error(formatReport(groups));
  });

  it('the drift check notices a hand edit', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerzicht-drift-'));
    try {
      for (const [relative, data] of expected) {
        fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
        fs.writeFileSync(path.join(root, relative), data);
      }
      expect(checkDrift(root).ok).toBe(true);
      const manifest = path.join(root, 'appPackage', 'manifest.json');
      fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('"accentColor": "', '"accentColor": "#000000", "was": "'));
      const result = checkDrift(root);
      expect(result.ok).toBe(false);
      expect(result.detail).toContain('manifest.json differs');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
