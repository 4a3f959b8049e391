import { loadAppConfig } from '../config/appConfig';
import type { Host } from '../hosts/Host';
import { mayBeInTeams } from '../hosts/teams/mayBeInTeams';

const TEAMS_INIT_TIMEOUT_MS = 3000;

/** Teams when `app.initialize()` succeeds in time; otherwise the plain-browser demo host. */
export async function pickTeamsHost(): Promise<Host> {
  const teams = mayBeInTeams() ? await import('../hosts/teams/TeamsHost') : undefined;
  const context = teams && (await teams.initializeTeams(TEAMS_INIT_TIMEOUT_MS));
  if (teams && context) {
    const { TeamsHost } = teams;
    const { createMsalTokenSource } = await import('../hosts/auth/msalTokenSource');
    return new TeamsHost(context, createMsalTokenSource(loadAppConfig(), context.user?.loginHint));
  }
  const { createDemoHost } = await import('../hosts/browser/createDemoHost');
  return createDemoHost(['meeting']);
}
