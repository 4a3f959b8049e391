import type { SignInPageResult } from '../hosts/auth/signInPage';
import { signInMessages, type SignInMessageKey } from '../i18n/signInMessages';
import { markStarted, startupLocale } from './startupFailure';

/**
 * The one line the sign-in page shows while it sends the official to Entra and back: plain DOM (the
 * page has no React), system colours so it reads in any theme, announced as a status.
 */
export function showSignInStatus(key: SignInMessageKey, doc: Document = document): void {
  const root = doc.getElementById('root');
  if (!root) return;
  const locale = startupLocale(window);
  const line = doc.createElement('p');
  line.setAttribute('role', key.startsWith('signin.error.') || key === 'signin.page.noHost' ? 'alert' : 'status');
  line.setAttribute('lang', locale);
  line.style.cssText = 'margin:16px;font:14px/1.4 system-ui,sans-serif;color:CanvasText';
  line.textContent = signInMessages[locale][key];
  root.replaceChildren(line);
  markStarted(doc);
}

/** What the page says after it handed the result over (the host closes the window, but may take a moment). */
export function resultStatusKey(result: SignInPageResult): SignInMessageKey {
  return result.status === 'signed-in' ? 'signin.page.done' : (`signin.error.${result.code}` as SignInMessageKey);
}
