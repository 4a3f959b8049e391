/**
 * What a surface renders with: React's root, the host's theme and language (AppShell), the error
 * boundary and, in the local demo, the demo bar. Its own chunk (startSurface.ts), so that React and
 * Fluent are evaluated once the surface's first reads are on the network, not before them.
 */
import { createRoot } from 'react-dom/client';
import { lazy, startTransition, Suspense, type ReactNode } from 'react';
import type { BrowserDemoHost } from '../hosts/browser/BrowserDemoHost';
import type { Host } from '../hosts/Host';
import { AppShell } from '../ui/shell/AppShell';
import { SurfaceErrorBoundary } from '../ui/shell/SurfaceErrorBoundary';
import { WhenIdle } from '../ui/shell/WhenIdle';

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

export interface SurfaceView {
  /**
   * page.html's skeleton under the host's theme. A transition: it yields to the browser every few
   * milliseconds, so that the surface's reads (their requests and responses) go on meanwhile.
   */
  showSkeleton(): void;
  /**
   * The root component, in one task: nothing is waiting any more, and yielding would only let other
   * work in before the partner is on screen (measured: warm opens 40-100 ms sooner). The demo bar joins
   * only this render, so that it never delays what the pane shows first.
   */
  show(content: ReactNode): void;
  unmount(): void;
}

export function createSurfaceView(container: HTMLElement, host: Host, demoKinds: Array<'email' | 'meeting'>): SurfaceView {
  const root = createRoot(container);
  const shell = (content: ReactNode, demoBar: boolean) => (
    <AppShell host={host}>
      {demoBar && host.kind === 'browser' && (
        <WhenIdle>
          <Suspense fallback={null}>
            <DemoBar host={host as BrowserDemoHost} kinds={demoKinds} />
          </Suspense>
        </WhenIdle>
      )}
      <SurfaceErrorBoundary>{content}</SurfaceErrorBoundary>
    </AppShell>
  );
  return {
    showSkeleton: () => startTransition(() => root.render(shell(<BootSkeleton />, false))),
    show: (content) => root.render(shell(content, true)),
    unmount: () => root.unmount(),
  };
}
