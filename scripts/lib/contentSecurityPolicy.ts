/**
 * The Content-Security-Policy every page is served with. No inline script; Office.js only from
 * Microsoft's CDN; frames only inside the Teams, Outlook and Microsoft 365 hosts. Styles allow
 * inline: the atomic CSS is extracted at build time (webpack.config.js), but FluentProvider still
 * inserts the theme's CSS variables at run time.
 */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://outlook.live.com',
];

export function contentSecurityPolicy(extraConnect: string[] = []): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", 'https://appsforoffice.microsoft.com'],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:', 'https://res-1.cdn.office.net', 'https://static2.sharepointonline.com'],
    // teams-js fetches its list of valid domains from res.cdn.office.net.
    'connect-src': ["'self'", 'https://graph.microsoft.com', 'https://login.microsoftonline.com', 'https://res.cdn.office.net', ...extraConnect],
    'frame-src': ["'self'", 'https://login.microsoftonline.com'],
    'frame-ancestors': FRAME_ANCESTORS,
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
