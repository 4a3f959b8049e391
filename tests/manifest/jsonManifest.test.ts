/**
 * The unified Microsoft 365 app manifest: valid against the schema @microsoft/app-manifest ships
 * for its version, and declaring what the tabs, the meeting side panel and the Outlook pane need.
 */
import { APP_ID, OUTLOOK_REQUIREMENTS, TEAMS_TAB_IDS, XML_ADDIN_ID } from '../../src/config/appIdentity';
import {
  COMPOSE_COMMAND_IDS,
  DEV_DEPLOYMENT,
  TEAMS_MANIFEST_VERSION,
  buildTeamsLocalization,
  buildTeamsManifest,
  buildXmlManifest,
  manifestPermissions,
  type Deployment,
} from '../../src/config/manifests';
import {
  bundledTeamsSchemaVersions,
  checkTeamsPackage,
  compileSchema,
  teamsSchemaValidator,
} from '../../scripts/lib/manifestValidation';
import { appPackageFiles } from '../../scripts/lib/manifestFiles';
import { renderIconAssets } from '../../scripts/lib/icons';

jest.mock('uuid', () => ({ v4: () => '00000000-0000-4000-8000-000000000000' }));

const production: Deployment = {
  baseUrl: 'https://partnerzicht.voorbeeldstad.nl',
  clientId: '1b2c3d4e-1111-2222-3333-444455556666',
  mailboxPermission: 'ReadWriteMailbox',
  kind: 'production',
};

function schemaErrors(value: unknown, kind: 'manifest' | 'localization' = 'manifest') {
  const validate = teamsSchemaValidator(TEAMS_MANIFEST_VERSION, kind);
  if (!validate) throw new Error(`no bundled v${TEAMS_MANIFEST_VERSION} ${kind} schema`);
  validate(value);
  return validate.errors ?? [];
}

describe('schema version', () => {
  it('is one whose schema ships inside @microsoft/app-manifest', () => {
    expect(teamsSchemaValidator(TEAMS_MANIFEST_VERSION, 'manifest')).toBeDefined();
    expect(teamsSchemaValidator(TEAMS_MANIFEST_VERSION, 'localization')).toBeDefined();
  });

  it('is the newest numbered schema bundled (bump TEAMS_MANIFEST_VERSION after upgrading the package)', () => {
    expect(bundledTeamsSchemaVersions()[0]).toBe(TEAMS_MANIFEST_VERSION);
  });
});

describe('generated unified manifest', () => {
  it.each([
    ['development', DEV_DEPLOYMENT],
    ['production', production],
    ['read/write item', { ...production, mailboxPermission: 'ReadWriteItem' } as Deployment],
  ])('passes the v1.30 schema (%s)', (_label, deployment) => {
    expect(schemaErrors(buildTeamsManifest(deployment))).toEqual([]);
  });

  it('has an English localization file that passes the localization schema', () => {
    expect(schemaErrors(buildTeamsLocalization(), 'localization')).toEqual([]);
  });

  it('localizes every string it shows in Dutch into English', () => {
    const manifest = buildTeamsManifest(DEV_DEPLOYMENT);
    const en = buildTeamsLocalization();
    expect(manifest.name.short).toBe('Partnerzicht');
    expect(manifest.localizationInfo?.defaultLanguageTag).toBe('nl-NL');
    expect(manifest.staticTabs?.[0].name).toBe('Overzicht');
    expect(en['staticTabs[0].name']).toBe('Overview');
    expect(en['extensions[0].ribbons[1].tabs[0].groups[0].controls[0].supertip.title']).toBe('View partner');
  });

  it('the schema validator really rejects a broken manifest', () => {
    const broken = buildTeamsManifest(DEV_DEPLOYMENT) as unknown as Record<string, unknown>;
    delete broken.developer;
    broken.accentColor = 'teal';
    const errors = schemaErrors(broken).map((e) => `${e.instancePath} ${e.message}`);
    expect(errors).toEqual(expect.arrayContaining([" must have required property 'developer'", '/accentColor must match pattern "^#[0-9a-fA-F]{6}$"']));
  });

  it('compiles draft-07 and 2020-12 schemas too', () => {
    for (const draft of ['http://json-schema.org/draft-07/schema#', 'https://json-schema.org/draft/2020-12/schema']) {
      const validate = compileSchema({ $schema: draft, type: 'object', required: ['id'] });
      expect(validate({})).toBe(false);
      expect(validate({ id: 1 })).toBe(true);
    }
  });
});

describe('what the features need', () => {
  const manifest = buildTeamsManifest(production);

  it('a personal overview tab and a configurable tab for meetings and channels', () => {
    expect(manifest.staticTabs).toEqual([
      expect.objectContaining({
        entityId: TEAMS_TAB_IDS.overview,
        contentUrl: 'https://partnerzicht.voorbeeldstad.nl/overview.html',
        scopes: ['personal'],
      }),
    ]);
    const tab = manifest.configurableTabs?.[0];
    expect(tab?.configurationUrl).toBe('https://partnerzicht.voorbeeldstad.nl/meeting-config.html');
    expect(tab?.scopes).toEqual(['team', 'groupChat']);
    expect(tab?.context).toEqual(
      expect.arrayContaining(['meetingSidePanel', 'meetingChatTab', 'meetingDetailsTab', 'channelTab']),
    );
  });

  it('valid domains and webApplicationInfo for sign-in', () => {
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.validDomains).toEqual(['partnerzicht.voorbeeldstad.nl']);
    expect(manifest.webApplicationInfo).toEqual({
      id: production.clientId,
      resource: `api://partnerzicht.voorbeeldstad.nl/${production.clientId}`,
    });
  });

  it('only the Outlook permissions the pane uses, all Delegated; no Teams resource-specific consent', () => {
    const permissions = manifest.authorization?.permissions?.resourceSpecific ?? [];
    expect(permissions).toEqual([
      { name: 'Mailbox.ReadWrite.User', type: 'Delegated' },
      { name: 'Mailbox.SharedFolder', type: 'Delegated' },
    ]);
    expect(manifestPermissions('ReadWriteMailbox').every((p) => p.why.length > 20)).toBe(true);
  });

  it('an Outlook extension: Mailbox minimum, pinnable pane on messages, appointment surfaces', () => {
    const extension = manifest.extensions?.[0];
    expect(extension?.requirements?.capabilities).toEqual([{ name: 'Mailbox', minVersion: OUTLOOK_REQUIREMENTS.minimum }]);
    const runtime = extension?.runtimes?.[0];
    expect(runtime?.code.page).toBe('https://partnerzicht.voorbeeldstad.nl/outlook.html');
    const actions = Object.fromEntries((runtime?.actions ?? []).map((a) => [a.id, a]));
    const ribbons = extension?.ribbons ?? [];
    expect(ribbons.map((r) => r.contexts)).toEqual([['mailRead'], ['meetingDetailsAttendee'], ['meetingDetailsOrganizer'], ['mailCompose']]);
    const actionOf = (ribbon: number) => ribbons[ribbon].tabs[0].groups?.[0].controls?.[0].actionId ?? '';
    expect(actions[actionOf(0)].pinnable).toBe(true);
    expect(actions[actionOf(1)].pinnable).toBe(false);
    expect(actions[actionOf(2)].pinnable).toBe(false);
    // While writing, the same pane opens.
    expect(actionOf(3)).toBe(actionOf(0));
    const iconSizes = ribbons[0].tabs[0].groups?.[0].icons?.map((i) => i.size);
    expect(iconSizes).toEqual([16, 32, 80]);
  });

  it('event-based activation: recipients and attendees changed run the event runtime, only where Mailbox 1.11 is', () => {
    const extension = manifest.extensions?.[0];
    const events = extension?.runtimes?.find((r) => r.id === 'PartnerzichtEvents');
    expect(events?.requirements?.capabilities).toEqual([{ name: 'Mailbox', minVersion: '1.11' }]);
    expect(events?.code).toEqual({ page: 'https://partnerzicht.voorbeeldstad.nl/events.html', script: 'https://partnerzicht.voorbeeldstad.nl/events.js' });
    expect(events?.lifetime).toBe('short');
    const actionIds = (events?.actions ?? []).map((a) => [a.id, a.type]);
    expect(actionIds).toEqual([
      ['onRecipientsChanged', 'executeFunction'],
      ['onAttendeesChanged', 'executeFunction'],
    ]);
    expect(extension?.autoRunEvents).toEqual([
      {
        requirements: { capabilities: [{ name: 'Mailbox', minVersion: '1.11' }], scopes: ['mail'] },
        events: [
          { type: 'messageRecipientsChanged', actionId: 'onRecipientsChanged' },
          { type: 'appointmentAttendeesChanged', actionId: 'onAttendeesChanged' },
        ],
      },
    ]);
    // The notification's action names the compose buttons by id: the same ids as in the XML manifest.
    const controlIds = (extension?.ribbons ?? []).map((r) => r.tabs[0].groups?.[0].controls?.[0].id);
    expect(controlIds).toEqual(expect.arrayContaining([COMPOSE_COMMAND_IDS.message, COMPOSE_COMMAND_IDS.appointment]));
    const xml = buildXmlManifest(production);
    for (const id of Object.values(COMPOSE_COMMAND_IDS)) expect(xml).toContain(`<Control xsi:type="Button" id="${id}">`);
  });

  it('hides the XML add-in, which has an id of its own, where a client has both', () => {
    expect(XML_ADDIN_ID).not.toBe(APP_ID);
    expect(manifest.extensions?.[0].alternates).toEqual([{ hide: { customOfficeAddin: { officeAddinId: XML_ADDIN_ID } } }]);
    expect(buildXmlManifest(production)).toContain(`<Id>${XML_ADDIN_ID}</Id>`);
  });

  it('the read/write item variant swaps only the mailbox permission', () => {
    const item = buildTeamsManifest({ ...production, mailboxPermission: 'ReadWriteItem' });
    const names = (m: typeof item) => (m.authorization?.permissions?.resourceSpecific ?? []).map((p) => p.name);
    expect(names(item)).toContain('MailboxItem.ReadWrite.User');
    expect(names(item)).not.toContain('Mailbox.ReadWrite.User');
    expect(names(item).length).toBe(names(manifest).length);
  });
});

describe('resource-specific permissions are checked against Microsoft\'s tables', () => {
  const icons = renderIconAssets();
  const withPermissions = (resourceSpecific: { name: string; type: string }[]) => {
    const files = appPackageFiles(DEV_DEPLOYMENT, icons);
    const json = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    json.authorization.permissions.resourceSpecific = resourceSpecific;
    files.set('manifest.json', Buffer.from(JSON.stringify(json)));
    return checkTeamsPackage(files, { production: false }).checks.filter((c) => !c.ok);
  };

  it('the generated manifest passes', () => {
    expect(withPermissions(buildTeamsManifest(DEV_DEPLOYMENT).authorization!.permissions!.resourceSpecific!)).toEqual([]);
  });

  it('refuses the meeting permissions declared Delegated that exist only as Application', () => {
    const failed = withPermissions([
      { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Delegated' },
      { name: 'OnlineMeetingParticipant.Read.Chat', type: 'Delegated' },
      { name: 'ChannelMeeting.ReadBasic.Group', type: 'Delegated' },
      { name: 'ChannelMeetingParticipant.Read.Group', type: 'Delegated' },
      { name: 'Mailbox.ReadWrite.User', type: 'Delegated' },
    ]);
    expect(failed.map((c) => c.name)).toEqual(['resource-specific permissions exist with the declared type']);
    expect(failed[0].detail).toBe(
      'OnlineMeeting.ReadBasic.Chat exists only as Application, not Delegated; ChannelMeeting.ReadBasic.Group exists only as Application, not Delegated; ChannelMeetingParticipant.Read.Group exists only as Application, not Delegated',
    );
  });

  it('refuses a name Microsoft does not document', () => {
    const failed = withPermissions([{ name: 'Mailbox.ReadWrite.Everything', type: 'Delegated' }]);
    expect(failed[0]?.detail).toBe('Mailbox.ReadWrite.Everything is not a documented resource-specific or Office permission');
  });
});
