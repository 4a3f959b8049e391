/**
 * Partners proposed from a pane and the register owner's decision on them (see Proposal in model.ts).
 * Pure: what a decision makes of a proposal and its merge target, who may decide, and what the
 * overview and the proposer's pane list. The repository carries decisions out; the UI shows them.
 */
import { contactFields, contactsOf, type Contact } from './contacts';
import type { Partner, ProposalDecision } from './model';

/** Whether this official decides on proposals: their address is among the register owners in the settings. */
export function isRegisterOwner(owners: readonly string[] | undefined, email: string | undefined): boolean {
  const me = email?.trim().toLowerCase();
  return !!me && (owners ?? []).some((owner) => owner.trim().toLowerCase() === me);
}

/** Proposals waiting for a decision, newest first. */
export function pendingProposals(partners: readonly Partner[]): Partner[] {
  return partners.filter((p) => p.status === 'proposed' && !p.proposal?.decision).sort((a, b) => (b.proposal?.at ?? '').localeCompare(a.proposal?.at ?? ''));
}

/** Decided proposals, the latest decision first. */
export function decidedProposals(partners: readonly Partner[]): Partner[] {
  return partners.filter((p) => p.proposal?.decision).sort((a, b) => b.proposal!.decision!.at.localeCompare(a.proposal!.decision!.at));
}

/** A rejected or merged proposal: kept for the record, but no longer part of the register. */
export function leftRegister(partner: Partner): boolean {
  const kind = partner.proposal?.decision?.kind;
  return kind === 'rejected' || kind === 'merged';
}

/** The partners a proposal can be merged into: the register's own (not another proposal, not a former partner). */
export function mergeTargets(partners: readonly Partner[], proposalId: string): Partner[] {
  return partners.filter((p) => p.id !== proposalId && p.status === 'active');
}

/** The proposal as decided: accepted is active; merged (its identifiers now on the target) and rejected leave the register. */
export function decidedProposal(proposal: Partner, d: ProposalDecision): Partner {
  const decision = { kind: d.kind, byEmail: d.byEmail, byName: d.byName, at: d.at, reason: d.reason?.trim() || undefined, mergedInto: d.kind === 'merged' ? d.targetId : undefined };
  return {
    ...proposal,
    status: d.kind === 'accepted' ? 'active' : 'inactive',
    // A proposal made before proposals were recorded (an import, an older pane) still gets the decision.
    proposal: { ...(proposal.proposal ?? { byEmail: '', byName: '', at: '' }), decision },
    ...(d.kind === 'merged' ? { domains: [], aliases: [], contacts: [], contactNames: undefined } : {}),
  };
}

/** What the target gains from a merged proposal: its domains, aliases and contacts; nothing when it has them all. */
export function mergedIdentifiers(target: Partner, proposal: Partner): Pick<Partner, 'domains' | 'aliases' | 'contacts' | 'contactNames'> | undefined {
  const domains = union(target.domains, proposal.domains, (d) => d);
  const aliases = union(target.aliases, proposal.aliases, (a) => a.toLowerCase());
  const contacts = union(contactsOf(target), contactsOf(proposal), (c: Contact) => c.address);
  const grown = domains.length > target.domains.length || aliases.length > target.aliases.length || contacts.length > target.contacts.length;
  return grown ? { domains, aliases, ...contactFields(contacts) } : undefined;
}

/** `a` and what `b` adds to it, compared by `key`. */
function union<T>(a: readonly T[], b: readonly T[], key: (value: T) => string): T[] {
  const out = [...a];
  const seen = new Set(a.map(key));
  for (const value of b) {
    if (seen.has(key(value))) continue;
    seen.add(key(value));
    out.push(value);
  }
  return out;
}

/** One decision as the proposer's pane remembers having told it. */
export function outcomeKey(proposal: Partner): string {
  return `${proposal.id}@${proposal.proposal?.decision?.at ?? ''}`;
}

/** The decisions on the official's own proposals that the pane has not told them yet, latest first. */
export function untoldOutcomes(proposals: readonly Partner[], told: ReadonlySet<string>): Partner[] {
  return decidedProposals(proposals).filter((p) => !told.has(outcomeKey(p)));
}
