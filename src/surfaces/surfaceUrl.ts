/** Absolute URL of another page of this app, on the origin this page was served from. */
export function surfaceUrl(page: string): string {
  return new URL(page, window.location.origin + '/').toString();
}
