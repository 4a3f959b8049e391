/**
 * Who Partnerzicht is to Microsoft 365: the one source of truth for the app id, names, version,
 * Outlook requirements and the URLs of the surfaces. Both manifests (the unified Microsoft 365
 * app manifest and the XML add-in-only manifest) are generated from this file, and the browser
 * bundle imports from it too (deep links, requirement-set checks), so it must stay free of
 * Node-only imports.
 */

/**
 * The app id of the unified Microsoft 365 app manifest (Teams app id, Outlook extension). Never
 * change it after a tenant has installed the app; a new id is a new app.
 */
export const APP_ID = '36ce7fc9-21a6-43c6-aae9-7504d7f44217';

/**
 * The XML add-in-only manifest's `<Id>`: a different GUID, as Microsoft requires for an add-in that
 * ships both manifests. The unified manifest names it in `extensions[].alternates[].hide
 * .customOfficeAddin.officeAddinId`, so a client that has both shows one add-in
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/duplicate-legacy-metaos-add-ins).
 */
export const XML_ADDIN_ID = '4cbb1645-f0db-4d1c-86c9-e55d9c2c89a9';

/**
 * The app's release version (semver, as the unified manifest requires). Teams and Outlook only
 * pick up a changed manifest when this increases. The XML manifest needs four parts; see
 * `xmlManifestVersion`.
 */
export const APP_VERSION = '0.1.0';

/** `1.2.3` → `1.2.3.0`: the XML manifest requires the `n.n.n.n` form. */
export function xmlManifestVersion(version: string = APP_VERSION): string {
  const parts = version.split('.');
  while (parts.length < 4) parts.push('0');
  return parts.slice(0, 4).join('.');
}

export type AppLanguage = 'nl' | 'en';

/** Dutch is the default everywhere (manifests and UI); English is the one other language. */
export const DEFAULT_LANGUAGE: AppLanguage = 'nl';

/** Locale tags as the two manifests spell them. */
export const MANIFEST_LOCALES = {
  /** XML `DefaultLocale` and the unified manifest's `defaultLanguageTag`. */
  default: 'nl-NL',
  /** XML `<Override Locale>`: Outlook matches overrides on the full tag. */
  englishXml: 'en-US',
  /** Unified manifest `additionalLanguages`: Teams falls back from `en-GB`/`en-US` to `en`. */
  englishJson: 'en',
} as const;

export interface LocalizedAppText {
  /** At most 30 characters (unified manifest `name.short`). */
  shortName: string;
  /** At most 100 characters. */
  fullName: string;
  /** At most 80 characters. */
  shortDescription: string;
  /** At most 4000 characters in JSON, 250 in the XML manifest's `Description`. */
  fullDescription: string;
  /** Ribbon group label in Outlook (at most 64 characters in JSON, 125 in XML). */
  ribbonGroupLabel: string;
  /** Ribbon button label. */
  ribbonButtonLabel: string;
  /** Ribbon button supertip title and description (description at most 250 characters). */
  ribbonTipTitle: string;
  ribbonTipDescription: string;
  /** Name of the personal overview tab in Teams. */
  overviewTabName: string;
}

export const APP_TEXT: Record<AppLanguage, LocalizedAppText> = {
  nl: {
    shortName: 'Partnerzicht',
    fullName: 'Partnerzicht: strategisch relatiebeheer voor gemeenten',
    shortDescription: 'Zie bij mail en vergaderingen wie de partner is voor de hele gemeente.',
    fullDescription:
      'Partnerzicht laat ambtenaren in Outlook en Teams zien met welke strategische partner zij te maken hebben: ' +
      'woningcorporaties, ziekenhuizen, zorg- en onderwijsinstellingen, bedrijven en buurgemeenten. ' +
      'Bij een e-mail of vergadering ziet u wie de partner is voor de hele gemeente en legt u in een paar woorden ' +
      'een contactmoment vast. In het overzicht zien managers welke afdelingen met welke partners over welke thema\'s ' +
      'in gesprek zijn. De gegevens blijven in de eigen Microsoft 365-omgeving van de gemeente.',
    ribbonGroupLabel: 'Partnerzicht',
    ribbonButtonLabel: 'Partnerzicht',
    ribbonTipTitle: 'Partner bekijken',
    ribbonTipDescription: 'Toont de partner bij dit bericht of deze afspraak en laat u een contactmoment vastleggen.',
    overviewTabName: 'Overzicht',
  },
  en: {
    shortName: 'Partnerzicht',
    fullName: 'Partnerzicht: strategic partner relations for municipalities',
    shortDescription: 'See in email and meetings who a partner is to the whole municipality.',
    fullDescription:
      'Partnerzicht shows officials in Outlook and Teams which strategic partner they are dealing with: ' +
      'housing corporations, hospitals, care and education organisations, businesses and neighbouring municipalities. ' +
      'Next to an email or meeting you see who the partner is to the whole municipality and log an interaction in a few words. ' +
      'In the overview, managers see which departments talk to which partners about which themes. ' +
      "The data stays in the municipality's own Microsoft 365 tenant.",
    ribbonGroupLabel: 'Partnerzicht',
    ribbonButtonLabel: 'Partnerzicht',
    ribbonTipTitle: 'View partner',
    ribbonTipDescription: 'Shows the partner of this message or appointment and lets you log an interaction.',
    overviewTabName: 'Overview',
  },
};

/**
 * The Teams activity-feed notifications the app sends to a relationship owner (src/data/ownerNotifier.ts), declared
 * in the unified manifest's `activities.activityTypes`: Graph's sendActivityNotification takes only declared types
 * ("Send activity feed notifications to users in Microsoft Teams", https://learn.microsoft.com/graph/teams-send-activityfeednotifications).
 * `{actor}` is the sender (Teams fills it in); `{partner}` comes from the request's templateParameters.
 */
export const ACTIVITY_TYPES = {
  noteLogged: 'partnerNoteLogged',
  notesToday: 'partnerNotesToday',
  agendaOverdue: 'partnerAgendaOverdue',
} as const;
export type ActivityKey = keyof typeof ACTIVITY_TYPES;

/** Per language: `description` (at most 128 characters) and `templateText` (at most 128). */
export const ACTIVITY_TEXT: Record<AppLanguage, Record<ActivityKey, { description: string; templateText: string }>> = {
  nl: {
    noteLogged: { description: 'Een collega van een andere afdeling legde contact vast met een partner die jij beheert', templateText: '{actor} legde contact vast met {partner}' },
    notesToday: { description: 'Dagelijkse melding: vandaag legden collega\'s contact vast met een partner die jij beheert', templateText: 'Vandaag nieuw contact met {partner}, onder meer door {actor}' },
    agendaOverdue: { description: 'Een agendapunt met een partner die jij beheert is over tijd', templateText: 'Agendapunt met {partner} is over tijd' },
  },
  en: {
    noteLogged: { description: 'A colleague from another department logged a contact with a partner you own', templateText: '{actor} logged a contact with {partner}' },
    notesToday: { description: 'Daily notice: colleagues logged contacts today with a partner you own', templateText: 'New contact with {partner} today, among others by {actor}' },
    agendaOverdue: { description: 'An agenda item with a partner you own is overdue', templateText: 'Agenda item with {partner} is overdue' },
  },
};

/** Developer details shown in the Teams app store and in Outlook's add-in details. */
export const DEVELOPER = {
  name: 'Partnerzicht',
  /** Pages served next to the surfaces; Teams requires all three links. */
  websitePath: '/',
  privacyPath: '/privacy.html',
  termsPath: '/terms.html',
} as const;

/** Brand colour: the unified manifest's `accentColor` and the background of the colour icon. */
export const BRAND_COLOR = '#1B6A7A';

/**
 * Outlook requirement sets. The floor is what the task pane cannot work without; everything newer
 * is detected at run time (`Office.context.requirements.isSupported`) so the pane still opens on
 * Outlook on iOS/Android and Outlook 2019, which stop at Mailbox 1.5/1.6, and says what is missing.
 */
export const OUTLOOK_REQUIREMENTS = {
  /** Manifest minimum: pinnable task pane and the ItemChanged event both need Mailbox 1.5. */
  minimum: '1.5',
  /** item.categories and mailbox.masterCategories (tag an email with its partner). */
  categories: '1.8',
  /** mailbox.displayNewMessageForm with a MessageForm (toRecipients, subject, htmlBody): the feedback request. */
  newMessageForm: '1.6',
  /** item.loadCustomPropertiesAsync ("already logged" marker on the item). */
  customProperties: '1.1',
  /** Pinnable task pane + ItemChanged. */
  pinning: '1.5',
  /** Add-in visible in shared folders (delegate access); shared mailboxes need 1.13. */
  sharedFolders: '1.8',
  /** The OfficeThemeChanged event: the pane follows a theme switched while it is open. */
  themeChanged: '1.14',
  /**
   * OnMessageRecipientsChanged / OnAppointmentAttendeesChanged (event-based activation): the compose
   * notification runs only where the client has 1.11 (https://learn.microsoft.com/office/dev/add-ins/outlook/autolaunch).
   */
  launchEvents: '1.11',
} as const;

/**
 * The Outlook permission level. Read/write mailbox is the only level that may add a category to
 * the mailbox's master list (`masterCategories.addAsync`), which partner tagging needs the first
 * time a partner is tagged. An administrator who will not grant it can package with read/write
 * item (`PARTNERZICHT_MAILBOX_PERMISSION=ReadWriteItem`): tagging then only uses categories that
 * already exist, and the pane says so.
 */
export type MailboxPermission = 'ReadWriteMailbox' | 'ReadWriteItem';
export const DEFAULT_MAILBOX_PERMISSION: MailboxPermission = 'ReadWriteMailbox';

/** Unified-manifest names of the same levels. */
export const MAILBOX_PERMISSION_JSON_NAME: Record<MailboxPermission, string> = {
  ReadWriteMailbox: 'Mailbox.ReadWrite.User',
  ReadWriteItem: 'MailboxItem.ReadWrite.User',
};

/** Ids the surfaces use in deep links; they must match the manifest. */
export const TEAMS_TAB_IDS = {
  /** `entityId` of the personal overview tab (deep link: `.../entityId=overview`). */
  overview: 'overview',
  /** `id` of the configurable meeting/channel tab. */
  meeting: 'partnerzicht-meeting',
} as const;

/** Development base: the surfaces served by `npm start`. */
export const DEV_BASE_URL = 'https://localhost:3000';

/**
 * Placeholder for the Entra app registration's client id in development manifests. It is a valid
 * GUID so the manifests pass their schemas, and obviously not a real registration; production
 * packaging refuses it.
 */
export const PLACEHOLDER_CLIENT_ID = '00000000-0000-0000-0000-000000000000';

/** Environment variables read by the packaging scripts (never by the browser bundle). */
export const DEPLOYMENT_ENV = {
  baseUrl: 'PARTNERZICHT_BASE_URL',
  clientId: 'PARTNERZICHT_CLIENT_ID',
  mailboxPermission: 'PARTNERZICHT_MAILBOX_PERMISSION',
} as const;

/** Icon sizes the XML manifest and the Outlook ribbon reference, served from `/assets/`. */
export const WEB_ICON_SIZES = [16, 32, 64, 80, 128] as const;
export type WebIconSize = (typeof WEB_ICON_SIZES)[number];

export interface SurfaceUrls {
  /** Outlook task pane: read and compose mode messages and appointments. */
  outlook: string;
  /** The event runtime's page (browser runtimes) and its one script (classic Outlook on Windows loads it directly). */
  events: string;
  eventsScript: string;
  /** Teams meeting side panel and configurable tab content. */
  meeting: string;
  /** Configuration page of the configurable tab. */
  meetingConfig: string;
  /** Teams personal overview tab. */
  overview: string;
  /** Developer links required by the Teams store listing. */
  website: string;
  privacy: string;
  terms: string;
  /** Absolute icon URLs (`/assets/icon-<size>.png`). */
  icons: Record<WebIconSize, string>;
}

/**
 * The event runtime's script under a fixed name (not content-hashed): classic Outlook on Windows loads
 * the file the manifest names, so the name cannot change with each build.
 */
export const EVENTS_SCRIPT = 'events.js';

/** Drops a trailing slash so `https://x/` and `https://x` give the same URLs. */
export function normaliseBaseUrl(baseUrl: string): string {
  return baseUrl.trim().replace(/\/+$/, '');
}

/** The URLs of every surface and asset for a deployment base such as `https://localhost:3000`. */
export function surfaceUrls(baseUrl: string): SurfaceUrls {
  const base = normaliseBaseUrl(baseUrl);
  const icons = {} as Record<WebIconSize, string>;
  for (const size of WEB_ICON_SIZES) icons[size] = `${base}/assets/icon-${size}.png`;
  return {
    outlook: `${base}/outlook.html`,
    events: `${base}/events.html`,
    eventsScript: `${base}/${EVENTS_SCRIPT}`,
    meeting: `${base}/meeting.html`,
    meetingConfig: `${base}/meeting-config.html`,
    overview: `${base}/overview.html`,
    website: `${base}${DEVELOPER.websitePath}`,
    privacy: `${base}${DEVELOPER.privacyPath}`,
    terms: `${base}${DEVELOPER.termsPath}`,
    icons,
  };
}

/** Host (with port, if any) of a base URL: what `validDomains` and `AppDomains` must cover. */
export function baseHost(baseUrl: string): string {
  return new URL(normaliseBaseUrl(baseUrl)).host;
}

/**
 * The Application ID URI Teams and Office SSO expect on the Entra registration:
 * `api://<host>/<clientId>` (host as served, port included in development).
 */
export function webApplicationResource(baseUrl: string, clientId: string): string {
  return `api://${baseHost(baseUrl)}/${clientId}`;
}
