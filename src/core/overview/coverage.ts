import type { Partner } from '../model';
import { inPeriod, withinPeriod, type InteractionFacts, type Period } from './types';

export type CoverageDimension = 'department' | 'theme';

export interface CoverageMatrix {
  dimension: CoverageDimension;
  /** Departments or themes with at least one contact in the period, busiest first. */
  rows: string[];
  /** Partner ids with at least one contact in the period, busiest first. */
  columns: string[];
  /** `${row}\u0000${partnerId}` → contacts. */
  counts: Map<string, number>;
  rowTotals: Map<string, number>;
  columnTotals: Map<string, number>;
  /** The largest cell, so a UI can scale a colour. */
  max: number;
}

export function cellKey(row: string, partnerId: string): string {
  return `${row}\u0000${partnerId}`;
}

function rowsOf(i: InteractionFacts, dimension: CoverageDimension): string[] {
  if (dimension === 'department') return i.department ? [i.department] : [];
  return i.themes;
}

/**
 * Departments × partners (or themes × partners): how many contacts in the period. An interaction with
 * two themes counts once in each theme row, so a theme row's total can exceed the number of contacts.
 */
export function coverageMatrix(interactions: InteractionFacts[], partners: Partner[], period: Period, dimension: CoverageDimension): CoverageMatrix {
  const known = new Set(partners.filter((p) => p.status !== 'inactive').map((p) => p.id));
  const counts = new Map<string, number>();
  const rowTotals = new Map<string, number>();
  const columnTotals = new Map<string, number>();
  let max = 0;
  const within = withinPeriod(period);
  for (const i of interactions) {
    if (!known.has(i.partnerId) || !within(i.date)) continue;
    const rows = rowsOf(i, dimension);
    if (rows.length === 0) continue;
    columnTotals.set(i.partnerId, (columnTotals.get(i.partnerId) ?? 0) + 1);
    for (const row of rows) {
      const key = cellKey(row, i.partnerId);
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      if (n > max) max = n;
      rowTotals.set(row, (rowTotals.get(row) ?? 0) + 1);
    }
  }
  const byTotal = (totals: Map<string, number>) => [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'nl')).map(([k]) => k);
  return { dimension, rows: byTotal(rowTotals), columns: byTotal(columnTotals), counts, rowTotals, columnTotals, max };
}

/** The interactions behind one cell of the matrix (the click-through), newest first. */
export function cellInteractions<T extends InteractionFacts>(interactions: T[], row: string, partnerId: string, period: Period, dimension: CoverageDimension): T[] {
  return interactions
    .filter((i) => i.partnerId === partnerId && inPeriod(i.date, period) && rowsOf(i, dimension).includes(row))
    .sort((a, b) => b.date.localeCompare(a.date));
}

/** Partners whose contacts in the period all came from one department: the relationship hangs on one desk. */
export function singleDepartmentPartners(matrix: CoverageMatrix): Array<{ partnerId: string; department: string }> {
  if (matrix.dimension !== 'department') throw new Error('singleDepartmentPartners needs the department matrix');
  const result: Array<{ partnerId: string; department: string }> = [];
  for (const partnerId of matrix.columns) {
    const departments = matrix.rows.filter((row) => matrix.counts.has(cellKey(row, partnerId)));
    if (departments.length === 1) result.push({ partnerId, department: departments[0] });
  }
  return result;
}

export interface ParallelContact {
  partnerId: string;
  /** Two departments, in alphabetical order. */
  departments: [string, string];
  /** The themes both discussed with this partner in the period. */
  themes: string[];
}

/**
 * "Departments that talk to the same partner without each other", defined as: two departments both
 * had contact with the partner in the period about at least one same theme, and never took part in the
 * same contact (the same email or meeting logged by both, i.e. the same `sourceRef`). Each interaction
 * has one department, so a joint meeting only shows through a shared sourceRef; that is the only
 * trace of "together" the data holds. These are the pairs that could have been one conversation.
 */
export function parallelContacts(interactions: InteractionFacts[], period: Period): ParallelContact[] {
  interface Seen { themes: Set<string>; sources: Set<string> }
  const byPartner = new Map<string, Map<string, Seen>>();
  const within = withinPeriod(period);
  for (const i of interactions) {
    if (!i.department || !within(i.date)) continue;
    let departments = byPartner.get(i.partnerId);
    if (!departments) byPartner.set(i.partnerId, (departments = new Map()));
    let seen = departments.get(i.department);
    if (!seen) departments.set(i.department, (seen = { themes: new Set(), sources: new Set() }));
    for (const theme of i.themes) seen.themes.add(theme);
    if (i.sourceRef) seen.sources.add(i.sourceRef);
  }
  const result: ParallelContact[] = [];
  for (const [partnerId, departments] of byPartner) {
    const names = [...departments.keys()].sort((a, b) => a.localeCompare(b, 'nl'));
    for (let a = 0; a < names.length; a++) {
      for (let b = a + 1; b < names.length; b++) {
        const x = departments.get(names[a])!;
        const y = departments.get(names[b])!;
        if ([...x.sources].some((s) => y.sources.has(s))) continue;
        const themes = [...x.themes].filter((t) => y.themes.has(t)).sort();
        if (themes.length > 0) result.push({ partnerId, departments: [names[a], names[b]], themes });
      }
    }
  }
  return result;
}
