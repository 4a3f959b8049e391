import { loadAppConfig, resolveGraphBaseUrl } from '../config/appConfig';
import { DEFAULT_LANGUAGE } from '../config/appIdentity';
import type { Interaction } from '../core/model';
import { overviewPartnerDeepLink } from '../hosts/deepLinks';
import { createTranslator } from '../i18n';
import { ComposeHintsWriter } from '../data/composeHintWriter';
import { ContextSnapshots } from '../data/contextSnapshots';
import { deviceLocalStorage } from '../data/deviceStorage';
import { DraftStore } from '../data/draftStore';
import { readOwnDepartment } from '../data/officialProfile';
import { RegisterSource } from '../data/registerSource';
import { localStorageSiteIdMemo } from '../data/siteRef';
import type { FirstScreenListener, OverviewCache, OverviewFirstScreen } from '../data/overviewCache';
import { SharePointPartnerRepository } from '../data/SharePointPartnerRepository';
import { WriteQueue } from '../data/writeQueue';
import type { Host } from '../hosts/Host';
import type { AuditPort, ReadServices, Services } from '../ui/services';
import type { AuditSurface } from '../core/audit';
import { AuditRecorder, auditedRepository } from '../data/auditedRepository';
import { onIdle } from '../ui/shell/onIdle';

/** How long a first screen the overview tab has not asked for holds back the read of the interactions. */
const FIRST_SCREEN_WAIT_MS = 2000;

/** Recounts an overview asks for after its first-ever load, at most (3 requests each; setup repairs the rest). */
const MAX_SUMMARY_HEALS = 50;

/**
 * Wires the one data layer to a host: the Graph client asks the host for a token before each call.
 * `preloadRegister` (the panes) starts reading the register snapshot from the local database at once,
 * and `preloadOverview` (the overview tab) its cache read, so the first read overlaps everything else
 * the surface does at start. `whileOpening` gets what the first reads need (the panes' prefetch) before
 * the write queue and the drafts have opened their IndexedDB stores: on a first open that creates the
 * database, and the pane's Graph reads need not wait for it (bench:open, issue 19).
 */
export async function createServices(
  host: Host,
  options: { preloadRegister?: boolean; preloadOverview?: boolean; surface?: AuditSurface; whileOpening?: (reads: ReadServices) => void } = {},
): Promise<Services> {
  const config = loadAppConfig();
  const sharePoint = SharePointPartnerRepository.create({
    baseUrl: resolveGraphBaseUrl(config, window.location.origin),
    getAccessToken: () => host.getAccessToken(),
    siteRef: config.siteRef,
    siteIdMemo: localStorageSiteIdMemo(),
    official: () => host.getUser().then((u) => u.email),
    deviceStorage: deviceLocalStorage(),
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
  const register = new RegisterSource({ repository, owner: user.email, site: config.siteRef, deferWrite: idle, onRead: (data) => hints.registerRead(data.partners), marker: deviceLocalStorage() });
  // With a snapshot from an earlier open the pane detects from it and reads Graph's register when idle;
  // without one it detects from the lookup (ui/pane/paneReads.ts), so the register is not read here:
  // the whole register would compete with the few items the pane waits for. A large one kept by lookup
  // key is read by the pane's keys instead (RegisterSource.snapshotFor), and whole after the first render.
  if (options.preloadRegister && !register.hasKeyBuckets()) register.snapshot().catch(() => undefined);
  // Queue and drafts are per official: one user's notes are never sent with another's token.
  const opening = Promise.all([WriteQueue.open({ repository, owner: user.email }), DraftStore.open({ owner: user.email })]);
  let overview: Promise<OverviewCache> | undefined;
  const readOverview: Services['loadOverview'] = async (onProgress, onFirstScreen) => {
    // Loaded on first use only: the panes never call it, so the overview's cache stays out of their bundles.
    overview ??= import(/* webpackChunkName: "overview-data" */ '../data/overviewCache').then(({ OverviewCache }) =>
      OverviewCache.open({ transport: repository.transport, siteRef: config.siteRef, owner: user.email }),
    );
    const load = await (await overview).load(onProgress, onFirstScreen);
    // Summaries the interactions contradict (changed outside the app) are recounted in the background; a
    // site with more than a few has not been through setup's repair, which the setup tab offers.
    if (load.summariesOutOfStep?.length) sharePoint.summaries?.touch(load.summariesOutOfStep.slice(0, MAX_SUMMARY_HEALS));
    return load;
  };
  // The overview tab: its cache read starts now, beside its components' chunk; the tab's first call
  // takes this read over (its progress, and its first screen, also when that came before the call).
  const progressListeners: Array<Parameters<Services['loadOverview']>[0]> = [];
  let firstScreen: { data: OverviewFirstScreen; shown(): void } | undefined;
  let tabListener: FirstScreenListener | undefined;
  const showFirst = (screen: NonNullable<typeof firstScreen>) => void Promise.resolve(tabListener?.(screen.data)).finally(screen.shown);
  let preloaded = options.preloadOverview
    ? readOverview(
        (progress) => progressListeners.forEach((listener) => listener?.(progress)),
        // The interactions' read waits until the tab has shown the first screen (or a moment, should it not ask).
        (data) =>
          new Promise<void>((resolve) => {
            firstScreen = { data, shown: resolve };
            setTimeout(resolve, FIRST_SCREEN_WAIT_MS);
            if (tabListener) showFirst(firstScreen);
          }),
      )
    : undefined;
  // A failure is reported to the tab when it asks (LoadError), not as an unhandled rejection before.
  preloaded?.catch(() => undefined);
  const loadOverview: Services['loadOverview'] = (onProgress, onFirstScreen) => {
    const first = preloaded;
    preloaded = undefined;
    if (!first) return readOverview(onProgress, onFirstScreen);
    progressListeners.push(onProgress);
    tabListener = onFirstScreen;
    if (firstScreen) showFirst(firstScreen);
    return first;
  };
  // Called once the register is on screen, once per overview (Overview.tsx); keepDigest's device note
  // keeps it to one look an hour.
  const keepOverviewDigest: NonNullable<Services['keepOverviewDigest']> = async (make) => {
    await new Promise<void>((resolve) => idle(resolve));
    try {
      const { digestListPath, keepDigest } = await import(/* webpackChunkName: "overview-data" */ '../data/overviewDigest');
      await keepDigest(repository.transport, digestListPath(config.siteRef), make, now(), deviceLocalStorage());
    } catch {
      // A visitor without write rights, a site before setup made the list: the next open shows the lists as before.
    }
  };
  const forgetOverviewDigest: NonNullable<Services['forgetOverviewDigest']> = async () => {
    const { digestListPath, removeDigests } = await import(/* webpackChunkName: "overview-data" */ '../data/overviewDigest');
    await removeDigests(repository.transport, digestListPath(config.siteRef));
  };
  // The owner kept informed (src/data/ownerNotifier.ts): loaded when first needed, after a note is saved or a
  // context read, so it never delays a pane's first screen; it never throws at the note.
  let notifier: Promise<import('../data/ownerNotifier').OwnerNotifier> | undefined;
  const ownerNotifier = () =>
    (notifier ??= import(/* webpackChunkName: "owner-notice" */ '../data/ownerNotifier').then(
      ({ OwnerNotifier }) =>
        new OwnerNotifier({
          transport: repository.transport,
          readContext: (partnerId) => repository.getPartnerContext(partnerId),
          official: async () => user.email,
          // The preview is not localised by Teams: the municipality's language, as the manifest's default.
          translate: createTranslator(DEFAULT_LANGUAGE),
          partnerLink: (partnerId, name) => overviewPartnerDeepLink(partnerId, { label: name }),
          storage: deviceLocalStorage(),
        }),
    ));
  const contextSnapshots = new ContextSnapshots({
    owner: user.email,
    site: config.siteRef,
    onPut: (context) => {
      hints.contextRead(context);
      if (context.partner.ownerEmail && context.partner.ownerEmail.toLowerCase() !== user.email.toLowerCase() && context.agenda.some((a) => a.status !== 'done' && a.dueDate)) {
        idle(() => void ownerNotifier().then((n) => n.contextRead(context)).catch(() => undefined));
      }
    },
  });
  // Not asked at start: the forms ask when they show, so it never competes with the pane's first reads.
  let department: Promise<string | undefined> | undefined;
  const ownDepartment = () => (department ??= readOwnDepartment(repository.transport));
  // Its own chunk: only the overview's week ahead reads the calendar.
  const upcomingMeetings = () => import(/* webpackChunkName: "overview-data" */ '../data/upcomingMeetings').then((m) => m.readUpcomingMeetings(repository.transport, new Date()));
  // A manager's team: its scopes on a token of their own, asked for from the manager's click only (incremental consent).
  const team = host.teamAccess?.();
  const teamMeetings: Services['teamMeetings'] = team
    ? async () => {
        const [{ consentFromClick }, { readTeamCalendars }, { GraphTransport }] = await Promise.all([
          import('../hosts/auth/consentFromClick'),
          import(/* webpackChunkName: "overview-data" */ '../data/teamCalendars'),
          import('../data/graph/GraphTransport'),
        ]);
        if (!(await consentFromClick(team))) return { status: 'consent-refused' };
        const transport = GraphTransport.create({ baseUrl: resolveGraphBaseUrl(config, window.location.origin), getAccessToken: () => team.getAccessToken() });
        return { status: 'ready', colleagues: await readTeamCalendars(transport, new Date()) };
      }
    : undefined;
  const now = () => new Date();
  options.whileOpening?.({ host, repository, register, contextSnapshots, now });
  const [queue, drafts] = await opening;
  window.addEventListener('online', () => queue.resumeNow());
  queue.subscribe((event) => {
    if (event.type !== 'confirmed' || event.kind !== 'interaction') return;
    const note = event.result as Interaction;
    // Only a new note is told; a correction or withdrawal is not news to the owner.
    if (!note.edited && !note.withdrawn) idle(() => void ownerNotifier().then((n) => n.noteSaved(note)).catch(() => undefined));
  });
  return { host, repository, audit, queue, drafts, register, contextSnapshots, loadOverview, keepOverviewDigest, forgetOverviewDigest, ownDepartment, upcomingMeetings, teamMeetings, now };
}
