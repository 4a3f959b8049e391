import { pickOutlookHost } from './pickOutlookHost';
import { startSurface } from './startSurface';

void startSurface({
  surface: 'outlook',
  pickHost: pickOutlookHost,
  demoKinds: ['email', 'meeting'],
  loadRoot: async () => {
    const { PartnerPane } = await import(/* webpackChunkName: "pane" */ '../ui/pane/PartnerPane');
    return (services) => <PartnerPane services={services} />;
  },
  preloadRegister: true,
  prefetch: async (services, waiting) => (await import(/* webpackChunkName: "pane-reads" */ '../ui/pane/paneReads')).prefetchPaneContext(services, waiting),
});
