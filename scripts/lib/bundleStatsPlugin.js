/**
 * Writes `stats.json` next to the build: per entry (surface), the JavaScript (and stylesheet) the first paint needs
 * (the entrypoint's synchronous chunks) and everything it can load (plus its async chunks), each
 * minified and gzipped (zlib level 9), and which modules end up in them (npm packages by name,
 * project files by path). The bundle budget test (tests/quality/bundleBudget.test.ts) and
 * `npm run bench:size` read this file. Office.js is loaded from Microsoft's CDN and is never in it.
 *
 * Plain CommonJS because webpack.config.js loads it.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { preloadFiles, reachableChunkGroups } = require('./preloadChunksPlugin');

/** `node_modules/@scope/pkg/...` → `@scope/pkg`; project files → their path relative to the root. */
function moduleLabel(name = "") {
  const clean = name.replace(/^.*!/, '').replace(/\s\+\s\d+\smodules?$/, '').replace(/^\.\//, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = clean.slice(nm + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  return clean;
}

/** The modules of one chunk; a concatenated module counts as the modules it was made of. */
function collectModules(compilation, chunk, into) {
  const root = compilation.compiler.context;
  const add = (m) => {
    if (m.modules) for (const inner of m.modules) add(inner);
    const resource = m.resource || (m.rootModule && m.rootModule.resource);
    if (resource) into.add(moduleLabel(path.relative(root, resource).split(path.sep).join('/')));
  };
  for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) add(m);
}

/**
 * Per entrypoint: its own chunks (initial, what the first paint needs) and those of every chunk
 * group it can load by dynamic import (total). Chunk groups, not chunks, are walked: a chunk shared
 * by several surfaces would otherwise drag in the other surfaces' async imports.
 */
function summarize(compilation, outputPath, preloadGroups = {}, pageEntries = {}) {
  const sizeCache = new Map();
  const fileSize = (file) => {
    if (!sizeCache.has(file)) {
      const buf = fs.readFileSync(path.join(outputPath, file));
      sizeCache.set(file, { min: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length });
    }
    return sizeCache.get(file);
  };
  const sizeOf = (files) => files.map(fileSize).reduce((a, s) => ({ min: a.min + s.min, gzip: a.gzip + s.gzip }), { min: 0, gzip: 0 });
  const filesOf = (chunks, extension) => [...new Set([...chunks].flatMap((c) => [...c.files].filter((f) => f.endsWith(extension))))].sort();
  const measure = (chunks) => {
    const files = filesOf(chunks, '.js');
    const css = filesOf(chunks, '.css');
    const modules = new Set();
    for (const chunk of chunks) collectModules(compilation, chunk, modules);
    return {
      files,
      ...sizeOf(files),
      modules: [...modules].sort(),
      // Griffel's extracted stylesheet (webpack.config.js): render-blocking, so counted beside the scripts.
      css: { files: css, ...sizeOf(css) },
    };
  };
  const surfaces = {};
  for (const [name, entrypoint] of compilation.entrypoints) {
    // A page that runs other entries' scripts before its own (Outlook's office-early) pays for them too.
    const initial = new Set([...(pageEntries[name] ?? []).flatMap((other) => compilation.entrypoints.get(other)?.chunks ?? []), ...entrypoint.chunks]);
    const all = new Set(initial);
    for (const group of reachableChunkGroups(entrypoint)) for (const chunk of group.chunks) all.add(chunk);
    const preloaded = preloadFiles(compilation, name, preloadGroups[name] ?? []);
    surfaces[name] = { initial: measure(initial), preloaded: { files: preloaded, ...sizeOf(preloaded) }, total: measure(all) };
  }
  // Each named lazy chunk group (webpackChunkName) with every module its chunks hold: what loading it evaluates at most.
  const groups = {};
  for (const [name, group] of compilation.namedChunkGroups) {
    if (compilation.entrypoints.has(name)) continue;
    const modules = new Set();
    for (const chunk of group.chunks) collectModules(compilation, chunk, modules);
    groups[name] = { modules: [...modules].sort() };
  }
  return { generatedAt: new Date().toISOString(), surfaces, groups };
}

class BundleStatsPlugin {
  constructor(options = {}) {
    this.filename = options.filename || 'stats.json';
    this.preloadGroups = options.preloadGroups || {};
    /** Page (entry) name → the other entries its page runs first, e.g. `{ outlook: ['office-early'] }`. */
    this.pageEntries = options.pageEntries || {};
  }
  apply(compiler) {
    compiler.hooks.done.tap('BundleStatsPlugin', (stats) => {
      if (stats.hasErrors()) return;
      const outputPath = stats.compilation.outputOptions.path;
      fs.writeFileSync(path.join(outputPath, this.filename), JSON.stringify(summarize(stats.compilation, outputPath, this.preloadGroups, this.pageEntries), null, 1));
    });
  }
}

module.exports = { BundleStatsPlugin, summarize, moduleLabel };
