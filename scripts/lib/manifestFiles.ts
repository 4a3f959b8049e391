/**
 * Where the manifests and icons live on disk, and how the app package zip is assembled. Shared by
 * `scripts/package.ts` (writes), `scripts/validate.ts` and the tests (compare with what is
 * committed), so the three can never disagree about a path.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import {
  DEV_DEPLOYMENT,
  PACKAGE_FILES,
  buildTeamsLocalization,
  buildTeamsManifest,
  buildXmlManifest,
  toJsonFile,
  type Deployment,
} from '../../src/config/manifests';
import { ICON_ASSETS, renderIconAssets } from './icons';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Paths relative to the repository root. */
export const PATHS = {
  appPackage: 'appPackage',
  xmlManifest: path.join('manifest', 'manifest.xml'),
  assets: 'assets',
  distPackage: 'dist-package',
  /** Development package for sideloading, next to (not instead of) the production one. */
  distPackageDev: path.join('dist-package', 'dev'),
} as const;

export const ZIP_NAME = 'partnerzicht.zip';
export const XML_NAME = 'manifest.xml';

/** The assets the app package takes its two icons from. */
const PACKAGE_ICON_SOURCES = {
  [PACKAGE_FILES.color]: 'color-192.png',
  [PACKAGE_FILES.outline]: 'outline-32.png',
} as const;

/** manifest.json, en.json and the two icons, as they go into the zip (and into `appPackage/`). */
export function appPackageFiles(deployment: Deployment, icons: Map<string, Buffer>): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  files.set(PACKAGE_FILES.manifest, Buffer.from(toJsonFile(buildTeamsManifest(deployment)), 'utf8'));
  files.set(PACKAGE_FILES.english, Buffer.from(toJsonFile(buildTeamsLocalization()), 'utf8'));
  for (const [name, source] of Object.entries(PACKAGE_ICON_SOURCES)) {
    const icon = icons.get(source);
    if (!icon) throw new Error(`Icon ${source} is missing; run \`npx tsx scripts/package.ts --dev\` to draw it.`);
    files.set(name, icon);
  }
  return files;
}

/**
 * Everything `package.ts --dev` commits, keyed by path relative to the repository root: the
 * development manifests (https://localhost:3000, placeholder client id) and the drawn icons.
 */
export function committedDevFiles(): Map<string, Buffer> {
  const icons = renderIconAssets();
  const files = new Map<string, Buffer>();
  for (const [name, data] of icons) files.set(path.join(PATHS.assets, name), data);
  for (const [name, data] of appPackageFiles(DEV_DEPLOYMENT, icons)) files.set(path.join(PATHS.appPackage, name), data);
  files.set(PATHS.xmlManifest, Buffer.from(buildXmlManifest(DEV_DEPLOYMENT), 'utf8'));
  return files;
}

/** Reads the committed icons from `assets/` (production packaging copies, never redraws). */
export function readAssetIcons(root: string = REPO_ROOT): Map<string, Buffer> {
  const icons = new Map<string, Buffer>();
  for (const asset of ICON_ASSETS) {
    const file = path.join(root, PATHS.assets, asset.file);
    if (fs.existsSync(file)) icons.set(asset.file, fs.readFileSync(file));
  }
  return icons;
}

/** A fixed timestamp keeps the zip byte-identical between runs with the same inputs. */
const ZIP_DATE = new Date(Date.UTC(2024, 0, 1));

export async function zipFiles(files: Map<string, Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  // Teams wants the files at the root of the zip, not inside a folder.
  for (const [name, data] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    zip.file(name, data, { date: ZIP_DATE, createFolders: false });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

export async function unzipFiles(zipData: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(zipData);
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  }
  return files;
}

function writeFile(file: string, data: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
}

/** Writes the committed development files; returns the paths written (relative to root). */
export function writeCommittedDevFiles(root: string = REPO_ROOT): string[] {
  const written: string[] = [];
  for (const [relative, data] of committedDevFiles()) {
    writeFile(path.join(root, relative), data);
    written.push(relative);
  }
  return written;
}

export interface PackageOutput {
  zipPath: string;
  xmlPath: string;
  entries: string[];
}

/** Writes `<outDir>/partnerzicht.zip` and `<outDir>/manifest.xml` for a deployment. */
export async function writePackage(
  deployment: Deployment,
  outDir: string,
  icons: Map<string, Buffer> = readAssetIcons(),
): Promise<PackageOutput> {
  const files = appPackageFiles(deployment, icons);
  const zipPath = path.join(outDir, ZIP_NAME);
  const xmlPath = path.join(outDir, XML_NAME);
  writeFile(zipPath, await zipFiles(files));
  writeFile(xmlPath, Buffer.from(buildXmlManifest(deployment), 'utf8'));
  return { zipPath, xmlPath, entries: [...files.keys()].sort() };
}
