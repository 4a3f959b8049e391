/** @jest-environment jsdom */
import '../reactDom';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { SignInRequiredError } from '../../../src/hosts/auth/signInErrors';
import type { SchemaReport } from '../../../src/data/ensureSchema';
import { SetupTab, type SetupRunner } from '../../../src/ui/overview/SetupTab';
import { I18nProvider } from '../../../src/ui/shell/I18nContext';
import { loadCatalogue } from '../../../src/i18n';

// English is a chunk of its own (src/i18n/index.ts); the surfaces load it before their first render.
beforeAll(() => loadCatalogue('en'));


const report: SchemaReport = { siteId: 's', createdLists: ['Partners'], addedColumns: [], indexedColumns: [], uniqueColumns: [], relaxedColumns: [], defaultedColumns: [], lookupChanges: 0, summaryChanges: 0, statusRepairs: 2, problems: [], manualSteps: [], changed: true };
const settle = () => act(async () => { await new Promise((r) => setTimeout(r, 0)); });
const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent === name)!;

test('setup says what it asks for; without consent it offers the consent (a click), then runs', async () => {
  let consented = false;
  const calls: string[] = [];
  const setup: SetupRunner = {
    siteRef: 'veenhaven.sharepoint.com:/sites/partnerzicht',
    run: async () => {
      calls.push('run');
      if (!consented) throw new SignInRequiredError('consent-required');
      return report;
    },
    grantAccess: async () => {
      calls.push('grant');
      consented = true;
    },
  };
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(<I18nProvider locale="en"><SetupTab setup={setup} /></I18nProvider>));
  expect(container.querySelector('[data-testid="setup-scope"]')?.textContent).toMatch(/Sites\.Manage\.All.*only here.*Sites\.ReadWrite\.All/);

  await act(async () => button('Check and upgrade lists').click());
  await settle();
  expect(container.querySelector('[data-testid="setup-consent"]')?.textContent).toContain('Setup needs consent to Sites.Manage.All');
  expect(container.querySelector('[data-testid="setup-error"]')).toBeNull();

  await act(async () => button('Give consent and run setup').click());
  await settle();
  expect(calls).toEqual(['run', 'grant', 'run']);
  expect(container.querySelector('[data-testid="setup-report"]')?.textContent).toContain('Partners');
  expect(container.querySelector('[data-testid="setup-report"]')?.textContent).toContain('Partners without a status (added outside the app) set to active: 2 partners');
  expect(container.querySelector('[data-testid="setup-consent"]')).toBeNull();
  await act(async () => root.unmount());
});
