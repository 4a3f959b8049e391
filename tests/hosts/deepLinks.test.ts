import { APP_ID, TEAMS_TAB_IDS } from '../../src/config/appIdentity';
import { overviewPartnerDeepLink, parseEntityDeepLink, partnerIdFromOverviewContext } from '../../src/hosts/deepLinks';

test('a deep link to the overview tab on a partner page', () => {
  const link = overviewPartnerDeepLink('portaal');
  expect(link).toBe(`https://teams.microsoft.com/l/entity/${APP_ID}/${TEAMS_TAB_IDS.overview}?context=%7B%22subEntityId%22%3A%22portaal%22%7D`);
  expect(parseEntityDeepLink(link)).toEqual({ appId: APP_ID, entityId: 'overview', subEntityId: 'portaal' });
});

test('ids with spaces and quotes survive the round trip; spaces are %20, not +', () => {
  const link = overviewPartnerDeepLink('UMC "Utrecht" & co', { label: 'Partner overzicht', webUrl: 'https://apps.veenhaven.nl/overview.html?partner=x' });
  expect(link).not.toContain('+');
  expect(link).toContain('label=Partner%20overzicht');
  expect(parseEntityDeepLink(link)?.subEntityId).toBe('UMC "Utrecht" & co');
});

test('an empty partner id is refused', () => {
  expect(() => overviewPartnerDeepLink('')).toThrow();
});

test('other links are not entity deep links', () => {
  expect(parseEntityDeepLink('https://example.org/l/entity/a/b')).toBeUndefined();
  expect(parseEntityDeepLink('not a url')).toBeUndefined();
  expect(parseEntityDeepLink(`https://teams.microsoft.com/l/entity/${APP_ID}/overview?context=not-json`)).toEqual({ appId: APP_ID, entityId: 'overview', subEntityId: undefined });
});

test('the overview reads the partner from page.subPageId, the v1 subEntityId, or ?partner= in the demo', () => {
  expect(partnerIdFromOverviewContext({ page: { subPageId: 'portaal' } })).toBe('portaal');
  expect(partnerIdFromOverviewContext({ subEntityId: 'umc' })).toBe('umc');
  expect(partnerIdFromOverviewContext(undefined, '?partner=mitros')).toBe('mitros');
  expect(partnerIdFromOverviewContext({ page: {} }, '')).toBeUndefined();
});
