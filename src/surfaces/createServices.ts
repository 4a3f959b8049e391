import { loadAppConfig, resolveGraphBaseUrl } from '../config/appConfig';
import { ComposeHintsWriter } from '../data/composeHintWriter';
import { ContextSnapshots } from '../data/contextSnapshots';
import { deviceLocalStorage } from '../data/deviceStorage';
import { DraftStore } from '../data/draftStore';
import { readOwnDepartment } from '../data/officialProfile';
import { RegisterSource } from '../data/registerSource';
import { localStorageSiteIdMemo } from '../data/siteRef';
import type { OverviewCache } from '../data/overviewCache';
import { SharePointPartnerRepository } from '../data/SharePointPartnerRepository';
import { WriteQueue } from '../data/writeQueue';
import type { Host } from '../hosts/Host';
import type { AuditPort, Services } from '../ui/services';
import type { AuditSurface } from '../core/audit';
import { AuditRecorder, auditedRepository } from '../data/auditedRepository';
import { onIdle } from '../ui/shell/onIdle';

/**
 * Wires the one data layer to a host: the Graph client asks the host for a token before each call.
 * `preloadRegister` (the panes) starts the partner register read before the local database opens,
 * and `preloadOverview` (the overview tab) its cache read, so the first read overlaps everything else
 * the surface does at start.
 */
export async function createServices(host: Host, options: { preloadRegister?: boolean; preloadOverview?: boolean; surface?: AuditSurface } = {}): Promise<Services> {
  const config = loadAppConfig();
  const sharePoint = SharePointPartnerRepository.create({
    baseUrl: resolveGraphBaseUrl(config, window.location.origin),
    getAccessToken: () => host.getAccessToken(),
    siteRef: config.siteRef,
    siteIdMemo: localStorageSiteIdMemo(),
    official: () => host.getUser().then((u) => u.email),
  });
  // Every write leaves one audit trail entry, recorded by the repository (exactly once through the queue's retries).
  const recorder = new AuditRecorder({ store: sharePoint, actor: () => host.getUser().then((u) => ({ email: u.email, name: u.name })), surface: options.surface ?? 'overview' });
  const repository = auditedRepository(sharePoint, recorder);
  const audit: AuditPort = {
    record: (action) => recorder.record(action),
    listTrail: (onProgress) => sharePoint.listAuditTrail({ onProgress }),
    versions: (list, id) => sharePoint.listItemVersions(list, id),
    deleteEntry: (id) => sharePoint.deleteAuditEntry(id),
  };
  const user = await host.getUser();
  const idle = (write: () => void) => onIdle(write, { timeout: 5000, fallbackMs: 0 });
  // What Outlook's compose notification reads (src/events): the register and the figures of each context read here.
  const hints = new ComposeHintsWriter({ owner: user.email, storage: deviceLocalStorage(), mirror: host.keepComposeHints ? (json) => host.keepComposeHints?.(json) : undefined, defer: idle });
  const register = new RegisterSource({ repository, owner: user.email, site: config.siteRef, deferWrite: idle, onRead: (data) => hints.registerRead(data.partners) });
  if (options.preloadRegister) {
    // With a snapshot from an earlier open the pane detects from it and reads Graph's register when idle.
    register.first().catch(() => undefined);
  }
  // Queue and drafts are per official: one user's notes are never sent with another's token.
  const [queue, drafts] = await Promise.all([WriteQueue.open({ repository, owner: user.email }), DraftStore.open({ owner: user.email })]);
  window.addEventListener('online', () => queue.resumeNow());
  let overview: Promise<OverviewCache> | undefined;
  const readOverview: Services['loadOverview'] = async (onProgress) => {
    // Loaded on first use only: the panes never call it, so the overview's cache stays out of their bundles.
    overview ??= import(/* webpackChunkName: "overview-data" */ '../data/overviewCache').then(({ OverviewCache }) =>
      OverviewCache.open({ transport: repository.transport, siteRef: config.siteRef, owner: user.email }),
    );
    return (await overview).load(onProgress);
  };
  // The overview tab: its cache read starts now, beside its components' chunk; the tab's first call
  // takes this read over (and its progress), later calls read again.
  const progressListeners: Array<Parameters<Services['loadOverview']>[0]> = [];
  let preloaded = options.preloadOverview ? readOverview((progress) => progressListeners.forEach((listener) => listener?.(progress))) : undefined;
  // A failure is reported to the tab when it asks (LoadError), not as an unhandled rejection before.
  preloaded?.catch(() => undefined);
  const loadOverview: Services['loadOverview'] = (onProgress) => {
    const first = preloaded;
    preloaded = undefined;
    if (!first) return readOverview(onProgress);
    progressListeners.push(onProgress);
    return first;
  };
  const contextSnapshots = new ContextSnapshots({ owner: user.email, site: config.siteRef, onPut: (context) => hints.contextRead(context) });
  // Not asked at start: the forms ask when they show, so it never competes with the pane's first reads.
  let department: Promise<string | undefined> | undefined;
  const ownDepartment = () => (department ??= readOwnDepartment(repository.transport));
  return { host, repository, audit, queue, drafts, register, contextSnapshots, loadOverview, ownDepartment, now: () => new Date() };
}
