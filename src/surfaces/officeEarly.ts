/**
 * Outlook's page loads this tiny script ahead of the pane's bundle: inside Office it starts loading
 * Office.js at once, so that Office.js and its handshake with Outlook overlap the bundle's download
 * and evaluation instead of starting after them (`pickOutlookHost` then joins that load). In the
 * plain-browser demo it loads nothing. Either way it preloads the chunks of the host the page will pick
 * (preloadHostChunks.ts). An entry with its own runtime and no shared chunks, loaded `async`
 * (webpack.config.js), so that it waits for no other script and holds none up.
 */
import { mayBeInOffice, startOfficeJs } from '../hosts/outlook/loadOfficeJs';
import { preloadHostChunks } from './preloadHostChunks';

if (mayBeInOffice()) {
  startOfficeJs();
  preloadHostChunks('office');
} else preloadHostChunks('browser');
