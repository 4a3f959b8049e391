/**
 * Runs the built event runtime script (dist/events.js) the way classic Outlook on Windows does: the
 * one file, evaluated on its own (no page, no module loader), with `Office` already present and no
 * `localStorage` unless one is given. Used by tests/events/eventBundle.test.ts and `npm run bench`.
 */
import vm from 'node:vm';
import type { OfficeMockObject } from 'office-addin-mock';

export interface EventScriptGlobals {
  office: OfficeMockObject & Record<string, unknown>;
  /** A browser runtime's storage; leave out for the JavaScript-only runtime. */
  localStorage?: Pick<Storage, 'getItem' | 'setItem'>;
}

export function runEventScript(code: string, globals: EventScriptGlobals): void {
  const sandbox: Record<string, unknown> = { Office: globals.office, setTimeout, clearTimeout, console, JSON, Date, Math };
  if (globals.localStorage) sandbox.localStorage = globals.localStorage;
  vm.runInNewContext(code, sandbox, { filename: 'events.js' });
}

/** A Map-backed Storage stand-in for a browser runtime. */
export function memoryStorage(entries: Record<string, string> = {}): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map(Object.entries(entries));
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, String(value)) };
}
