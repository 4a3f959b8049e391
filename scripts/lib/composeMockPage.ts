/**
 * Office.js as office-addin-mock, for events.html in Chromium (tests/e2e/composeNotification.test.ts and `npm run screenshots`
 * serves this bundle at Office.js's CDN address). The page's real events.js then registers its
 * handlers on the mock; `__composeMock.fire` runs one as Outlook would and draws what Outlook would
 * show above the message: the notification's text and its link, as a status bar.
 */
import { createComposeOfficeMock, fireLaunchEvent, type ComposeMockOptions } from './composeOfficeMock';

declare global {
  interface Window {
    __composeMockOptions: ComposeMockOptions;
    __composeMock: { fire(name: string): Promise<{ errors: string[]; count: number }> };
  }
}

const { office, state } = createComposeOfficeMock(window.__composeMockOptions);
(window as unknown as { Office: unknown }).Office = office;

function render(): void {
  document.getElementById('outlook-infobar')?.remove();
  const bar = document.createElement('div');
  bar.id = 'outlook-infobar';
  bar.setAttribute('role', 'status');
  bar.setAttribute('aria-label', 'Outlook');
  for (const [key, details] of state.notifications) {
    const row = document.createElement('p');
    row.dataset.key = key;
    row.dataset.type = details.type;
    row.append(document.createTextNode(details.message));
    for (const action of details.actions ?? []) {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.commandId = action.commandId;
      button.textContent = action.actionText;
      row.append(' ', button);
    }
    bar.append(row);
  }
  document.body.prepend(bar);
}

window.__composeMock = {
  async fire(name) {
    await fireLaunchEvent(state, name);
    render();
    return { errors: state.errors, count: state.notifications.size };
  },
};
