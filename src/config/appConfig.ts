/**
 * The one home of runtime configuration. Values are baked in at build time from the environment
 * (webpack DefinePlugin, see webpack.config.js); every default is the local demo's, so a fresh
 * clone runs without a tenant.
 */
export interface AppConfig {
  /** Entra ID (Azure AD) app registration client id; empty in the local demo. */
  clientId: string;
  /** Tenant id or `organizations`. */
  tenantId: string;
  /** The SharePoint site holding the lists: a Graph site id or `hostname:/sites/path`. */
  siteRef: string;
  /** Microsoft Graph base URL; empty means "this page's origin" (the demo server forwards /v1.0 to the emulator). */
  graphBaseUrl: string;
  /** Prefix of the Outlook categories used to tag emails, e.g. `Partner: Portaal`. */
  categoryPrefix: string;
  /**
   * The organisation running the app (the municipality), as SharePoint's traffic decoration names it:
   * `NONISV|<organisation>|Partnerzicht/<version>` (see src/data/graph/userAgent.ts, docs/throttling.md).
   */
  organisation: string;
}

function env(value: string | undefined, fallback: string): string {
  return value && value.trim() ? value.trim() : fallback;
}

export const DEMO_SITE_REF = 'veenhaven.sharepoint.com:/sites/partnerzicht';

export function loadAppConfig(): AppConfig {
  return {
    clientId: env(process.env.PARTNERZICHT_CLIENT_ID, ''),
    tenantId: env(process.env.PARTNERZICHT_TENANT_ID, 'organizations'),
    siteRef: env(process.env.PARTNERZICHT_SITE, DEMO_SITE_REF),
    graphBaseUrl: env(process.env.PARTNERZICHT_GRAPH_BASE_URL, ''),
    categoryPrefix: env(process.env.PARTNERZICHT_CATEGORY_PREFIX, 'Partner: '),
    organisation: env(process.env.PARTNERZICHT_ORGANISATION, 'Veenhaven'),
  };
}

/** Graph base URL with a trailing slash, as the Graph client expects. */
export function resolveGraphBaseUrl(config: AppConfig, origin: string): string {
  const base = config.graphBaseUrl || origin;
  return base.endsWith('/') ? base : `${base}/`;
}
