import { startTransition, useEffect, useState, type ReactNode } from 'react';

/**
 * Mounts its children once the browser is idle, as a transition React may interrupt: for chrome that
 * must not delay what the official opened the pane for (the local demo's control bar).
 */
export function WhenIdle({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const show = () => startTransition(() => setReady(true));
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(show, { timeout: 2000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(show, 200);
    return () => clearTimeout(id);
  }, []);
  return ready ? <>{children}</> : null;
}
