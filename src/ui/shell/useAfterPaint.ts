import { startTransition, useEffect, useState } from 'react';

/** Where the page is hidden the browser skips frames: then this timer lets the content follow anyway. */
const HIDDEN_PAGE_MS = 100;

/**
 * False until `ready` has been committed and the browser has had a frame to paint it; true from then
 * on. Content behind it renders after the first paint, in a transition, instead of holding that paint
 * back (React renders a first mount in one go, so `useDeferredValue` does not split it).
 */
export function useAfterPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = () => {
      clearTimeout(fallback);
      cancelAnimationFrame(frame);
      startTransition(() => setPainted(true));
    };
    // The callback of the next animation frame runs before that frame's paint; a task it posts, after.
    const frame = requestAnimationFrame(() => (timer = setTimeout(show, 0)));
    const fallback = setTimeout(show, HIDDEN_PAGE_MS);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(fallback);
      clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}

/** Resolves once the browser has painted what is committed now (a moment at most where the page is hidden). */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, HIDDEN_PAGE_MS);
  });
}
