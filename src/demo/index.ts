/** The demo municipality, its generated data and the sample items of the plain-browser host. */
export { demoAttendanceMeetings, sampleChatId, type DemoAttendanceReport } from './attendance';
export { demoCalendar, type DemoCalendarMeeting } from './calendar';
export { DEMO_TEAM, demoTeamCalendar, type DemoReport, type DemoTeam } from './team';
export { createDemoData, DEFAULT_DEMO_NOW, DEMO_SEED, type DemoData, type DemoDataOptions } from './demoData';
export {
  DEPARTMENTS,
  INTERNAL_DOMAINS,
  MUNICIPALITY_NAME,
  OFFICIALS,
  THEMES,
  WETHOUDERS,
  officialByEmail,
  type Department,
  type DemoOfficial,
  type Theme,
} from './municipality';
export { IDN_DOMAIN, IDN_DOMAIN_UNICODE, PARTNER_SPECS, SHARED_CONSORTIUM_DOMAIN, type DemoContact } from './partnerRegister';
export { SAMPLE_EXPECTATIONS, SAMPLE_ITEMS, type SampleCase, type SampleItem } from './sampleMessages';
