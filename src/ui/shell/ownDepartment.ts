import { useEffect, useState } from 'react';
import { deviceLocalStorage } from '../../data/deviceStorage';
import type { Services } from '../services';

const DEPARTMENT_KEY = 'partnerzicht.department';

/** The department this device last logged a note or review under; '' when none (or no storage). */
export function rememberedDepartment(): string {
  try {
    return deviceLocalStorage()?.getItem(DEPARTMENT_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberDepartment(department: string): void {
  try {
    deviceLocalStorage()?.setItem(DEPARTMENT_KEY, department);
  } catch {
    // Not remembered; the official picks it again next time.
  }
}

/**
 * The official's department from their directory profile (Graph `/me`), in the spelling of the
 * municipality's department list when it is on it; undefined until known or when there is none. Asked
 * only once `enabled` (the pane: after the card is painted), so it is never on the way to the first screen.
 */
export function useDirectoryDepartment(services: Pick<Services, 'ownDepartment'>, enabled: boolean, departments: readonly string[] = []): string | undefined {
  const [department, setDepartment] = useState<string>();
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    services.ownDepartment().then((d) => live && setDepartment(d), () => undefined);
    return () => {
      live = false;
    };
  }, [services, enabled]);
  return department && (departments.find((d) => d.toLowerCase() === department.toLowerCase()) ?? department);
}
