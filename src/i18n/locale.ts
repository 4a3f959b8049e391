export type Locale = 'nl' | 'en';

/**
 * Dutch first: a Dutch (or missing) host locale gives Dutch; any other language gets English,
 * the closer match for a non-Dutch reader than Dutch. Its own module, without the catalogues, so
 * that the pages' start-up guard can use it too.
 */
export function pickLocale(hostLocale: string | undefined): Locale {
  const language = (hostLocale ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return language === '' || language === 'nl' ? 'nl' : 'en';
}
