/**
 * Offline checks of both manifests and the icons, for `npm run validate` and the tests. Each check
 * targets something that makes Teams or Outlook refuse (or half-install) the app; the online
 * `office-addin-manifest validate` service stays an optional extra (`npm run validate:online`).
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
// The Teams schemas are draft-04, which Ajv 8 only reads through this companion package (the
// same one @microsoft/app-manifest itself uses, installed with it).
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { ManifestHandlerXml } from 'office-addin-manifest/lib/manifestHandler/manifestHandlerXml';
import type { ManifestInfo } from 'office-addin-manifest';
import { MAILBOX_PERMISSION_JSON_NAME, PLACEHOLDER_CLIENT_ID, xmlManifestVersion } from '../../src/config/appIdentity';
import { PACKAGE_FILES, isGuid, isLocalHost } from '../../src/config/manifests';
import { ICON_ASSETS, decodePng, samePixels } from './icons';
import { xmlSchemaErrors } from './manifestSchema';
import { permissionProblems } from './resourceSpecificPermissions';
import { PATHS, REPO_ROOT, XML_NAME, ZIP_NAME, committedDevFiles, unzipFiles } from './manifestFiles';

export interface Check {
  name: string;
  ok: boolean;
  /** What was found, or what is wrong and where. */
  detail?: string;
}

export interface CheckGroup {
  title: string;
  checks: Check[];
}

export function allOk(groups: CheckGroup[]): boolean {
  return groups.every((group) => group.checks.every((check) => check.ok));
}

function check(name: string, problems: string[], okDetail?: string): Check {
  return problems.length === 0 ? { name, ok: true, detail: okDetail } : { name, ok: false, detail: problems.join('; ') };
}

// ---------------------------------------------------------------------------------------------
// Teams JSON schemas shipped by @microsoft/app-manifest
// ---------------------------------------------------------------------------------------------

function teamsSchemaRoot(): string {
  return path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
}

export type TeamsSchemaKind = 'manifest' | 'localization';

export function teamsSchemaPath(version: string, kind: TeamsSchemaKind): string {
  const file = kind === 'manifest' ? 'MicrosoftTeams.schema.json' : 'MicrosoftTeams.Localization.schema.json';
  return path.join(teamsSchemaRoot(), `v${version}`, file);
}

/** Numbered manifest versions with a bundled schema, newest first (`vDevPreview` left out). */
export function bundledTeamsSchemaVersions(): string[] {
  const compare = (a: string, b: string) => {
    const [a1, a2] = a.split('.').map(Number);
    const [b1, b2] = b.split('.').map(Number);
    return b1 - a1 || b2 - a2;
  };
  return fs
    .readdirSync(teamsSchemaRoot())
    .filter((name) => /^v\d+\.\d+$/.test(name) && fs.existsSync(path.join(teamsSchemaRoot(), name, 'MicrosoftTeams.schema.json')))
    .map((name) => name.slice(1))
    .sort(compare);
}

const validators = new Map<string, ValidateFunction>();

/** An Ajv validator for the schema's own draft: draft-04 (the Teams schemas), 2019-09, 2020-12 or draft-07. */
export function compileSchema(schema: { $schema?: string } & Record<string, unknown>): ValidateFunction {
  const draft = schema.$schema ?? '';
  // unicodeRegExp: the localization schema has patterns (`\b]`) that are valid JavaScript regular
  // expressions but not valid with the `u` flag Ajv uses by default.
  const options = { allErrors: true, strict: false, unicodeRegExp: false } as const;
  const ajv = draft.includes('draft-04')
    ? new AjvDraft04(options)
    : draft.includes('2020-12')
      ? new Ajv2020(options)
      : draft.includes('2019-09')
        ? new Ajv2019(options)
        : new Ajv(options);
  addFormats(ajv);
  return ajv.compile(schema);
}

/** Loads and compiles a bundled schema; `undefined` when the package ships none for that version. */
export function teamsSchemaValidator(version: string, kind: TeamsSchemaKind): ValidateFunction | undefined {
  const key = `${version}/${kind}`;
  const cached = validators.get(key);
  if (cached) return cached;
  const file = teamsSchemaPath(version, kind);
  if (!fs.existsSync(file)) return undefined;
  const validator = compileSchema(JSON.parse(fs.readFileSync(file, 'utf8')));
  validators.set(key, validator);
  return validator;
}

function schemaErrors(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`.trim());
}

// ---------------------------------------------------------------------------------------------
// Icons
// ---------------------------------------------------------------------------------------------

export function checkIconSize(label: string, png: Buffer | undefined, width: number, height: number): Check {
  const name = `${label} is ${width}×${height}`;
  if (!png) return { name, ok: false, detail: 'missing' };
  try {
    const image = decodePng(png);
    return check(name, image.width === width && image.height === height ? [] : [`is ${image.width}×${image.height}`]);
  } catch (error) {
    return { name, ok: false, detail: `not a readable PNG: ${(error as Error).message}` };
  }
}

/**
 * Teams draws the outline icon on its own coloured backgrounds: it must be white where it is drawn
 * and transparent elsewhere. Anti-aliased edges keep the white and vary only the alpha.
 */
export function checkOutlineIcon(label: string, png: Buffer | undefined): Check {
  const name = `${label} is white on transparent`;
  if (!png) return { name, ok: false, detail: 'missing' };
  let image;
  try {
    image = decodePng(png);
  } catch (error) {
    return { name, ok: false, detail: `not a readable PNG: ${(error as Error).message}` };
  }
  const problems: string[] = [];
  if (!image.hasAlpha) problems.push('has no alpha channel');
  const pixels = image.width * image.height;
  let transparent = 0;
  let drawn = 0;
  let notWhite = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const alpha = image.data[i + 3];
    if (alpha === 0) {
      transparent++;
      continue;
    }
    drawn++;
    if (image.data[i] < 250 || image.data[i + 1] < 250 || image.data[i + 2] < 250) notWhite++;
  }
  if (transparent < pixels * 0.25) problems.push(`only ${transparent} of ${pixels} pixels are transparent`);
  if (drawn === 0) problems.push('is empty');
  if (notWhite > 0) problems.push(`${notWhite} drawn pixels are not white`);
  return check(name, problems);
}

// ---------------------------------------------------------------------------------------------
// Unified (JSON) manifest and its package
// ---------------------------------------------------------------------------------------------

/** Every absolute http(s) URL in a JSON value (except `$schema` references), with its JSON path. */
function jsonUrls(value: unknown, at = ''): { path: string; url: string }[] {
  if (typeof value === 'string') return /^https?:\/\//i.test(value) ? [{ path: at, url: value }] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => jsonUrls(item, `${at}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([key]) => key !== '$schema')
      .flatMap(([key, item]) => jsonUrls(item, at ? `${at}.${key}` : key));
  }
  return [];
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Whether a host is covered by a domain list entry (`example.nl`, `*.example.nl`, `https://example.nl`). */
function domainCovers(entry: string, host: string): boolean {
  const domain = entry.replace(/^https?:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
  if (domain.startsWith('*.')) return host.endsWith(domain.slice(1)) && host !== domain.slice(2);
  return domain === host;
}

export interface ValidateOptions {
  /** A production package: no localhost, no placeholder client id. */
  production: boolean;
}

interface TeamsManifestShape {
  manifestVersion?: string;
  id?: string;
  version?: string;
  validDomains?: string[];
  webApplicationInfo?: { id?: string; resource?: string };
  icons?: { color?: string; outline?: string };
  localizationInfo?: { defaultLanguageFile?: string; additionalLanguages?: { languageTag: string; file: string }[] };
  authorization?: { permissions?: { resourceSpecific?: { name: string; type: string }[] } };
  extensions?: {
    requirements?: { capabilities?: { name: string; minVersion?: string }[] };
    alternates?: { hide?: { customOfficeAddin?: { officeAddinId?: string } } }[];
  }[];
}

export interface TeamsPackageResult {
  checks: Check[];
  manifest?: TeamsManifestShape;
}

/** Checks an app package given as its files (a folder read into memory, or an unzipped zip). */
export function checkTeamsPackage(files: Map<string, Buffer>, options: ValidateOptions): TeamsPackageResult {
  const checks: Check[] = [];
  const raw = files.get(PACKAGE_FILES.manifest);
  if (!raw) return { checks: [{ name: `${PACKAGE_FILES.manifest} present`, ok: false, detail: 'missing' }] };

  let manifest: TeamsManifestShape;
  try {
    manifest = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    return { checks: [{ name: `${PACKAGE_FILES.manifest} is JSON`, ok: false, detail: (error as Error).message }] };
  }

  const version = manifest.manifestVersion ?? '(none)';
  const validate = typeof manifest.manifestVersion === 'string' ? teamsSchemaValidator(manifest.manifestVersion, 'manifest') : undefined;
  const newest = bundledTeamsSchemaVersions()[0];
  checks.push(
    validate
      ? {
          name: `schema v${version} ships with @microsoft/app-manifest`,
          ok: true,
          detail: newest === version ? 'newest bundled' : `newer bundled: v${newest}`,
        }
      : { name: `schema v${version} ships with @microsoft/app-manifest`, ok: false, detail: 'not bundled; cannot validate offline' },
  );
  if (validate) {
    const valid = validate(manifest);
    checks.push(check(`manifest.json matches the v${version} schema`, valid ? [] : schemaErrors(validate)));
  }

  // Localization files: present and valid against the same version's localization schema.
  const languageFiles = [
    ...(manifest.localizationInfo?.defaultLanguageFile ? [manifest.localizationInfo.defaultLanguageFile] : []),
    ...(manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file),
  ];
  const localizationProblems: string[] = [];
  const validateLocalization = validate ? teamsSchemaValidator(version, 'localization') : undefined;
  for (const file of languageFiles) {
    const data = files.get(file);
    if (!data) {
      localizationProblems.push(`${file} missing`);
      continue;
    }
    try {
      const strings = JSON.parse(data.toString('utf8'));
      if (validateLocalization && !validateLocalization(strings)) {
        localizationProblems.push(`${file}: ${schemaErrors(validateLocalization).join(', ')}`);
      }
    } catch (error) {
      localizationProblems.push(`${file}: ${(error as Error).message}`);
    }
  }
  checks.push(check('localization files present and valid', localizationProblems, languageFiles.join(', ') || 'none'));

  const colorName = manifest.icons?.color ?? PACKAGE_FILES.color;
  const outlineName = manifest.icons?.outline ?? PACKAGE_FILES.outline;
  checks.push(checkIconSize(`colour icon ${colorName}`, files.get(colorName), 192, 192));
  checks.push(checkIconSize(`outline icon ${outlineName}`, files.get(outlineName), 32, 32));
  checks.push(checkOutlineIcon(`outline icon ${outlineName}`, files.get(outlineName)));

  const urls = jsonUrls(manifest);
  checks.push(
    check(
      'every URL is https',
      urls.filter((u) => !/^https:\/\//i.test(u.url)).map((u) => `${u.path} = ${u.url}`),
      `${urls.length} URLs`,
    ),
  );
  const domains = manifest.validDomains ?? [];
  checks.push(
    check(
      'validDomains cover every URL host',
      urls
        .filter((u) => {
          const host = hostOf(u.url);
          return !host || !domains.some((d) => domainCovers(d, host));
        })
        .map((u) => `${u.path} (${hostOf(u.url) ?? 'unparsable'})`),
      domains.join(', '),
    ),
  );

  const info = manifest.webApplicationInfo;
  const webAppProblems: string[] = [];
  if (!info?.id || !isGuid(info.id)) webAppProblems.push('id is not a GUID');
  const resourceMatch = /^api:\/\/([^/]+)\/(.+)$/.exec(info?.resource ?? '');
  if (!resourceMatch) webAppProblems.push(`resource "${info?.resource ?? ''}" is not api://<host>/<client id>`);
  else {
    if (!domains.some((d) => domainCovers(d, resourceMatch[1].toLowerCase()))) webAppProblems.push(`resource host ${resourceMatch[1]} not in validDomains`);
    if (resourceMatch[2] !== info?.id) webAppProblems.push('resource does not end in the client id');
  }
  checks.push(check('webApplicationInfo is {client id, api://<host>/<client id>}', webAppProblems, info?.resource));

  const rsc = manifest.authorization?.permissions?.resourceSpecific ?? [];
  const names = rsc.map((p) => p.name);
  checks.push(
    check(
      'resource-specific permissions are unique',
      names.filter((n, i) => names.indexOf(n) !== i).map((n) => `${n} twice`),
      names.join(', '),
    ),
  );
  checks.push(check('resource-specific permissions exist with the declared type', rsc.flatMap(permissionProblems)));

  if (options.production) {
    const local = urls.filter((u) => isLocalHost(hostOf(u.url) ?? '')).map((u) => u.path);
    checks.push(check('production: no localhost URL', local));
    checks.push(
      check('production: real Entra client id', info?.id === PLACEHOLDER_CLIENT_ID ? ['webApplicationInfo.id is the placeholder'] : []),
    );
  }
  return { checks, manifest };
}

// ---------------------------------------------------------------------------------------------
// XML add-in-only manifest
// ---------------------------------------------------------------------------------------------

/** xml2js node as office-addin-manifest returns it: attributes under `$`, text under `_`. */
type XmlNode = { $?: Record<string, string>; _?: string } & Record<string, unknown>;

interface XmlElement {
  name: string;
  node: XmlNode | string;
  parent?: XmlElement;
}

/** Every element in document order. */
function xmlElements(root: Record<string, unknown>): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (name: string, node: unknown, parent?: XmlElement) => {
    if (Array.isArray(node)) {
      for (const item of node) visit(name, item, parent);
      return;
    }
    const element: XmlElement = { name, node: node as XmlNode | string, parent };
    out.push(element);
    if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
        if (key !== '$' && key !== '_') visit(key, child, element);
      }
    }
  };
  for (const [name, node] of Object.entries(root)) visit(name, node);
  return out;
}

function attr(element: XmlElement, name: string): string | undefined {
  return typeof element.node === 'object' ? element.node.$?.[name] : undefined;
}

function text(element: XmlElement): string {
  return (typeof element.node === 'string' ? element.node : (element.node._ ?? '')).trim();
}

const BASIC_TYPES_NAMESPACE = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';

/** The namespace a prefix stands for at `element`, from the nearest `xmlns:<prefix>` declaration. */
function namespaceOf(element: XmlElement, prefix: string): string | undefined {
  for (let at: XmlElement | undefined = element; at; at = at.parent) {
    const uri = attr(at, `xmlns:${prefix}`);
    if (uri !== undefined) return uri;
  }
  return undefined;
}

/**
 * A rule the schemas do not express ([MS-OWEMXML] types the mobile Icon as bt:MobileIconList, so a
 * validator accepts it bare): "Icon elements contained within a MobileFormFactor element must have
 * this attribute set to bt:MobileIconList" (https://learn.microsoft.com/javascript/api/manifest/icon).
 */
function mobileIconProblems(elements: XmlElement[]): string[] {
  const inMobile = (e: XmlElement) => {
    for (let at = e.parent; at; at = at.parent) if (at.name === 'MobileFormFactor') return true;
    return false;
  };
  return elements
    .filter((e) => e.name === 'Icon' && inMobile(e))
    .flatMap((icon) => {
      const type = attr(icon, 'xsi:type') ?? '';
      const [prefix, local] = type.includes(':') ? type.split(':') : ['', type];
      const ok = local === 'MobileIconList' && namespaceOf(icon, prefix) === BASIC_TYPES_NAMESPACE;
      const control = icon.parent ? attr(icon.parent, 'id') : undefined;
      return ok ? [] : [`the Icon of ${control ?? 'a mobile control'} has xsi:type "${type}"`];
    });
}

/** Elements whose DefaultValue (and whose Overrides' Value) is a URL Outlook loads or links to. */
const URL_ELEMENTS = new Set(['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'bt:Image', 'bt:Url']);

/** Template GUIDs from Microsoft's samples; a manifest that keeps one collides with every other copy. */
const TEMPLATE_GUIDS = new Set(['05c2e1c9-3e1d-406e-9a91-e9ac64854143', PLACEHOLDER_CLIENT_ID]);

const PERMISSION_LEVELS = ['Restricted', 'ReadItem', 'ReadWriteItem', 'ReadWriteMailbox'];

/** office-addin-manifest's XML reader, fed from memory so callers need not write a file first. */
class XmlManifestReader extends ManifestHandlerXml {
  constructor(private readonly xml: string) {
    super('manifest.xml');
  }
  override async readFromManifestFile(): Promise<string> {
    return this.xml;
  }
}

export interface ParsedXmlManifest {
  info: ManifestInfo;
  tree: Record<string, unknown>;
}

export async function parseXmlManifest(xml: string): Promise<ParsedXmlManifest> {
  const reader = new XmlManifestReader(xml);
  const tree = (await reader.parseXmlAsync()) as Record<string, unknown>;
  const info = await reader.parseManifest();
  return { info, tree };
}

export interface XmlManifestResult {
  checks: Check[];
  parsed?: ParsedXmlManifest;
}

export async function checkXmlManifest(xml: string, options: ValidateOptions): Promise<XmlManifestResult> {
  let parsed: ParsedXmlManifest;
  try {
    parsed = await parseXmlManifest(xml);
  } catch (error) {
    return { checks: [{ name: 'parses (office-addin-manifest)', ok: false, detail: (error as Error).message }] };
  }
  const { info, tree } = parsed;
  const checks: Check[] = [];
  const elements = xmlElements(tree);
  const named = (name: string) => elements.filter((e) => e.name === name);

  checks.push(
    check(
      'parses (office-addin-manifest) as an Outlook MailApp',
      [
        ...(info.officeAppType === 'MailApp' ? [] : [`xsi:type is ${info.officeAppType ?? 'missing'}`]),
        ...((info.hosts ?? []).includes('Mailbox') ? [] : ['no <Host Name="Mailbox"/>']),
      ],
      `${info.displayName ?? ''} ${info.version ?? ''}`.trim(),
    ),
  );

  const schemaErrors = await xmlSchemaErrors(xml);
  checks.push(check("matches Microsoft's add-in manifest XML Schemas (manifest/schemas)", schemaErrors));
  checks.push(check('every Icon in MobileFormFactor is xsi:type="bt:MobileIconList"', mobileIconProblems(elements)));

  const webAppId = named('WebApplicationInfo').flatMap((w) => elements.filter((e) => e.parent === w && e.name === 'Id')).map(text)[0];
  const id = info.id ?? '';
  checks.push(
    check(
      'Id is a valid, unique GUID',
      [
        ...(isGuid(id) ? [] : [`"${id}" is not a GUID`]),
        ...(TEMPLATE_GUIDS.has(id.toLowerCase()) ? [`"${id}" is a placeholder/template GUID`] : []),
        ...(webAppId && webAppId.toLowerCase() === id.toLowerCase() ? ['same as the Entra client id'] : []),
      ],
      id,
    ),
  );

  const version = info.version ?? '';
  checks.push(check('Version is n.n.n.n', /^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(version) ? [] : [`"${version}"`], version));

  // All URLs: the element's DefaultValue plus its <Override Value> children.
  const urls: { where: string; url: string }[] = [];
  for (const element of elements) {
    if (URL_ELEMENTS.has(element.name)) {
      const value = attr(element, 'DefaultValue');
      if (value !== undefined) urls.push({ where: `${element.name}${attr(element, 'id') ? `#${attr(element, 'id')}` : ''}`, url: value });
    }
    if ((element.name === 'Override' || element.name === 'bt:Override') && element.parent && URL_ELEMENTS.has(element.parent.name)) {
      const value = attr(element, 'Value');
      if (value !== undefined) urls.push({ where: `${element.parent.name} override ${attr(element, 'Locale') ?? ''}`, url: value });
    }
  }
  checks.push(
    check(
      'every SourceLocation, Url and IconUrl is https',
      urls.filter((u) => !/^https:\/\/[^/]/i.test(u.url)).map((u) => `${u.where} = ${u.url}`),
      `${urls.length} URLs`,
    ),
  );

  const appDomains = info.appDomains ?? [];
  const uncovered = urls.filter((u) => {
    const host = hostOf(u.url);
    return !host || !appDomains.some((d) => domainCovers(d, host));
  });
  checks.push(
    check(
      'AppDomains cover every URL host',
      [...new Set(uncovered.map((u) => hostOf(u.url) ?? u.url))].map((h) => `${h} not in AppDomains`),
      appDomains.join(', '),
    ),
  );

  // Icons: the two listing icons, and every ribbon icon resolving to an image resource.
  const images = new Map(named('bt:Image').filter((e) => attr(e, 'id')).map((e) => [attr(e, 'id') as string, attr(e, 'DefaultValue')]));
  const iconProblems: string[] = [];
  if (!info.iconUrl) iconProblems.push('IconUrl missing');
  if (!info.highResolutionIconUrl) iconProblems.push('HighResolutionIconUrl missing');
  for (const icon of named('Icon')) {
    const refs = elements.filter((e) => e.parent === icon && e.name === 'bt:Image');
    const sizes = new Set(refs.map((r) => attr(r, 'size')));
    const isMobile = icon.parent ? attr(icon.parent, 'xsi:type') === 'MobileButton' : false;
    for (const size of isMobile ? ['25', '32', '48'] : ['16', '32', '80']) {
      if (!sizes.has(size)) iconProblems.push(`an <Icon> lacks size ${size}`);
    }
    for (const ref of refs) {
      const resid = attr(ref, 'resid') ?? '';
      if (!images.get(resid)) iconProblems.push(`icon resid "${resid}" has no image URL`);
    }
  }
  checks.push(check('icon URLs present (IconUrl, HighResolutionIconUrl, ribbon 16/32/80)', [...new Set(iconProblems)], `${images.size} images`));

  // Resource ids: Outlook refuses ids over 32 characters and references that do not resolve.
  const resourceIds = new Set(
    elements.filter((e) => ['bt:Image', 'bt:Url', 'bt:String'].includes(e.name)).map((e) => attr(e, 'id')).filter((v): v is string => !!v),
  );
  const residProblems: string[] = [];
  for (const id of resourceIds) if (id.length > 32) residProblems.push(`id "${id}" is longer than 32 characters`);
  for (const element of elements) {
    const resid = attr(element, 'resid');
    if (resid !== undefined && !resourceIds.has(resid)) residProblems.push(`resid "${resid}" (${element.name}) is not defined`);
  }
  checks.push(check('resource ids resolve and are at most 32 characters', [...new Set(residProblems)]));

  // Lengths Outlook enforces on install.
  const lengthProblems: string[] = [];
  const within = (label: string, value: string | undefined, max: number) => {
    if (value !== undefined && value.length > max) lengthProblems.push(`${label} is ${value.length} > ${max} characters`);
  };
  const stringsOf = (container: string, max: number) => {
    for (const group of named(container)) {
      for (const s of elements.filter((e) => e.parent === group && e.name === 'bt:String')) {
        within(`${container} ${attr(s, 'id')}`, attr(s, 'DefaultValue'), max);
        for (const o of elements.filter((e) => e.parent === s)) within(`${container} ${attr(s, 'id')} override`, attr(o, 'Value'), max);
      }
    }
  };
  stringsOf('bt:ShortStrings', 125);
  stringsOf('bt:LongStrings', 250);
  for (const [element, max] of [['DisplayName', 125], ['Description', 250]] as const) {
    for (const e of named(element).filter((x) => x.parent?.name === 'OfficeApp')) {
      within(element, attr(e, 'DefaultValue'), max);
      for (const o of elements.filter((x) => x.parent === e)) within(`${element} override`, attr(o, 'Value'), max);
    }
  }
  checks.push(check('string lengths within Outlook limits', lengthProblems));

  // Dutch default with English overrides for every visible string.
  const localeProblems: string[] = [];
  if (!info.defaultLocale) localeProblems.push('DefaultLocale missing');
  const localized = [
    ...named('DisplayName').filter((e) => e.parent?.name === 'OfficeApp'),
    ...named('Description').filter((e) => e.parent?.name === 'OfficeApp'),
    ...named('bt:String'),
  ];
  for (const e of localized) {
    const overrides = elements.filter((x) => x.parent === e && /Override$/.test(x.name)).map((x) => attr(x, 'Locale'));
    if (overrides.length === 0) localeProblems.push(`${e.name}${attr(e, 'id') ? ` ${attr(e, 'id')}` : ''} has no English override`);
  }
  checks.push(check('default locale with English overrides', [...new Set(localeProblems)], info.defaultLocale));

  const mailboxSets = named('Set').filter((e) => attr(e, 'Name')?.toLowerCase() === 'mailbox');
  checks.push(
    check(
      'Mailbox requirement set declared',
      mailboxSets.some((e) => attr(e, 'MinVersion')) ? [] : ['no <Set Name="Mailbox" MinVersion="…"/>'],
      mailboxSets.map((e) => attr(e, 'MinVersion')).join(', '),
    ),
  );

  checks.push(
    check(
      'Permissions level is valid',
      PERMISSION_LEVELS.includes(info.permissions ?? '') ? [] : [`"${info.permissions ?? ''}"`],
      info.permissions,
    ),
  );

  const webApps = named('WebApplicationInfo');
  const webProblems: string[] = [];
  if (webApps.length === 0) webProblems.push('missing');
  for (const w of webApps) {
    const child = (name: string) => elements.filter((e) => e.parent === w && e.name === name).map(text)[0] ?? '';
    const clientId = child('Id');
    const resource = child('Resource');
    if (!isGuid(clientId)) webProblems.push(`Id "${clientId}" is not a GUID`);
    const match = /^api:\/\/([^/]+)\/(.+)$/.exec(resource);
    if (!match) webProblems.push(`Resource "${resource}" is not api://<host>/<client id>`);
    else {
      if (!appDomains.some((d) => domainCovers(d, match[1].toLowerCase()))) webProblems.push(`Resource host ${match[1]} not in AppDomains`);
      if (match[2] !== clientId) webProblems.push('Resource does not end in the client id');
    }
    if (options.production && clientId === PLACEHOLDER_CLIENT_ID) webProblems.push('Id is the placeholder client id');
  }
  checks.push(check('WebApplicationInfo is {client id, api://<host>/<client id>}', webProblems));

  if (options.production) {
    checks.push(
      check(
        'production: no localhost URL',
        urls.filter((u) => isLocalHost(hostOf(u.url) ?? '')).map((u) => u.where),
      ),
    );
  }
  return { checks, parsed };
}

// ---------------------------------------------------------------------------------------------
// The two manifests together
// ---------------------------------------------------------------------------------------------

const CONSISTENCY = 'JSON and XML manifests agree (linked ids, version, host, client id, permission, Mailbox minimum)';

/**
 * Both manifests describe one add-in: different ids linked through the unified manifest's
 * `alternates[].hide.customOfficeAddin.officeAddinId` (Microsoft's rule for shipping both), and the
 * same version, base host, client id, permission and Mailbox floor.
 */
export function checkConsistency(teams: TeamsManifestShape | undefined, xml: ParsedXmlManifest | undefined): Check[] {
  if (!teams || !xml) return [{ name: CONSISTENCY, ok: false, detail: 'one of them could not be read' }];
  const elements = xmlElements(xml.tree);
  const problems: string[] = [];
  const xmlId = (xml.info.id ?? '').toLowerCase();
  if ((teams.id ?? '').toLowerCase() === xmlId) problems.push(`the XML <Id> must differ from the unified manifest's id ${teams.id}`);
  const hidden = (teams.extensions ?? []).flatMap((e) => e.alternates ?? []).map((a) => a.hide?.customOfficeAddin?.officeAddinId?.toLowerCase());
  if (!hidden.includes(xmlId)) problems.push(`no extensions[].alternates[].hide.customOfficeAddin.officeAddinId names the XML add-in ${xml.info.id}`);
  if (xmlManifestVersion(teams.version ?? '') !== xml.info.version) problems.push(`version ${teams.version} ≠ ${xml.info.version}`);

  const xmlHosts = (xml.info.appDomains ?? []).map((d) => d.replace(/^https?:\/\//i, '').replace(/\/.*$/, '').toLowerCase());
  const jsonHosts = (teams.validDomains ?? []).map((d) => d.toLowerCase());
  if (xmlHosts.join() !== jsonHosts.join()) problems.push(`hosts ${jsonHosts.join(', ')} ≠ ${xmlHosts.join(', ')}`);

  const xmlClientId = elements.filter((e) => e.name === 'Id' && e.parent?.name === 'WebApplicationInfo').map(text)[0];
  if (teams.webApplicationInfo?.id !== xmlClientId) problems.push(`client id ${teams.webApplicationInfo?.id} ≠ ${xmlClientId}`);

  const level = xml.info.permissions as keyof typeof MAILBOX_PERMISSION_JSON_NAME | undefined;
  const jsonPermission = level && MAILBOX_PERMISSION_JSON_NAME[level];
  const rsc = (teams.authorization?.permissions?.resourceSpecific ?? []).map((p) => p.name);
  if (!jsonPermission || !rsc.includes(jsonPermission)) problems.push(`XML ${level} has no ${jsonPermission ?? 'JSON counterpart'} in the unified manifest`);

  const jsonFloor = teams.extensions?.[0]?.requirements?.capabilities?.find((c) => c.name === 'Mailbox')?.minVersion;
  const xmlFloor = elements.find((e) => e.name === 'Set' && e.parent?.parent?.name === 'Requirements' && e.parent.parent.parent?.name === 'OfficeApp');
  const xmlFloorVersion = xmlFloor ? attr(xmlFloor, 'MinVersion') : undefined;
  if (jsonFloor !== xmlFloorVersion) problems.push(`Mailbox minimum ${jsonFloor} ≠ ${xmlFloorVersion}`);

  return [check(CONSISTENCY, problems)];
}

// ---------------------------------------------------------------------------------------------
// What `npm run validate` runs
// ---------------------------------------------------------------------------------------------

function readFolder(dir: string, names: string[]): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of names) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) files.set(name, fs.readFileSync(file));
  }
  return files;
}

/** The committed development manifests in appPackage/ and manifest/, and the icons in assets/. */
export async function validateCommitted(root: string = REPO_ROOT): Promise<CheckGroup[]> {
  const groups: CheckGroup[] = [];
  const packageDir = path.join(root, PATHS.appPackage);
  const manifestRaw = fs.existsSync(path.join(packageDir, PACKAGE_FILES.manifest))
    ? fs.readFileSync(path.join(packageDir, PACKAGE_FILES.manifest), 'utf8')
    : undefined;
  let names: string[] = Object.values(PACKAGE_FILES);
  try {
    const parsed = manifestRaw ? (JSON.parse(manifestRaw) as TeamsManifestShape) : undefined;
    names = [...new Set([...names, ...(parsed?.localizationInfo?.additionalLanguages ?? []).map((l) => l.file)])];
  } catch {
    // checkTeamsPackage reports the JSON error.
  }
  const teams = checkTeamsPackage(readFolder(packageDir, names), { production: false });
  groups.push({ title: `${PATHS.appPackage}/ (unified manifest, development)`, checks: teams.checks });

  const xmlFile = path.join(root, PATHS.xmlManifest);
  const xml = fs.existsSync(xmlFile)
    ? await checkXmlManifest(fs.readFileSync(xmlFile, 'utf8'), { production: false })
    : { checks: [{ name: 'present', ok: false, detail: 'missing' }] };
  groups.push({ title: `${PATHS.xmlManifest} (XML manifest, development)`, checks: xml.checks });
  groups.push({ title: 'development manifests together', checks: checkConsistency(teams.manifest, 'parsed' in xml ? xml.parsed : undefined) });

  const assetChecks: Check[] = [];
  for (const asset of ICON_ASSETS) {
    const file = path.join(root, PATHS.assets, asset.file);
    const data = fs.existsSync(file) ? fs.readFileSync(file) : undefined;
    assetChecks.push(checkIconSize(`${PATHS.assets}/${asset.file}`, data, asset.size, asset.size));
    if (asset.kind === 'outline') assetChecks.push(checkOutlineIcon(`${PATHS.assets}/${asset.file}`, data));
  }
  groups.push({ title: `${PATHS.assets}/ (icons)`, checks: assetChecks });

  groups.push({ title: 'committed files are what the generator writes', checks: [checkDrift(root)] });
  return groups;
}

/** Whether the committed files equal `package.ts --dev` output (icons compared by pixels). */
export function checkDrift(root: string = REPO_ROOT): Check {
  const problems: string[] = [];
  for (const [relative, expected] of committedDevFiles()) {
    const file = path.join(root, relative);
    if (!fs.existsSync(file)) {
      problems.push(`${relative} missing`);
      continue;
    }
    const actual = fs.readFileSync(file);
    const same = relative.endsWith('.png') ? safeSamePixels(actual, expected) : actual.equals(expected);
    if (!same) problems.push(`${relative} differs`);
  }
  const result = check('appPackage/, manifest/ and assets/ match `npx tsx scripts/package.ts --dev`', problems);
  if (!result.ok) result.detail = `${result.detail} (run \`npx tsx scripts/package.ts --dev\`)`;
  return result;
}

function safeSamePixels(a: Buffer, b: Buffer): boolean {
  try {
    return samePixels(a, b);
  } catch {
    return false;
  }
}

/** A written package folder (`dist-package/` or `dist-package/dev/`), if it exists. */
export async function validatePackageDir(dir: string, options: ValidateOptions): Promise<CheckGroup[] | undefined> {
  const zipPath = path.join(dir, ZIP_NAME);
  const xmlPath = path.join(dir, XML_NAME);
  if (!fs.existsSync(zipPath) && !fs.existsSync(xmlPath)) return undefined;
  const label = path.relative(REPO_ROOT, dir) || dir;
  const kind = options.production ? 'production' : 'development';
  const groups: CheckGroup[] = [];

  let teams: TeamsPackageResult = { checks: [{ name: `${ZIP_NAME} present`, ok: false, detail: 'missing' }] };
  if (fs.existsSync(zipPath)) {
    try {
      const files = await unzipFiles(fs.readFileSync(zipPath));
      teams = checkTeamsPackage(files, options);
      const nested = [...files.keys()].filter((name) => name.includes('/'));
      teams.checks.unshift(check('zip holds its files at the root', nested.map((n) => `${n} is in a folder`), [...files.keys()].sort().join(', ')));
    } catch (error) {
      teams = { checks: [{ name: `${ZIP_NAME} is a readable zip`, ok: false, detail: (error as Error).message }] };
    }
  }
  groups.push({ title: `${label}/${ZIP_NAME} (${kind})`, checks: teams.checks });

  const xml = fs.existsSync(xmlPath)
    ? await checkXmlManifest(fs.readFileSync(xmlPath, 'utf8'), options)
    : { checks: [{ name: `${XML_NAME} present`, ok: false, detail: 'missing' }] };
  groups.push({ title: `${label}/${XML_NAME} (${kind})`, checks: xml.checks });
  groups.push({ title: `${label} manifests together`, checks: checkConsistency(teams.manifest, 'parsed' in xml ? xml.parsed : undefined) });
  return groups;
}

/** Everything `npm run validate` checks. */
export async function validateAll(root: string = REPO_ROOT): Promise<CheckGroup[]> {
  const groups = await validateCommitted(root);
  const production = await validatePackageDir(path.join(root, PATHS.distPackage), { production: true });
  if (production) groups.push(...production);
  const dev = await validatePackageDir(path.join(root, PATHS.distPackageDev), { production: false });
  if (dev) groups.push(...dev);
  return groups;
}

export function formatReport(groups: CheckGroup[]): string {
  const lines: string[] = [];
  for (const group of groups) {
    lines.push(group.title);
    for (const c of group.checks) lines.push(`  ${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}${c.detail ? ` — ${c.detail}` : ''}`);
    lines.push('');
  }
  const failed = groups.flatMap((g) => g.checks).filter((c) => !c.ok).length;
  const total = groups.flatMap((g) => g.checks).length;
  lines.push(
    failed === 0
      ? `VALID: all ${total} checks passed.`
      : `INVALID: ${failed} of ${total} checks failed. Teams or Outlook would refuse or half-install this app.`,
  );
  return lines.join('\n');
}
