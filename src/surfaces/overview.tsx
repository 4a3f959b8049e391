import { pickTeamsHost } from './pickTeamsHost';
import { startSurface } from './startSurface';

void startSurface({
  surface: 'overview',
  pickHost: pickTeamsHost,
  demoKinds: [],
  loadRoot: async () => {
    const [{ Overview }, { ensureSchema }, { loadAppConfig, resolveGraphBaseUrl }, { GraphTransport }] = await Promise.all([
      import(/* webpackChunkName: "overview-root" */ '../ui/overview/Overview'),
      // One named group with the root component, so that the page preloads them too (webpack.config.js).
      import(/* webpackChunkName: "overview-root" */ '../data/ensureSchema'),
      import(/* webpackChunkName: "overview-root" */ '../config/appConfig'),
      import(/* webpackChunkName: "overview-root" */ '../data/graph/GraphTransport'),
    ]);
    const config = loadAppConfig();
    const { siteRef } = config;
    return (services) => {
      // The setup page needs the Graph transport of the SharePoint repository; another repository has none.
      const transport = (services.repository as Partial<Pick<import('../data/SharePointPartnerRepository').SharePointPartnerRepository, 'transport'>>).transport;
      if (!transport) return <Overview services={services} />;
      // Setup creates lists and columns: Sites.Manage.All, asked for only here (incremental consent), so the
      // officials' token keeps Sites.ReadWrite.All. A host that cannot ask uses the official's token (Graph answers 403).
      const access = services.host.setupAccess?.();
      const setupTransport = access ? GraphTransport.create({ baseUrl: resolveGraphBaseUrl(config, window.location.origin), getAccessToken: () => access.getAccessToken() }) : transport;
      const setup = {
        siteRef,
        run: async () => {
          // A missing consent shows now, as a sign-in problem, before any list is touched.
          if (access) await access.getAccessToken();
          return ensureSchema(setupTransport, siteRef);
        },
        grantAccess: access ? () => access.signIn() : undefined,
      };
      return <Overview services={services} setup={setup} />;
    };
  },
  preloadOverview: true,
});
