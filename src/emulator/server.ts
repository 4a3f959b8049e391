import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGraphEmulator, type GraphEmulator } from './emulator';
import type { EmulatorOptions } from './types';

/**
 * Runs the emulator as its own HTTP server on 127.0.0.1 (tests use port 0 for a free port).
 * Paths outside `/v1.0/` and `/beta/` get Graph's error shape too, so a misconfigured base URL
 * shows up as a clear error rather than a hang.
 */
export async function startGraphEmulator(
  options: EmulatorOptions & { port?: number } = {},
): Promise<{ url: string; emulator: GraphEmulator; close(): Promise<void> }> {
  const emulator = createGraphEmulator(options);
  const server = http.createServer((req, res) => emulator.handle(req, res));
  // Longer than any client's idle timeout (undici: 4 s), so the server never closes a socket a client is
  // about to reuse — which otherwise shows as ECONNRESET after the event loop was busy (a large seed).
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    emulator,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await emulator.close();
      })()),
  };
}
