/**
 * `npm run validate`: offline checks of the committed development manifests (appPackage/,
 * manifest/manifest.xml, assets/) and, when present, of the packages in dist-package/ (production)
 * and dist-package/dev/. Exits 1 when any check fails.
 */
import { allOk, formatReport, validateAll } from './lib/manifestValidation';

validateAll().then(
  (groups) => {
    console.log(formatReport(groups));
    process.exitCode = allOk(groups) ? 0 : 1;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
