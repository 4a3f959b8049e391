/**
 * Which host a page runs in is known only to its first script, but the host's chunks (Outlook's,
 * Teams' with teams-js, or the plain-browser demo's) were fetched by the surface's script once it had
 * run: on a cold open a round trip after DOMContentLoaded, before the first Graph request (bench:open,
 * issue 19). The page names each set (PreloadChunksPlugin, `<meta name="pz-host-chunks">`); its first
 * script (office-early, teams-early), which runs the moment it arrives, preloads the one set this page
 * will use, so that it downloads beside the bundle.
 */
export type HostKind = 'office' | 'teams' | 'browser';

export const HOST_CHUNKS_META = 'pz-host-chunks';

export function preloadHostChunks(kind: HostKind, doc: Document = document): void {
  const meta = doc.querySelector(`meta[name="${HOST_CHUNKS_META}"]`);
  const files = meta?.getAttribute(`data-${kind}`)?.split(' ').filter(Boolean) ?? [];
  for (const href of files) {
    const link = doc.createElement('link');
    link.rel = 'preload';
    link.setAttribute('as', 'script');
    link.href = href;
    doc.head.appendChild(link);
  }
}
