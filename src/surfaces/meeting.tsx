import { pickTeamsHost } from './pickTeamsHost';
import { startSurface } from './startSurface';

void startSurface({
  surface: 'meeting',
  pickHost: pickTeamsHost,
  demoKinds: ['meeting'],
  loadRoot: async () => {
    const { PartnerPane } = await import(/* webpackChunkName: "pane" */ '../ui/pane/PartnerPane');
    return (services) => <PartnerPane services={services} />;
  },
  preloadRegister: true,
  prefetch: async (services, waiting) => (await import(/* webpackChunkName: "pane-reads" */ '../ui/pane/paneReads')).prefetchPaneContext(services, waiting),
});
