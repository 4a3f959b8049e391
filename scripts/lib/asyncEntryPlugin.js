/**
 * Loads the named entries' scripts `async` instead of `defer` on the pages that run them: such a
 * script (Outlook's office-early) runs the moment it arrives, and the page's other scripts neither
 * wait for it nor hold it up. Only for an entry with its own runtime and no shared chunks.
 *
 * Plain CommonJS because webpack.config.js loads it.
 */
const HtmlWebpackPlugin = require('html-webpack-plugin');

class AsyncEntryPlugin {
  /** @param {string[]} entries entry names */
  constructor(entries) {
    this.entries = entries;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap('AsyncEntryPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('AsyncEntryPlugin', (data) => {
        const publicPath = data.publicPath ?? '';
        const files = new Set(this.entries.flatMap((name) => compilation.entrypoints.get(name)?.getFiles() ?? []).map((file) => `${publicPath}${file}`));
        for (const tag of [...data.headTags, ...data.bodyTags]) {
          if (tag.tagName === 'script' && files.has(tag.attributes.src)) {
            tag.attributes.defer = false;
            tag.attributes.async = true;
          }
        }
        return data;
      });
    });
  }
}

module.exports = { AsyncEntryPlugin };
