/**
 * What the jsdom suites that render Fluent components need: React's act() environment, and a
 * ResizeObserver, which jsdom lacks and Fluent's message bar uses to watch its width (layout is the
 * e2e tests' part). Imported first by each of those suites.
 */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
export {};
