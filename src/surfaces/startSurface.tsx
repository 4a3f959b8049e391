import { createRoot } from 'react-dom/client';
import type { ReactNode } from 'react';
import { BrowserDemoHost } from '../hosts/browser/BrowserDemoHost';
import type { Host } from '../hosts/Host';
import { DemoBar } from '../ui/demo/DemoBar';
import type { Services } from '../ui/services';
import { AppShell } from '../ui/shell/AppShell';
import { createServices } from './createServices';

/**
 * Starts one surface: pick the host, wire the data layer, render the root component. Until the
 * host is known a plain text line shows, so the pane is never blank.
 */
export async function startSurface(options: {
  pickHost(): Promise<Host>;
  demoKinds: Array<'email' | 'meeting'>;
  render(services: Services): ReactNode;
}): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);
  const host = await options.pickHost();
  const services = await createServices(host);
  root.render(
    <AppShell host={host}>
      {host instanceof BrowserDemoHost && <DemoBar host={host} kinds={options.demoKinds} />}
      {options.render(services)}
    </AppShell>,
  );
}
