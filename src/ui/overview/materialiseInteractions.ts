import { decodeInteractions, type InteractionTable } from '../../core/overview';
import type { OverviewEntry } from './useOverviewModel';

/** Rows per slice: a few tens of ms on a slow laptop (4× throttled), so clicks, typing and paint get through in between. */
const SLICE = 2_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
// Each slice waits until the browser is idle, so the register is painted (and can be used) before any of
// this work and input keeps priority over it; at the latest after a second.
const whenIdle = () =>
  typeof requestIdleCallback === 'function' ? new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 1000 })) : nextTask();

/**
 * The cache's interaction columns as the objects the tabs work on, a slice per task; undefined when
 * `stopped` says the result is no longer wanted.
 */
export async function materialiseInteractions(table: InteractionTable, stopped: () => boolean, slice = SLICE): Promise<OverviewEntry[] | undefined> {
  const out: OverviewEntry[] = new Array(table.length);
  let n = 0;
  for (let from = 0; from < table.length || from === 0; from += slice) {
    await whenIdle();
    if (stopped()) return undefined;
    for (const i of decodeInteractions(table, from, from + slice)) {
      // The cache carries review scores (not their texts), which is all the attention list and reviews tab need.
      out[n++] = i.reviewScore ? { ...i, review: { goesWell: '', couldImprove: '', score: i.reviewScore } } : i;
    }
  }
  return out;
}
