import { newNoteDraft } from '../../core/noteDraft';
import type { HostItem } from '../../hosts/Host';
import type { DraftPort } from '../services';
import { useStoredDraft } from './useStoredDraft';

const DEPARTMENT_KEY = 'partnerzicht.department';

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

/** The note being typed for an email or meeting, kept as a draft tied to that item until it is logged. */
export function useNoteDraft(drafts: DraftPort, item: HostItem | undefined, now: () => Date) {
  return useStoredDraft(drafts, item ? `note:${item.id}` : undefined, () => newNoteDraft(item!, rememberedDepartment(), now()));
}
