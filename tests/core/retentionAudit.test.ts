import { collapseByKey, filterAuditTrail, isAltered, type AuditEntry } from '../../src/core/audit';
import { candidateKey, DEFAULT_RETENTION, retentionCandidates, retentionPeriods, reviewedSelection } from '../../src/core/retention';

const entry = (over: Partial<AuditEntry>): AuditEntry => ({ id: '1', key: 'k1', action: 'create', result: 'success', occurredAt: '2026-11-01T10:00:00Z', actor: { name: 'Anna de Vries', email: 'anna@veenhaven.nl' }, altered: false, ...over });

describe('audit trail view', () => {
  it('filters by period (inclusive days), actor, action and list, newest first', () => {
    const entries = [
      entry({ id: '1', key: 'a', occurredAt: '2026-10-31T23:00:00Z', list: 'Partners' }),
      entry({ id: '2', key: 'b', occurredAt: '2026-11-01T08:00:00Z', list: 'Interactions', action: 'update' }),
      entry({ id: '3', key: 'c', occurredAt: '2026-11-02T08:00:00Z', list: 'Interactions', actor: { name: 'Bram Jansen', email: 'bram@veenhaven.nl' } }),
    ];
    expect(filterAuditTrail(entries, { from: '2026-11-01', to: '2026-11-02' }).map((e) => e.id)).toEqual(['3', '2']);
    expect(filterAuditTrail(entries, { actor: 'bram' }).map((e) => e.id)).toEqual(['3']);
    expect(filterAuditTrail(entries, { action: 'update' }).map((e) => e.id)).toEqual(['2']);
    expect(filterAuditTrail(entries, { list: 'Partners' }).map((e) => e.id)).toEqual(['1']);
  });

  it('collapses copies of one key to the first stored, and flags an entry modified after it was created', () => {
    expect(collapseByKey([entry({ id: '7', key: 'x' }), entry({ id: '5', key: 'x' }), entry({ id: '6', key: 'y' })]).map((e) => e.id)).toEqual(['5', '6']);
    // An official who gives their own entry a colleague's key (they may change their own) hides nothing.
    const bram = { id: 'entra-bram', name: 'Bram Jansen', email: 'bram@veenhaven.nl' };
    const anna = { id: 'entra-anna', name: 'Anna de Vries', email: 'anna@veenhaven.nl' };
    expect(collapseByKey([entry({ id: '1', key: 'anna-export', actor: bram }), entry({ id: '2', key: 'anna-export', actor: anna }), entry({ id: '3', key: 'anna-export', actor: anna })]).map((e) => e.id)).toEqual(['1', '2']);
    expect(isAltered('2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z')).toBe(false);
    expect(isAltered('2026-11-01T10:00:00Z', '2026-11-01T10:00:01Z')).toBe(true);
  });
});

describe('retention', () => {
  const now = new Date('2026-12-03T12:00:00Z');
  it('uses the set periods where valid, the defaults elsewhere', () => {
    expect(retentionPeriods({ notes: 2, agenda: 0, reviews: 2.5 })).toEqual({ ...DEFAULT_RETENTION, notes: 2 });
  });

  it('lists notes, reviews, done agenda items and trail entries past their period; never open items or destruction reports', () => {
    const listed = retentionCandidates(
      {
        interactions: [
          { id: '1', clientId: 'c1', partnerId: 'p', title: 'oud', date: '2021-12-01T10:00:00Z', kind: 'meeting' },
          { id: '2', clientId: 'c2', partnerId: 'p', title: 'recent', date: '2022-12-04T10:00:00Z', kind: 'meeting' },
          { id: '3', clientId: 'c3', partnerId: 'p', title: 'review', date: '2021-12-01T10:00:00Z', kind: 'review' },
        ],
        agenda: [
          { id: '4', clientId: 'a4', partnerId: 'p', topic: 'klaar', status: 'done', dueDate: '2021-01-01T12:00:00Z' },
          { id: '5', clientId: 'a5', partnerId: 'p', topic: 'loopt', status: 'open', dueDate: '2019-01-01T12:00:00Z' },
        ],
        audit: [
          { id: '6', action: 'create', occurredAt: '2016-01-01T00:00:00Z' },
          { id: '7', action: 'destruction', occurredAt: '2010-01-01T00:00:00Z' },
        ],
      },
      DEFAULT_RETENTION,
      now,
    );
    expect(listed.map(candidateKey)).toEqual(['AuditTrail:6', 'Agenda:4', 'Interactions:1']);
    // Only what was listed and selected: an unlisted or made-up key is ignored.
    expect(reviewedSelection(listed, new Set(['Interactions:1', 'Interactions:2', 'Agenda:99'])).map(candidateKey)).toEqual(['Interactions:1']);
  });
});
