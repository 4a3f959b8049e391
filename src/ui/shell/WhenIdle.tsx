import { startTransition, useEffect, useState, type ReactNode } from 'react';
import { onIdle } from './onIdle';

/**
 * Mounts its children once the browser is idle, as a transition React may interrupt: for chrome that
 * must not delay what the official opened the pane for (the local demo's control bar).
 */
export function WhenIdle({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    return onIdle(() => startTransition(() => setReady(true)), { timeout: 2000, fallbackMs: 200 });
  }, []);
  return ready ? <>{children}</> : null;
}
