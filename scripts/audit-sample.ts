/**
 * `npx tsx scripts/audit-sample.ts`: the demo municipality in an in-memory emulator, a few actions of one
 * official through the production data layer (audited repository and write queue), a retention review
 * with notes kept one year and a reviewed destruction of the three oldest; prints the trail and the
 * destruction report. What the closing note shows, from the demo data.
 */
import 'fake-indexeddb/auto';
import { DEMO_SITE_REF } from '../src/config/appConfig';
import { filterAuditTrail } from '../src/core/audit';
import { candidateKey, retentionCandidates, retentionPeriods } from '../src/core/retention';
import { AuditRecorder, auditedRepository } from '../src/data/auditedRepository';
import { destroyReviewed } from '../src/data/retentionDestruction';
import { SharePointPartnerRepository } from '../src/data/SharePointPartnerRepository';
import { WriteQueue } from '../src/data/writeQueue';
import { startGraphEmulator } from '../src/emulator';
import { makeDemoToken } from '../src/hosts/browser/demoToken';
import { seedDemoIfEmpty } from './lib/seedDemo';

const MARIEKE = { email: 'm.jansen@veenhaven.nl', name: 'Marieke Jansen' };

async function main(): Promise<void> {
  const { url, close } = await startGraphEmulator({ port: 0 });
  const now = new Date();
  await seedDemoIfEmpty(url, now);
  const base = SharePointPartnerRepository.create({ baseUrl: url, getAccessToken: async () => makeDemoToken(MARIEKE), siteRef: DEMO_SITE_REF });
  const recorder = new AuditRecorder({ store: base, actor: async () => MARIEKE, surface: 'overview' });
  const repo = auditedRepository(base, recorder);
  const queue = await WriteQueue.open({ repository: repo, owner: MARIEKE.email, dbName: 'audit-sample' });

  const [partner] = await base.listRegister();
  const full = await base.getPartner(partner.id);
  await queue.enqueue({ kind: 'partner', payload: { ...full, description: `${full.description ?? ''} (bijgewerkt)`.trim() } });
  await queue.enqueue({ kind: 'interaction', payload: { id: 'sample-note', clientId: 'sample-note', partnerId: partner.id, date: now.toISOString(), kind: 'call', department: 'Wonen', authorEmail: MARIEKE.email, authorName: MARIEKE.name, themes: ['wonen'], title: 'Telefonisch overleg', summary: 'Tekst die nooit in de trail komt', confidential: false, wooRelevant: false } });
  await queue.flush();
  await recorder.record({ action: 'export', list: 'Partners', detail: 'csv 31 rows' });
  await recorder.record({ action: 'avgSearch', detail: 'partners 1, interactions 4, agenda 0' });
  await recorder.record({ action: 'wooGather', detail: '12 records; partners 1; themes all; period -..-' });

  const settings = await repo.saveSettings({ ...(await base.getSettings()), retention: { notes: 1 } });
  const periods = retentionPeriods(settings.retention);
  const interactions = (await Promise.all((await base.listRegister()).map((p) => base.listInteractions(p.id)))).flat();
  const agenda = (await Promise.all((await base.listRegister()).map((p) => base.listAgenda(p.id)))).flat();
  const listed = retentionCandidates({ interactions, agenda, audit: await base.listAuditTrail() }, periods, now);
  await recorder.record({ action: 'retentionReview', detail: `listed ${listed.length}` });
  const selected = new Set(listed.slice(0, 3).map(candidateKey));
  const report = await destroyReviewed(
    { repository: repo, deleteAuditEntry: (id) => base.deleteAuditEntry(id), record: (a) => recorder.record(a) },
    { listed, selected, periods, by: MARIEKE, now: () => new Date() },
  );
  await queue.close();

  const trail = filterAuditTrail(await base.listAuditTrail(), {}).reverse();
  console.log('id | occurredAt | actor (SharePoint createdBy) | action | list | item | result | surface | altered | detail');
  for (const e of trail) console.log([e.id, e.occurredAt, `${e.actor.name} (${e.actor.id?.slice(0, 8)}…)`, e.action, e.list ?? '', e.itemId ?? '', e.result, e.surface ?? '', e.altered ? 'yes' : 'no', e.detail ?? ''].join(' | '));
  console.log('\nDestruction report:');
  console.log(JSON.stringify(report, null, 2));
  console.log(`\nTrail holds note text: ${JSON.stringify(trail).includes('Tekst die nooit') ? 'YES' : 'no'}`);
  await close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
