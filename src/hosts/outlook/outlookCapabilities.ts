import { OUTLOOK_REQUIREMENTS } from '../../config/appIdentity';
import type { HostCapabilities } from '../Host';

/** What this Outlook client supports, from its requirement sets (docs/manifests.md explains each). */
export function outlookCapabilities(office: typeof Office, createCategories = true): HostCapabilities {
  const supports = (version: string) => {
    try {
      return office.context.requirements.isSetSupported('Mailbox', version);
    } catch {
      return false;
    }
  };
  const missing: string[] = [];
  const tagging = supports(OUTLOOK_REQUIREMENTS.categories);
  if (!tagging) missing.push(`Mailbox ${OUTLOOK_REQUIREMENTS.categories}`);
  const loggedMarker = supports(OUTLOOK_REQUIREMENTS.customProperties);
  if (!loggedMarker) missing.push(`Mailbox ${OUTLOOK_REQUIREMENTS.customProperties}`);
  return { tagging, createCategories: tagging && createCategories, loggedMarker, missing };
}
