/** @jest-environment jsdom */
import '../reactDom';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphRequestError, NetworkError } from '../../../src/data/graph/errors';
import { SignInRequiredError } from '../../../src/hosts/auth/signInErrors';
import { loadCatalogue, type Locale } from '../../../src/i18n';
import { FailureMessage } from '../../../src/ui/shell/FailureMessage';
import { I18nProvider, type MessageKey } from '../../../src/ui/shell/I18nContext';

beforeAll(() => loadCatalogue('en'));

async function shown(locale: Locale, props: Parameters<typeof FailureMessage>[0]) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(<I18nProvider locale={locale}><FailureMessage testId="failure" {...props} /></I18nProvider>));
  const bar = container.querySelector('[data-testid="failure"]')!;
  const result = { text: bar.textContent ?? '', technical: bar.querySelector('p')?.textContent };
  await act(async () => root.unmount());
  container.remove();
  return result;
}

const lead: MessageKey = 'audit.loadFailed';

test('a refusal for lack of rights says so, in Dutch, with what to do and the technical message apart', async () => {
  const forbidden = new GraphRequestError(403, 'accessDenied', 'Access denied. You do not have permission to perform this action or access this resource.');
  const nl = await shown('nl', { lead, error: forbidden });
  expect(nl.text).toMatch(/^De audittrail kon niet worden gelezen\. Je account heeft hiervoor geen rechten .* Vraag een eigenaar van de site/);
  expect(nl.technical).toBe('Technische melding: Access denied. You do not have permission to perform this action or access this resource.');
  const en = await shown('en', { lead, error: forbidden });
  expect(en.text).toMatch(/^The audit trail could not be read\. Your account does not have the rights/);
  expect(en.technical).toMatch(/^Technical message: Access denied/);
});

test('each cause has its own sentence, and none of them is Graph\'s English', async () => {
  const errors = [
    new NetworkError(new TypeError('Failed to fetch')),
    new GraphRequestError(403, undefined, 'x'),
    new GraphRequestError(404, 'itemNotFound', 'x'),
    new GraphRequestError(400, 'invalidRequest', "Field 'reviewDue' is not recognized"),
    new GraphRequestError(429, 'TooManyRequests', 'x'),
    new GraphRequestError(502, undefined, 'x'),
    new GraphRequestError(400, 'invalidRequest', 'x'),
    new Error('x'),
  ];
  const sentences: string[] = [];
  for (const error of errors) sentences.push((await shown('nl', { error })).text.replace(/Technische melding: .*$/, ''));
  expect(new Set(sentences).size).toBe(errors.length);
  for (const s of sentences) expect(s).not.toMatch(/failed to fetch|not recognized|^x$/i);
  expect(sentences[3]).toContain('inrichting uitvoeren');
  expect(sentences[4]).toContain('over een minuut');
});

test('a queued write that failed shows its stored cause and message', async () => {
  const queued = await shown('nl', { lead: 'proposals.state.failed', cause: 'needsSetup', detail: "400 invalidRequest: Field 'reviewDue' is not recognized" });
  expect(queued.text).toMatch(/^Het besluit kon niet worden opgeslagen\. De lijsten op de site zijn nog niet bijgewerkt/);
  expect(queued.technical).toContain("Field 'reviewDue' is not recognized");
  // Entries from an earlier release carry no cause: the general sentence, never an empty one.
  const older = await shown('nl', { lead: 'proposals.state.failed', detail: '500: x' });
  expect(older.text).toMatch(/^Het besluit kon niet worden opgeslagen\. Er ging iets mis\. Probeer het opnieuw/);
});

test('a sign-in that lapsed, even wrapped by the Graph client, asks to sign in again', async () => {
  const wrapped = Object.assign(new Error('graph client'), { cause: new SignInRequiredError() });
  const result = await shown('nl', { lead, error: wrapped });
  expect(result.text).toContain('Je bent niet meer aangemeld');
  expect(result.text).not.toContain('Er ging iets mis');
});
