/**
 * The SharePoint site holding the lists, named by configuration either by its Graph id
 * (`host,siteCollectionId,webId`) or by `hostname:/sites/path`. The latter costs one request to
 * resolve, once.
 */
import type { GraphTransport } from './graph/GraphTransport';

export function isSitePath(siteRef: string): boolean {
  return /^[^/:,]+:\//.test(siteRef);
}

/** The Graph path segment for a site reference, e.g. `veenhaven.sharepoint.com:/sites/partnerzicht:`. */
export function sitePathSegment(siteRef: string): string {
  if (!isSitePath(siteRef)) return encodeURIComponent(siteRef).replace(/%2C/gi, ',');
  const [hostname, ...rest] = siteRef.split(':');
  const path = rest.join(':').replace(/\/+$/, '');
  return `${hostname}:${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** Resolves the site id once per resolver; a failed lookup is tried again on the next call. */
export function createSiteResolver(transport: GraphTransport, siteRef: string): () => Promise<string> {
  let pending: Promise<string> | undefined;
  return () => {
    if (!isSitePath(siteRef)) return Promise.resolve(siteRef);
    pending ??= transport
      .get<{ id: string }>(`/sites/${sitePathSegment(siteRef)}?$select=id`)
      .then((site) => site.id)
      .catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
    return pending;
  };
}
