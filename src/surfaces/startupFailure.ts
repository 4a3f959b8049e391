/**
 * Until a surface's root component is on screen, nothing of React or Fluent can report a failure: a
 * script that cannot load or run (a blocked chunk, a Content-Security-Policy violation, a network
 * cut) would leave page.html's grey skeleton on screen for ever. The start-up guard (bootGuard.ts,
 * the first script every page runs) watches for such errors and replaces the skeleton with a plain,
 * translated message and a reload button; startSurface reports its own failures the same way and
 * says when the surface has started, after which React's error boundary takes over.
 *
 * Plain DOM and no dependencies: this must work when everything else failed.
 */
import { DEMO_LOOK_KEY } from '../hosts/browser/demoLook';
import { pickLocale, type Locale } from '../i18n/locale';
import { startupMessages } from '../i18n/startupMessages';

const STARTED = 'pzStarted';

/** The surface's root component is on screen: from now on failures are the app's own to show. */
export function markStarted(doc: Document = document): void {
  doc.documentElement.dataset[STARTED] = 'true';
}

function hasStarted(doc: Document): boolean {
  return doc.documentElement.dataset[STARTED] === 'true';
}

/**
 * Dutch unless the page's language says otherwise: before any host has answered, the only hints are
 * a `locale` query parameter (Teams and the demo pass one), the demo's remembered choice, and the browser's language.
 */
export function startupLocale(win: Pick<Window, 'location' | 'navigator'> & { localStorage?: Storage }): Locale {
  let hint = new URLSearchParams(win.location.search).get('locale') ?? undefined;
  if (!hint) {
    try {
      hint = (JSON.parse(win.localStorage?.getItem(DEMO_LOOK_KEY) ?? 'null') as { locale?: string } | null)?.locale;
    } catch {
      hint = undefined;
    }
  }
  return pickLocale(hint ?? win.navigator.language);
}

function describe(reason: unknown): string {
  if (reason instanceof Error) return `${reason.name}: ${reason.message}`.slice(0, 300);
  return String(reason ?? '').slice(0, 300);
}

/**
 * Shows the start-up message in place of whatever the page shows (once; later errors add nothing).
 * The message goes beside #root, which is hidden, not into it: React may still own #root's children.
 * Colours are the system's (Canvas, CanvasText), so it reads in light, dark and high contrast alike.
 */
export function showStartupFailure(reason: unknown, doc: Document = document, win: Window = window): void {
  const root = doc.getElementById('root');
  if (!root || doc.querySelector('[data-testid="startup-error"]')) return;
  const locale = startupLocale(win);
  const text = startupMessages[locale];
  const box = doc.createElement('div');
  box.dataset.testid = 'startup-error';
  box.setAttribute('role', 'alert');
  box.setAttribute('lang', locale);
  box.style.cssText = 'box-sizing:border-box;max-width:40em;padding:16px;font-family:system-ui,sans-serif;font-size:14px;line-height:1.4;color:CanvasText;background:Canvas;overflow-wrap:anywhere';
  const title = doc.createElement('h1');
  title.style.cssText = 'font-size:18px;margin:0 0 8px';
  title.textContent = text.title;
  const body = doc.createElement('p');
  body.style.margin = '0 0 12px';
  body.textContent = text.body;
  const reload = doc.createElement('button');
  reload.type = 'button';
  reload.textContent = text.reload;
  reload.style.cssText = 'font:inherit;padding:4px 12px;margin:0 0 12px';
  reload.addEventListener('click', () => win.location.reload());
  box.append(title, body, reload);
  const detail = describe(reason);
  if (detail) {
    const details = doc.createElement('details');
    const summary = doc.createElement('summary');
    summary.textContent = text.detail;
    const code = doc.createElement('code');
    code.style.cssText = 'display:block;white-space:pre-wrap;margin-top:4px';
    code.textContent = detail;
    details.append(summary, code);
    box.append(details);
  }
  root.hidden = true;
  root.before(box);
}

/** Watches the page until the surface has started; installed by bootGuard.ts before any other script runs. */
export function watchStartup(win: Window = window): void {
  const doc = win.document;
  const fail = (reason: unknown) => {
    if (!hasStarted(doc)) showStartupFailure(reason, doc, win);
  };
  // Capture: a <script> or <link> that fails to load reports on its element, not on window.
  win.addEventListener(
    'error',
    (event) => {
      const target = event.target as Element | null;
      if (target && target !== (win as unknown) && 'tagName' in target) {
        if (target.tagName === 'SCRIPT') fail(`${target.tagName.toLowerCase()} ${(target as HTMLScriptElement).src}`);
        return; // an image or a preload that failed is not a start-up failure
      }
      fail((event as ErrorEvent).error ?? (event as ErrorEvent).message);
    },
    true,
  );
  win.addEventListener('unhandledrejection', (event) => fail((event as PromiseRejectionEvent).reason));
  // A script the page's policy blocks never runs and may not raise an error of its own.
  doc.addEventListener('securitypolicyviolation', (event) => {
    if (event.effectiveDirective.startsWith('script-src')) fail(`Content-Security-Policy ${event.effectiveDirective}: ${event.blockedURI}`);
  });
}
