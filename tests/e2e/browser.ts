/** The browser tests' harness lives beside the demo server, so `npm run screenshots` uses it too. */
export { CHROMIUM_ARGS, collectPageErrors, startDemoEnvironment, type DemoEnvironment } from '../../scripts/lib/demoBrowser';
