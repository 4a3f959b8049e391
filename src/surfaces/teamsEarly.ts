/**
 * The Teams surfaces' pages (the meeting panel, the overview tab) load this tiny script ahead of their
 * bundle: it preloads the chunks of the host the page will pick, teams-js and the Teams host inside
 * Teams, the demo host in a plain browser (preloadHostChunks.ts). An entry with its own runtime and no
 * shared chunks, loaded `async` (webpack.config.js), so that it waits for no other script.
 */
import { mayBeInTeams } from '../hosts/teams/mayBeInTeams';
import { preloadHostChunks } from './preloadHostChunks';

preloadHostChunks(mayBeInTeams() ? 'teams' : 'browser');
