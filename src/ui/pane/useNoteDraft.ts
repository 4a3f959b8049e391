import { useCallback, useEffect, useRef } from 'react';
import { newNoteDraft, type NoteDraft } from '../../core/noteDraft';
import type { HostItem } from '../../hosts/Host';
import type { DraftPort } from '../services';
import { rememberedDepartment } from '../shell/ownDepartment';
import { useStoredDraft } from './useStoredDraft';

/**
 * The note being typed for an email or meeting, kept as a draft tied to that item until it is logged.
 * A fresh draft's department is the official's from the directory (`directoryDepartment`, which may
 * arrive after the draft was made), else the one this device remembers; once the official picks
 * another, it is theirs.
 */
export function useNoteDraft(drafts: DraftPort, item: HostItem | undefined, now: () => Date, directoryDepartment?: string) {
  // The department a fresh draft was given, while nobody chose another; undefined once someone did.
  const prefilled = useRef<string>();
  const directory = useRef(directoryDepartment);
  directory.current = directoryDepartment;
  // An item without an id (a message being written, not yet saved) has nothing to tie a stored draft to.
  const stored = useStoredDraft<NoteDraft>(
    drafts,
    item ? `note:${item.id}` : undefined,
    () => {
      const made = newNoteDraft(item!, directory.current || rememberedDepartment(), now());
      prefilled.current = made.department;
      return made;
    },
    { persist: !!item?.id },
  );
  const { draft, change: store, revise } = stored;

  useEffect(() => {
    const was = prefilled.current;
    if (!directoryDepartment || was === undefined || was === directoryDepartment || !draft || draft.department !== was) return;
    prefilled.current = directoryDepartment;
    revise({ ...draft, department: directoryDepartment });
  }, [directoryDepartment, draft, revise]);

  const change = useCallback(
    (next: NoteDraft) => {
      if (next.department !== prefilled.current) prefilled.current = undefined;
      store(next);
    },
    [store],
  );

  return { ...stored, change };
}
