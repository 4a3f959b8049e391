/**
 * The XML add-in-only manifest: what the generator writes passes every install check, and each
 * check catches the mistake it exists for.
 */
import { OUTLOOK_REQUIREMENTS, XML_ADDIN_ID } from '../../src/config/appIdentity';
import { DEV_DEPLOYMENT, buildXmlManifest, type Deployment } from '../../src/config/manifests';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { committedDevFiles } from '../../scripts/lib/manifestFiles';
import { checkXmlManifest, validateCommitted, type Check } from '../../scripts/lib/manifestValidation';

// office-addin-manifest's XML reader requires `uuid`, which is ESM-only since v10 and cannot be
// loaded by Jest's CommonJS runtime on Node 20; the reader only uses it when minting a new id.
jest.mock('uuid', () => ({ v4: () => '00000000-0000-4000-8000-000000000000' }));

const production: Deployment = {
  baseUrl: 'https://partnerzicht.voorbeeldstad.nl',
  clientId: '1b2c3d4e-1111-2222-3333-444455556666',
  mailboxPermission: 'ReadWriteMailbox',
  kind: 'production',
};

const devXml = buildXmlManifest(DEV_DEPLOYMENT);
/** The XSD check, which also catches several of the install checks' mistakes. */
const SCHEMA = "matches Microsoft's add-in manifest XML Schemas (manifest/schemas)";

async function failures(xml: string, isProduction = false): Promise<Check[]> {
  const { checks } = await checkXmlManifest(xml, { production: isProduction });
  return checks.filter((c) => !c.ok);
}

async function failedNames(xml: string, isProduction = false): Promise<string[]> {
  return (await failures(xml, isProduction)).map((c) => c.name);
}

describe('generated XML manifest', () => {
  it('passes every check in development', async () => {
    expect(await failures(devXml)).toEqual([]);
  });

  it('passes every check in production, with production URLs only', async () => {
    const xml = buildXmlManifest(production);
    expect(await failures(xml, true)).toEqual([]);
    expect(xml).not.toContain('localhost');
    expect(xml).toContain('<AppDomain>https://partnerzicht.voorbeeldstad.nl</AppDomain>');
    expect(xml).toContain(`<Resource>api://partnerzicht.voorbeeldstad.nl/${production.clientId}</Resource>`);
  });

  it('declares what the Outlook features need', () => {
    expect(devXml).toContain(`<Set Name="Mailbox" MinVersion="${OUTLOOK_REQUIREMENTS.minimum}"/>`);
    expect(devXml).toContain('<Permissions>ReadWriteMailbox</Permissions>');
    expect(devXml).toContain('<DefaultLocale>nl-NL</DefaultLocale>');
    expect(devXml).toContain('<SupportsPinning>true</SupportsPinning>');
    expect(devXml).toContain('<SupportsSharedFolders>true</SupportsSharedFolders>');
    for (const surface of ['MessageReadCommandSurface', 'MessageComposeCommandSurface', 'AppointmentAttendeeCommandSurface', 'AppointmentOrganizerCommandSurface']) {
      expect(devXml).toContain(`<ExtensionPoint xsi:type="${surface}">`);
    }
    for (const size of [16, 32, 64, 80, 128]) expect(devXml).toContain(`https://localhost:3000/assets/icon-${size}.png`);
  });

  it('opens while writing, and declares the launch events in VersionOverrides 1.1 only, with their runtime', () => {
    expect(devXml).toContain('<Form xsi:type="ItemEdit">');
    expect(devXml).toContain('<Rule xsi:type="ItemIs" ItemType="Message" FormType="Edit"/>');
    expect(devXml).toContain('<Rule xsi:type="ItemIs" ItemType="Appointment" FormType="Edit"/>');
    const v10 = devXml.slice(0, devXml.indexOf('VersionOverridesV1_1'));
    const v11 = devXml.slice(devXml.indexOf('VersionOverridesV1_1'));
    expect(v10).not.toContain('LaunchEvent');
    expect(v10).not.toContain('<Runtimes>');
    expect(v11).toContain('<LaunchEvent Type="OnMessageRecipientsChanged" FunctionName="onRecipientsChanged"/>');
    expect(v11).toContain('<LaunchEvent Type="OnAppointmentAttendeesChanged" FunctionName="onAttendeesChanged"/>');
    // The LaunchEvent's SourceLocation must name the Runtime's resid; the Override names the script.
    expect(v11).toMatch(/<Runtime resid="Events.Url">\s*<Override type="javascript" resid="EventsScript.Url"\/>/);
    expect(v11).toContain('<SourceLocation resid="Events.Url"/>\n            </ExtensionPoint>');
    expect(devXml).toContain('<bt:Url id="EventsScript.Url" DefaultValue="https://localhost:3000/events.js"/>');
  });

  it('packages the read/write item variant when an administrator will not grant read/write mailbox', async () => {
    const xml = buildXmlManifest({ ...DEV_DEPLOYMENT, mailboxPermission: 'ReadWriteItem' });
    expect(xml).toContain('<Permissions>ReadWriteItem</Permissions>');
    expect(await failures(xml)).toEqual([]);
  });
});

describe('each XML check catches what breaks installs', () => {
  it('an http URL', async () => {
    const xml = devXml.replace('<SourceLocation DefaultValue="https://localhost:3000/outlook.html"/>', '<SourceLocation DefaultValue="http://localhost:3000/outlook.html"/>');
    expect(xml).not.toEqual(devXml);
    expect(await failedNames(xml)).toEqual(['every SourceLocation, Url and IconUrl is https']);
  });

  it('an http icon URL in the resources', async () => {
    const xml = devXml.replace('DefaultValue="https://localhost:3000/assets/icon-16.png"', 'DefaultValue="http://localhost:3000/assets/icon-16.png"');
    expect(await failedNames(xml)).toContain('every SourceLocation, Url and IconUrl is https');
  });

  it('a URL host missing from AppDomains', async () => {
    const xml = devXml.replace(
      '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-128.png"/>',
      '<HighResolutionIconUrl DefaultValue="https://cdn.voorbeeldstad.nl/icon-128.png"/>',
    );
    const failed = await failures(xml);
    expect(failed.map((c) => c.name)).toEqual(['AppDomains cover every URL host']);
    expect(failed[0].detail).toContain('cdn.voorbeeldstad.nl');
  });

  it('no AppDomains at all', async () => {
    const xml = devXml.replace(/ {2}<AppDomains>[\s\S]*?<\/AppDomains>\n/, '');
    expect(await failedNames(xml)).toEqual(expect.arrayContaining(['AppDomains cover every URL host']));
  });

  it('an id that is not a GUID', async () => {
    const xml = devXml.replace(`<Id>${XML_ADDIN_ID}</Id>`, '<Id>partnerzicht</Id>');
    expect(await failedNames(xml)).toEqual([SCHEMA, 'Id is a valid, unique GUID']);
  });

  it('an id copied from a template', async () => {
    const xml = devXml.replace(`<Id>${XML_ADDIN_ID}</Id>`, '<Id>05c2e1c9-3e1d-406e-9a91-e9ac64854143</Id>');
    expect(await failedNames(xml)).toEqual(['Id is a valid, unique GUID']);
  });

  it('an id equal to the Entra client id', async () => {
    const xml = buildXmlManifest({ ...production, clientId: XML_ADDIN_ID });
    expect(await failedNames(xml, true)).toEqual(['Id is a valid, unique GUID']);
  });

  // The schema allows one to four parts; Outlook's install wants four.
  it.each([
    ['1.0', false],
    ['1.0.0', false],
    ['1.0.0.0.1', true],
    ['v1.0.0.0', true],
    ['1.0.0.beta', true],
  ])('version %s', async (version, schemaToo) => {
    const xml = devXml.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
    expect(await failedNames(xml)).toEqual([...(schemaToo ? [SCHEMA] : []), 'Version is n.n.n.n']);
  });

  it('a ribbon icon without an image resource', async () => {
    const xml = devXml.replace(/ *<bt:Image id="Icon\.80x80"[^>]*\/>\n/g, '');
    const failed = await failedNames(xml);
    expect(failed).toContain('icon URLs present (IconUrl, HighResolutionIconUrl, ribbon 16/32/80)');
    expect(failed).toContain('resource ids resolve and are at most 32 characters');
  });

  it('a missing IconUrl', async () => {
    const xml = devXml.replace(/ {2}<IconUrl [^>]*\/>\n/, '');
    expect(await failedNames(xml)).toEqual(['icon URLs present (IconUrl, HighResolutionIconUrl, ribbon 16/32/80)']);
  });

  it('a resource id over 32 characters', async () => {
    const long = 'Tip.Description.That.Is.Far.Too.Long';
    const xml = devXml.split('"Tip.Description"').join(`"${long}"`);
    expect(await failedNames(xml)).toEqual([SCHEMA, 'resource ids resolve and are at most 32 characters']);
  });

  it('a string longer than Outlook allows', async () => {
    const xml = devXml.replace(/<bt:String id="Group.Label" DefaultValue="[^"]*"/g, `<bt:String id="Group.Label" DefaultValue="${'x'.repeat(126)}"`);
    expect(await failedNames(xml)).toEqual([SCHEMA, 'string lengths within Outlook limits']);
  });

  it('a string without its English override', async () => {
    const xml = devXml.replace(/(<DisplayName DefaultValue="[^"]*")>\n\s*<Override[^>]*\/>\n\s*<\/DisplayName>/, '$1/>');
    expect(await failedNames(xml)).toEqual(['default locale with English overrides']);
  });

  it('an unknown permission level', async () => {
    const xml = devXml.replace('<Permissions>ReadWriteMailbox</Permissions>', '<Permissions>FullAccess</Permissions>');
    expect(await failedNames(xml)).toEqual([SCHEMA, 'Permissions level is valid']);
  });

  it('a WebApplicationInfo resource that is not api://<host>/<client id>', async () => {
    const xml = devXml.replace(/<Resource>[^<]*<\/Resource>/g, '<Resource>https://localhost:3000</Resource>');
    expect(await failedNames(xml)).toEqual(['WebApplicationInfo is {client id, api://<host>/<client id>}']);
  });

  it('localhost or a placeholder client id in a production manifest', async () => {
    const failed = await failedNames(devXml, true);
    expect(failed).toEqual(expect.arrayContaining(['production: no localhost URL', 'WebApplicationInfo is {client id, api://<host>/<client id>}']));
  });

  it('a file that is not XML', async () => {
    expect(await failedNames('<OfficeApp><Id>')).toEqual(['parses (office-addin-manifest)']);
  });

  it('a manifest for another Office application', async () => {
    const xml = devXml.replace('xsi:type="MailApp"', 'xsi:type="TaskPaneApp"');
    expect(await failedNames(xml)).toEqual(['parses (office-addin-manifest) as an Outlook MailApp', SCHEMA]);
  });
});

describe('schema errors: the manifest is validated against Microsoft\'s XSDs (manifest/schemas)', () => {
  const MOBILE_ICON = 'every Icon in MobileFormFactor is xsi:type="bt:MobileIconList"';
  const bareMobileIcon = devXml.replace('<Icon xsi:type="bt:MobileIconList">', '<Icon>');

  it('the generated manifest gives the mobile Icon its xsi:type', () => {
    expect(devXml).toContain('<Icon xsi:type="bt:MobileIconList">');
    expect(bareMobileIcon).not.toEqual(devXml);
  });

  it('a mobile Icon without xsi:type="bt:MobileIconList"', async () => {
    const failed = await failures(bareMobileIcon);
    expect(failed.map((c) => c.name)).toEqual([MOBILE_ICON]);
    expect(failed[0].detail).toBe('the Icon of partnerzichtMobileButton has xsi:type ""');
  });

  it('a mobile Icon typed as the desktop bt:IconList', async () => {
    const xml = devXml.replace('<Icon xsi:type="bt:MobileIconList">', '<Icon xsi:type="bt:IconList">');
    const failed = await failures(xml);
    expect(failed.map((c) => c.name)).toEqual([SCHEMA, MOBILE_ICON]);
    expect(failed[0].detail).toMatch(/IconList', specified by xsi:type, is blocked or not validly derived/);
  });

  it('elements out of order', async () => {
    const xml = devXml.replace('  <ProviderName>Partnerzicht</ProviderName>\n  <DefaultLocale>nl-NL</DefaultLocale>', '  <DefaultLocale>nl-NL</DefaultLocale>\n  <ProviderName>Partnerzicht</ProviderName>');
    expect(xml).not.toEqual(devXml);
    const failed = await failures(xml);
    expect(failed.map((c) => c.name)).toEqual([SCHEMA]);
    expect(failed[0].detail).toMatch(/^line 10: Element '\{appforoffice\/1.1\}DefaultLocale': This element is not expected. Expected is \( \{appforoffice\/1.1\}ProviderName \)/);
  });

  it('an element the schema does not know', async () => {
    const xml = devXml.replace('<SupportsPinning>true</SupportsPinning>', '<SupportsPinning>true</SupportsPinning><Pinned>true</Pinned>');
    const failed = await failures(xml);
    expect(failed.map((c) => c.name)).toEqual([SCHEMA]);
    expect(failed[0].detail).toContain("Element '{mailappversionoverrides/1.1}Pinned': This element is not expected.");
  });

  it('an element from a newer VersionOverrides in the 1.0 one (SupportsPinning needs 1.1)', async () => {
    const xml = devXml.replace('<SourceLocation resid="Pane.Url"/>\n                  </Action>', '<SourceLocation resid="Pane.Url"/>\n                    <SupportsPinning>true</SupportsPinning>\n                  </Action>');
    expect(xml).not.toEqual(devXml);
    expect((await failures(xml)).map((c) => c.name)).toEqual([SCHEMA]);
  });

  it('a launch event Outlook does not have', async () => {
    const xml = devXml.replace('Type="OnMessageRecipientsChanged"', 'Type="OnRecipientsChanged"');
    expect(xml).not.toEqual(devXml);
    const failed = await failures(xml);
    expect(failed.map((c) => c.name)).toEqual([SCHEMA]);
    expect(failed[0].detail).toContain('OnRecipientsChanged');
  });

  it('a Runtime override of a type other than javascript', async () => {
    const xml = devXml.replace('<Override type="javascript"', '<Override type="html"');
    expect(xml).not.toEqual(devXml);
    expect((await failures(xml)).map((c) => c.name)).toEqual([SCHEMA]);
  });

  it('a missing required attribute', async () => {
    const xml = devXml.replace('<bt:Image size="16" resid="Icon.16x16"/>', '<bt:Image resid="Icon.16x16"/>');
    const failed = await failures(xml);
    expect(failed.map((c) => c.name)).toEqual(expect.arrayContaining([SCHEMA]));
    expect(failed.find((c) => c.name === SCHEMA)?.detail).toContain("The attribute 'size' is required but missing.");
  });

  it('a value outside its type (a Mobile icon with 8 images; MobileIconList needs at least 9)', async () => {
    const xml = devXml.replace(/ *<bt:Image size="48" scale="3" resid="Icon.128x128"\/>\n/, '');
    expect(xml).not.toEqual(devXml);
    const failed = await failures(xml);
    expect(failed.map((c) => c.name)).toEqual(expect.arrayContaining([SCHEMA]));
  });

  it('npm run validate reports it in a committed manifest (validateCommitted on a copy of the repository files)', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerzicht-xsd-'));
    try {
      for (const [relative, data] of committedDevFiles()) {
        fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
        fs.writeFileSync(path.join(root, relative), data);
      }
      fs.writeFileSync(path.join(root, 'manifest', 'manifest.xml'), bareMobileIcon.replace('<ProviderName>', '<Provider>').replace('</ProviderName>', '</Provider>'));
      const xmlGroup = (await validateCommitted(root)).find((g) => g.title.startsWith('manifest'));
      const failed = xmlGroup?.checks.filter((c) => !c.ok).map((c) => c.name);
      expect(failed).toEqual([SCHEMA, MOBILE_ICON]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
