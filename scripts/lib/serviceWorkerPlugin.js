/**
 * Emits `sw.js` (src/serviceWorker/sw.js) with the list of this build's content-hashed scripts and
 * stylesheet to precache, the surfaces' pages (kept for opening without a connection), and a version
 * derived from both lists, so every release installs a new worker that drops the old files. Source maps
 * and the static pages are never precached.
 *
 * Plain CommonJS because webpack.config.js loads it.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');

const TEMPLATE = path.resolve(__dirname, '../../src/serviceWorker/sw.js');

class ServiceWorkerPlugin {
  /** `skipPages`: HTML files that are not surfaces (never precached). */
  constructor(options = {}) {
    this.options = { skipPages: options.skipPages ?? [] };
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ServiceWorkerPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ServiceWorkerPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        compilation.fileDependencies.add(TEMPLATE);
        const files = Object.keys(assets)
          .filter((file) => /\.[0-9a-f]{8}\.(js|css)$/.test(file))
          .sort();
        // The surfaces' pages (not the static privacy and terms pages, which need no offline copy).
        const pages = Object.keys(assets)
          .filter((file) => file.endsWith('.html') && !this.options.skipPages.includes(file))
          .sort();
        const version = crypto.createHash('sha256').update([...files, ...pages].join('\n')).digest('hex').slice(0, 12);
        const source = `const PRECACHE = ${JSON.stringify(files)};\nconst PAGES = ${JSON.stringify(pages)};\nconst VERSION = ${JSON.stringify(version)};\n${fs.readFileSync(TEMPLATE, 'utf8')}`;
        compilation.emitAsset('sw.js', new webpack.sources.RawSource(source));
      });
    });
  }
}

module.exports = { ServiceWorkerPlugin };
