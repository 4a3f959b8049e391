import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The Outlook pane must never load teams-js (it fetches Microsoft's origin list on import and adds
 * weight to every pane). Walks the relative imports, static and dynamic (with or without webpack's
 * chunk-name comment), from the Outlook surface.
 */
function importGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string) => {
    if (graph.has(file)) return;
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*(?:\/\*[^*]*\*\/\s*)?['"]([^'"]+)['"]\s*\)/g)]
      .filter((m) => !/^\s*import\s+type\s/.test(m[0].trim()) && !/^\s*export\s+type\s/.test(m[0].trim()))
      .map((m) => m[1] ?? m[2]);
    graph.set(file, specifiers);
    for (const spec of specifiers) {
      if (!spec.startsWith('.')) continue;
      const base = resolve(dirname(file), spec);
      const target = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find(existsSync);
      if (target) visit(target);
    }
  };
  visit(entry);
  return graph;
}

test('nothing the Outlook surface imports pulls in @microsoft/teams-js', () => {
  const graph = importGraph(resolve(__dirname, '../../src/surfaces/pickOutlookHost.ts'));
  const offenders = [...graph].filter(([, specs]) => specs.some((s) => s.startsWith('@microsoft/teams-js') || /hosts\/teams\//.test(s))).map(([file]) => file);
  expect(offenders).toEqual([]);
  expect(graph.size).toBeGreaterThan(5);
});
