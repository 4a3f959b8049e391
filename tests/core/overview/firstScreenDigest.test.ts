import { ATTENTION_REASONS, DIGEST_ROWS, DIGEST_SHOW_MS, makeDigest, parseDigest, type AttentionReason } from '../../../src/core/overview';
import { rhythmStatus } from '../../../src/core/relationship';
import { now, partner } from './fixtures';

const counts = Object.fromEntries(ATTENTION_REASONS.map((r, i) => [r, i * 2])) as Record<AttentionReason, number>;

describe('the first-screen digest', () => {
  const partners = [
    ...Array.from({ length: 70 }, (_, n) => partner({ id: `p${n}`, name: `Partner ${String(n).padStart(2, '0')}`, interactionCount: n, rhythmDays: 30, lastContact: n % 2 ? '2026-11-20T10:00:00Z' : '2026-08-01T10:00:00Z', ...(n % 3 ? { ownerName: 'Anna' } : {}) })),
    partner({ id: 'gone', name: 'Aaa opgeheven', status: 'inactive' }),
    partner({ id: 'proposed', name: 'Aab voorgesteld', status: 'proposed' }),
  ];

  it('holds the register’s first page as it opens (active partners by name), its totals and the headline’s counts', () => {
    const digest = makeDigest({ partners, counts, now });
    expect(digest.rows).toHaveLength(DIGEST_ROWS);
    expect(digest.rows[0].id).toBe('proposed');
    expect(digest.rows.map((r) => r.id)).not.toContain('gone');
    expect(digest.rows[1]).toEqual({ id: 'p0', name: 'Partner 00', category: 'overig', interactionCount: 0, rhythmDays: 30, lastContact: '2026-08-01T10:00:00Z' });
    expect(digest.total).toBe(71);
    expect(digest.quiet).toBe(partners.filter((p) => p.status !== 'inactive' && rhythmStatus(p, now).state === 'overdue').length);
    expect(digest.quiet).toBe(35);
    expect(digest.counts).toEqual(counts);
    expect(digest.madeAt).toBe(now.toISOString());
  });

  it('is read back as written, and not at all when it is another version, changed by hand, too old or from a clock far ahead', () => {
    const digest = makeDigest({ partners, counts, now });
    const text = JSON.stringify(digest);
    expect(parseDigest(text, now)).toEqual(digest);
    expect(parseDigest(text, new Date(now.getTime() + DIGEST_SHOW_MS - 1))).toEqual(digest);
    expect(parseDigest(text, new Date(now.getTime() + DIGEST_SHOW_MS + 1))).toBeUndefined();
    expect(parseDigest(text, new Date(now.getTime() - 10 * 60_000))).toBeUndefined();
    const changed = (change: (d: Record<string, unknown>) => void) => {
      const d = JSON.parse(text) as Record<string, unknown>;
      change(d);
      return parseDigest(JSON.stringify(d), now);
    };
    expect(changed((d) => (d.version = 2))).toBeUndefined();
    expect(changed((d) => delete (d.counts as Record<string, unknown>)['no-owner'])).toBeUndefined();
    expect(changed((d) => ((d.counts as Record<string, unknown>)['no-owner'] = -1))).toBeUndefined();
    expect(changed((d) => ((d.rows as Array<Record<string, unknown>>)[0].name = 7))).toBeUndefined();
    expect(changed((d) => (d.rows = [...(d.rows as unknown[]), ...(d.rows as unknown[])]))).toBeUndefined();
    expect(changed((d) => (d.total = '71'))).toBeUndefined();
    expect(parseDigest('{not json', now)).toBeUndefined();
    expect(parseDigest(undefined, now)).toBeUndefined();
  });
});
