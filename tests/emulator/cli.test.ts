import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ADMIN_TOKEN_SCOPES, createTestToken } from '../../src/emulator';

/** `npm run emulator` = `tsx scripts/emulator.ts`: prints its URL, serves, flushes on Ctrl-C. */
function startCli(args: string[]) {
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, '../../scripts/emulator.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const m = /^(http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`emulator exited ${code}: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url, exited, stderr: () => stderr };
}

test('CLI: --port 0 --data dir, faults by flags, Ctrl-C flushes and exits 0', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-emulator-cli-'));
  const auth = { Authorization: `Bearer ${createTestToken({ email: 'cli@veenhaven.nl', scopes: ADMIN_TOKEN_SCOPES })}`, 'Content-Type': 'application/json' };
  try {
    const first = startCli(['--port', '0', '--data', dataDir]);
    const url = await first.url;
    const site = `${url}/v1.0/sites/veenhaven.sharepoint.com:/sites/partnerzicht:`;
    expect((await fetch(`${site}/lists`, { method: 'POST', headers: auth, body: JSON.stringify({ displayName: 'Notes' }) })).status).toBe(201);
    expect((await fetch(`${site}/lists/Notes/items`, { method: 'POST', headers: auth, body: JSON.stringify({ fields: { Title: 'bewaard' } }) })).status).toBe(201);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);

    const second = startCli(['--port', '0', '--data', dataDir, '--fault-rate', '1', '--fault-seed', '1', '--fault-kinds', '503', '--retry-after', '2']);
    const url2 = await second.url;
    const throttled = await fetch(`${url2}/v1.0/me`, { headers: auth });
    expect(throttled.status).toBe(503);
    expect(throttled.headers.get('retry-after')).toBe('2');
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);

    const third = startCli(['--port', '0', '--data', dataDir]);
    const url3 = await third.url;
    const items = await (await fetch(`${url3}/v1.0/sites/veenhaven.sharepoint.com:/sites/partnerzicht:/lists/Notes/items?expand=fields`, { headers: auth })).json();
    expect(items.value.map((i: any) => i.fields.Title)).toEqual(['bewaard']);
    third.child.kill('SIGINT');
    expect(await third.exited).toBe(0);

    const bad = startCli(['--fault-kinds', 'boom', '--fault-rate', '0.1']);
    await expect(bad.url).rejects.toThrow(/unknown fault kind/);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 60_000);
