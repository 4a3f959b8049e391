/**
 * The browser's localStorage, or undefined where there is none (Node) or where reading it throws: a
 * browser that refuses storage to a framed page (a task pane or tab inside Outlook or Teams) throws a
 * SecurityError from the `localStorage` getter itself, which `?.` does not catch.
 */
export function deviceLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
