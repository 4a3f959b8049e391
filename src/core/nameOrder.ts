/**
 * The order of names on screen (register, attention list, filters): Dutch collation, one collator for
 * every comparison (`localeCompare` with a locale sets one up per call).
 */
export const nameCollator = new Intl.Collator('nl');

/**
 * The partners by name, in a new array. Sorting costs about 130,000 collator comparisons at 10,000
 * partners; a list already in this order costs one pass (Array.prototype.sort is a merge sort that
 * finds runs), so the overview sorts its partners once and every view that sorts them again by name
 * pays almost nothing.
 */
export function byName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => nameCollator.compare(a.name, b.name));
}
