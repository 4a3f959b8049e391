import { DEMO_SITE_REF } from '../../src/config/appConfig';
import { ownedBy } from '../../src/core/agenda';
import type { Official } from '../../src/core/model';
import { newClientId } from '../../src/core/noteDraft';
import { feedbackDueDate, newFeedbackReference } from '../../src/core/partnerFeedback';
import { ensureSchema } from '../../src/data/ensureSchema';
import { repairSummaries } from '../../src/data/partnerSummary';
import { SCHEMA } from '../../src/data/schema';
import { GraphTransport } from '../../src/data/graph/GraphTransport';
import { restrictAuditTrailInEmulator, restrictConfidentialListInEmulator } from '../../src/data/confidentialListSecurity';
import { SharePointPartnerRepository } from '../../src/data/SharePointPartnerRepository';
import { createDemoData } from '../../src/demo';
import { makeDemoToken } from '../../src/hosts/browser/demoToken';
import { createTranslator } from '../../src/i18n';

const ADMIN: Official = { email: 'j.vanleeuwen@veenhaven.nl', name: 'Jeroen van Leeuwen' };
const PARALLEL_PARTNERS = 6;

export interface SeedReport {
  partners: number;
  interactions: number;
  agenda: number;
}

/**
 * Loads the demo municipality through the production data layer (schema provisioning, then the
 * repository's own writes), so the demo exercises exactly the code that runs against a tenant.
 * Each interaction is written with its author's token: confidential summaries stay readable by
 * their author only, as SharePoint's item-level permissions would have it.
 */
export async function seedDemoIfEmpty(graphBaseUrl: string, now: Date = new Date()): Promise<SeedReport | undefined> {
  const repositories = new Map<string, SharePointPartnerRepository>();
  const repositoryOf = (official: Official) => {
    let repository = repositories.get(official.email);
    if (!repository) {
      // Summaries are counted once at the end, not after each of the demo's notes.
      repository = SharePointPartnerRepository.create({ baseUrl: graphBaseUrl, getAccessToken: async () => makeDemoToken(official), siteRef: DEMO_SITE_REF, keepSummaries: false });
      repositories.set(official.email, repository);
    }
    return repository;
  };
  const admin = repositoryOf(ADMIN);
  // Setup runs with the administrator's setup token (Sites.Manage.All), the rest with officials' tokens.
  await ensureSchema(GraphTransport.create({ baseUrl: graphBaseUrl, getAccessToken: async () => makeDemoToken(ADMIN, 'setup') }), DEMO_SITE_REF);
  // What an administrator does by hand in a tenant (Graph cannot): confidential notes readable by their author only.
  await restrictConfidentialListInEmulator(admin.transport, DEMO_SITE_REF);
  // And the trail: everyone reads it, adds to it, and changes none of anyone else's entries.
  await restrictAuditTrailInEmulator(admin.transport, DEMO_SITE_REF);
  if ((await admin.listRegister()).length > 0) return undefined;

  const data = createDemoData({ now });
  await admin.saveSettings(data.settings);
  const serverIds = new Map<string, string>();
  for (const partner of data.partners) {
    // The denormalised figures are built up by the interaction writes below.
    const saved = await admin.savePartner({ ...partner, lastContact: undefined, interactionCount: 0 });
    serverIds.set(partner.id, saved.id);
  }
  const byPartner = new Map<string, typeof data.interactions>();
  for (const interaction of data.interactions) {
    const list = byPartner.get(interaction.partnerId) ?? [];
    list.push(interaction);
    byPartner.set(interaction.partnerId, list);
  }
  // One partner's interactions in order (each updates that partner's last contact); partners side by side.
  const queue = [...byPartner.entries()];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [partnerId, interactions] = next;
      for (const interaction of interactions) {
        const author = repositoryOf({ email: interaction.authorEmail, name: interaction.authorName });
        await author.saveInteraction({ ...interaction, partnerId: serverIds.get(partnerId) ?? partnerId });
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_PARTNERS }, worker));
  for (const item of data.agenda) await admin.saveAgendaItem({ ...item, partnerId: serverIds.get(item.partnerId) ?? item.partnerId });
  const site = `/sites/${await admin.resolveSiteId()}/lists`;
  await repairSummaries(admin.transport, { interactions: `${site}/${SCHEMA.Interactions.displayName}`, summaries: `${site}/${SCHEMA.PartnerSummary.displayName}` }, [...serverIds.values()], now);
  return { partners: data.partners.length, interactions: data.interactions.length, agenda: data.agenda.length };
}

/** A feedback request as the pane leaves it on a partner's agenda, asked `askedDaysAgo` days before now. */
export interface SeededFeedbackRequest {
  partner: string;
  askedDaysAgo: number;
  answered?: boolean;
}

/**
 * Puts feedback requests on partners' agendas as "Vraag de partner om feedback" does (PartnerFeedback.tsx:
 * the topic with a reference made for the partner, direction partner, owned by the asking official, due
 * FEEDBACK_ANSWER_DAYS after the day of asking (feedbackDueDate); done once answered), so the review schedule's asked, answered and
 * overdue can be tested and captured without waiting three weeks. Returns the references, in order.
 */
export async function seedFeedbackRequests(graphBaseUrl: string, requests: readonly SeededFeedbackRequest[], now: Date = new Date(), official: Official = ADMIN): Promise<string[]> {
  const repository = SharePointPartnerRepository.create({ baseUrl: graphBaseUrl, getAccessToken: async () => makeDemoToken(official), siteRef: DEMO_SITE_REF });
  const register = await repository.listRegister();
  const t = createTranslator('nl');
  const references: string[] = [];
  for (const request of requests) {
    const partner = register.find((p) => p.name === request.partner);
    if (!partner) throw new Error(`no partner ${request.partner} in the demo register`);
    const reference = newFeedbackReference(partner.id);
    const dueDate = feedbackDueDate(new Date(now.getTime() - request.askedDaysAgo * 86_400_000));
    const clientId = newClientId();
    await repository.saveAgendaItem({
      id: clientId, clientId, partnerId: partner.id, topic: t('feedback.topic', { reference }), direction: 'partner', ...ownedBy(official), status: request.answered ? 'done' : 'open', dueDate,
    });
    references.push(reference);
  }
  return references;
}
