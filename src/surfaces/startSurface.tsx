import { createRoot } from 'react-dom/client';
import type { ReactNode } from 'react';
import type { BrowserDemoHost } from '../hosts/browser/BrowserDemoHost';
import type { Host } from '../hosts/Host';
import type { Services } from '../ui/services';
import { AppShell } from '../ui/shell/AppShell';
import { WhenIdle } from '../ui/shell/WhenIdle';
import { registerServiceWorker } from './registerServiceWorker';

/**
 * Starts one surface: pick the host, wire the data layer, render the root component. Until then the
 * page's own skeleton (page.html) shows, so the pane is never blank.
 *
 * Only React, Fluent's provider and the shell are in the surface's first script. The surface's root
 * component, the data layer and (in the plain browser) the demo bar are separate chunks, all
 * requested at once while the host is picked: the first paint does not wait for them, and the
 * Outlook pane in Outlook never downloads the demo bar (measured by `npm run bench:size`).
 */
export async function startSurface(options: {
  pickHost(): Promise<Host>;
  demoKinds: Array<'email' | 'meeting'>;
  /** Loads the surface's root component (a dynamic import, so it is its own chunk). */
  loadRoot(): Promise<(services: Services) => ReactNode>;
  /** Starts the surface's first reads as soon as the data layer exists, so they overlap the first render. */
  preload?(services: Services): void;
}): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);
  const rootComponent = options.loadRoot();
  const servicesModule = import(/* webpackChunkName: "services" */ './createServices');
  const host = await options.pickHost();
  const demoBar = host.kind === 'browser' ? import('../ui/demo/DemoBar') : undefined;
  const services = await (await servicesModule).createServices(host);
  options.preload?.(services);
  const [render, DemoBar] = await Promise.all([rootComponent, demoBar?.then((m) => m.DemoBar)]);
  root.render(
    <AppShell host={host}>
      {DemoBar && (
        <WhenIdle>
          <DemoBar host={host as BrowserDemoHost} kinds={options.demoKinds} />
        </WhenIdle>
      )}
      {render(services)}
    </AppShell>,
  );
  registerServiceWorker();
}
