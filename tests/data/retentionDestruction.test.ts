/**
 * A reviewed destruction removes exactly the listed records the records manager selected, never another
 * (property: random records, random listings, selections with decoys that were not listed), and puts its
 * report in the audit trail.
 */
import fc from 'fast-check';
import { candidateKey, DEFAULT_RETENTION, retentionCandidates, type RetentionCandidate } from '../../src/core/retention';
import { AuditRecorder, auditedRepository } from '../../src/data/auditedRepository';
import { destroyReviewed } from '../../src/data/retentionDestruction';
import { newAgendaItem, newInteraction, newPartner } from './fixtures';
import { ANNA, startHarness, type Harness } from './graphHarness';

describe('reviewed destruction', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('never deletes an item that was not both listed and selected (property)', async () => {
    const base = h.repository(ANNA);
    const recorder = new AuditRecorder({ store: base, actor: async () => ({ email: ANNA.email, name: ANNA.name }), surface: 'overview' });
    const repo = auditedRepository(base, recorder);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ agenda: fc.boolean(), old: fc.boolean(), listed: fc.boolean(), selected: fc.boolean() }), { minLength: 1, maxLength: 8 }),
        async (records) => {
          const partner = await repo.savePartner(newPartner({ name: 'Archief BV' }));
          const stored = await Promise.all(
            records.map(async (r, n) => {
              const date = r.old ? '2015-03-01T10:00:00.000Z' : '2026-10-01T10:00:00.000Z';
              return r.agenda
                ? { r, list: 'Agenda' as const, item: await repo.saveAgendaItem(newAgendaItem(partner.id, { status: 'done', dueDate: date })) }
                : { r, list: 'Interactions' as const, item: await repo.saveInteraction(newInteraction(partner.id, { date, title: `Oud ${n}`, confidential: n % 2 === 0 })) };
            }),
          );
          const interactions = await base.listInteractions(partner.id);
          const agenda = await base.listAgenda(partner.id);
          // A second apart per run, so each run finds its own report in the trail.
          const now = new Date(Date.parse('2026-12-03T12:00:00Z') + 1000 * run++);
          const due = retentionCandidates({ interactions, agenda, audit: [] }, DEFAULT_RETENTION, now);
          // Only old records are due; the review lists some of them.
          expect(due.length).toBe(records.filter((r) => r.old).length);
          const listed: RetentionCandidate[] = due.filter((c) => stored.find((s) => s.item.id === c.id)!.r.listed);
          // The selection: listed ones chosen, plus decoys that were never listed (due or not) and a made-up key.
          const selected = new Set([...stored.filter((s) => s.r.selected).map((s) => candidateKey({ list: s.list, id: s.item.id })), 'Interactions:999999']);
          const report = await destroyReviewed(
            { repository: repo, deleteAuditEntry: (id) => base.deleteAuditEntry(id), record: (a) => recorder.record(a) },
            { listed, selected, periods: DEFAULT_RETENTION, by: ANNA, now: () => now },
          );
          // Keyed by list and id: an interaction and an agenda item may share an id.
          const expectedGone = new Set(listed.filter((c) => selected.has(candidateKey(c))).map((c) => candidateKey(c)));
          const left = new Set([
            ...(await base.listInteractions(partner.id)).map((i) => candidateKey({ list: 'Interactions', id: i.id })),
            ...(await base.listAgenda(partner.id)).map((a) => candidateKey({ list: 'Agenda', id: a.id })),
          ]);
          for (const s of stored) {
            const key = candidateKey({ list: s.list, id: s.item.id });
            expect(left.has(key)).toBe(!expectedGone.has(key));
          }
          expect(report).toMatchObject({ listed: listed.length, selected: expectedGone.size, destroyed: expectedGone.size, failed: 0 });
          const trail = await base.listAuditTrail();
          const entry = trail.find((e) => e.action === 'destruction' && Date.parse(e.occurredAt) === now.getTime() && e.detail?.includes(`listed ${listed.length}, selected ${expectedGone.size}`));
          expect(entry).toBeDefined();
          for (const key of expectedGone) expect(entry!.detail).toContain(key.split(':')[1]);
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});
