import { loadAppConfig, resolveGraphBaseUrl } from '../config/appConfig';
import { DraftStore } from '../data/draftStore';
import { RegisterSource } from '../data/registerSource';
import { localStorageSiteIdMemo } from '../data/siteRef';
import type { OverviewCache } from '../data/overviewCache';
import { SharePointPartnerRepository } from '../data/SharePointPartnerRepository';
import { WriteQueue } from '../data/writeQueue';
import type { Host } from '../hosts/Host';
import type { Services } from '../ui/services';

/**
 * Wires the one data layer to a host: the Graph client asks the host for a token before each call.
 * `preloadRegister` (the panes) starts the partner register read before the local database opens,
 * so the first Graph round trip overlaps everything else the surface does at start.
 */
export async function createServices(host: Host, options: { preloadRegister?: boolean } = {}): Promise<Services> {
  const config = loadAppConfig();
  const repository = SharePointPartnerRepository.create({
    baseUrl: resolveGraphBaseUrl(config, window.location.origin),
    getAccessToken: () => host.getAccessToken(),
    siteRef: config.siteRef,
    siteIdMemo: localStorageSiteIdMemo(),
  });
  const user = await host.getUser();
  const register = new RegisterSource({ repository, owner: user.email, site: config.siteRef });
  if (options.preloadRegister) {
    void register.snapshot();
    register.current().catch(() => undefined);
  }
  // Queue and drafts are per official: one user's notes are never sent with another's token.
  const [queue, drafts] = await Promise.all([WriteQueue.open({ repository, owner: user.email }), DraftStore.open({ owner: user.email })]);
  window.addEventListener('online', () => queue.resumeNow());
  let overview: Promise<OverviewCache> | undefined;
  const loadOverview: Services['loadOverview'] = async (onProgress) => {
    // Loaded on first use only: the panes never call it, so the overview's cache stays out of their bundles.
    overview ??= import('../data/overviewCache').then(({ OverviewCache }) =>
      OverviewCache.open({ transport: repository.transport, siteRef: config.siteRef, owner: user.email }),
    );
    return (await overview).load(onProgress);
  };
  return { host, repository, queue, drafts, register, loadOverview, now: () => new Date() };
}
