import { pickTeamsHost } from './pickTeamsHost';
import { startSurface } from './startSurface';

void startSurface({
  pickHost: pickTeamsHost,
  demoKinds: [],
  loadRoot: async () => {
    const [{ Overview }, { ensureSchema }, { loadAppConfig }] = await Promise.all([
      import(/* webpackChunkName: "overview-root" */ '../ui/overview/Overview'),
      import('../data/ensureSchema'),
      import('../config/appConfig'),
    ]);
    const { siteRef } = loadAppConfig();
    return (services) => {
      // The setup page needs the Graph transport of the SharePoint repository; another repository has none.
      const transport = (services.repository as Partial<Pick<import('../data/SharePointPartnerRepository').SharePointPartnerRepository, 'transport'>>).transport;
      const setup = transport ? { siteRef, run: () => ensureSchema(transport, siteRef) } : undefined;
      return <Overview services={services} setup={setup} />;
    };
  },
  preloadOverview: true,
});
