/**
 * The first script every page runs (webpack.config.js): it watches for failures while the surface
 * starts, so that a script that cannot load or run shows a translated message instead of a skeleton
 * that never ends (startupFailure.ts). Its own runtime and no shared chunks, so it runs even when
 * every other script fails.
 */
import { watchStartup } from './startupFailure';

watchStartup();
