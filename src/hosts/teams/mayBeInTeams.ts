/**
 * Teams hosts tabs in a frame (desktop, web) or a webview with `nativeInterface` (mobile). A page
 * that is neither cannot be in Teams, so it never loads teams-js, which fetches its list of valid
 * domains from Microsoft's CDN as soon as it is imported.
 */
export function mayBeInTeams(win: Window = window): boolean {
  if ('nativeInterface' in win) return true;
  try {
    return win.top !== win.self;
  } catch {
    return true; // a cross-origin parent: we are framed
  }
}
