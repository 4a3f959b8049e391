/**
 * A write that was carried out, whose audit trail entry then failed (no rights on AuditTrail, a site not
 * yet upgraded): the failure says the write is stored (WriteLandedError, the trail's own cause), so the
 * queue keeps it as landed and a view keeps showing it; a reviewed destruction counts it as destroyed.
 */
import { AuditRecorder, auditedRepository } from '../../src/data/auditedRepository';
import { failureCause, GraphRequestError, isTransient, WriteLandedError } from '../../src/data/graph/errors';
import { destroyReviewed } from '../../src/data/retentionDestruction';
import { DEFAULT_RETENTION } from '../../src/core/retention';
import { newInteraction, newPartner } from './fixtures';
import { ANNA, startHarness, type Harness } from './graphHarness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

test('the note is stored and the failure says so, with the refusal as its cause', async () => {
  const base = h.repository(ANNA);
  const partner = await base.savePartner(newPartner());
  const refusing = { recordAudit: async () => { throw new GraphRequestError(403, 'accessDenied', 'Access denied'); } };
  const repo = auditedRepository(base, new AuditRecorder({ store: refusing, actor: async () => ANNA, surface: 'outlook' }));
  const note = newInteraction(partner.id);
  const failure = await repo.saveInteraction(note).then(() => undefined, (e: unknown) => e);
  expect(failure).toBeInstanceOf(WriteLandedError);
  expect([failureCause(failure), isTransient(failure)]).toEqual(['forbidden', false]);
  expect((await base.listInteractions(partner.id)).map((i) => i.clientId)).toEqual([note.clientId]);

  // A destruction whose delete landed but whose trail entry failed: destroyed, and in the report.
  const old = await base.saveInteraction(newInteraction(partner.id, { date: '2015-03-01T10:00:00Z', title: 'Oud' }));
  const candidate = { kind: 'notes' as const, list: 'Interactions' as const, id: old.id, clientId: old.clientId, partnerId: partner.id, title: 'Oud', date: old.date, expiredOn: '2020-03-01T10:00:00.000Z' };
  const reports: string[] = [];
  const report = await destroyReviewed(
    { repository: repo, deleteAuditEntry: async () => undefined, record: async (a) => void reports.push(String(a.detail)) },
    { listed: [candidate], selected: new Set([`Interactions:${old.id}`]), periods: DEFAULT_RETENTION, by: ANNA, now: () => new Date('2026-12-08T10:00:00Z') },
  );
  expect(report).toMatchObject({ destroyed: 1, failed: 0 });
  expect(reports.join()).toContain(old.id);
});
