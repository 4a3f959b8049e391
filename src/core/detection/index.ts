/**
 * Partner detection: which register partners an email or meeting involves, with the evidence, and
 * which external domains are not in the register yet. Pure: no host, UI or Graph imports, runs in the
 * browser and in Node.
 *
 *   const index = buildPartnerIndex(partners, settings); // once per register version
 *   const { matches, unknownDomains } = detectPartners(index, message);
 */
export type {
  DetectablePartner,
  DetectionMessage,
  DetectionResult,
  DetectionSettings,
  DomainProblem,
  IndexProblem,
  IndexProblemCode,
  ParticipantEvidence,
  ParticipantRole,
  PartnerMatch,
} from './types';
export { buildPartnerIndex, PartnerIndex } from './partnerIndex';
export { detectPartners, MAX_PARTICIPANTS } from './detectPartners';
export { normalizeRegisterDomain, registrableDomain } from './registerDomain';
export type { NormalizedDomain } from './registerDomain';
export { isFreeMailDomain } from './freemail';
export { parseMailbox, parseMailboxList } from './mailbox';
export type { ParsedMailbox } from './mailbox';
export { isAutomatedLocalPart } from './automatedSender';
export { candidatesForKeys, detectByLookup, lookupOutOfStep, messageLookupKeys, partnerLookupKeys, participantMatches } from './lookupKeys';
