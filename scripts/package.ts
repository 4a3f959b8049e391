/**
 * `npm run package`: the production app package and XML manifest, with URLs from
 * PARTNERZICHT_BASE_URL and the Entra client id from PARTNERZICHT_CLIENT_ID:
 *   dist-package/partnerzicht.zip  (manifest.json, en.json, color.png, outline.png) → Teams admin centre
 *   dist-package/manifest.xml      → Exchange/Microsoft 365 admin centre, for Outlook clients without
 *                                    unified-manifest support
 *
 * `npx tsx scripts/package.ts --dev`: redraws assets/*.png and rewrites the committed development
 * manifests (appPackage/, manifest/manifest.xml, https://localhost:3000, placeholder client id),
 * then writes a sideloadable development package to dist-package/dev/ (which does use
 * PARTNERZICHT_CLIENT_ID when set, so SSO can be tried against a real registration).
 *
 * `--out <dir>` writes the package somewhere else (tests, CI artefacts).
 */
import path from 'node:path';
import { DEPLOYMENT_ENV } from '../src/config/appIdentity';
import { DeploymentConfigError, resolveDeployment } from '../src/config/manifests';
import { PATHS, REPO_ROOT, readAssetIcons, writeCommittedDevFiles, writePackage } from './lib/manifestFiles';

function displayPath(file: string): string {
  const relative = path.relative(REPO_ROOT, file);
  return relative.startsWith('..') ? file : relative;
}

async function main(argv: string[]): Promise<number> {
  const dev = argv.includes('--dev');
  const outIndex = argv.indexOf('--out');
  const outArg = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  if (outIndex >= 0 && !outArg) {
    console.error('--out needs a directory.');
    return 1;
  }

  let deployment;
  try {
    deployment = resolveDeployment(process.env, { dev });
  } catch (error) {
    if (error instanceof DeploymentConfigError) {
      console.error(`Not packaging: ${error.message}`);
      console.error(
        `Example: ${DEPLOYMENT_ENV.baseUrl}=https://partnerzicht.gemeente.nl ${DEPLOYMENT_ENV.clientId}=<guid> npm run package`,
      );
      return 1;
    }
    throw error;
  }

  if (dev) {
    const written = writeCommittedDevFiles(REPO_ROOT);
    console.log('Development manifests and icons (commit these):');
    for (const file of written) console.log(`  ${file}`);
  }

  const outDir = outArg ? path.resolve(outArg) : path.join(REPO_ROOT, dev ? PATHS.distPackageDev : PATHS.distPackage);
  const output = await writePackage(deployment, outDir, readAssetIcons(REPO_ROOT));
  console.log(`${dev ? 'Development' : 'Production'} package for ${deployment.baseUrl} (client id ${deployment.clientId}, ${deployment.mailboxPermission}):`);
  console.log(`  ${displayPath(output.zipPath)}  [${output.entries.join(', ')}]`);
  console.log(`  ${displayPath(output.xmlPath)}`);
  console.log('Check them with `npm run validate`.');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
