/**
 * The built event runtime (dist/events.js, made by `npm run build` before jest in `npm test`): one
 * self-contained ES2016 script, small, and working when evaluated on its own as classic Outlook on
 * Windows evaluates it (https://learn.microsoft.com/office/dev/add-ins/outlook/autolaunch;
 * https://learn.microsoft.com/office/dev/add-ins/testing/runtimes for ES2016 and the missing localStorage).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'acorn';
import { createComposeOfficeMock, fireLaunchEvent } from '../../scripts/lib/composeOfficeMock';
import { memoryStorage, runEventScript } from '../../scripts/lib/eventScript';
import { COMPOSE_HINTS_KEY } from '../../src/data/composeHintStore';
import { COMPOSE_HINTS_ROAMING_KEY } from '../../src/events/roamingKey';
import { NOTIFICATION_KEY } from '../../src/events/composeNotification';
import type { ComposeHints } from '../../src/core/composeHint';

jest.mock('office-addin-manifest', () => jest.requireActual('office-addin-manifest/lib/officeApp'));

const dist = path.join(__dirname, '..', '..', 'dist');
const file = path.join(dist, 'events.js');
const code = existsSync(file) ? readFileSync(file, 'utf8') : '';
/** The event script's budget, gzipped: a small fraction of the pane's first script. */
export const EVENTS_GZIP_BUDGET_BYTES = 8 * 1024;

const OWNER = 'anne.official@veenhaven.nl';
const hints: ComposeHints = {
  version: 1,
  owner: OWNER,
  savedAt: new Date().toISOString(),
  partners: [{ id: 'p1', name: 'Woonstichting Portaal', domains: ['portaal.nl'], contacts: [], departments: 2, lastContact: new Date().toISOString(), lastDepartment: 'Wonen' }],
};

test('the production build wrote events.js and its page loads Office.js first', () => {
  expect(code).not.toBe('');
  const page = readFileSync(path.join(dist, 'events.html'), 'utf8');
  expect(page.indexOf('appsforoffice.microsoft.com/lib/1/hosted/office.js')).toBeGreaterThan(-1);
  expect(page.indexOf('appsforoffice')).toBeLessThan(page.indexOf('/events.js'));
});

test('one ES2016 script: no newer syntax, no chunk loading, no imports', () => {
  if (!code) return;
  expect(() => parse(code, { ecmaVersion: 2016, sourceType: 'script' })).not.toThrow();
  expect(code).not.toMatch(/importScripts|__webpack_require__\.e\b|import\(/);
  // Neither React, Fluent nor the full catalogues.
  expect(code).not.toMatch(/react|fluentui|Contactmoment vastleggen/i);
});

test(`at most ${EVENTS_GZIP_BUDGET_BYTES / 1024} KiB gzipped`, () => {
  if (!code) return;
  expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(EVENTS_GZIP_BUDGET_BYTES);
});

test('evaluated on its own it registers both functions; a browser runtime reads localStorage', async () => {
  if (!code) return;
  const { office, state } = createComposeOfficeMock({ kind: 'message', owner: OWNER, to: ['jan@portaal.nl'] });
  runEventScript(code, { office, localStorage: memoryStorage({ [COMPOSE_HINTS_KEY]: JSON.stringify(hints) }) });
  expect([...state.handlers.keys()]).toEqual(['onRecipientsChanged', 'onAttendeesChanged']);
  await fireLaunchEvent(state, 'onRecipientsChanged');
  expect(state.errors).toEqual([]);
  expect(state.notifications.get(NOTIFICATION_KEY)?.message).toBe('Woonstichting Portaal — 2 afdelingen in contact, laatste contact vandaag (Wonen)');
});

test('without localStorage (the JavaScript-only runtime) it reads the roaming settings', async () => {
  if (!code) return;
  const { office, state } = createComposeOfficeMock({ kind: 'appointment', owner: OWNER, required: ['x@portaal.nl'], roaming: { [COMPOSE_HINTS_ROAMING_KEY]: JSON.stringify(hints) } });
  runEventScript(code, { office });
  await fireLaunchEvent(state, 'onAttendeesChanged');
  expect(state.errors).toEqual([]);
  expect(state.notifications.get(NOTIFICATION_KEY)?.actions?.[0].commandId).toBe('partnerzichtApptButtonOrg');
});

test('a client without Office.actions (no event-based activation) loads it without error', () => {
  if (!code) return;
  expect(() => runEventScript(code, { office: { context: {} } as never })).not.toThrow();
});
