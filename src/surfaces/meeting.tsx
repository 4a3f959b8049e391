import { pickTeamsHost } from './pickTeamsHost';
import { startSurface } from './startSurface';

void startSurface({
  pickHost: pickTeamsHost,
  demoKinds: ['meeting'],
  loadRoot: async () => {
    const { PartnerPane } = await import(/* webpackChunkName: "pane" */ '../ui/pane/PartnerPane');
    return (services) => <PartnerPane services={services} />;
  },
  // The register read (and the snapshot) start while React renders the pane's skeleton.
  preload: (services) => {
    void services.register.snapshot();
    services.register.current().catch(() => undefined);
  },
});
