import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftPort } from '../services';

const SAVE_DELAY_MS = 300;

/**
 * Something the official is typing, saved as a draft under `key` as it is typed (debounced): a task
 * pane can close without warning, and nothing the official typed may be lost. `fresh` makes the
 * starting value; a stored draft is laid over it. Without a key there is nothing to edit.
 */
export function useStoredDraft<T extends object>(drafts: DraftPort, key: string | undefined, fresh: () => T) {
  const [draft, setDraft] = useState<T | undefined>();
  const [saved, setSaved] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const makeFresh = useRef(fresh);
  makeFresh.current = fresh;

  useEffect(() => {
    setSaved(false);
    if (!key) return setDraft(undefined);
    let live = true;
    const initial = makeFresh.current();
    setDraft(initial);
    drafts.load<T>(key).then(
      (stored) => live && stored && setDraft({ ...initial, ...stored }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [drafts, key]);

  const change = useCallback(
    (next: T) => {
      setDraft(next);
      setSaved(false);
      if (!key) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        drafts.save(key, next).then(() => setSaved(true), () => setSaved(false));
      }, SAVE_DELAY_MS);
    },
    [drafts, key],
  );

  /** Replaces the draft on screen without storing it: a change the app made, not the official (a prefill that arrived late). */
  const revise = useCallback((next: T) => setDraft(next), []);

  /** The draft is done with (sent, or given up on purpose): forget it and start afresh. */
  const clear = useCallback(async () => {
    clearTimeout(timer.current);
    if (key) await drafts.remove(key);
    setSaved(false);
    if (key) setDraft(makeFresh.current());
  }, [drafts, key]);

  return { draft, saved, change, revise, clear };
}
