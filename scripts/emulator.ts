/**
 * `npm run emulator -- --port <p> --data <dir> [--fault-rate 0.2 --fault-seed 1 --fault-kinds 429,503]`
 * Starts the local Graph emulator on 127.0.0.1 and prints its base URL; Ctrl-C writes pending
 * data and exits. Data lives in `.data/graph` (git-ignored) unless `--data` says otherwise;
 * `--memory` keeps it in memory only.
 */
import * as path from 'node:path';
import { ADMIN_TOKEN_SCOPES, ALL_FAULT_KINDS, DEFAULT_SITE, createTestToken, startGraphEmulator, type FaultConfig, type FaultKind } from '../src/emulator';

function usage(message?: string): never {
  if (message) console.error(`emulator: ${message}`);
  console.error(
    'usage: npm run emulator -- [--port <p>] [--data <dir> | --memory] [--site <hostname>:<path>]...\n' +
      '                          [--fault-rate <0..1>] [--fault-seed <n>] [--fault-kinds 429,503,504,drop,commit-then-fail]\n' +
      '                          [--batch-fault-rate <0..1>] [--retry-after <seconds>]',
  );
  process.exit(message ? 2 : 0);
}

function parseArgs(argv: string[]) {
  const args = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') usage();
    if (!a.startsWith('--')) usage(`unexpected argument '${a}'`);
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    const value = eq > 0 ? a.slice(eq + 1) : name === 'memory' ? 'true' : argv[++i];
    if (value === undefined) usage(`--${name} needs a value`);
    args.set(name, [...(args.get(name) ?? []), value]);
  }
  const known = ['port', 'data', 'memory', 'site', 'fault-rate', 'fault-seed', 'fault-kinds', 'batch-fault-rate', 'retry-after'];
  for (const k of args.keys()) if (!known.includes(k)) usage(`unknown option --${k}`);
  const one = (k: string) => args.get(k)?.at(-1);
  const num = (k: string) => {
    const v = one(k);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) usage(`--${k} must be a number`);
    return n;
  };
  return { one, num, all: (k: string) => args.get(k) ?? [] };
}

async function main() {
  const { one, num, all } = parseArgs(process.argv.slice(2));
  const port = num('port') ?? 0;
  const dataDir = one('memory') ? undefined : path.resolve(one('data') ?? '.data/graph');
  const sites = all('site').map((s) => {
    const i = s.indexOf(':');
    if (i <= 0) usage(`--site must look like hostname:/sites/name, not '${s}'`);
    return { hostname: s.slice(0, i), path: s.slice(i + 1) };
  });
  let faults: FaultConfig | undefined;
  const rate = num('fault-rate');
  const batchRate = num('batch-fault-rate');
  if (rate !== undefined || batchRate !== undefined) {
    const kinds = one('fault-kinds')?.split(',').map((k) => k.trim()) as FaultKind[] | undefined;
    for (const k of kinds ?? []) if (!ALL_FAULT_KINDS.includes(k)) usage(`unknown fault kind '${k}' (known: ${ALL_FAULT_KINDS.join(', ')})`);
    faults = { rate: rate ?? 0, batchRate, kinds, seed: num('fault-seed'), retryAfterSeconds: num('retry-after') };
  }

  const { url, close } = await startGraphEmulator({ port, dataDir, sites, faults });
  console.log(url);
  console.error(
    [
      `Graph emulator on ${url}/v1.0 — data: ${dataDir ?? 'memory only'}`,
      `default site: ${url}/v1.0/sites/${DEFAULT_SITE.hostname}:${DEFAULT_SITE.path}`,
      faults ? `faults: ${JSON.stringify(faults)}` : 'faults: off',
      `an official's token to try it: ${createTestToken({ email: 'demo@veenhaven.nl', name: 'Demo Ambtenaar' }, 8 * 3600)}`,
      `an administrator's (setup, with Sites.Manage.All): ${createTestToken({ email: 'demo@veenhaven.nl', name: 'Demo Ambtenaar', scopes: ADMIN_TOKEN_SCOPES }, 8 * 3600)}`,
      'Ctrl-C to stop.',
    ].join('\n'),
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
