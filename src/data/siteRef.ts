/**
 * The SharePoint site holding the lists, named by configuration either by its Graph id
 * (`host,siteCollectionId,webId`) or by `hostname:/sites/path`. The latter costs one request to
 * resolve, once.
 */
import { deviceLocalStorage } from './deviceStorage';
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

/**
 * How list URLs name the site before its id is known: by its path, with the closing colon that goes
 * back to the resource model (`/sites/host:/sites/path:/lists/…`). "Sites can also be addressed by path
 * by using the SharePoint hostname, followed by a colon and the relative path to the site. You can
 * optionally transition back to addressing the resource model by putting another colon at the end of
 * the path." (https://learn.microsoft.com/onedrive/developer/rest-api/resources/site)
 */
export function siteAddressByPath(siteRef: string): string {
  return `${sitePathSegment(siteRef)}:`;
}

/** How list URLs name the site without a round trip: by its id when configured so, else by its path. */
export function siteAddress(siteRef: string): string {
  return isSitePath(siteRef) ? siteAddressByPath(siteRef) : sitePathSegment(siteRef);
}

/** Where a resolved site id may be remembered between page opens (the browser's localStorage). */
export interface SiteIdMemo {
  get(siteRef: string): string | undefined;
  set(siteRef: string, siteId: string): void;
}

/**
 * Resolves the site id once per resolver; a failed lookup is tried again on the next call. With a
 * memo, an id remembered from an earlier open is used at once (a site keeps its id), and the lookup
 * still runs in the background so a site that was recreated is corrected by the next open.
 */
export interface SiteResolver {
  (): Promise<string>;
  /** The id, when this device remembers it or it has been resolved; undefined until then. */
  known(): string | undefined;
}

export function createSiteResolver(transport: GraphTransport, siteRef: string, memo?: SiteIdMemo): SiteResolver {
  let pending: Promise<string> | undefined;
  let resolved: string | undefined;
  const lookUp = () =>
    transport.get<{ id: string }>(`/sites/${sitePathSegment(siteRef)}?$select=id`).then((site) => {
      memo?.set(siteRef, site.id);
      resolved = site.id;
      return site.id;
    });
  const resolve = () => {
    if (!isSitePath(siteRef)) return Promise.resolve(siteRef);
    if (!pending) {
      const remembered = memo?.get(siteRef);
      if (remembered) {
        resolved = remembered;
        pending = Promise.resolve(remembered);
        lookUp().catch(() => undefined);
      } else {
        pending = lookUp().catch((error: unknown) => {
          pending = undefined;
          throw error;
        });
      }
    }
    return pending;
  };
  return Object.assign(resolve, { known: () => (isSitePath(siteRef) ? resolved : siteRef) });
}

/** A SiteIdMemo in localStorage, or none where storage is refused. */
export function localStorageSiteIdMemo(storage: Storage | undefined = deviceLocalStorage()): SiteIdMemo | undefined {
  if (!storage) return undefined;
  const key = (siteRef: string) => `partnerzicht.siteId.${siteRef}`;
  return {
    get: (siteRef) => {
      try {
        return storage.getItem(key(siteRef)) ?? undefined;
      } catch {
        return undefined;
      }
    },
    set: (siteRef, siteId) => {
      try {
        storage.setItem(key(siteRef), siteId);
      } catch {
        // Then the next open looks the site up again.
      }
    },
  };
}
