/**
 * User Timing marks for the pane's opening steps (`pz:` in DevTools' Performance panel and in
 * `performance.getEntriesByType('mark')`), so a slow open on an official's laptop can be read step
 * by step; `npm run bench:open` prints them too. A mark costs microseconds.
 */
export type PaneStep = 'item' | 'register-snapshot' | 'register-graph' | 'context-requested' | 'context-received';

export function markPaneStep(step: PaneStep): void {
  try {
    performance.mark(`pz:${step}`);
  } catch {
    // Marks are diagnostics only.
  }
}
