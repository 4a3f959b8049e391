/**
 * Validates an XML add-in manifest against the XML Schemas in manifest/schemas/ (Microsoft's add-in
 * manifest XSDs; manifest/schemas/README.md says where each type comes from) with libxml2's
 * validator, compiled to WebAssembly by xmllint-wasm: no native build, no network.
 */
import fs from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { REPO_ROOT } from './manifestFiles';

export const SCHEMA_DIR = path.join(REPO_ROOT, 'manifest', 'schemas');
const ROOT_SCHEMA = 'OfficeAppManifestV1_1.xsd';

let schemas: { fileName: string; contents: string }[] | undefined;

function schemaFiles(): { fileName: string; contents: string }[] {
  schemas ??= fs
    .readdirSync(SCHEMA_DIR)
    .filter((name) => name.endsWith('.xsd'))
    .sort()
    .map((fileName) => ({ fileName, contents: fs.readFileSync(path.join(SCHEMA_DIR, fileName), 'utf8') }));
  return schemas;
}

/** The schema errors of `xml` as `line N: message`; empty when it is valid. */
export async function xmlSchemaErrors(xml: string): Promise<string[]> {
  const files = schemaFiles();
  const root = files.find((f) => f.fileName === ROOT_SCHEMA);
  if (!root) throw new Error(`${ROOT_SCHEMA} is missing from ${SCHEMA_DIR}`);
  const result = await validateXML({
    xml: { fileName: 'manifest.xml', contents: xml },
    schema: root,
    preload: files.filter((f) => f !== root),
  });
  return result.errors.map((e) => `line ${e.loc?.lineNumber ?? '?'}: ${e.message.replace(/^Schemas validity error : /, '').replace(/\{http:\/\/schemas\.microsoft\.com\/office\//g, '{').trim()}`);
}
