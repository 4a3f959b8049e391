import { createRoot } from 'react-dom/client';
import { surfaceUrl } from './surfaceUrl';
import type { HostTheme } from '../hosts/Host';
import { mayBeInTeams } from '../hosts/teams/mayBeInTeams';
import { AppShell } from '../ui/shell/AppShell';
import { MeetingConfig } from '../ui/shell/MeetingConfig';

/**
 * The configuration page Teams shows when the configurable tab is added to a meeting or channel.
 * There is nothing to choose (the partner is recognised from the meeting), so saving is allowed at once.
 * teams-js is loaded only when the page may be in Teams (it fetches Microsoft's origin list on import),
 * so it is not in the page's first script either.
 */
async function start() {
  const teams = mayBeInTeams() ? await Promise.all([import('../hosts/teams/TeamsHost'), import('@microsoft/teams-js')]) : undefined;
  const context = teams ? await teams[0].initializeTeams(3000) : undefined;
  const host = {
    locale: context?.app.locale ?? navigator.language,
    theme: (context?.app.theme === 'dark' || context?.app.theme === 'contrast' ? context.app.theme : 'default') as HostTheme,
    onThemeChange: () => () => undefined,
  };
  if (teams && context) {
    const { app, pages } = teams[1];
    pages.config.registerOnSaveHandler((saveEvent) => {
      pages.config
        .setConfig({ entityId: 'partnerzicht-meeting', contentUrl: surfaceUrl('meeting.html'), suggestedDisplayName: 'Partnerzicht' })
        .then(() => saveEvent.notifySuccess(), (error: unknown) => saveEvent.notifyFailure(String(error)));
    });
    pages.config.setValidityState(true);
    app.notifySuccess();
  }
  createRoot(document.getElementById('root') as HTMLElement).render(
    <AppShell host={host}>
      <MeetingConfig />
    </AppShell>,
  );
}

void start();
