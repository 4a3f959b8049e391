/**
 * Outlook's page loads this tiny script ahead of the pane's bundle: inside Office it starts loading
 * Office.js at once, so that Office.js and its handshake with Outlook overlap the bundle's download
 * and evaluation instead of starting after them (`pickOutlookHost` then joins that load). In the
 * plain-browser demo it loads nothing. An entry with its own runtime and no shared chunks, loaded
 * `async` (webpack.config.js), so that it waits for no other script and holds none up.
 */
import { mayBeInOffice, startOfficeJs } from '../hosts/outlook/loadOfficeJs';

if (mayBeInOffice()) startOfficeJs();
