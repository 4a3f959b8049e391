import { OUTLOOK_REQUIREMENTS } from '../../config/appIdentity';
import type { HostCapabilities } from '../Host';

/** Whether this Outlook client supports Mailbox `version`; a client that throws on the question does not. */
export function supportsMailbox(office: typeof Office, version: string): boolean {
  try {
    return office.context.requirements.isSetSupported('Mailbox', version);
  } catch {
    return false;
  }
}

/** What this Outlook client supports, from its requirement sets (docs/manifests.md explains each). */
export function outlookCapabilities(office: typeof Office, createCategories = true): HostCapabilities {
  const missing: string[] = [];
  const tagging = supportsMailbox(office, OUTLOOK_REQUIREMENTS.categories);
  if (!tagging) missing.push(`Mailbox ${OUTLOOK_REQUIREMENTS.categories}`);
  const loggedMarker = supportsMailbox(office, OUTLOOK_REQUIREMENTS.customProperties);
  if (!loggedMarker) missing.push(`Mailbox ${OUTLOOK_REQUIREMENTS.customProperties}`);
  return { tagging, createCategories: tagging && createCategories, loggedMarker, missing };
}
