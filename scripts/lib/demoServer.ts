import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { demoAttendanceMeetings } from '../../src/demo/attendance';
import { demoCalendar } from '../../src/demo/calendar';
import { OFFICIALS } from '../../src/demo/municipality';
import { DEMO_TEAM, demoTeamCalendar } from '../../src/demo/team';
import { createGraphEmulator, type EmulatorOptions, type GraphEmulator } from '../../src/emulator';
import { contentSecurityPolicy } from './contentSecurityPolicy';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.ico': 'image/x-icon',
};

export interface DemoServerOptions {
  port: number;
  host?: string;
  /** The built surfaces and their assets (webpack output). */
  distDir: string;
  emulator: EmulatorOptions;
}

export interface DemoServer {
  url: string;
  emulator: GraphEmulator;
  close(): Promise<void>;
}

async function serveFile(res: http.ServerResponse, file: string, immutable: boolean): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': info.size,
    // Hashed bundles never change; pages are revalidated so a new build is picked up at once.
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  });
  createReadStream(file).pipe(res);
  return true;
}

/**
 * One origin for the local demo: the built pages and, under /v1.0/, the Graph emulator, so the
 * browser calls "Graph" without CORS and the app runs the same Graph code as in production.
 */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  // The demo officials' directory profiles, so /me answers their department as a tenant would.
  // The demo manager's reports carry their manager and their name, for /me/directReports.
  const reports = new Set(DEMO_TEAM.reports.map((r) => r.official.email));
  const profiles = Object.fromEntries(
    OFFICIALS.map((o) => [o.email, { department: o.department, jobTitle: o.title, displayName: o.name, ...(reports.has(o.email) ? { manager: DEMO_TEAM.manager.email } : {}) }]),
  );
  const emulator = createGraphEmulator({ ...options.emulator, profiles: { ...profiles, ...options.emulator.profiles } });
  // The demo official's next two weeks, for the week ahead (the emulator keeps meetings in memory only).
  for (const meeting of demoCalendar(new Date())) emulator.meetings.add(meeting);
  // The reports' own meetings, and the calendar one of them shared with the manager (the other's stays closed).
  for (const meeting of demoTeamCalendar(new Date())) emulator.meetings.add(meeting);
  for (const report of DEMO_TEAM.reports) if (report.sharesCalendar) emulator.meetings.shareCalendar(report.official.email, DEMO_TEAM.manager.email);
  // The meetings behind the meeting samples, with the attendance report of the one that has ended.
  for (const meeting of demoAttendanceMeetings()) emulator.meetings.add(meeting);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/v1.0/') || url.pathname.startsWith('/beta/')) {
      emulator.handle(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const pathname = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const root = path.resolve(options.distDir);
    const file = path.resolve(root, pathname.slice(1));
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    const immutable = /\.[0-9a-f]{8}\.js$/.test(file);
    serveFile(res, file, immutable).then(
      (served) => {
        if (!served) res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      },
      () => res.writeHead(500).end(),
    );
  });
  server.keepAliveTimeout = 65_000; // see src/emulator/server.ts
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://localhost:${port}`,
    emulator,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await emulator.flush();
    },
  };
}
