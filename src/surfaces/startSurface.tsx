import type { AuditSurface } from '../core/audit';
import { createRoot, type Root } from 'react-dom/client';
import { lazy, startTransition, Suspense, type ReactNode } from 'react';
import type { BrowserDemoHost } from '../hosts/browser/BrowserDemoHost';
import type { Host } from '../hosts/Host';
import { loadCatalogue, pickLocale } from '../i18n';
import type { ReadServices, Services } from '../ui/services';
import { AppShell } from '../ui/shell/AppShell';
import { SurfaceErrorBoundary } from '../ui/shell/SurfaceErrorBoundary';
import { WhenIdle } from '../ui/shell/WhenIdle';
import { registerServiceWorker } from './registerServiceWorker';
import { markStarted, showStartupFailure } from './startupFailure';

// The local demo's control bar: loaded and rendered when the browser is idle, after what the official
// opened the surface for; Outlook and Teams never load it.
const DemoBar = lazy(() => import('../ui/demo/DemoBar').then((m) => ({ default: m.DemoBar })));

/** page.html's skeleton (its classes are styled there), kept on screen under the host's theme. */
function BootSkeleton() {
  return (
    <div className="pz-boot" aria-busy="true">
      <span />
      <span />
      <span />
    </div>
  );
}

/** How long the root component may wait for the surface's prefetch. */
const PREFETCH_WAIT_MS = 3000;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface SurfaceOptions {
  pickHost(): Promise<Host>;
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
 * Only React, Fluent's provider and the shell are in the surface's first script. The surface's root
 * component and the data layer are separate chunks that the page preloads (webpack.config.js), so
 * they download while the first script runs; the demo bar is a chunk of its own that Outlook and
 * Teams never download (measured by `npm run bench:size`).
 */
export async function startSurface(options: SurfaceOptions): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);
  try {
    await start(root, options);
  } catch (error) {
    // A chunk that did not load, a host that failed to start: say so instead of a skeleton for ever.
    root.unmount();
    showStartupFailure(error);
    return;
  }
  markStarted();
  registerServiceWorker();
}

/** A host slower than this to start (Office.js, teams-js in their hosts) has the root component compiled while it starts. */
const SLOW_HOST_MS = 50;

async function start(root: Root, options: SurfaceOptions): Promise<void> {
  const servicesModule = import(/* webpackChunkName: "services" */ './createServices');
  // The root component's chunks are the largest part of a surface's script. With a prefetch they are
  // loaded once its reads are out (or while a slow host starts): compiled earlier, they would hold
  // back the very requests the first render waits for (bench:open, issue 19).
  let rootComponent: ReturnType<SurfaceOptions['loadRoot']> | undefined;
  const loadRoot = () => {
    if (!rootComponent) {
      rootComponent = options.loadRoot();
      // Awaited below; a host that fails to start first must not leave it unhandled.
      rootComponent.catch(() => undefined);
    }
    return rootComponent;
  };
  if (!options.prefetch) loadRoot();
  const hostStart = options.pickHost();
  if (!rootComponent) void Promise.race([hostStart.then(() => false, () => false), delay(SLOW_HOST_MS).then(() => true)]).then((slow) => {
      if (slow) void loadRoot();
    });
  const host = await hostStart;
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
  // The demo bar joins only the root component's render, so that it never delays what the pane shows first.
  const shell = (content: ReactNode, demoBar: boolean) => (
    <AppShell host={host}>
      {demoBar && host.kind === 'browser' && (
        <WhenIdle>
          <Suspense fallback={null}>
            <DemoBar host={host as BrowserDemoHost} kinds={options.demoKinds} />
          </Suspense>
        </WhenIdle>
      )}
      <SurfaceErrorBoundary>{content}</SurfaceErrorBoundary>
    </AppShell>
  );
  if (options.prefetch) {
    // The host's theme and page.html's skeleton first, while the prefetch reads; then the root component
    // once it has what it needs (a little while at most), so that it renders the partner in one go
    // rather than a skeleton and then two more renders. A failed or slow prefetch costs nothing: the
    // root component reads (and reports) on its own. The skeleton's render is a transition: it yields to
    // the browser every few milliseconds, so the prefetch's requests and responses go on meanwhile.
    startTransition(() => root.render(shell(<BootSkeleton />, false)));
    await Promise.race([prefetched ?? options.prefetch(services, loadRoot).catch(() => undefined), delay(PREFETCH_WAIT_MS)]);
  }
  const render = await loadRoot();
  await catalogue;
  // The root component's first render in one task: nothing is waiting any more, and yielding would only
  // let other work in before the partner is on screen (measured: warm opens 40-100 ms sooner).
  root.render(shell(render(services), true));
}
