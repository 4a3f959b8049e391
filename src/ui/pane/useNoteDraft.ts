import { useCallback, useEffect, useRef, useState } from 'react';
import { newNoteDraft, type NoteDraft } from '../../core/noteDraft';
import type { HostItem } from '../../hosts/Host';
import type { DraftPort } from '../services';
import { rememberedDepartment } from '../shell/ownDepartment';

const SAVE_DELAY_MS = 300;

/**
 * The note being typed is saved as a draft as it is typed, tied to its email or meeting: a task
 * pane can close without warning, and nothing the official typed may be lost. A fresh draft's
 * department is the official's from the directory (`directoryDepartment`, which may arrive after the
 * draft was made), else the one this device remembers; once the official changes it, or a saved draft
 * is restored, it is theirs.
 */
export function useNoteDraft(drafts: DraftPort, item: HostItem | undefined, now: () => Date, directoryDepartment?: string) {
  const key = item ? `note:${item.id}` : undefined;
  const [draft, setDraft] = useState<NoteDraft | undefined>();
  const [saved, setSaved] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  // The department a fresh draft was given, while nobody chose another; undefined once someone did.
  const prefilled = useRef<string>();
  const directory = useRef(directoryDepartment);
  directory.current = directoryDepartment;

  const fresh = useCallback(
    (of: HostItem) => {
      const made = newNoteDraft(of, directory.current || rememberedDepartment(), now());
      prefilled.current = made.department;
      return made;
    },
    [now],
  );

  useEffect(() => {
    setSaved(false);
    if (!item || !key) return setDraft(undefined);
    let live = true;
    const made = fresh(item);
    setDraft(made);
    drafts.load<NoteDraft>(key).then(
      (stored) => {
        if (!live || !stored) return;
        prefilled.current = undefined;
        setDraft({ ...made, ...stored });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [drafts, item, key, fresh]);

  useEffect(() => {
    const was = prefilled.current;
    if (!directoryDepartment || was === undefined) return;
    prefilled.current = directoryDepartment;
    setDraft((current) => (current && current.department === was ? { ...current, department: directoryDepartment } : current));
  }, [directoryDepartment]);

  const change = useCallback(
    (next: NoteDraft) => {
      if (next.department !== prefilled.current) prefilled.current = undefined;
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
    if (item) setDraft(fresh(item));
  }, [drafts, item, key, fresh]);

  return { draft, saved, change, clear };
}
