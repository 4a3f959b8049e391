/** Deciding on partners proposed from a pane, against the emulator: accept, merge, reject. */
import { proposalDecision, type Partner, type ProposalDecision } from '../../src/core/model';
import { restrictConfidentialListInEmulator } from '../../src/data/confidentialListSecurity';
import { ConflictError } from '../../src/data/PartnerRepository';
import { ANNA, BRAM, SITE_REF, startHarness, type Harness } from './graphHarness';
import { newAgendaItem, newInteraction, newPartner } from './fixtures';

describe('decisions on proposed partners', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await restrictConfidentialListInEmulator(h.transport(), SITE_REF);
  });
  afterAll(() => h.close());

  const proposed = (over: Partial<Partner> = {}) =>
    newPartner({ status: 'proposed', ownerEmail: undefined, ownerName: undefined, proposal: { byEmail: ANNA.email, byName: ANNA.name, at: '2026-11-20T09:00:00Z' }, ...over });
  const decide = (partnerId: string, over: Partial<ProposalDecision> & Pick<ProposalDecision, 'kind'>) =>
    proposalDecision({ partnerId, byEmail: BRAM.email, byName: BRAM.name, at: '2026-11-26T12:00:00Z', ...over });
  const patches = () => h.emulator.requestLog.filter((r) => r.method === 'PATCH');

  it('stores who proposed a partner and when, and finds the proposals of one official', async () => {
    const repo = h.repository(ANNA);
    const saved = await repo.savePartner(proposed({ name: 'Stichting Voorstel', domains: ['voorstel.nl'] }));
    expect(saved.proposal).toEqual({ byEmail: ANNA.email, byName: ANNA.name, at: '2026-11-20T09:00:00Z' });
    expect((await repo.listProposalsBy('Anna.deVries@veenhaven.nl')).map((p) => p.id)).toContain(saved.id);
    expect((await repo.listProposalsBy(BRAM.email)).map((p) => p.id)).not.toContain(saved.id);
  });

  it('accepts a proposal: it becomes active with the decision on it, and a repeat changes nothing', async () => {
    const proposal = await h.repository(ANNA).savePartner(proposed({ name: 'Stichting Aangenomen', domains: ['aangenomen.nl'] }));
    const repo = h.repository(BRAM);
    const { proposal: accepted, target } = await repo.decideProposal(decide(proposal.id, { kind: 'accepted' }));
    expect(target).toBeUndefined();
    expect(accepted).toMatchObject({ status: 'active', domains: ['aangenomen.nl'], proposal: { byEmail: ANNA.email, decision: { kind: 'accepted', byEmail: BRAM.email, byName: BRAM.name, at: '2026-11-26T12:00:00Z' } } });
    expect((await repo.listRegister()).some((p) => p.id === proposal.id)).toBe(true);
    h.emulator.clearLog();
    expect((await repo.decideProposal(decide(proposal.id, { kind: 'accepted' }))).proposal.status).toBe('active');
    expect(patches()).toEqual([]);
  });

  it('rejects a proposal with a reason: it leaves the register (no longer detected) and the proposer can read why', async () => {
    const proposal = await h.repository(ANNA).savePartner(proposed({ name: 'Sportclub Afgewezen', domains: ['afgewezen.nl'] }));
    const repo = h.repository(BRAM);
    const { proposal: rejected } = await repo.decideProposal(decide(proposal.id, { kind: 'rejected', reason: 'Een sportclub is geen strategische partner.' }));
    expect(rejected).toMatchObject({ status: 'inactive', proposal: { decision: { kind: 'rejected', reason: 'Een sportclub is geen strategische partner.' } } });
    expect((await repo.listRegister()).some((p) => p.id === proposal.id || p.domains.includes('afgewezen.nl'))).toBe(false);
    const mine = (await h.repository(ANNA).listProposalsBy(ANNA.email)).find((p) => p.id === proposal.id);
    expect(mine?.proposal?.decision).toMatchObject({ kind: 'rejected', byName: BRAM.name, reason: 'Een sportclub is geen strategische partner.' });
    // Someone else meanwhile decided otherwise: a conflict carrying that version, nothing written.
    h.emulator.clearLog();
    const other = await repo.decideProposal(decide(proposal.id, { kind: 'accepted' })).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(ConflictError);
    expect((other as ConflictError<Partner>).current?.proposal?.decision?.kind).toBe('rejected');
    expect(patches()).toEqual([]);
  });

  it('merges a proposal into an existing partner: identifiers and interactions move, nothing is lost, the target is detected', async () => {
    const target = await h.repository(BRAM).savePartner(newPartner({ name: 'Woonstichting Doel', domains: ['doel.nl'], aliases: ['Doel'], contacts: ['info@doel.nl'] }));
    const proposal = await h.repository(ANNA).savePartner(
      proposed({ name: 'Doel Wonen', domains: ['doelwonen.nl', 'doel.nl'], aliases: ['DW', 'doel'], contacts: ['j.jansen@doelwonen.nl'], contactNames: { 'j.jansen@doelwonen.nl': 'Jan Jansen' } }),
    );
    // What the proposer logged on the proposal while it waited: a note, an agenda item and a confidential note of her own.
    const note = await h.repository(ANNA).saveInteraction(newInteraction(proposal.id, { date: '2026-11-21T10:00:00Z' }));
    const secret = await h.repository(ANNA).saveInteraction(newInteraction(proposal.id, { date: '2026-11-22T10:00:00Z', confidential: true, summary: 'Alleen voor Anna' }));
    const agenda = await h.repository(ANNA).saveAgendaItem(newAgendaItem(proposal.id));
    await h.repository(BRAM).saveInteraction(newInteraction(target.id, { date: '2026-10-01T10:00:00Z' }));

    const repo = h.repository(BRAM);
    const outcome = await repo.decideProposal(decide(proposal.id, { kind: 'merged', targetId: target.id }));
    expect(outcome.target).toMatchObject({
      id: target.id,
      domains: ['doel.nl', 'doelwonen.nl'],
      aliases: ['Doel', 'DW'],
      contacts: ['info@doel.nl', 'j.jansen@doelwonen.nl'],
      contactNames: { 'j.jansen@doelwonen.nl': 'Jan Jansen' },
    });
    // The figures follow the moved interactions on the next read (derived, never stored).
    expect((await repo.getPartnerContext(target.id)).partner).toMatchObject({ interactionCount: 3, lastContact: '2026-11-22T10:00:00Z' });
    expect((await repo.getPartnerContext(proposal.id)).partner).toMatchObject({ interactionCount: 0, lastContact: undefined });
    expect(outcome.proposal).toMatchObject({ status: 'inactive', domains: [], aliases: [], contacts: [], proposal: { decision: { kind: 'merged', mergedInto: target.id } } });

    // Everything of the proposal is the target's now; the confidential text is still its author's.
    const moved = await h.repository(ANNA).listInteractions(target.id);
    expect(moved.map((i) => i.clientId).sort()).toEqual(expect.arrayContaining([note.clientId, secret.clientId]));
    expect(moved.find((i) => i.clientId === secret.clientId)).toMatchObject({ confidential: true, summary: 'Alleen voor Anna' });
    // The merge could not move that note (only its author may read it); it followed its interaction on her read.
    const siteId = await repo.resolveSiteId();
    const notesOf = async (partnerId: string) =>
      (await h.transport(ANNA).get<{ value: { fields: { clientId: string } }[] }>(`/sites/${siteId}/lists/ConfidentialNotes/items?$expand=fields&$filter=${encodeURIComponent(`fields/partnerId eq '${partnerId}'`)}`)).value.map((n) => n.fields.clientId);
    expect(await notesOf(target.id)).toContain(secret.clientId);
    expect(await notesOf(proposal.id)).toEqual([]);
    expect((await repo.listAgenda(target.id)).map((a) => a.clientId)).toContain(agenda.clientId);
    expect(await repo.listInteractions(proposal.id)).toEqual([]);
    // Detection: the proposal's domain now finds the target, and the proposal is out of the register.
    const register = await repo.listRegister();
    expect(register.filter((p) => p.domains.includes('doelwonen.nl')).map((p) => p.id)).toEqual([target.id]);
    expect(register.some((p) => p.id === proposal.id)).toBe(false);

    // Sent again (an answer lost on the way): every step finds its work done.
    h.emulator.clearLog();
    const again = await repo.decideProposal(decide(proposal.id, { kind: 'merged', targetId: target.id }));
    expect(again.target).toMatchObject({ domains: ['doel.nl', 'doelwonen.nl'] });
    expect(patches()).toEqual([]);
  });

  it("merges onto the target as the server has it when someone edits the target between the merge's read and write", async () => {
    const target = await h.repository(BRAM).savePartner(newPartner({ name: 'Zorg Doel', domains: ['zorgdoel.nl'], aliases: [] }));
    const proposal = await h.repository(ANNA).savePartner(proposed({ name: 'Zorg Doel Thuis', domains: ['zorgdoelthuis.nl'], aliases: [] }));
    const repo = h.repository(BRAM);
    const colleague = h.repository(ANNA);
    const read = repo.getPartner.bind(repo);
    let edited = false;
    jest.spyOn(repo, 'getPartner').mockImplementation(async (id) => {
      const seen = await read(id);
      if (id === target.id && !edited) {
        edited = true;
        await colleague.savePartner({ ...seen, description: 'Bijgewerkt door een collega' });
      }
      return seen;
    });
    const { target: merged } = await repo.decideProposal(decide(proposal.id, { kind: 'merged', targetId: target.id }));
    expect(merged).toMatchObject({ domains: ['zorgdoel.nl', 'zorgdoelthuis.nl'], description: 'Bijgewerkt door een collega' });
  });

  it('refuses to merge a proposal into itself', async () => {
    const proposal = await h.repository(ANNA).savePartner(proposed({ name: 'Zelf', domains: ['zelf.nl'] }));
    await expect(h.repository(BRAM).decideProposal(decide(proposal.id, { kind: 'merged', targetId: proposal.id }))).rejects.toMatchObject({ status: 400 });
    expect((await h.repository(BRAM).getPartner(proposal.id)).status).toBe('proposed');
  });
});
