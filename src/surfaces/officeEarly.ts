/**
 * Outlook's page runs this tiny script first, before the pane's bundle: inside Office it starts
 * loading Office.js at once, so that Office.js and its handshake with Outlook overlap the bundle's
 * download and evaluation instead of starting after them (`pickOutlookHost` then joins that load).
 * In the plain-browser demo it loads nothing. A separate entry with its own runtime, so that it
 * waits for no other script.
 */
import { mayBeInOffice, startOfficeJs } from '../hosts/outlook/loadOfficeJs';

if (mayBeInOffice()) startOfficeJs();
