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

/** Loads Office.js and waits for `Office.onReady`; resolves undefined when not in Outlook or too slow. */
export async function loadOfficeJs(timeoutMs: number, doc: Document = document): Promise<Office.HostType | undefined> {
  const win = doc.defaultView as (Window & { Office?: typeof Office }) | null;
  if (!win) return undefined;
  if (!win.Office) {
    const loaded = await new Promise<boolean>((resolve) => {
      const script = doc.createElement('script');
      script.src = OFFICE_JS_URL;
      script.onload = () => resolve(true);
      script.onerror = () => resolve(false);
      doc.head.appendChild(script);
    });
    if (!loaded || !win.Office) return undefined;
  }
  const office = win.Office;
  const info = await Promise.race([
    office.onReady(),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), timeoutMs)),
  ]);
  return info?.host ?? undefined;
}
