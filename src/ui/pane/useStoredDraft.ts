import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftPort } from '../services';

const SAVE_DELAY_MS = 300;

/**
 * Something the official is typing, saved as a draft under `key` as it is typed (debounced): a task
 * pane can close without warning, and nothing the official typed may be lost. `fresh` makes the
 * starting value; a stored draft is laid over it. Without a key there is nothing to edit.
 *
 * `persist: false` keeps the draft on screen only: for an item that has no identity yet (a message
 * being written and not saved, OutlookHost), whose draft would otherwise be shared by every such item.
 * A save still waiting when the key changes, the form closes or the page is hidden is made at once.
 */
export function useStoredDraft<T extends object>(drafts: DraftPort, key: string | undefined, fresh: () => T, options: { persist?: boolean } = {}) {
  const persist = options.persist ?? true;
  const [draft, setDraft] = useState<T | undefined>();
  const [saved, setSaved] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  // The save the timer will make: made at once where the timer cannot wait (see `flush`).
  const waiting = useRef<{ key: string; value: T }>();
  const makeFresh = useRef(fresh);
  makeFresh.current = fresh;

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const pending = waiting.current;
    waiting.current = undefined;
    if (pending) void drafts.save(pending.key, pending.value).catch(() => undefined);
  }, [drafts]);

  useEffect(() => {
    setSaved(false);
    if (!key) return setDraft(undefined);
    let live = true;
    const initial = makeFresh.current();
    setDraft(initial);
    if (persist)
      drafts.load<T>(key).then(
        (stored) => live && stored && setDraft({ ...initial, ...stored }),
        () => undefined,
      );
    return () => {
      live = false;
      flush();
    };
  }, [drafts, key, persist, flush]);

  // A task pane is closed, or the browser tab hidden, without unmounting anything: `pagehide` and
  // `visibilitychange` are the last moments a page is told about (MDN, Page Lifecycle).
  useEffect(() => {
    const hidden = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, [flush]);

  const change = useCallback(
    (next: T) => {
      setDraft(next);
      setSaved(false);
      if (!key || !persist) return;
      clearTimeout(timer.current);
      waiting.current = { key, value: next };
      timer.current = setTimeout(() => {
        waiting.current = undefined;
        drafts.save(key, next).then(() => setSaved(true), () => setSaved(false));
      }, SAVE_DELAY_MS);
    },
    [drafts, key, persist],
  );

  /** Replaces the draft on screen without storing it: a change the app made, not the official (a prefill that arrived late). */
  const revise = useCallback((next: T) => setDraft(next), []);

  /** The draft is done with (sent, or given up on purpose): forget it and start afresh. */
  const clear = useCallback(async () => {
    clearTimeout(timer.current);
    waiting.current = undefined;
    if (key && persist) await drafts.remove(key);
    setSaved(false);
    if (key) setDraft(makeFresh.current());
  }, [drafts, key, persist]);

  return { draft, saved, change, revise, clear };
}
