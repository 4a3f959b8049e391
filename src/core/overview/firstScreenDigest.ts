/**
 * The overview's first screen as one small document (issue 19, docs/overview-digest.md): what a
 * first-ever open draws before any list has arrived — the attention headline's counts and the
 * register's first page (active partners by name, as the register opens) with its totals. Made by an
 * overview that holds every partner (src/ui/overview/Overview.tsx), stored for the site
 * (src/data/overviewDigest.ts), and shown, labelled with the moment it was made, until the live lists
 * replace it. Derived data only: partner names, owners, categories and figures every site member reads
 * in the Partners and PartnerSummary lists; no note text, nothing confidential.
 */
import { byName } from '../nameOrder';
import type { Partner } from '../model';
import { rhythmStatus } from '../relationship';
import { ATTENTION_REASONS, type AttentionReason } from './attention';

export const DIGEST_VERSION = 1;
/** One page of the register (RegisterTab's page size): what the first screen shows of it. */
export const DIGEST_ROWS = 50;
/** A digest older than this is not shown: a week-old headline would mislead more than a moment's wait. */
export const DIGEST_SHOW_MS = 7 * 24 * 3_600_000;
/** An overview makes a new digest when the newest is older than this (one small write an hour at most). */
export const DIGEST_REFRESH_MS = 3_600_000;

/** What a register row shows of a partner (RegisterTable). */
export type DigestRow = Pick<Partner, 'id' | 'name' | 'category' | 'ownerName' | 'lastContact' | 'interactionCount' | 'rhythmDays'>;

export interface FirstScreenDigest {
  version: typeof DIGEST_VERSION;
  /** When it was made (ISO): the figures are as of then, and the screen says so. */
  madeAt: string;
  counts: Record<AttentionReason, number>;
  /** Active partners in the register, and how many of them were past their contact rhythm. */
  total: number;
  quiet: number;
  /** The register's first page: active partners in name order. */
  rows: DigestRow[];
}

/** The digest of a complete register (partners with their figures) and its attention counts, at `now`. */
export function makeDigest(input: { partners: readonly Partner[]; counts: Record<AttentionReason, number>; now: Date }): FirstScreenDigest {
  const active = input.partners.filter((p) => p.status !== 'inactive');
  const quiet = active.reduce((n, p) => n + (rhythmStatus(p, input.now).state === 'overdue' ? 1 : 0), 0);
  const rows = byName(active)
    .slice(0, DIGEST_ROWS)
    .map((p): DigestRow => ({
      id: p.id,
      name: p.name,
      category: p.category,
      interactionCount: p.interactionCount,
      ...(p.ownerName ? { ownerName: p.ownerName } : {}),
      ...(p.lastContact ? { lastContact: p.lastContact } : {}),
      ...(p.rhythmDays !== undefined ? { rhythmDays: p.rhythmDays } : {}),
    }));
  return { version: DIGEST_VERSION, madeAt: input.now.toISOString(), counts: { ...input.counts }, total: active.length, quiet, rows };
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const optionalText = (v: unknown) => v === undefined || typeof v === 'string';

function isRow(v: unknown): v is DigestRow {
  if (!v || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.id === 'string' && typeof r.name === 'string' && typeof r.category === 'string' && isCount(r.interactionCount) &&
    optionalText(r.ownerName) && optionalText(r.lastContact) && (r.rhythmDays === undefined || isCount(r.rhythmDays))
  );
}

/**
 * A stored digest, when it is one this version can show and no older than `DIGEST_SHOW_MS` at `now`;
 * undefined for anything else (another version, a text changed by hand, a clock far off).
 */
export function parseDigest(text: unknown, now: Date): FirstScreenDigest | undefined {
  if (typeof text !== 'string') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const d = value as Record<string, unknown>;
  if (d.version !== DIGEST_VERSION || typeof d.madeAt !== 'string' || !isCount(d.total) || !isCount(d.quiet)) return undefined;
  const age = now.getTime() - Date.parse(d.madeAt);
  // A digest from the future (a writer's clock ahead) is as unknown as a stale one, beyond a few minutes.
  if (!Number.isFinite(age) || age > DIGEST_SHOW_MS || age < -5 * 60_000) return undefined;
  const counts = d.counts as Record<string, unknown> | undefined;
  if (!counts || typeof counts !== 'object' || !ATTENTION_REASONS.every((r) => isCount(counts[r]))) return undefined;
  if (!Array.isArray(d.rows) || d.rows.length > DIGEST_ROWS || !d.rows.every(isRow)) return undefined;
  return {
    version: DIGEST_VERSION,
    madeAt: d.madeAt,
    counts: Object.fromEntries(ATTENTION_REASONS.map((r) => [r, counts[r]])) as Record<AttentionReason, number>,
    total: d.total,
    quiet: d.quiet,
    rows: d.rows,
  };
}
