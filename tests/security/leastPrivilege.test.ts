/**
 * Least privilege and secrets:
 * - the README's permission table is exactly the set of delegated Graph scopes in code and in the XML
 *   manifest; docs/manifests.md's permission table is exactly the unified manifest's
 *   resourceSpecific set, with the same types;
 * - no client secret, token or private key in the repository's files or the production build;
 * - the served pages send a Content-Security-Policy without inline script and with frame-ancestors
 *   limited to the Teams, Outlook and Microsoft 365 hosts, and the built pages need no inline script.
 * (Tokens only in MSAL's cache, never in web storage: tests/hosts/auth.test.ts checks after every test.)
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startDemoServer } from '../../scripts/lib/demoServer';
import { contentSecurityPolicy } from '../../scripts/lib/contentSecurityPolicy';
import { ALL_GRAPH_SCOPES, ATTENDANCE_GRAPH_SCOPES, SETUP_GRAPH_SCOPES, TEAM_GRAPH_SCOPES } from '../../src/config/scopes';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const short = (scope: string) => scope.replace(/^https:\/\/graph\.microsoft\.com\//, '');
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** First-column values (in backticks) of the markdown table that follows `heading`. */
function tableAfter(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(heading);
  if (start < 0) throw new Error(`heading not found: ${heading}`);
  const lines = markdown.slice(start).split('\n').slice(1);
  const rows: string[] = [];
  let inTable = false;
  for (const line of lines) {
    if (line.startsWith('|')) {
      inTable = true;
      const first = /^\|\s*`([^`]+)`/.exec(line)?.[1];
      if (first) rows.push(first);
    } else if (inTable) break;
  }
  return rows;
}

describe('least privilege: documented permissions are exactly the requested ones', () => {
  const readmeScopes = tableAfter(read('README.md'), '### Permissions (delegated)');

  it('README table = src/config/scopes.ts = the XML manifest <Scopes> (besides openid, profile)', () => {
    const xml = read('manifest/manifest.xml');
    const xmlScopes = [...xml.matchAll(/<Scope>([^<]+)<\/Scope>/g)].map((m) => m[1]).filter((s) => s !== 'openid' && s !== 'profile');
    expect(readmeScopes.length).toBeGreaterThan(0);
    expect(sorted(readmeScopes)).toEqual(sorted(ALL_GRAPH_SCOPES.map(short)));
    expect(sorted(xmlScopes)).toEqual(sorted(readmeScopes));
    // Every requested scope is delegated Graph (no .default, no app-only, no other resource).
    for (const scope of ALL_GRAPH_SCOPES) expect(scope).toMatch(/^https:\/\/graph\.microsoft\.com\/[A-Z][A-Za-z]+(\.[A-Za-z]+)+$/);
  });

  it('the README setup table = SETUP_GRAPH_SCOPES, asked for only at setup (not in the XML manifest, not an official scope)', () => {
    const setup = tableAfter(read('README.md'), '### Permission for setup (delegated, administrator only)');
    expect(sorted(setup)).toEqual(sorted(Object.values(SETUP_GRAPH_SCOPES).map(short)));
    const xml = read('manifest/manifest.xml');
    for (const scope of setup) {
      expect(readmeScopes).not.toContain(scope);
      expect(xml).not.toContain(`<Scope>${scope}</Scope>`);
    }
  });

  it('the README attendance table = ATTENDANCE_GRAPH_SCOPES, asked for only by the organizer (not in the XML manifest, not an official scope)', () => {
    const attendance = tableAfter(read('README.md'), '### Permission for the attendance report (delegated, meeting organizer only)');
    expect(sorted(attendance)).toEqual(sorted(Object.values(ATTENDANCE_GRAPH_SCOPES).map(short)));
    const xml = read('manifest/manifest.xml');
    for (const scope of attendance) {
      expect(readmeScopes).not.toContain(scope);
      expect(xml).not.toContain(`<Scope>${scope}</Scope>`);
    }
  });

  it('the README team table = TEAM_GRAPH_SCOPES, asked for only by a manager (not in the XML manifest, not an official scope)', () => {
    const team = tableAfter(read('README.md'), "### Permissions for the team's calendars (delegated, managers only)");
    expect(sorted(team)).toEqual(sorted(Object.values(TEAM_GRAPH_SCOPES).map(short)));
    const xml = read('manifest/manifest.xml');
    for (const scope of team) {
      expect(readmeScopes).not.toContain(scope);
      expect(xml).not.toContain(`<Scope>${scope}</Scope>`);
    }
  });

  it('docs/manifests.md permission table = the unified manifest resourceSpecific permissions, with their types', () => {
    const docs = read('docs/manifests.md');
    const heading = '**Permissions in the unified manifest**';
    const documented = tableAfter(docs, heading);
    const types = Object.fromEntries([...docs.slice(docs.indexOf(heading)).matchAll(/^\|\s*`([^`]+)`\s*\|\s*(\w+)\s*\|/gm)].map((m) => [m[1], m[2]]));
    const manifest = JSON.parse(read('appPackage/manifest.json')) as { authorization?: { permissions?: { resourceSpecific?: Array<{ name: string; type: string }> } } };
    const declared = manifest.authorization?.permissions?.resourceSpecific ?? [];
    expect(declared.length).toBeGreaterThan(0);
    expect(sorted(declared.map((p) => p.name))).toEqual(sorted(documented));
    for (const p of declared) expect(types[p.name]).toBe(p.type);
    expect(read('manifest/manifest.xml')).toMatch(/<Permissions>ReadWriteMailbox<\/Permissions>/);
  });

  it('no other Graph scope is requested anywhere in the source', () => {
    const offenders: string[] = [];
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
    for (const file of walk(path.join(ROOT, 'src'))) {
      if (file.endsWith(path.join('config', 'scopes.ts'))) continue;
      // Code only: comments may name a scope to explain it.
      const text = fs.readFileSync(file, 'utf8').split('\n').filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line)).join('\n');
      for (const m of text.matchAll(/https:\/\/graph\.microsoft\.com\/([A-Z][A-Za-z]+\.[A-Za-z.]+|\.default)/g)) offenders.push(`${path.relative(ROOT, file)}: ${m[1]}`);
    }
    expect(offenders).toEqual([]);
  });
});

/** Secret formats: JWTs, Entra client secrets, private keys, assigned client secrets/refresh tokens. */
export const SECRET_PATTERNS: Array<[string, RegExp]> = [
  ['JWT', /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*/],
  ['Entra client secret', /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}8Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/],
  ['private key', /-----BEGIN (?:RSA |EC |OPENSSH )?PRIVATE KEY-----/],
  // A value (with a digit or ~, so not a constant's own name like MSAL's CLIENT_SECRET = "client_secret").
  ['client_secret value', /client_secret["']?\s*[:=]\s*["'](?=[^"']*[0-9~])[^"'\s$]{12,}["']/i],
  ['client_secret in a URL/form', /client_secret=[A-Za-z0-9_~.%-]{12,}/],
  ['refresh/access token value', /(?:refresh_token|access_token)["']?\s*[:=]\s*["'][A-Za-z0-9_.~-]{40,}["']/i],
  ['Azure storage/connection string', /AccountKey=[A-Za-z0-9+/=]{40,}/],
];

export function scanForSecrets(files: string[]): string[] {
  const findings: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      const buffer = fs.readFileSync(file);
      if (buffer.includes(0)) continue; // binary (icons)
      text = buffer.toString('utf8');
    } catch {
      continue;
    }
    for (const [name, pattern] of SECRET_PATTERNS) {
      const m = pattern.exec(text);
      if (m) findings.push(`${path.relative(ROOT, file)}: ${name}: ${m[0].slice(0, 24)}…`);
    }
  }
  return findings;
}

describe('no secrets in the repository or the production build', () => {
  it('the patterns catch what they should (so a clean scan means something)', () => {
    const samples = [
      'const t = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl";',
      'secret: "Abc8Q~abcdefghijklmnopqrstuvwxyz0123456"',
      'client_secret: "s3cr3t-v4lue-123456"',
      'body: "grant_type=x&client_secret=s3cr3tValue12345"',
      '-----BEGIN PRIVATE KEY-----',
    ];
    for (const sample of samples) expect(SECRET_PATTERNS.some(([, p]) => p.test(sample))).toBe(true);
    // ...and leave the harmless alone: MSAL's parameter name, the placeholder client id, the demo token builder.
    for (const harmless of ['CLIENT_SECRET = "client_secret"', '00000000-0000-0000-0000-000000000000', "`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`"]) {
      expect(SECRET_PATTERNS.some(([, p]) => p.test(harmless))).toBe(false);
    }
  });

  it('tracked and new (not ignored) files hold none', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter(Boolean)
      .filter((f) => !f.startsWith('tests/security/leastPrivilege.test.ts')) // this file's own samples
      .map((f) => path.join(ROOT, f))
      .filter((f) => fs.existsSync(f) && fs.statSync(f).isFile());
    expect(files.length).toBeGreaterThan(50);
    expect(scanForSecrets(files)).toEqual([]);
  });

  it('the production build (dist/) holds none', () => {
    const dist = path.join(ROOT, 'dist');
    expect(fs.existsSync(dist)).toBe(true);
    const files = fs.readdirSync(dist).map((f) => path.join(dist, f)).filter((f) => fs.statSync(f).isFile());
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    expect(scanForSecrets(files)).toEqual([]);
  });
});

describe('Content-Security-Policy of the served pages', () => {
  const ALLOWED_ANCESTORS = new Set([
    "'self'",
    'https://teams.microsoft.com',
    'https://*.teams.microsoft.com',
    'https://teams.cloud.microsoft',
    'https://*.office.com',
    'https://*.office365.com',
    'https://*.cloud.microsoft',
    'https://*.microsoft365.com',
    'https://outlook.live.com',
    'https://outlook.office.com',
    'https://outlook.office365.com',
  ]);

  function directives(csp: string): Map<string, string[]> {
    return new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name, ...values] = d.split(/\s+/);
      return [name.toLowerCase(), values] as [string, string[]];
    }));
  }

  function checkPolicy(csp: string): void {
    const d = directives(csp);
    const script = d.get('script-src') ?? d.get('default-src') ?? [];
    expect(script.length).toBeGreaterThan(0);
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", 'data:', 'blob:', '*', 'http:', 'https:']) expect(script).not.toContain(bad);
    const ancestors = d.get('frame-ancestors') ?? [];
    expect(ancestors.length).toBeGreaterThan(0);
    for (const a of ancestors) expect(ALLOWED_ANCESTORS.has(a)).toBe(true);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
  }

  it('the policy itself', () => checkPolicy(contentSecurityPolicy()));

  it('the demo server sends it on every page, and the built pages have no inline script or handlers', async () => {
    const server = await startDemoServer({ port: 0, distDir: path.join(ROOT, 'dist'), emulator: {} });
    try {
      const pages = fs.readdirSync(path.join(ROOT, 'dist')).filter((f) => f.endsWith('.html'));
      expect(pages).toEqual(expect.arrayContaining(['outlook.html', 'meeting.html', 'overview.html', 'meeting-config.html']));
      for (const page of pages) {
        const res = await fetch(`${server.url}/${page}`);
        expect(res.status).toBe(200);
        const csp = res.headers.get('content-security-policy');
        expect(csp).toBeTruthy();
        checkPolicy(csp!);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        const html = await res.text();
        for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
          expect(tag).toMatch(/\ssrc=/); // external only
          expect(tag.replace(/<script\b[^>]*>/i, '').replace(/<\/script>$/i, '').trim()).toBe('');
        }
        expect(html).not.toMatch(/\son[a-z]+\s*=/i);
        expect(html).not.toMatch(/javascript:/i);
      }
    } finally {
      await server.close();
    }
  });
});
