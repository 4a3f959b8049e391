import { useCallback, useEffect, useRef, useState } from 'react';
import { newNoteDraft, type NoteDraft } from '../../core/noteDraft';
import type { HostItem } from '../../hosts/Host';
import type { DraftPort } from '../services';

const DEPARTMENT_KEY = 'partnerzicht.department';
const SAVE_DELAY_MS = 300;

export function rememberedDepartment(): string {
  try {
    return localStorage.getItem(DEPARTMENT_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberDepartment(department: string): void {
  try {
    localStorage.setItem(DEPARTMENT_KEY, department);
  } catch {
    // Not remembered; the official picks it again next time.
  }
}

/**
 * The note being typed is saved as a draft as it is typed, tied to its email or meeting: a task
 * pane can close without warning, and nothing the official typed may be lost.
 */
export function useNoteDraft(drafts: DraftPort, item: HostItem | undefined, now: () => Date) {
  const key = item ? `note:${item.id}` : undefined;
  const [draft, setDraft] = useState<NoteDraft | undefined>();
  const [saved, setSaved] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    setSaved(false);
    if (!item || !key) return setDraft(undefined);
    let live = true;
    const fresh = newNoteDraft(item, rememberedDepartment(), now());
    setDraft(fresh);
    drafts.load<NoteDraft>(key).then(
      (stored) => live && stored && setDraft({ ...fresh, ...stored }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [drafts, item, key, now]);

  const change = useCallback(
    (next: NoteDraft) => {
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

  const clear = useCallback(async () => {
    clearTimeout(timer.current);
    if (key) await drafts.remove(key);
    setSaved(false);
    if (item) setDraft(newNoteDraft(item, rememberedDepartment(), now()));
  }, [drafts, item, key, now]);

  return { draft, saved, change, clear };
}
