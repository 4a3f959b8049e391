/**
 * Adds `<link rel="preload" as="script">` to a surface's page for the lazy chunk groups it always
 * loads at start (named by `webpackChunkName`, e.g. the pane's root component and the data layer).
 * Without it the browser asks for them only after the first script has run; with it they download
 * (and are compiled off the main thread) while the first script runs. Demo-only and host-specific
 * chunks are left out on purpose: Outlook never needs the demo bar.
 *
 * Plain CommonJS because webpack.config.js loads it.
 */
const HtmlWebpackPlugin = require('html-webpack-plugin');

/**
 * The async chunk groups reachable from an entrypoint by dynamic imports, breadth first. `follow(group)`
 * decides whether a group counts (and is walked further); by default every group does.
 */
function reachableChunkGroups(entrypoint, follow = () => true) {
  const groups = [];
  const seen = new Set([entrypoint]);
  const queue = [entrypoint];
  while (queue.length) {
    for (const child of queue.shift().childrenIterable) {
      if (seen.has(child)) continue;
      seen.add(child);
      if (!follow(child)) continue;
      groups.push(child);
      queue.push(child);
    }
  }
  return groups;
}

/** JS files of the named async chunk groups reachable from `entryName`, minus its own initial files. */
function preloadFiles(compilation, entryName, groupNames) {
  const entrypoint = compilation.entrypoints.get(entryName);
  if (!entrypoint) return [];
  const initial = new Set(entrypoint.chunks.flatMap((c) => [...c.files]));
  const files = new Set();
  for (const group of reachableChunkGroups(entrypoint, (g) => groupNames.includes(g.name))) {
    for (const chunk of group.chunks) for (const file of chunk.files) if (file.endsWith('.js') && !initial.has(file)) files.add(file);
  }
  return [...files].sort();
}

class PreloadChunksPlugin {
  /**
   * @param {Record<string, string[]>} groupsByEntry entry name → chunk group names to preload
   * @param {Record<string, Record<string, string[]>>} hostGroupsByEntry entry name → host kind → chunk
   *   group names: listed in `<meta name="pz-host-chunks" data-{kind}="…">` for the page's first script
   *   to preload the one kind it runs in (src/surfaces/preloadHostChunks.ts)
   */
  constructor(groupsByEntry, hostGroupsByEntry = {}) {
    this.groupsByEntry = groupsByEntry;
    this.hostGroupsByEntry = hostGroupsByEntry;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap('PreloadChunksPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PreloadChunksPlugin', (data) => {
        // A page may run several entries (Outlook's runs office-early first); each preloads its own groups.
        const publicPath = data.publicPath ?? '';
        for (const entry of data.plugin.options.chunks ?? []) {
          const groups = this.groupsByEntry[entry];
          if (!groups) continue;
          const links = preloadFiles(compilation, entry, groups).map((file) =>
            HtmlWebpackPlugin.createHtmlTagObject('link', { rel: 'preload', as: 'script', href: `${publicPath}${file}` }),
          );
          data.headTags.push(...links);
          const hosts = this.hostGroupsByEntry[entry];
          if (hosts) {
            // First in the head: the async script that reads it may run before the parser gets further.
            const preloaded = new Set(preloadFiles(compilation, entry, groups));
            const attributes = Object.fromEntries(
              Object.entries(hosts).map(([kind, names]) => [`data-${kind}`, preloadFiles(compilation, entry, names).filter((f) => !preloaded.has(f)).map((f) => `${publicPath}${f}`).join(' ')]),
            );
            data.headTags.unshift(HtmlWebpackPlugin.createHtmlTagObject('meta', { name: 'pz-host-chunks', ...attributes }));
          }
        }
        return data;
      });
    });
  }
}

module.exports = { PreloadChunksPlugin, preloadFiles, reachableChunkGroups };
