/**
 * Marks the scripts a surface runs at every start with V8's explicit compile hint
 * (`//# allFunctionsCalledOnLoad`, https://v8.dev/blog/explicit-compile-hints; Chromium 136+, so Edge's
 * WebView2 in Outlook and Teams): their functions are then compiled while the script streams in, on a
 * background thread, instead of one by one on the main thread when first called. A cold pane calls
 * most of React, Fluent's provider, the data layer and the pane's own code before it shows the partner,
 * and that lazy compiling was a large part of its main-thread time at 4x CPU (bench:open, issue 19).
 * Chunks loaded later (the overview's tabs, MSAL, the demo bar) are left lazy: compiling what may never
 * run would only cost. Other browsers read the line as a comment.
 *
 * Added right after minification and before source maps are made, so the maps stay right.
 * Plain CommonJS because webpack.config.js loads it.
 */
const { Compilation, sources } = require('webpack');
const { preloadFiles } = require('./preloadChunksPlugin');

const HINT = '//# allFunctionsCalledOnLoad\n';

class CompileHintsPlugin {
  /**
   * @param {Record<string, string[]>} pageEntries surface → entries its page runs before its own
   * @param {Record<string, string[]>} preloadGroups surface → the chunk groups its page preloads
   */
  constructor(pageEntries, preloadGroups) {
    this.pageEntries = pageEntries;
    this.preloadGroups = preloadGroups;
  }

  /** The JS files a surface's page runs at every start: its entries' own files and the preloaded groups'. */
  startFiles(compilation) {
    const files = new Set();
    for (const [surface, groups] of Object.entries(this.preloadGroups)) {
      for (const entry of [...(this.pageEntries[surface] ?? []), surface]) {
        for (const chunk of compilation.entrypoints.get(entry)?.chunks ?? []) for (const file of chunk.files) files.add(file);
      }
      for (const file of preloadFiles(compilation, surface, groups)) files.add(file);
    }
    return [...files].filter((file) => file.endsWith('.js'));
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CompileHintsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CompileHintsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1 }, () => {
        for (const file of this.startFiles(compilation)) {
          if (compilation.getAsset(file)) compilation.updateAsset(file, (old) => new sources.ConcatSource(HINT, old));
        }
      });
    });
  }
}

module.exports = { CompileHintsPlugin, HINT };
