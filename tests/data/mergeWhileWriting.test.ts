/**
 * A proposal merged while officials are still writing notes about it (issue 19: many officials at once). The
 * merge moves the notes it finds, and again once its decision is stored; a note whose create lands after that
 * is moved by its writer's own background recount (SummaryKeeper `forward`), so every note ends on the partner
 * the proposal became and its figures count them all, without a write ever failing.
 */
import 'fake-indexeddb/auto';
import type { Interaction } from '../../src/core/model';
import { OverviewCache } from '../../src/data/overviewCache';
import { readAllSummaries } from '../../src/data/partnerSummary';
import type { SharePointPartnerRepository } from '../../src/data/SharePointPartnerRepository';
import { WriteQueue } from '../../src/data/writeQueue';
import { newInteraction, newPartner } from './fixtures';
import { ANNA, recordingSleep, SITE_REF, startHarness, type Harness, type Official } from './graphHarness';

let h: Harness;
let lists: string;
beforeAll(async () => {
  h = await startHarness();
  lists = `/sites/${await h.repository().resolveSiteId()}/lists`;
});
afterAll(() => h.close());

const repositories: SharePointPartnerRepository[] = [];
const repository = (official: Official) => {
  const repo = h.repository(official, recordingSleep(), { keepSummaries: true });
  repositories.push(repo);
  return repo;
};
const settled = () => Promise.all(repositories.map((r) => r.summaries?.settled()));

async function proposalAndTarget(tag: string) {
  const owner = repository(ANNA);
  const target = await owner.savePartner(newPartner({ name: `Doel ${tag}`, domains: [`doel-${tag}.nl`] }));
  const proposal = await owner.savePartner(newPartner({ name: `Voorstel ${tag}`, domains: [`voorstel-${tag}.nl`], status: 'proposed', proposal: { byEmail: ANNA.email, byName: ANNA.name, at: '2026-11-01T00:00:00Z' } }));
  const merge = () => owner.decideProposal({ clientId: `merge-${tag}`, partnerId: proposal.id, kind: 'merged', targetId: target.id, byEmail: ANNA.email, byName: ANNA.name, at: '2026-11-20T00:00:00Z' });
  return { owner, target, proposal, merge };
}

/** The partner's figures as the summary, a first-ever overview and a pane give them. */
async function figuresOf(partnerId: string) {
  await settled();
  const summary = (await readAllSummaries(h.transport(), `${lists}/PartnerSummary`)).find((s) => s.summary.partnerId === partnerId)?.summary;
  const cache = await OverviewCache.open({ transport: h.transport(), siteRef: SITE_REF, owner: `m${Math.random()}@veenhaven.nl`, dbName: `merge-${Math.random()}` });
  const overview = (await cache.load()).partners.find((p) => p.id === partnerId);
  cache.close();
  const pane = (await h.repository().getPartnerContext(partnerId, { interactionLimit: 1000 })).partner;
  return { summary: summary?.interactionCount, overview: overview?.interactionCount, pane: pane.interactionCount };
}

it('a note about the proposal saved after the merge is moved to the partner it became by its writer', async () => {
  const { target, proposal, merge } = await proposalAndTarget('na');
  await repository(ANNA).saveInteraction(newInteraction(proposal.id, { date: '2026-11-10T09:00:00Z' }));
  await merge();
  // Its create was still under way when the merge moved the others: it lands on the proposal.
  const late = repository({ email: 'bram.jansen@veenhaven.nl', name: 'Bram Jansen' });
  const saved = await late.saveInteraction(newInteraction(proposal.id, { date: '2026-11-21T09:00:00Z', authorEmail: 'bram.jansen@veenhaven.nl' }));
  expect(saved.partnerId).toBe(proposal.id);
  await settled();
  expect((await late.listInteractions(proposal.id)).length).toBe(0);
  expect((await late.listInteractions(target.id)).map((i) => i.date).sort()).toEqual(['2026-11-10T09:00:00Z', '2026-11-21T09:00:00Z']);
  expect(await figuresOf(target.id)).toEqual({ summary: 2, overview: 2, pane: 2 });
});

it('ten officials writing five notes each about a proposal while it is merged: all fifty on the partner it became, none failed', async () => {
  const { target, proposal, merge } = await proposalAndTarget('race');
  const officials = Array.from({ length: 10 }, (_, n) => ({ email: `ambtenaar${n}@veenhaven.nl`, name: `Ambtenaar ${n}` }));
  const notes: Interaction[] = [];
  const writing = Promise.all(
    officials.map(async (official, k) => {
      const queue = await WriteQueue.open({ repository: repository(official), owner: official.email, dbName: `merge-race-${official.email}`, sleep: recordingSleep() });
      for (let n = 0; n < 5; n++) {
        const note = newInteraction(proposal.id, { authorEmail: official.email, date: `2026-11-${String(10 + n).padStart(2, '0')}T${String(k).padStart(2, '0')}:00:00Z` });
        notes.push(note);
        await queue.enqueue({ kind: 'interaction', payload: note });
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
      await queue.flush();
      const left = queue.list();
      await queue.close();
      return left;
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 15));
  await merge();
  expect((await writing).flat()).toEqual([]);
  await settled();
  const owner = repository(ANNA);
  expect((await owner.listInteractions(proposal.id)).length).toBe(0);
  expect((await owner.listInteractions(target.id)).map((i) => i.clientId).sort()).toEqual(notes.map((n) => n.clientId).sort());
  expect(await figuresOf(target.id)).toEqual({ summary: 50, overview: 50, pane: 50 });
}, 60_000);
