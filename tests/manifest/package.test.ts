/**
 * `npm run package`: refuses a deployment that would not work in a tenant, and otherwise writes a
 * zip with exactly the four files Teams expects and production URLs only, plus the XML manifest.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { APP_ID, PLACEHOLDER_CLIENT_ID, XML_ADDIN_ID } from '../../src/config/appIdentity';
import { DeploymentConfigError, resolveDeployment } from '../../src/config/manifests';
import { REPO_ROOT } from '../../scripts/lib/manifestFiles';
import { allOk, checkConsistency, checkTeamsPackage, formatReport, parseXmlManifest, validatePackageDir } from '../../scripts/lib/manifestValidation';

jest.mock('uuid', () => ({ v4: () => '00000000-0000-4000-8000-000000000000' }));

const BASE = 'https://partnerzicht.voorbeeldstad.nl';
const CLIENT_ID = '1b2c3d4e-1111-2222-3333-444455556666';
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

function runPackage(args: string[], env: Record<string, string>) {
  const clean = { ...process.env };
  delete clean.PARTNERZICHT_BASE_URL;
  delete clean.PARTNERZICHT_CLIENT_ID;
  delete clean.PARTNERZICHT_MAILBOX_PERMISSION;
  return spawnSync(TSX, [path.join(REPO_ROOT, 'scripts', 'package.ts'), ...args], {
    cwd: REPO_ROOT,
    env: { ...clean, ...env },
    encoding: 'utf8',
  });
}

describe('resolveDeployment', () => {
  const env = { PARTNERZICHT_BASE_URL: BASE, PARTNERZICHT_CLIENT_ID: CLIENT_ID };

  it('takes production values from the environment', () => {
    expect(resolveDeployment({ ...env, PARTNERZICHT_BASE_URL: `${BASE}/` }, { dev: false })).toEqual({
      baseUrl: BASE,
      clientId: CLIENT_ID,
      mailboxPermission: 'ReadWriteMailbox',
      kind: 'production',
    });
  });

  it('keeps a path under the base', () => {
    expect(resolveDeployment({ ...env, PARTNERZICHT_BASE_URL: 'https://apps.voorbeeldstad.nl/partnerzicht/' }, { dev: false }).baseUrl).toBe(
      'https://apps.voorbeeldstad.nl/partnerzicht',
    );
  });

  it.each([
    ['no base URL', { PARTNERZICHT_CLIENT_ID: CLIENT_ID }, /PARTNERZICHT_BASE_URL is not set/],
    ['an http base', { ...env, PARTNERZICHT_BASE_URL: 'http://partnerzicht.voorbeeldstad.nl' }, /must use https/],
    ['localhost', { ...env, PARTNERZICHT_BASE_URL: 'https://localhost:3000' }, /points at this machine/],
    ['127.0.0.1', { ...env, PARTNERZICHT_BASE_URL: 'https://127.0.0.1' }, /points at this machine/],
    ['not a URL', { ...env, PARTNERZICHT_BASE_URL: 'partnerzicht' }, /is not a URL/],
    ['no client id', { PARTNERZICHT_BASE_URL: BASE }, /PARTNERZICHT_CLIENT_ID is not set/],
    ['the placeholder client id', { ...env, PARTNERZICHT_CLIENT_ID: PLACEHOLDER_CLIENT_ID }, /must be the GUID/],
    ['a client id that is not a GUID', { ...env, PARTNERZICHT_CLIENT_ID: 'partnerzicht' }, /must be the GUID/],
    ['an unknown mailbox permission', { ...env, PARTNERZICHT_MAILBOX_PERMISSION: 'Restricted' }, /ReadWriteMailbox or ReadWriteItem/],
  ])('refuses %s', (_label, values, message) => {
    expect(() => resolveDeployment(values, { dev: false })).toThrow(DeploymentConfigError);
    expect(() => resolveDeployment(values, { dev: false })).toThrow(message);
  });

  it('--dev uses localhost and the placeholder unless a client id is given', () => {
    expect(resolveDeployment({}, { dev: true })).toMatchObject({ baseUrl: 'https://localhost:3000', clientId: PLACEHOLDER_CLIENT_ID });
    expect(resolveDeployment({ PARTNERZICHT_CLIENT_ID: CLIENT_ID }, { dev: true }).clientId).toBe(CLIENT_ID);
  });
});

describe('scripts/package.ts', () => {
  let out: string;
  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerzicht-package-'));
  });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('refuses a localhost production package with a clear message and exit code 1', () => {
    const result = runPackage(['--out', out], { PARTNERZICHT_BASE_URL: 'https://localhost:3000', PARTNERZICHT_CLIENT_ID: CLIENT_ID });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Not packaging: PARTNERZICHT_BASE_URL points at this machine');
    expect(fs.existsSync(path.join(out, 'partnerzicht.zip'))).toBe(false);
  });

  it('writes a zip with the right entries and production URLs, and the XML manifest', async () => {
    const result = runPackage(['--out', out], { PARTNERZICHT_BASE_URL: BASE, PARTNERZICHT_CLIENT_ID: CLIENT_ID });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);

    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(out, 'partnerzicht.zip')));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);

    const manifestText = await zip.file('manifest.json')!.async('string');
    const manifest = JSON.parse(manifestText);
    expect(manifestText).not.toContain('localhost');
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.staticTabs[0].contentUrl).toBe(`${BASE}/overview.html`);
    expect(manifest.configurableTabs[0].configurationUrl).toBe(`${BASE}/meeting-config.html`);
    expect(manifest.extensions[0].runtimes[0].code.page).toBe(`${BASE}/outlook.html`);
    expect(manifest.validDomains).toEqual(['partnerzicht.voorbeeldstad.nl']);
    expect(manifest.webApplicationInfo).toEqual({ id: CLIENT_ID, resource: `api://partnerzicht.voorbeeldstad.nl/${CLIENT_ID}` });

    const xml = fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8');
    expect(xml).not.toContain('localhost');
    expect(xml).toContain(`<SourceLocation DefaultValue="${BASE}/outlook.html"/>`);
    expect(xml).toContain(`<Id>${CLIENT_ID}</Id>`);

    const groups = (await validatePackageDir(out, { production: true })) ?? [];
    expect(groups.length).toBe(3);
    if (!allOk(groups)) throw new Error(formatReport(groups));
  });

  it('the production checks reject a development package', async () => {
    const dev = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerzicht-dev-package-'));
    try {
      expect(runPackage(['--out', dev], {}).status).toBe(1);
      const { writePackage } = await import('../../scripts/lib/manifestFiles');
      const { DEV_DEPLOYMENT } = await import('../../src/config/manifests');
      await writePackage(DEV_DEPLOYMENT, dev);
      const groups = (await validatePackageDir(dev, { production: true })) ?? [];
      const failed = groups.flatMap((g) => g.checks).filter((c) => !c.ok).map((c) => c.name);
      expect(failed).toEqual(
        expect.arrayContaining(['production: no localhost URL', 'production: real Entra client id']),
      );
    } finally {
      fs.rmSync(dev, { recursive: true, force: true });
    }
  });

  it('the consistency check notices manifests that describe different apps', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(out, 'partnerzicht.zip')));
    const files = new Map<string, Buffer>();
    for (const name of Object.keys(zip.files)) files.set(name, await zip.file(name)!.async('nodebuffer'));
    const teams = checkTeamsPackage(files, { production: true }).manifest;
    const xml = fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8');

    expect(checkConsistency(teams, await parseXmlManifest(xml))[0].ok).toBe(true);
    // An XML add-in the unified manifest does not hide would show twice where a client has both.
    const other = await parseXmlManifest(xml.replace(`<Id>${XML_ADDIN_ID}</Id>`, '<Id>7d9b2a51-4c0e-4f7a-9a43-0f5a3e1c2b8d</Id>'));
    const result = checkConsistency(teams, other)[0];
    expect(result.ok).toBe(false);
    expect(result.detail).toBe('no extensions[].alternates[].hide.customOfficeAddin.officeAddinId names the XML add-in 7d9b2a51-4c0e-4f7a-9a43-0f5a3e1c2b8d');
    // One GUID for both manifests is what Microsoft's guidance rules out.
    const sameId = checkConsistency(teams, await parseXmlManifest(xml.replace(`<Id>${XML_ADDIN_ID}</Id>`, `<Id>${APP_ID}</Id>`)))[0];
    expect(sameId.detail).toContain(`the XML <Id> must differ from the unified manifest's id ${APP_ID}`);
    const otherPermission = await parseXmlManifest(xml.replace('<Permissions>ReadWriteMailbox</Permissions>', '<Permissions>ReadWriteItem</Permissions>'));
    expect(checkConsistency(teams, otherPermission)[0].ok).toBe(false);
  });
});
