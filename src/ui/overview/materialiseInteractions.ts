import { decodeInteractions, type InteractionTable } from '../../core/overview';
import { onIdle } from '../shell/onIdle';
import type { OverviewEntry } from './useOverviewModel';

/** Rows decoded at a time: a few ms even on a slow laptop (4× throttled). */
const CHUNK = 250;

// Work happens only while the browser is idle, so the register is painted (and can be used) before any
// of it and input keeps priority; at the latest after a second. Within one idle period, chunks follow
// each other while the period lasts (idle periods are at most 50 ms), so no task grows long.
const whenIdle = () => new Promise<IdleDeadline | undefined>((resolve) => onIdle(resolve, { timeout: 1000, fallbackMs: 0 }));

/**
 * The cache's interaction columns as the objects the tabs work on, in idle time; undefined when
 * `stopped` says the result is no longer wanted.
 */
export async function materialiseInteractions(table: InteractionTable, stopped: () => boolean, chunk = CHUNK): Promise<OverviewEntry[] | undefined> {
  const out: OverviewEntry[] = new Array(table.length);
  let n = 0;
  let from = 0;
  do {
    const deadline = await whenIdle();
    if (stopped()) return undefined;
    do {
      const to = Math.min(table.length, from + chunk);
      for (const i of decodeInteractions(table, from, to)) {
        // The cache carries review scores (not their texts), which is all the attention list and reviews tab need.
        out[n++] = i.reviewScore ? { ...i, review: { goesWell: '', couldImprove: '', score: i.reviewScore } } : i;
      }
      from = to;
    } while (from < table.length && deadline !== undefined && !deadline.didTimeout && deadline.timeRemaining() > 2);
  } while (from < table.length);
  return out;
}
