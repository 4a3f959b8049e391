import { startDemoEnvironment, collectPageErrors } from '../tests/e2e/browser';
(async () => {
  const env = await startDemoEnvironment();
  const page = await env.browser.newPage({ viewport: { width: 400, height: 1400 } });
  const errors = collectPageErrors(page);
  await page.goto(`${env.server.url}/${process.argv[2] ?? 'outlook.html'}`);
  await page.waitForTimeout(4000);
  await page.screenshot({ path: '/tmp/shot.png', fullPage: true });
  console.log(errors);
  await env.close();
})();
