/**
 * Counters the security tests leave for `npm run audit:security` (scripts/audit-security.ts). Written
 * only when PARTNERZICHT_SECURITY_RESULTS names a folder (the audit sets it); a plain `npm test` writes
 * nothing. One JSON file per measure, so suites running in parallel never share a file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface SecurityMeasure {
  /** e.g. 'xss', 'injection', 'fuzz', 'queue'. */
  area: string;
  /** What was tried, e.g. 'payloads rendered on 3 surfaces'. */
  label: string;
  tried: number;
  ok: number;
  /** Area-specific counts, e.g. { crashes: 0 } or { lost: 0, duplicated: 0 }. */
  extra?: Record<string, number>;
}

export function recordMeasure(id: string, measure: SecurityMeasure): void {
  const dir = process.env.PARTNERZICHT_SECURITY_RESULTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${id.replace(/[^a-z0-9-]/gi, '_')}.json`), JSON.stringify(measure, null, 2));
}
