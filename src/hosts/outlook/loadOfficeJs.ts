/** Microsoft requires add-ins to load Office.js from its CDN rather than bundling it. */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * Office appends `_host_Info` to the add-in's start URL, and web clients host the pane in a frame;
 * only then is it worth fetching Office.js at all (the plain-browser demo never waits for it).
 */
export function mayBeInOffice(win: Window = window): boolean {
  if (/[?&]_host_Info=/i.test(win.location.search)) return true;
  try {
    return win.top !== win.self;
  } catch {
    return true; // a cross-origin parent: we are framed
  }
}

/** On the Office.js script element this module adds: `loading`, then `loaded` or `failed`, so a later caller need not have seen the event. */
const LOAD_STATE = 'data-load-state';

/**
 * Adds the Office.js script to the page, once: a second call returns the element the first added.
 * Outlook's page calls this from a tiny script of its own while the page is still being parsed
 * (`src/surfaces/officeEarly.ts`), so Office.js and its handshake with Outlook overlap the download
 * and evaluation of the pane's bundle instead of following them.
 */
export function startOfficeJs(doc: Document = document): HTMLScriptElement {
  const existing = doc.querySelector<HTMLScriptElement>(`script[${LOAD_STATE}]`);
  if (existing) return existing;
  const script = doc.createElement('script');
  script.src = OFFICE_JS_URL;
  script.setAttribute(LOAD_STATE, 'loading');
  script.addEventListener('load', () => script.setAttribute(LOAD_STATE, 'loaded'));
  script.addEventListener('error', () => script.setAttribute(LOAD_STATE, 'failed'));
  doc.head.appendChild(script);
  return script;
}

function scriptLoaded(script: HTMLScriptElement): Promise<boolean> {
  const state = script.getAttribute(LOAD_STATE);
  if (state !== 'loading') return Promise.resolve(state === 'loaded');
  return new Promise((resolve) => {
    script.addEventListener('load', () => resolve(true));
    script.addEventListener('error', () => resolve(false));
  });
}

/**
 * Loads Office.js (or joins the load `startOfficeJs` began) and waits for `Office.onReady`; resolves
 * undefined when not in Outlook, when Office.js fails to load, or when Office is not ready within
 * `timeoutMs` (a slow download is waited for: the script's own error ends a failed one).
 */
export async function loadOfficeJs(timeoutMs: number, doc: Document = document): Promise<Office.HostType | undefined> {
  const win = doc.defaultView as (Window & { Office?: typeof Office }) | null;
  if (!win) return undefined;
  if (!win.Office && !(await scriptLoaded(startOfficeJs(doc)))) return undefined;
  const office = win.Office;
  if (!office) return undefined;
  const info = await Promise.race([
    office.onReady(),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), timeoutMs)),
  ]);
  return info?.host ?? undefined;
}
