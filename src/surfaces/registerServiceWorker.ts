import { onIdle } from '../ui/shell/onIdle';

/**
 * Registers the service worker (src/serviceWorker/sw.js) in production builds, when the browser is
 * idle after the first open, so installing it (it downloads the build's scripts) never competes with
 * the pane the official is waiting for. Where service workers are refused (some locked-down
 * webviews, private modes) the pane simply relies on the HTTP cache.
 */
export function registerServiceWorker(): void {
  if (process.env.NODE_ENV !== 'production' || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  };
  const whenIdle = () => void onIdle(register, { timeout: 5000, fallbackMs: 1000 });
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
