import type { ReactNode } from 'react';
import type { AuditSurface } from '../core/audit';
import type { Host } from '../hosts/Host';
import { loadCatalogue, pickLocale } from '../i18n';
import type { ReadServices, Services } from '../ui/services';
import { registerServiceWorker } from './registerServiceWorker';
import { markStarted, showStartupFailure } from './startupFailure';
import type { SurfaceView } from './surfaceView';

/** How long the root component may wait for the surface's prefetch. */
const PREFETCH_WAIT_MS = 3000;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface SurfaceOptions {
  /** Starts the host; `waitingForHost()` says it now waits on its host (Office.js, Teams), not on the main thread. */
  pickHost(waitingForHost: () => void): Promise<Host>;
  demoKinds: Array<'email' | 'meeting'>;
  /** Loads the surface's root component (a dynamic import, so it is its own chunk). */
  loadRoot(): Promise<(services: Services) => ReactNode>;
  /** Start the surface's first read (the panes: the partner register; the overview: its cache) as soon as the data layer exists. */
  preloadRegister?: boolean;
  preloadOverview?: boolean;
  /** Which surface this is, for the audit trail. */
  surface: AuditSurface;
  /**
   * Reads that can start before the first render (the panes: detect and read the partner's context).
   * `waiting()` says the reads are on the network: the root component's chunks are then loaded, so
   * that the browser compiles them while Graph answers instead of before the reads go out.
   */
  prefetch?(services: ReadServices, waiting: () => void): Promise<void>;
}

/**
 * Starts one surface: pick the host, wire the data layer, render the root component. Until then the
 * page's own skeleton (page.html) shows, so the pane is never blank; when it cannot start, the page
 * says so (startupFailure.ts).
 *
 * The surface's first script holds no React: React, Fluent and the shell (surfaceView.tsx), the
 * surface's root component and the data layer are separate chunks that the page preloads
 * (webpack.config.js), so they download while the first script runs, and the data layer's first
 * requests go out before React and Fluent are evaluated. The demo bar is a chunk of its own that
 * Outlook and Teams never download (measured by `npm run bench:size`).
 */
export async function startSurface(options: SurfaceOptions): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const view: { current?: SurfaceView } = {};
  try {
    await start(container, view, options);
  } catch (error) {
    // A chunk that did not load, a host that failed to start: say so instead of a skeleton for ever.
    view.current?.unmount();
    showStartupFailure(error);
    return;
  }
  markStarted();
  registerServiceWorker();
}

async function start(container: HTMLElement, view: { current?: SurfaceView }, options: SurfaceOptions): Promise<void> {
  const servicesModule = import(/* webpackChunkName: "services" */ './createServices');
  // The root component's chunks, and React and Fluent (surfaceView.tsx), are the largest part of a
  // surface's script. With a prefetch they are loaded (evaluated) once its reads are out, or while the
  // host starts in Outlook or Teams: evaluated earlier, they would hold back the very requests the first
  // render waits for (bench:open, issue 19). Their files download from the start (the page preloads them).
  let rootComponent: Promise<[typeof import('./surfaceView'), (services: Services) => ReactNode]> | undefined;
  let rootRequested!: () => void;
  const requested = new Promise<void>((resolve) => (rootRequested = resolve));
  const loadRoot = () => {
    if (!rootComponent) {
      rootRequested();
      rootComponent = Promise.all([import(/* webpackChunkName: "surface-view" */ './surfaceView'), options.loadRoot()]);
      // Awaited below; a host that fails to start first must not leave it unhandled.
      rootComponent.catch(() => undefined);
    }
    return rootComponent;
  };
  if (!options.prefetch) loadRoot();
  // In Outlook and Teams the host starts for a while (Office.js, teams-js): the root component is
  // evaluated meanwhile. The local demo's host starts on the main thread: it waits for nothing.
  const host = await options.pickHost(() => void loadRoot());
  // An English host's messages are a chunk of their own (src/i18n/index.ts): fetched beside the data layer.
  const catalogue = loadCatalogue(pickLocale(host.locale)).catch(() => undefined);
  // The prefetch starts as soon as the data layer can read, while the write queue and drafts still open.
  let prefetched: Promise<void> | undefined;
  const services = await (await servicesModule).createServices(host, {
    preloadRegister: options.preloadRegister,
    preloadOverview: options.preloadOverview,
    surface: options.surface,
    whileOpening: options.prefetch && ((reads) => (prefetched = options.prefetch!(reads, loadRoot).catch(() => undefined))),
  });
  const viewFor = (module: typeof import('./surfaceView')) => (view.current ??= module.createSurfaceView(container, host, options.demoKinds));
  if (options.prefetch) {
    // The host's theme and page.html's skeleton first (once React is loaded; this does not load it), while
    // the prefetch reads; then the root component once it has what it needs (a little while at most), so
    // that it renders the partner in one go rather than a skeleton and then two more renders. A failed or
    // slow prefetch costs nothing: the root component reads (and reports) on its own.
    const done = prefetched ?? options.prefetch(services, loadRoot).catch(() => undefined);
    let waiting = true;
    void requested.then(loadRoot).then(([module]) => waiting && viewFor(module).showSkeleton(), () => undefined);
    await Promise.race([done, delay(PREFETCH_WAIT_MS)]);
    waiting = false;
  }
  const [module, render] = await loadRoot();
  await catalogue;
  viewFor(module).show(render(services));
}
