/**
 * One webpack build for the three surfaces. TypeScript is transpiled by esbuild-loader (fast,
 * no type checking); `npm run typecheck` runs tsc. Each surface is its own entry and page, so the
 * Outlook pane never ships teams-js or the overview's code, and shared libraries land in
 * content-hashed chunks that browsers cache across surfaces.
 */
const path = require('path');
const webpack = require('webpack');
const fs = require('fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const MiniCssExtractPlugin = require('mini-css-extract-plugin');
const { GriffelCSSExtractionPlugin } = require('@griffel/webpack-extraction-plugin');
const { BundleStatsPlugin } = require('./scripts/lib/bundleStatsPlugin');
const { AsyncEntryPlugin } = require('./scripts/lib/asyncEntryPlugin');
const { PreloadChunksPlugin } = require('./scripts/lib/preloadChunksPlugin');
const { CompileHintsPlugin } = require('./scripts/lib/compileHintsPlugin');
const { ServiceWorkerPlugin } = require('./scripts/lib/serviceWorkerPlugin');

const OFFICE_EARLY = 'office-early';
const TEAMS_EARLY = 'teams-early';
const BOOT_GUARD = 'boot-guard';
/** Outlook's event runtime (src/events): one script under a fixed name, no runtime chunk, no shared chunks. */
const EVENTS = 'events';
/** The modules events.js is made of (tests/events/eventBundle.test.ts checks that it holds no others). */
const EVENT_RUNTIME_SOURCES = [
  path.resolve(__dirname, 'src/events'),
  path.resolve(__dirname, 'src/core/composeHint.ts'),
  path.resolve(__dirname, 'src/data/composeHintStore.ts'),
  path.resolve(__dirname, 'src/i18n/composeMessages.ts'),
  path.resolve(__dirname, 'src/config/outlookIds.ts'),
];
const surfaces = [
  { name: 'outlook', title: 'Partnerzicht' },
  { name: 'meeting', title: 'Partnerzicht' },
  { name: 'meeting-config', title: 'Partnerzicht' },
  { name: 'overview', title: 'Partnerzicht' },
  { name: 'index', title: 'Partnerzicht — lokale demo' },
  // The sign-in pages Outlook's dialog and Teams' authentication window open where there is no nested
  // app authentication (src/hosts/auth/signInPage.ts); each is a SPA redirect URI of the app registration.
  // They sign in against Entra, so a copy for offline use would only show a page that cannot work.
  { name: 'auth-office', title: 'Partnerzicht — aanmelden', file: 'auth-office.ts', networkOnly: true },
  { name: 'auth-teams', title: 'Partnerzicht — aanmelden', file: 'auth-teams.ts', networkOnly: true },
];

/**
 * Entries a surface's page runs before its own, in this order: its scripts, and what bench:size counts
 * for it. The start-up guard runs first everywhere (Outlook's office-early is async and waits for
 * nothing), so that it sees every later script fail.
 */
const earlyEntry = { outlook: OFFICE_EARLY, meeting: TEAMS_EARLY, overview: TEAMS_EARLY };
const pageEntries = Object.fromEntries(surfaces.map((s) => [s.name, earlyEntry[s.name] ? [earlyEntry[s.name], BOOT_GUARD] : [BOOT_GUARD]]));
/** Lazy chunk groups (webpackChunkName) each surface loads at every start: preloaded from its page. */
const preloadGroups = {
  outlook: ['pane-reads', 'pane-detection', 'pane', 'pane-details', 'services'],
  meeting: ['pane-reads', 'pane-detection', 'pane', 'pane-details', 'services'],
  overview: ['overview-root', 'overview-data', 'services'],
};

/** The chunk groups of each host a surface may pick (src/surfaces/pickOutlookHost.ts), for office-early to preload one set. */
const hostPreloadGroups = {
  // The demo hosts are groups of their own per host picker: Outlook's demo brings its mailbox, which the
  // Teams surfaces must never load (bench/budget.json).
  outlook: { office: ['host-office'], browser: ['host-browser-outlook'] },
  meeting: { teams: ['host-teams'], browser: ['host-browser-teams'] },
  overview: { teams: ['host-teams'], browser: ['host-browser-teams'] },
};

/** Build-time configuration; the defaults are the local demo's (see src/config/appConfig.ts). */
const configKeys = ['PARTNERZICHT_CLIENT_ID', 'PARTNERZICHT_TENANT_ID', 'PARTNERZICHT_SITE', 'PARTNERZICHT_GRAPH_BASE_URL', 'PARTNERZICHT_CATEGORY_PREFIX', 'PARTNERZICHT_BASE_URL', 'PARTNERZICHT_ORGANISATION'];

/** Icons keep their names under /assets/: the manifests point at them by fixed URL. */
class CopyAssetsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CopyAssetsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CopyAssetsPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const dir = path.resolve(__dirname, 'assets');
        for (const file of fs.readdirSync(dir)) {
          compilation.fileDependencies.add(path.join(dir, file));
          compilation.emitAsset(`assets/${file}`, new webpack.sources.RawSource(fs.readFileSync(path.join(dir, file))));
        }
      });
    });
  }
}

const staticPages = ['privacy', 'terms'];

/**
 * `--env reference`: also builds the minimal React + Fluent UI v9 page (FluentProvider + Button,
 * scripts/bench/reference.tsx) with the same settings into `<outDir>/reference/`, the yardstick of
 * `npm run bench:size` and `bench:open`. It never ships in the normal build.
 */
function referenceConfig(base, outDir) {
  return {
    ...base,
    name: 'reference',
    entry: { reference: './scripts/bench/reference.tsx' },
    output: { ...base.output, path: path.resolve(outDir, 'reference'), publicPath: '/reference/', clean: true },
    plugins: [
      base.plugins[0],
      new MiniCssExtractPlugin({ filename: '[name].[contenthash:8].css', ignoreOrder: true }),
      new GriffelCSSExtractionPlugin(),
      new HtmlWebpackPlugin({ filename: 'reference.html', chunks: ['reference'], title: 'Fluent reference', template: './src/surfaces/page.html', scriptLoading: 'defer' }),
      new BundleStatsPlugin(),
    ],
  };
}

module.exports = (env = {}, argv = {}) => {
  const app = surfacesConfig(env, argv);
  if (!env.reference) return app;
  app.output.clean = { keep: /^reference\// };
  return [app, referenceConfig(app, app.output.path)];
};

function surfacesConfig(env, argv) {
  const production = argv.mode !== 'development';
  return {
    name: 'surfaces',
    mode: production ? 'production' : 'development',
    // No eval-based source maps in development: the pages' Content-Security-Policy (the production one,
    // served by `npm start` too) forbids 'unsafe-eval', and every page stayed on its skeleton.
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    entry: {
      ...Object.fromEntries(surfaces.map((s) => [s.name, `./src/surfaces/${s.file ?? `${s.name}.tsx`}`])),
      // Outlook's page runs this first: it starts Office.js while the page is parsed. Its own runtime
      // and no shared chunks (see splitChunks), so it waits for no other script.
      [OFFICE_EARLY]: { import: './src/surfaces/officeEarly.ts', runtime: false },
      // The Teams surfaces' page runs this first: it preloads the chunks of the host the page will pick.
      [TEAMS_EARLY]: { import: './src/surfaces/teamsEarly.ts', runtime: false },
      // Every page runs this first: a failure while the surface starts shows a message (startupFailure.ts).
      [BOOT_GUARD]: { import: './src/surfaces/bootGuard.ts', runtime: false },
      // Classic Outlook on Windows loads the file the manifests name (events.js) in a JavaScript-only
      // runtime that supports no imports: one self-contained script, not content-hashed.
      [EVENTS]: { import: './src/events/index.ts', runtime: false, filename: 'events.js' },
    },
    output: {
      path: path.resolve(__dirname, env.outDir || 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '/',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js', '.mjs'] },
    module: {
      rules: [
        // Fluent's and our styles become one stylesheet at build time (Griffel CSS extraction): the pages
        // no longer compute and insert atomic CSS rule by rule while they render (cold opens measured
        // ~130 ms sooner at 4× CPU). Fluent ships its styles precompiled; ours are compiled by
        // @griffel/webpack-loader after esbuild has made them plain JavaScript.
        { test: /\.m?js$/, include: /node_modules[\\/]@fluentui[\\/]/, use: [{ loader: GriffelCSSExtractionPlugin.loader }] },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          oneOf: [
            // What the event runtime bundles, lowered to ECMAScript 2016: classic Outlook on Windows' JavaScript-only
            // runtime before version 2403 supports no more (https://learn.microsoft.com/office/dev/add-ins/testing/runtimes);
            // tests/events/eventBundle.test.ts parses the built events.js as ES2016.
            { include: EVENT_RUNTIME_SOURCES, use: [{ loader: 'esbuild-loader', options: { target: 'es2016' } }] },
            { use: [{ loader: GriffelCSSExtractionPlugin.loader }, { loader: '@griffel/webpack-loader' }, { loader: 'esbuild-loader', options: { target: 'es2020', jsx: 'automatic' } }] },
          ],
        },
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, 'css-loader'] },
        { test: /\.png$/, type: 'asset/resource', generator: { filename: 'assets/[name].[contenthash:8][ext]' } },
      ],
    },
    plugins: [
      new webpack.DefinePlugin(
        Object.fromEntries(configKeys.map((k) => [`process.env.${k}`, JSON.stringify(process.env[k] || '')])),
      ),
      ...surfaces.map(
        (s) =>
          new HtmlWebpackPlugin({
            filename: `${s.name}.html`,
            // office-early first, and async (AsyncEntryPlugin): Office.js starts before the surface's own scripts run.
            chunks: [...(pageEntries[s.name] ?? []), s.name],
            chunksSortMode: 'manual',
            title: s.title,
            template: './src/surfaces/page.html',
            scriptLoading: 'defer',
          }),
      ),
      new HtmlWebpackPlugin({ filename: 'events.html', template: './src/events/events.html', chunks: [EVENTS], scriptLoading: 'blocking', inject: 'body' }),
      ...staticPages.map((name) => new HtmlWebpackPlugin({ filename: `${name}.html`, template: `./src/surfaces/${name}.html`, chunks: [], inject: false })),
      new MiniCssExtractPlugin({ filename: production ? '[name].[contenthash:8].css' : '[name].css', ignoreOrder: true }),
      new GriffelCSSExtractionPlugin(),
      new PreloadChunksPlugin(preloadGroups, hostPreloadGroups),
      // What a surface runs at every start is compiled while it downloads, off the main thread.
      new CompileHintsPlugin(pageEntries, preloadGroups),
      new AsyncEntryPlugin([OFFICE_EARLY, TEAMS_EARLY]),
      new CopyAssetsPlugin(),
      // The service worker only in production builds: in development it would serve stale scripts.
      ...(production ? [new ServiceWorkerPlugin({ skipPages: [...staticPages, EVENTS, ...surfaces.filter((s) => s.networkOnly).map((s) => s.name)].map((name) => `${name}.html`) })] : []),
      // dist/stats.json: per-surface initial and total JS (min + gzip) and their modules, for the budget test
      ...(production ? [new BundleStatsPlugin({ preloadGroups, pageEntries })] : []),
    ],
    optimization: {
      splitChunks: { chunks: (chunk) => ![OFFICE_EARLY, TEAMS_EARLY, BOOT_GUARD, EVENTS].includes(chunk.name) },
      runtimeChunk: 'single',
    },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}
