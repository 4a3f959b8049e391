import { proposalDecision } from '../../src/core/model';
import { decidedProposal, decidedProposals, isRegisterOwner, leftRegister, mergedIdentifiers, mergeTargets, outcomeKey, pendingProposals, untoldOutcomes } from '../../src/core/proposals';
import { partner } from './overview/fixtures';

const by = { byEmail: 'm.jansen@veenhaven.nl', byName: 'Marieke Jansen' };
const decision = { byEmail: 'j.vanleeuwen@veenhaven.nl', byName: 'Jeroen van Leeuwen', at: '2026-11-26T12:00:00Z' };

describe('proposals', () => {
  const older = partner({ id: 'older', status: 'proposed', proposal: { ...by, at: '2026-11-01T00:00:00Z' } });
  const newer = partner({ id: 'newer', status: 'proposed', proposal: { ...by, at: '2026-11-20T00:00:00Z' } });
  const imported = partner({ id: 'imported', status: 'proposed' });
  const rejected = partner({ id: 'rejected', status: 'inactive', proposal: { ...by, at: '2026-10-01T00:00:00Z', decision: { kind: 'rejected', ...decision, reason: 'Geen partner' } } });
  const active = partner({ id: 'active' });
  const all = [older, active, newer, imported, rejected];

  it('knows who decides: the register owners, whatever the case of the address', () => {
    expect(isRegisterOwner(['J.vanLeeuwen@veenhaven.nl'], 'j.vanleeuwen@veenhaven.nl ')).toBe(true);
    expect(isRegisterOwner(['j.vanleeuwen@veenhaven.nl'], 'm.jansen@veenhaven.nl')).toBe(false);
    expect(isRegisterOwner(undefined, 'j.vanleeuwen@veenhaven.nl')).toBe(false);
    expect(isRegisterOwner(['j.vanleeuwen@veenhaven.nl'], undefined)).toBe(false);
  });

  it('lists the waiting proposals newest first, the decided ones apart, and offers only active partners to merge into', () => {
    expect(pendingProposals(all).map((p) => p.id)).toEqual(['newer', 'older', 'imported']);
    expect(decidedProposals(all).map((p) => p.id)).toEqual(['rejected']);
    expect(mergeTargets(all, 'newer').map((p) => p.id)).toEqual(['active']);
    expect(all.filter(leftRegister).map((p) => p.id)).toEqual(['rejected']);
  });

  it('makes an accepted proposal active, a rejected or merged one inactive; a merged one gives up its identifiers', () => {
    const d = (kind: 'accepted' | 'merged' | 'rejected', extra = {}) => proposalDecision({ partnerId: 'newer', kind, ...decision, ...extra });
    expect(decidedProposal(newer, d('accepted'))).toMatchObject({ status: 'active', proposal: { ...by, decision: { kind: 'accepted', ...decision } } });
    expect(decidedProposal(newer, d('rejected', { reason: '  Geen strategische partner ' }))).toMatchObject({ status: 'inactive', proposal: { decision: { reason: 'Geen strategische partner' } } });
    const proposal = { ...newer, domains: ['nieuw.nl'], aliases: ['N'], contacts: ['a@nieuw.nl'] };
    expect(decidedProposal(proposal, d('merged', { targetId: 'active' }))).toMatchObject({ status: 'inactive', domains: [], aliases: [], contacts: [], proposal: { decision: { mergedInto: 'active' } } });
    // A proposal from before proposals were recorded still carries the decision.
    expect(decidedProposal(imported, proposalDecision({ partnerId: 'imported', kind: 'accepted', ...decision })).proposal?.decision?.kind).toBe('accepted');
  });

  it('adds to the target what it lacks of the proposal, names of contacts included, and nothing when it has it all', () => {
    const target = partner({ id: 't', domains: ['doel.nl'], aliases: ['Doel'], contacts: ['info@doel.nl'] });
    const proposal = partner({ id: 'p', domains: ['doel.nl', 'doelwonen.nl'], aliases: ['doel', 'DW'], contacts: ['info@doel.nl', 'j@doelwonen.nl'], contactNames: { 'j@doelwonen.nl': 'Jan' } });
    expect(mergedIdentifiers(target, proposal)).toEqual({ domains: ['doel.nl', 'doelwonen.nl'], aliases: ['Doel', 'DW'], contacts: ['info@doel.nl', 'j@doelwonen.nl'], contactNames: { 'j@doelwonen.nl': 'Jan' } });
    expect(mergedIdentifiers({ ...target, ...mergedIdentifiers(target, proposal) }, proposal)).toBeUndefined();
  });

  it('tells the proposer each decision once', () => {
    expect(untoldOutcomes(all, new Set()).map((p) => p.id)).toEqual(['rejected']);
    expect(untoldOutcomes(all, new Set([outcomeKey(rejected)]))).toEqual([]);
  });
});
