import { loadAppConfig, resolveGraphBaseUrl } from '../config/appConfig';
import type { Host } from '../hosts/Host';
import { mayBeInTeams } from '../hosts/teams/mayBeInTeams';

const TEAMS_INIT_TIMEOUT_MS = 3000;

/** Teams when `app.initialize()` succeeds in time; otherwise the plain-browser demo host. */
export async function pickTeamsHost(): Promise<Host> {
  // One chunk group with everything the Teams host needs, so that teams-early can preload all of it
  // (preloadHostChunks.ts) and the host starts without a chunk round trip between its two steps.
  const teams = mayBeInTeams() ? await import(/* webpackChunkName: "host-teams" */ '../hosts/teams/TeamsHost') : undefined;
  const context = teams && (await teams.initializeTeams(TEAMS_INIT_TIMEOUT_MS));
  if (teams && context) {
    const { TeamsHost } = teams;
    const [{ createHostAuthProvider }, { teamsAccount }, { nestedAppAuth }, { GraphTransport }, { findMeetingParticipants }, { openTeamsSignInWindow }, { readAttendanceWithConsent }] = await Promise.all([
      import(/* webpackChunkName: "host-teams" */ '../hosts/auth/hostAuthProvider'),
      import(/* webpackChunkName: "host-teams" */ '../hosts/auth/hostAccount'),
      import(/* webpackChunkName: "host-teams" */ '@microsoft/teams-js'),
      import(/* webpackChunkName: "host-teams" */ '../data/graph/GraphTransport'),
      import(/* webpackChunkName: "host-teams" */ '../hosts/meeting/meetingParticipants'),
      import(/* webpackChunkName: "host-teams" */ '../hosts/teams/teamsSignInWindow'),
      import(/* webpackChunkName: "host-teams" */ '../hosts/teams/attendanceAccess'),
    ]);
    const config = loadAppConfig();
    const auth = createHostAuthProvider({
      config,
      account: () => teamsAccount(context),
      nestedAppAuth: nestedAppAuth.isNAAChannelRecommended(),
      // Older Teams clients without the NAA bridge: our sign-in page in Teams' authentication window.
      openSignInWindow: openTeamsSignInWindow,
    });
    const baseUrl = resolveGraphBaseUrl(config, window.location.origin);
    const graph = GraphTransport.create({ baseUrl, getAccessToken: () => auth.getAccessToken() });
    // The attendance report's scope only from the organizer's click (incremental consent), on its own token.
    const attendanceAuth = auth.withConsentFor?.('attendance');
    const attendanceGraph = attendanceAuth && GraphTransport.create({ baseUrl, getAccessToken: () => attendanceAuth.getAccessToken() });
    return new TeamsHost(
      context,
      auth,
      (chatId) => findMeetingParticipants(graph, chatId),
      (chatId) => readAttendanceWithConsent(attendanceAuth, () => attendanceGraph!, chatId),
    );
  }
  const { createDemoHost } = await import(/* webpackChunkName: "host-browser-teams" */ '../hosts/browser/createDemoHost');
  return createDemoHost(['meeting']);
}
