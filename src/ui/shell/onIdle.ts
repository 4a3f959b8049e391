/**
 * Runs `callback` when the browser is idle (at the latest after `timeout` ms), or after `fallbackMs`
 * where `requestIdleCallback` is missing (older webviews, Node in tests); answers a cancel function.
 * The callback gets the idle deadline when there is one, to size its work to the idle period.
 */
export function onIdle(callback: (deadline?: IdleDeadline) => void, options: { timeout: number; fallbackMs: number }): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(callback, { timeout: options.timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => callback(undefined), options.fallbackMs);
  return () => clearTimeout(id);
}
