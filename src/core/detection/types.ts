/**
 * Shapes that cross the detection boundary. Deliberately minimal so the register (`Partner` from
 * ../model) fits without conversion, and so the core stays free of host and UI types.
 */

export type ParticipantRole = 'from' | 'sender' | 'to' | 'cc' | 'organizer' | 'attendee';

export interface DetectionMessage {
  kind: 'email' | 'meeting';
  from?: string;
  sender?: string;
  to?: string[];
  cc?: string[];
  organizer?: string;
  attendees?: string[];
  subject?: string;
}

export interface DetectablePartner {
  id: string;
  name: string;
  aliases: string[];
  domains: string[];
  contacts: string[];
}

export interface DetectionSettings {
  internalDomains: string[];
  /** Addresses (`a@b.nl`) or whole domains (`b.nl`, `@b.nl`) that never match anything. */
  ignoredAddresses: string[];
}

export interface ParticipantEvidence {
  /** Lower-case, host in ASCII (punycode) form. */
  address: string;
  displayName?: string;
  role: ParticipantRole;
  via: 'contact' | 'domain';
  /** The register domain that matched, when `via` is `domain`. */
  domain?: string;
  /** Looks like a no-reply or mailing-list sender; the UI may want to say so. */
  automated: boolean;
}

export interface PartnerMatch {
  partnerId: string;
  name: string;
  participants: ParticipantEvidence[];
  /** Names or aliases found as whole words in the subject, as written in the register. */
  subjectTerms: string[];
  isSenderOrOrganizer: boolean;
  /** `subject` matches are weaker and always rank after every `participant` match. */
  strength: 'participant' | 'subject';
}

export interface DetectionResult {
  /** Best first. More than one means the user chooses; detection never picks silently. */
  matches: PartnerMatch[];
  /** Registrable domains of external participants that matched no partner; sorted, unique. */
  unknownDomains: string[];
}

export type DomainProblem = 'empty' | 'invalid' | 'public-suffix' | 'ip-address';

/** Codes, not sentences: the admin screen translates them. */
export type IndexProblemCode =
  | DomainProblem
  | 'free-mail'
  | 'internal'
  | 'invalid-address'
  | 'duplicate-id';

export interface IndexProblem {
  field: 'domains' | 'contacts' | 'id' | 'internalDomains' | 'ignoredAddresses';
  /** Absent for settings problems. */
  partnerId?: string;
  value: string;
  problem: IndexProblemCode;
}
