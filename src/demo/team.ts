/**
 * The demo official is also a manager, for the week ahead's "Afspraken van mijn medewerkers": two direct reports
 * in the directory, one who shared their calendar with the manager (with a partner meeting the manager is not in)
 * and one who did not (whose partner meeting the manager must never see). The demo server seeds the emulator's
 * directory (`manager`), the sharing and these meetings. Plain data, like calendar.ts.
 */
import { demoMeeting, type DemoCalendarMeeting } from './calendar';
import { officialByEmail, OFFICIALS, type DemoOfficial } from './municipality';

export interface DemoReport {
  official: DemoOfficial;
  /** Whether they shared their calendar with the manager (in Outlook: read access to all details). */
  sharesCalendar: boolean;
}

export interface DemoTeam {
  manager: DemoOfficial;
  reports: DemoReport[];
}

export const DEMO_TEAM: DemoTeam = {
  manager: OFFICIALS[0],
  reports: [
    { official: officialByEmail('b.vermeulen@veenhaven.nl'), sharesCalendar: true },
    { official: officialByEmail('s.devries@veenhaven.nl'), sharesCalendar: false },
  ],
};

/** The reports' own meetings of the next two weeks (the manager takes part in none of them). */
export function demoTeamCalendar(now: Date, team: DemoTeam = DEMO_TEAM): DemoCalendarMeeting[] {
  const [shares, keeps] = team.reports.map((r) => ({ email: r.official.email, name: r.official.name }));
  return [
    demoMeeting(now, 'team-veenstroom', 'Huisvesting cliënten beschermd wonen', 4, 5, shares, [{ email: 't.peters@zorggroepveenstroom.nl', name: 'Tom Peters' }]),
    demoMeeting(now, 'team-werkoverleg', 'Werkoverleg bijzondere doelgroepen', 6, 0, shares, [keeps]),
    demoMeeting(now, 'team-thuisbaas', 'Gebiedsvisie Veenhaven-Oost met Thuisbaas', 7, 3, keeps, [{ email: 'n.haddou@thuisbaaswonen.nl', name: 'Naima Haddou' }]),
  ];
}
