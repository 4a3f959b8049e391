import { app, pages } from '@microsoft/teams-js';
import { createRoot } from 'react-dom/client';
import { surfaceUrl } from './surfaceUrl';
import type { HostTheme } from '../hosts/Host';
import { initializeTeams } from '../hosts/teams/TeamsHost';
import { AppShell } from '../ui/shell/AppShell';
import { MeetingConfig } from '../ui/shell/MeetingConfig';

/**
 * The configuration page Teams shows when the configurable tab is added to a meeting or channel.
 * There is nothing to choose (the partner is recognised from the meeting), so saving is allowed at once.
 */
async function start() {
  const context = await initializeTeams(3000);
  const host = {
    locale: context?.app.locale ?? navigator.language,
    theme: (context?.app.theme === 'dark' || context?.app.theme === 'contrast' ? context.app.theme : 'default') as HostTheme,
    onThemeChange: () => () => undefined,
  };
  if (context) {
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
