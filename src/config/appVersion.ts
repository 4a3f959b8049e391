/**
 * The release version, sent to SharePoint in the User-Agent decoration (src/data/graph/userAgent.ts).
 * A constant rather than package.json read at run time: the pages have no package.json, and tsx/jest run
 * the same module unbundled. tests/data/throttling.test.ts fails when it and package.json's version differ.
 */
export const APP_VERSION = '0.1.0';
