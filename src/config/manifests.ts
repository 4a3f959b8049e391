/**
 * Builds both manifests from `appIdentity.ts`:
 * - the unified Microsoft 365 app manifest (`appPackage/manifest.json` + `en.json`): Teams tabs and
 *   the Outlook extension, taken by Teams, new Outlook, Outlook on the web and recent classic
 *   Outlook on Windows;
 * - the XML add-in-only manifest (`manifest/manifest.xml`) for the Outlook clients that do not take
 *   the unified manifest (Outlook on Mac, iOS/Android, older Windows builds).
 *
 * Pure functions of a `Deployment`: no file system here, so tests and the drift check can build
 * exactly what `scripts/package.ts` writes.
 */
import type { TeamsManifestV1D30 } from '@microsoft/app-manifest/build/generated-types/teams/TeamsManifestV1D30';
import {
  APP_ID,
  ACTIVITY_TEXT,
  ACTIVITY_TYPES,
  APP_TEXT,
  type AppLanguage,
  APP_VERSION,
  BRAND_COLOR,
  DEFAULT_MAILBOX_PERMISSION,
  DEPLOYMENT_ENV,
  DEV_BASE_URL,
  DEVELOPER,
  MAILBOX_PERMISSION_JSON_NAME,
  MANIFEST_LOCALES,
  OUTLOOK_REQUIREMENTS,
  PLACEHOLDER_CLIENT_ID,
  TEAMS_TAB_IDS,
  WEB_ICON_SIZES,
  XML_ADDIN_ID,
  baseHost,
  normaliseBaseUrl,
  surfaceUrls,
  webApplicationResource,
  xmlManifestVersion,
  type LocalizedAppText,
  type MailboxPermission,
  type WebIconSize,
} from './appIdentity';
import { COMPOSE_COMMAND_IDS, OUTLOOK_IDS } from './outlookIds';
import { ALL_GRAPH_SCOPES } from './scopes';

/**
 * The newest manifest version whose JSON schema ships inside the installed `@microsoft/app-manifest`
 * (build/json-schemas/teams/v1.30), so `npm run validate` can check it offline. `vDevPreview` is
 * newer but is a moving preview that admin centres may refuse.
 */
export const TEAMS_MANIFEST_VERSION = '1.30' as const;
export const TEAMS_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
export const TEAMS_LOCALIZATION_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`;

export type TeamsManifest = TeamsManifestV1D30;
export type TeamsLocalization = Record<string, string>;

/** File names inside the Teams/Microsoft 365 app package (and in `appPackage/`). */
export const PACKAGE_FILES = {
  manifest: 'manifest.json',
  english: 'en.json',
  color: 'color.png',
  outline: 'outline.png',
} as const;

export interface Deployment {
  /** `https://localhost:3000` in development, `PARTNERZICHT_BASE_URL` in production. */
  baseUrl: string;
  /** Entra app registration client id (`PARTNERZICHT_CLIENT_ID`). */
  clientId: string;
  mailboxPermission: MailboxPermission;
  kind: 'development' | 'production';
}

/** What the committed manifests are generated from: deterministic, no environment involved. */
export const DEV_DEPLOYMENT: Deployment = {
  baseUrl: DEV_BASE_URL,
  clientId: PLACEHOLDER_CLIENT_ID,
  mailboxPermission: DEFAULT_MAILBOX_PERMISSION,
  kind: 'development',
};

export class DeploymentConfigError extends Error {
  override name = 'DeploymentConfigError';
}

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** Hosts that only exist on the developer's machine; a tenant-wide package must never point there. */
export function isLocalHost(host: string): boolean {
  const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name === '::1' ||
    /^127\./.test(name) ||
    name === '0.0.0.0'
  );
}

/**
 * Reads the deployment from the environment. Production refuses anything that would install but
 * not work in a tenant: no base URL, a non-https or localhost base, a missing or placeholder
 * client id.
 */
export function resolveDeployment(
  env: Record<string, string | undefined>,
  options: { dev: boolean },
): Deployment {
  const permission = (env[DEPLOYMENT_ENV.mailboxPermission] ?? '').trim() || DEFAULT_MAILBOX_PERMISSION;
  if (permission !== 'ReadWriteMailbox' && permission !== 'ReadWriteItem') {
    throw new DeploymentConfigError(
      `${DEPLOYMENT_ENV.mailboxPermission} must be ReadWriteMailbox or ReadWriteItem, not "${permission}".`,
    );
  }
  const clientIdRaw = (env[DEPLOYMENT_ENV.clientId] ?? '').trim();

  if (options.dev) {
    if (clientIdRaw && !isGuid(clientIdRaw)) {
      throw new DeploymentConfigError(`${DEPLOYMENT_ENV.clientId} must be a GUID, not "${clientIdRaw}".`);
    }
    return {
      baseUrl: DEV_BASE_URL,
      clientId: clientIdRaw || PLACEHOLDER_CLIENT_ID,
      mailboxPermission: permission,
      kind: 'development',
    };
  }

  const baseRaw = (env[DEPLOYMENT_ENV.baseUrl] ?? '').trim();
  if (!baseRaw) {
    throw new DeploymentConfigError(
      `${DEPLOYMENT_ENV.baseUrl} is not set. Set it to the https address where the surfaces are hosted ` +
        `(for example https://partnerzicht.gemeente.nl), or pass --dev for a localhost package.`,
    );
  }
  let url: URL;
  try {
    url = new URL(baseRaw);
  } catch {
    throw new DeploymentConfigError(`${DEPLOYMENT_ENV.baseUrl} is not a URL: "${baseRaw}".`);
  }
  if (url.protocol !== 'https:') {
    throw new DeploymentConfigError(
      `${DEPLOYMENT_ENV.baseUrl} must use https (Teams and Outlook refuse http pages): "${baseRaw}". ` +
        `Use --dev for the local https://localhost:3000 package.`,
    );
  }
  if (isLocalHost(url.host)) {
    throw new DeploymentConfigError(
      `${DEPLOYMENT_ENV.baseUrl} points at this machine ("${url.host}"); a production package must use the ` +
        `public host of the deployment. Use --dev for a localhost package.`,
    );
  }
  if (url.search || url.hash) {
    throw new DeploymentConfigError(`${DEPLOYMENT_ENV.baseUrl} must not contain a query or fragment: "${baseRaw}".`);
  }
  if (!clientIdRaw) {
    throw new DeploymentConfigError(
      `${DEPLOYMENT_ENV.clientId} is not set. Set it to the Application (client) ID of the Entra app registration.`,
    );
  }
  if (!isGuid(clientIdRaw) || clientIdRaw === PLACEHOLDER_CLIENT_ID) {
    throw new DeploymentConfigError(
      `${DEPLOYMENT_ENV.clientId} must be the GUID of the Entra app registration, not "${clientIdRaw}".`,
    );
  }
  return {
    baseUrl: normaliseBaseUrl(url.toString()),
    clientId: clientIdRaw,
    mailboxPermission: permission,
    kind: 'production',
  };
}

export interface PermissionDeclaration {
  name: string;
  type: 'Delegated' | 'Application';
  /** Why the app needs it; docs/manifests.md repeats this for administrators. */
  why: string;
}

/**
 * `authorization.permissions.resourceSpecific`: only the Outlook permissions the pane uses. No Teams
 * resource-specific consent: the meeting panel reads its participants through Microsoft Graph with
 * the official's delegated scopes (src/config/scopes.ts, src/hosts/meeting/meetingParticipants.ts) and
 * calls no teams-js or Graph API that RSC guards. The meeting RSC permissions that would fit
 * (`OnlineMeeting.ReadBasic.Chat`, `ChannelMeeting.ReadBasic.Group`,
 * `ChannelMeetingParticipant.Read.Group`) exist only as Application permissions, for a backend Partnerzicht
 * does not have; scripts/lib/resourceSpecificPermissions.ts checks every declaration's type.
 */
export function manifestPermissions(permission: MailboxPermission): PermissionDeclaration[] {
  return [
    {
      name: MAILBOX_PERMISSION_JSON_NAME[permission],
      type: 'Delegated',
      why:
        permission === 'ReadWriteMailbox'
          ? 'Add a "Partner: …" category to the mailbox master list the first time a partner is tagged (masterCategories.addAsync needs read/write mailbox), ' +
            'set it on the item, and store the link to the logged interaction in the item\'s custom properties.'
          : 'Set existing categories on the item and store the link to the logged interaction in its custom properties; ' +
            'new partner categories cannot be created at this level.',
    },
    {
      name: 'Mailbox.SharedFolder',
      type: 'Delegated',
      why:
        'Let the pane open on items in shared mailboxes and delegated folders (team mailboxes are common in municipalities); ' +
        'the unified-manifest counterpart of <SupportsSharedFolders>.',
    },
  ];
}

export { COMPOSE_COMMAND_IDS, OUTLOOK_IDS };

/** The Outlook ribbon needs 16, 32 and 80 pixel icons. */
const RIBBON_ICON_SIZES = [16, 32, 80] as const satisfies readonly WebIconSize[];

function ribbonIcons(deployment: Deployment): { size: number; url: string }[] {
  const urls = surfaceUrls(deployment.baseUrl).icons;
  return RIBBON_ICON_SIZES.map((size) => ({ size, url: urls[size] }));
}

function mailboxCapability(minVersion: string = OUTLOOK_REQUIREMENTS.minimum): { name: string; minVersion: string }[] {
  return [{ name: 'Mailbox', minVersion }];
}

export function buildTeamsManifest(deployment: Deployment): TeamsManifest {
  const urls = surfaceUrls(deployment.baseUrl);
  const nl = APP_TEXT.nl;
  const icons = ribbonIcons(deployment);
  const ribbonGroup = (groupId: string, buttonId: string, actionId: string) => ({
    id: groupId,
    label: nl.ribbonGroupLabel,
    icons,
    controls: [
      {
        id: buttonId,
        type: 'button' as const,
        label: nl.ribbonButtonLabel,
        icons,
        supertip: { title: nl.ribbonTipTitle, description: nl.ribbonTipDescription },
        actionId,
      },
    ],
  });

  return {
    $schema: TEAMS_SCHEMA_URL,
    manifestVersion: TEAMS_MANIFEST_VERSION,
    version: APP_VERSION,
    id: APP_ID,
    localizationInfo: {
      defaultLanguageTag: MANIFEST_LOCALES.default,
      additionalLanguages: [{ languageTag: MANIFEST_LOCALES.englishJson, file: PACKAGE_FILES.english }],
    },
    developer: {
      name: DEVELOPER.name,
      websiteUrl: urls.website,
      privacyUrl: urls.privacy,
      termsOfUseUrl: urls.terms,
    },
    name: { short: nl.shortName, full: nl.fullName },
    description: { short: nl.shortDescription, full: nl.fullDescription },
    icons: { color: PACKAGE_FILES.color, outline: PACKAGE_FILES.outline },
    accentColor: BRAND_COLOR,
    staticTabs: [
      {
        entityId: TEAMS_TAB_IDS.overview,
        name: nl.overviewTabName,
        contentUrl: urls.overview,
        websiteUrl: urls.overview,
        scopes: ['personal'],
        context: ['personalTab'],
      },
    ],
    configurableTabs: [
      {
        id: TEAMS_TAB_IDS.meeting,
        configurationUrl: urls.meetingConfig,
        canUpdateConfiguration: true,
        // groupChat carries meetings (side panel, meeting chat and details tabs) and ordinary chats;
        // team carries channel tabs (and channel meetings).
        scopes: ['team', 'groupChat'],
        context: ['meetingSidePanel', 'meetingChatTab', 'meetingDetailsTab', 'channelTab', 'privateChatTab'],
      },
    ],
    // Every page and icon is served from the one base host; sign-in runs through nested app
    // authentication or our sign-in page in Teams' authentication window, never in the tab itself.
    validDomains: [baseHost(deployment.baseUrl)],
    webApplicationInfo: {
      id: deployment.clientId,
      resource: webApplicationResource(deployment.baseUrl, deployment.clientId),
    },
    authorization: {
      permissions: {
        resourceSpecific: manifestPermissions(deployment.mailboxPermission).map(
          ({ name, type }) => ({ name, type }),
        ),
      },
    },
    // The owner's notifications (src/data/ownerNotifier.ts): Graph sends only activity types declared here.
    activities: {
      activityTypes: (Object.keys(ACTIVITY_TYPES) as Array<keyof typeof ACTIVITY_TYPES>).map((key) => ({ type: ACTIVITY_TYPES[key], ...ACTIVITY_TEXT.nl[key] })),
    },
    defaultGroupCapability: { team: 'tab', groupchat: 'tab', meetings: 'tab' },
    extensions: [
      {
        requirements: { scopes: ['mail'], capabilities: mailboxCapability() },
        runtimes: [
          {
            requirements: { capabilities: mailboxCapability() },
            id: OUTLOOK_IDS.runtime,
            type: 'general',
            code: { page: urls.outlook },
            lifetime: 'short',
            actions: [
              // Outlook only pins task panes on messages; appointments get a plain pane.
              { id: OUTLOOK_IDS.messageAction, type: 'openPage', view: 'message', pinnable: true },
              { id: OUTLOOK_IDS.appointmentAction, type: 'openPage', view: 'appointment', pinnable: false },
            ],
          },
          {
            // Classic Outlook on Windows loads `script` in its JavaScript-only runtime; the other clients
            // load `page`, which loads the same script (autolaunch, on-new-compose-events-walkthrough).
            requirements: { capabilities: mailboxCapability(OUTLOOK_REQUIREMENTS.launchEvents) },
            id: OUTLOOK_IDS.eventRuntime,
            type: 'general',
            code: { page: urls.events, script: urls.eventsScript },
            lifetime: 'short',
            actions: [
              { id: OUTLOOK_IDS.recipientsChanged, type: 'executeFunction', displayName: OUTLOOK_IDS.recipientsChanged },
              { id: OUTLOOK_IDS.attendeesChanged, type: 'executeFunction', displayName: OUTLOOK_IDS.attendeesChanged },
            ],
          },
        ],
        ribbons: [
          {
            contexts: ['mailRead'],
            tabs: [
              {
                builtInTabId: 'TabDefault',
                groups: [ribbonGroup(OUTLOOK_IDS.messageGroup, OUTLOOK_IDS.messageButton, OUTLOOK_IDS.messageAction)],
              },
            ],
          },
          // Attendee and organizer apart, with the XML manifest's ids: the compose notification's action
          // names the organizer's button (COMPOSE_COMMAND_IDS), whichever manifest installed the add-in.
          {
            contexts: ['meetingDetailsAttendee'],
            tabs: [
              {
                builtInTabId: 'TabDefault',
                groups: [
                  ribbonGroup(`${OUTLOOK_IDS.appointmentGroup}Att`, `${OUTLOOK_IDS.appointmentButton}Att`, OUTLOOK_IDS.appointmentAction),
                ],
              },
            ],
          },
          {
            contexts: ['meetingDetailsOrganizer'],
            tabs: [
              {
                builtInTabId: 'TabDefault',
                groups: [
                  ribbonGroup(`${OUTLOOK_IDS.appointmentGroup}Org`, COMPOSE_COMMAND_IDS.appointment, OUTLOOK_IDS.appointmentAction),
                ],
              },
            ],
          },
          // While writing: the same pane, reading the recipients from the draft (src/hosts/outlook).
          {
            contexts: ['mailCompose'],
            tabs: [
              {
                builtInTabId: 'TabDefault',
                groups: [ribbonGroup(OUTLOOK_IDS.composeGroup, COMPOSE_COMMAND_IDS.message, OUTLOOK_IDS.messageAction)],
              },
            ],
          },
        ],
        // Event-based activation (https://learn.microsoft.com/office/dev/add-ins/outlook/autolaunch):
        // recipients or attendees changed while composing (Mailbox 1.11) run src/events in its own
        // runtime; a client below 1.11 skips this declaration and the add-in works as before.
        autoRunEvents: [
          {
            requirements: { capabilities: mailboxCapability(OUTLOOK_REQUIREMENTS.launchEvents), scopes: ['mail'] },
            events: [
              { type: 'messageRecipientsChanged', actionId: OUTLOOK_IDS.recipientsChanged },
              { type: 'appointmentAttendeesChanged', actionId: OUTLOOK_IDS.attendeesChanged },
            ],
          },
        ],
        // A client that has both this extension and the XML add-in shows only this one; the XML add-in
        // is deployed by the tenant, not the Marketplace, hence customOfficeAddin.
        alternates: [{ hide: { customOfficeAddin: { officeAddinId: XML_ADDIN_ID } } }],
      },
    ],
  };
}

/** The English strings file (`en.json`): keys are manifest paths, values replace the Dutch defaults. */
export function buildTeamsLocalization(text: LocalizedAppText = APP_TEXT.en, language: AppLanguage = 'en'): TeamsLocalization {
  const localization: TeamsLocalization = {
    $schema: TEAMS_LOCALIZATION_SCHEMA_URL,
    'name.short': text.shortName,
    'name.full': text.fullName,
    'description.short': text.shortDescription,
    'description.full': text.fullDescription,
    'staticTabs[0].name': text.overviewTabName,
  };
  (Object.keys(ACTIVITY_TYPES) as Array<keyof typeof ACTIVITY_TYPES>).forEach((key, i) => {
    localization[`activities.activityTypes[${i}].description`] = ACTIVITY_TEXT[language][key].description;
    localization[`activities.activityTypes[${i}].templateText`] = ACTIVITY_TEXT[language][key].templateText;
  });
  for (const ribbon of [0, 1, 2, 3]) {
    const group = `extensions[0].ribbons[${ribbon}].tabs[0].groups[0]`;
    localization[`${group}.label`] = text.ribbonGroupLabel;
    localization[`${group}.controls[0].label`] = text.ribbonButtonLabel;
    localization[`${group}.controls[0].supertip.title`] = text.ribbonTipTitle;
    localization[`${group}.controls[0].supertip.description`] = text.ribbonTipDescription;
  }
  return localization;
}

/** JSON as committed: two-space indent and a final newline, so diffs stay small. */
export function toJsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// XML add-in-only manifest
// ---------------------------------------------------------------------------------------------

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Resource ids: Outlook rejects a manifest whose resid is longer than 32 characters. */
const RES = {
  paneUrl: 'Pane.Url',
  eventsPage: 'Events.Url',
  eventsScript: 'EventsScript.Url',
  groupLabel: 'Group.Label',
  buttonLabel: 'Button.Label',
  tipTitle: 'Tip.Title',
  tipDescription: 'Tip.Description',
  icon: (size: WebIconSize) => `Icon.${size}x${size}`,
} as const;

/** `<X DefaultValue="nl"><Override Locale="en-US" Value="en"/></X>` for base-manifest elements. */
function localizedElement(indent: string, element: string, nl: string, en: string): string {
  return (
    `${indent}<${element} DefaultValue="${escapeXml(nl)}">\n` +
    `${indent}  <Override Locale="${MANIFEST_LOCALES.englishXml}" Value="${escapeXml(en)}"/>\n` +
    `${indent}</${element}>`
  );
}

/** `<bt:String>` with its English override. */
function localizedString(indent: string, id: string, nl: string, en: string): string {
  return (
    `${indent}<bt:String id="${id}" DefaultValue="${escapeXml(nl)}">\n` +
    `${indent}  <bt:Override Locale="${MANIFEST_LOCALES.englishXml}" Value="${escapeXml(en)}"/>\n` +
    `${indent}</bt:String>`
  );
}

function desktopControl(indent: string, id: string, pinnable: boolean): string {
  const i = indent;
  return [
    `${i}<Control xsi:type="Button" id="${id}">`,
    `${i}  <Label resid="${RES.buttonLabel}"/>`,
    `${i}  <Supertip>`,
    `${i}    <Title resid="${RES.tipTitle}"/>`,
    `${i}    <Description resid="${RES.tipDescription}"/>`,
    `${i}  </Supertip>`,
    `${i}  <Icon>`,
    ...RIBBON_ICON_SIZES.map((size) => `${i}    <bt:Image size="${size}" resid="${RES.icon(size)}"/>`),
    `${i}  </Icon>`,
    `${i}  <Action xsi:type="ShowTaskpane">`,
    `${i}    <SourceLocation resid="${RES.paneUrl}"/>`,
    ...(pinnable ? [`${i}    <SupportsPinning>true</SupportsPinning>`] : []),
    `${i}  </Action>`,
    `${i}</Control>`,
  ].join('\n');
}

function extensionPoint(indent: string, type: string, groupId: string, buttonId: string, pinnable: boolean): string {
  const i = indent;
  return [
    `${i}<ExtensionPoint xsi:type="${type}">`,
    `${i}  <OfficeTab id="TabDefault">`,
    `${i}    <Group id="${groupId}">`,
    `${i}      <Label resid="${RES.groupLabel}"/>`,
    desktopControl(`${i}      `, buttonId, pinnable),
    `${i}    </Group>`,
    `${i}  </OfficeTab>`,
    `${i}</ExtensionPoint>`,
  ].join('\n');
}

/**
 * Outlook on iOS/Android wants 25, 32 and 48 point icons at scales 1–3; each takes the smallest
 * served icon that is at least as large, so nothing is upscaled.
 */
function mobileIconResid(points: number, scale: number): string {
  const needed = points * scale;
  const size = WEB_ICON_SIZES.find((s) => s >= needed) ?? WEB_ICON_SIZES[WEB_ICON_SIZES.length - 1];
  return RES.icon(size);
}

function mobileFormFactor(indent: string): string {
  const i = indent;
  const images: string[] = [];
  for (const points of [25, 32, 48]) {
    for (const scale of [1, 2, 3]) {
      images.push(`${i}          <bt:Image size="${points}" scale="${scale}" resid="${mobileIconResid(points, scale)}"/>`);
    }
  }
  return [
    `${i}<MobileFormFactor>`,
    `${i}  <FunctionFile resid="${RES.paneUrl}"/>`,
    `${i}  <ExtensionPoint xsi:type="MobileMessageReadCommandSurface">`,
    `${i}    <Group id="partnerzichtMobileRead">`,
    `${i}      <Label resid="${RES.groupLabel}"/>`,
    `${i}      <Control xsi:type="MobileButton" id="partnerzichtMobileButton">`,
    `${i}        <Label resid="${RES.buttonLabel}"/>`,
    // Microsoft's Icon reference: an Icon inside MobileFormFactor must say xsi:type="bt:MobileIconList".
    `${i}        <Icon xsi:type="bt:MobileIconList">`,
    ...images,
    `${i}        </Icon>`,
    `${i}        <Action xsi:type="ShowTaskpane">`,
    `${i}          <SourceLocation resid="${RES.paneUrl}"/>`,
    `${i}        </Action>`,
    `${i}      </Control>`,
    `${i}    </Group>`,
    `${i}  </ExtensionPoint>`,
    `${i}</MobileFormFactor>`,
  ].join('\n');
}

function resources(indent: string, deployment: Deployment): string {
  const i = indent;
  const urls = surfaceUrls(deployment.baseUrl);
  const { nl, en } = APP_TEXT;
  return [
    `${i}<Resources>`,
    `${i}  <bt:Images>`,
    ...WEB_ICON_SIZES.map((size) => `${i}    <bt:Image id="${RES.icon(size)}" DefaultValue="${escapeXml(urls.icons[size])}"/>`),
    `${i}  </bt:Images>`,
    `${i}  <bt:Urls>`,
    `${i}    <bt:Url id="${RES.paneUrl}" DefaultValue="${escapeXml(urls.outlook)}"/>`,
    `${i}    <bt:Url id="${RES.eventsPage}" DefaultValue="${escapeXml(urls.events)}"/>`,
    `${i}    <bt:Url id="${RES.eventsScript}" DefaultValue="${escapeXml(urls.eventsScript)}"/>`,
    `${i}  </bt:Urls>`,
    `${i}  <bt:ShortStrings>`,
    localizedString(`${i}    `, RES.groupLabel, nl.ribbonGroupLabel, en.ribbonGroupLabel),
    localizedString(`${i}    `, RES.buttonLabel, nl.ribbonButtonLabel, en.ribbonButtonLabel),
    localizedString(`${i}    `, RES.tipTitle, nl.ribbonTipTitle, en.ribbonTipTitle),
    `${i}  </bt:ShortStrings>`,
    `${i}  <bt:LongStrings>`,
    localizedString(`${i}    `, RES.tipDescription, nl.ribbonTipDescription, en.ribbonTipDescription),
    `${i}  </bt:LongStrings>`,
    `${i}</Resources>`,
  ].join('\n');
}

/**
 * The event runtime (Runtimes element, Mail 1.1 only): the page for the browser runtimes, the script
 * itself for classic Outlook on Windows' JavaScript-only runtime
 * (https://learn.microsoft.com/javascript/api/manifest/runtime, …/manifest/override RuntimeOverride).
 */
function eventRuntimes(indent: string): string[] {
  const i = indent;
  return [
    `${i}<Runtimes>`,
    `${i}  <Runtime resid="${RES.eventsPage}">`,
    `${i}    <Override type="javascript" resid="${RES.eventsScript}"/>`,
    `${i}  </Runtime>`,
    `${i}</Runtimes>`,
  ];
}

/**
 * Event-based activation (https://learn.microsoft.com/javascript/api/manifest/launchevents): its
 * SourceLocation must name the Runtime's resid. OnMessageRecipientsChanged and
 * OnAppointmentAttendeesChanged are Mailbox 1.11 (https://learn.microsoft.com/office/dev/add-ins/outlook/autolaunch).
 */
function launchEvents(indent: string): string {
  const i = indent;
  return [
    `${i}<ExtensionPoint xsi:type="LaunchEvent">`,
    `${i}  <LaunchEvents>`,
    `${i}    <LaunchEvent Type="OnMessageRecipientsChanged" FunctionName="${OUTLOOK_IDS.recipientsChanged}"/>`,
    `${i}    <LaunchEvent Type="OnAppointmentAttendeesChanged" FunctionName="${OUTLOOK_IDS.attendeesChanged}"/>`,
    `${i}  </LaunchEvents>`,
    `${i}  <SourceLocation resid="${RES.eventsPage}"/>`,
    `${i}</ExtensionPoint>`,
  ].join('\n');
}

/**
 * One VersionOverrides body. 1.0 is what Outlook builds without 1.1 support read; 1.1 adds what
 * needs Mailbox 1.5+: the pinnable pane, shared folders, the mobile button and WebApplicationInfo.
 */
function versionOverridesBody(indent: string, deployment: Deployment, v11: boolean): string {
  const i = indent;
  const h = `${i}      `;
  return [
    `${i}<Requirements>`,
    `${i}  <bt:Sets DefaultMinVersion="${OUTLOOK_REQUIREMENTS.minimum}">`,
    `${i}    <bt:Set Name="Mailbox"/>`,
    `${i}  </bt:Sets>`,
    `${i}</Requirements>`,
    `${i}<Hosts>`,
    `${i}  <Host xsi:type="MailHost">`,
    ...(v11 ? eventRuntimes(`${i}    `) : []),
    `${i}    <DesktopFormFactor>`,
    ...(v11 ? [`${h}<SupportsSharedFolders>true</SupportsSharedFolders>`] : []),
    `${h}<FunctionFile resid="${RES.paneUrl}"/>`,
    extensionPoint(h, 'MessageReadCommandSurface', OUTLOOK_IDS.messageGroup, OUTLOOK_IDS.messageButton, v11),
    extensionPoint(h, 'MessageComposeCommandSurface', OUTLOOK_IDS.composeGroup, COMPOSE_COMMAND_IDS.message, false),
    extensionPoint(h, 'AppointmentAttendeeCommandSurface', `${OUTLOOK_IDS.appointmentGroup}Att`, `${OUTLOOK_IDS.appointmentButton}Att`, false),
    extensionPoint(h, 'AppointmentOrganizerCommandSurface', `${OUTLOOK_IDS.appointmentGroup}Org`, COMPOSE_COMMAND_IDS.appointment, false),
    ...(v11 ? [launchEvents(h)] : []),
    `${i}    </DesktopFormFactor>`,
    ...(v11 ? [mobileFormFactor(`${i}    `)] : []),
    `${i}  </Host>`,
    `${i}</Hosts>`,
    resources(i, deployment),
  ].join('\n');
}

/** `https://graph.microsoft.com/User.Read` → `User.Read`, after the OpenID Connect basics. */
export function manifestScopes(): string[] {
  const graph = ALL_GRAPH_SCOPES.map((scope) => scope.replace(/^https:\/\/graph\.microsoft\.com\//, ''));
  return [...new Set(['openid', 'profile', ...graph])];
}

function webApplicationInfo(indent: string, deployment: Deployment): string {
  const i = indent;
  return [
    `${i}<WebApplicationInfo>`,
    `${i}  <Id>${escapeXml(deployment.clientId)}</Id>`,
    `${i}  <Resource>${escapeXml(webApplicationResource(deployment.baseUrl, deployment.clientId))}</Resource>`,
    // Declares the delegated Graph permissions (src/config/scopes.ts, short form) for Office's
    // SSO consent and for administrators reading the manifest; MSAL asks for them at run time.
    `${i}  <Scopes>`,
    ...manifestScopes().map((scope) => `${i}    <Scope>${escapeXml(scope)}</Scope>`),
    `${i}  </Scopes>`,
    `${i}</WebApplicationInfo>`,
  ].join('\n');
}

export function buildXmlManifest(deployment: Deployment): string {
  const urls = surfaceUrls(deployment.baseUrl);
  const { nl, en } = APP_TEXT;
  const origin = new URL(normaliseBaseUrl(deployment.baseUrl)).origin;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- Generated by scripts/package.ts from src/config/appIdentity.ts; edit those, not this file. -->`,
    '<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"',
    '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0"',
    '  xmlns:mailappor="http://schemas.microsoft.com/office/mailappversionoverrides/1.0"',
    '  xsi:type="MailApp">',
    `  <Id>${XML_ADDIN_ID}</Id>`,
    `  <Version>${xmlManifestVersion(APP_VERSION)}</Version>`,
    `  <ProviderName>${escapeXml(DEVELOPER.name)}</ProviderName>`,
    `  <DefaultLocale>${MANIFEST_LOCALES.default}</DefaultLocale>`,
    localizedElement('  ', 'DisplayName', nl.shortName, en.shortName),
    localizedElement('  ', 'Description', nl.shortDescription, en.shortDescription),
    `  <IconUrl DefaultValue="${escapeXml(urls.icons[64])}"/>`,
    `  <HighResolutionIconUrl DefaultValue="${escapeXml(urls.icons[128])}"/>`,
    `  <SupportUrl DefaultValue="${escapeXml(urls.website)}"/>`,
    '  <AppDomains>',
    `    <AppDomain>${escapeXml(origin)}</AppDomain>`,
    '  </AppDomains>',
    '  <Hosts>',
    '    <Host Name="Mailbox"/>',
    '  </Hosts>',
    '  <Requirements>',
    '    <Sets>',
    `      <Set Name="Mailbox" MinVersion="${OUTLOOK_REQUIREMENTS.minimum}"/>`,
    '    </Sets>',
    '  </Requirements>',
    '  <FormSettings>',
    '    <Form xsi:type="ItemRead">',
    '      <DesktopSettings>',
    `        <SourceLocation DefaultValue="${escapeXml(urls.outlook)}"/>`,
    '        <RequestedHeight>450</RequestedHeight>',
    '      </DesktopSettings>',
    '    </Form>',
    // The pane also opens while writing (the compose command surfaces below); ItemEdit forms take no height.
    '    <Form xsi:type="ItemEdit">',
    '      <DesktopSettings>',
    `        <SourceLocation DefaultValue="${escapeXml(urls.outlook)}"/>`,
    '      </DesktopSettings>',
    '    </Form>',
    '  </FormSettings>',
    `  <Permissions>${deployment.mailboxPermission}</Permissions>`,
    '  <Rule xsi:type="RuleCollection" Mode="Or">',
    '    <Rule xsi:type="ItemIs" ItemType="Message" FormType="Read"/>',
    '    <Rule xsi:type="ItemIs" ItemType="Appointment" FormType="Read"/>',
    '    <Rule xsi:type="ItemIs" ItemType="Message" FormType="Edit"/>',
    '    <Rule xsi:type="ItemIs" ItemType="Appointment" FormType="Edit"/>',
    '  </Rule>',
    '  <VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides" xsi:type="VersionOverridesV1_0">',
    versionOverridesBody('    ', deployment, false),
    '    <VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides/1.1" xsi:type="VersionOverridesV1_1">',
    versionOverridesBody('      ', deployment, true),
    webApplicationInfo('      ', deployment),
    '    </VersionOverrides>',
    '  </VersionOverrides>',
    '</OfficeApp>',
  ];
  return `${lines.join('\n')}\n`;
}
