/**
 * The lint rules that ban HTML sinks actually fire (eslint.config.mjs), and the code base is clean of
 * them (`npm run lint` in `npm test` checks the whole tree; this checks the rules themselves).
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

const PROBE = `
import * as React from 'react';
export function Bad({ html }: { html: string }) {
  const el = document.createElement('div');
  el.innerHTML = html;
  el.outerHTML = html;
  el.insertAdjacentHTML('beforeend', html);
  document.write(html);
  document.createRange().createContextualFragment(html);
  new DOMParser().parseFromString(html, 'text/html');
  eval(html);
  const f = new Function(html);
  const props = { dangerouslySetInnerHTML: { __html: html } };
  return <div dangerouslySetInnerHTML={{ __html: html }} {...props} onClick={() => f()} />;
}
`;

describe('lint bans HTML sinks', () => {
  it('reports each banned sink in a probe file, with the reason', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', 'src/ui/__probe.tsx', '--format', 'json'], {
      cwd: ROOT,
      input: PROBE,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string; message: string; line: number }> }>;
    const byRule = (rule: string) => result.messages.filter((m) => m.ruleId === rule);
    const restricted = byRule('no-restricted-syntax').map((m) => m.message);
    for (const sink of ['innerHTML/outerHTML', 'insertAdjacentHTML', 'document.write', 'createContextualFragment', 'parseFromString', 'dangerouslySetInnerHTML']) {
      expect(restricted.some((m) => m.includes(sink))).toBe(true);
    }
    expect(restricted.filter((m) => m.includes('innerHTML/outerHTML'))).toHaveLength(2);
    expect(restricted.filter((m) => m.includes('dangerouslySetInnerHTML'))).toHaveLength(2);
    expect(restricted.every((m) => m.includes('XSS'))).toBe(true);
    expect(byRule('no-eval')).toHaveLength(1);
    expect(byRule('no-new-func')).toHaveLength(1);
  });
});
