import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface PackageProblem {
  readonly where: string;
  readonly message: string;
}

const VERSIONS = ['1.2', '2004 3rd Edition', '2004 4th Edition'];

type Node = Record<string, unknown>;
const list = (value: unknown): Node[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as Node[]) : [value as Node];
const text = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : value && typeof value === 'object'
      ? text((value as Node)['#text'])
      : '';

function badHref(href: string): string | null {
  if (href.includes('\\')) return 'uses a backslash';
  if (href.split('/').includes('..')) return 'climbs out with ".."';
  if (href.includes('?') || href.includes('#')) return 'has a query string or fragment';
  if (href.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(href)) return 'is absolute';
  return null;
}

/**
 * The rules that pass the XSDs and still break LMSs (see the schema folder's README): manifest at
 * the root, exact schemaversion, scormType on every resource, titles, resolvable identifierrefs,
 * clean hrefs, and every listed file present in the zip.
 */
export function checkPackage(manifest: string, entries: readonly string[]): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const problem = (where: string, message: string) => problems.push({ where, message });
  if (!entries.includes('imsmanifest.xml')) problem('imsmanifest.xml', 'is not at the root of the package');
  for (const entry of entries) {
    const bad = badHref(entry);
    if (bad) problem(entry, `the zip entry ${bad}`);
  }
  const wellFormed = XMLValidator.validate(manifest);
  if (wellFormed !== true) {
    problem('imsmanifest.xml', `is not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`);
    return problems;
  }
  let doc: Node;
  try {
    doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: false }).parse(
      manifest,
    ) as Node;
  } catch (error) {
    problem('imsmanifest.xml', `is not well-formed XML: ${(error as Error).message}`);
    return problems;
  }
  const root = doc.manifest as Node | undefined;
  if (!root) {
    problem('imsmanifest.xml', 'has no <manifest> root element');
    return problems;
  }
  const version = text((root.metadata as Node | undefined)?.schemaversion).trim();
  if (!VERSIONS.includes(version))
    problem('metadata/schemaversion', `is "${version}", not exactly one of ${VERSIONS.join(', ')}`);
  const resources = list((root.resources as Node | undefined)?.resource);
  const resourceIds = new Set<string>();
  const seen = new Set<string>();
  const unique = (id: string, where: string) => {
    if (seen.has(id)) problem(where, `identifier "${id}" is used twice`);
    seen.add(id);
  };
  unique(String(root['@identifier'] ?? ''), 'manifest');
  const present = new Set(entries);
  for (const resource of resources) {
    const id = String(resource['@identifier'] ?? '');
    const where = `resource ${id}`;
    unique(id, where);
    resourceIds.add(id);
    if (resource['@adlcp:scormType'] === undefined && resource['@adlcp:scormtype'] === undefined)
      problem(where, 'has no adlcp:scormType (2004) or adlcp:scormtype (1.2)');
    const href = resource['@href'];
    if (typeof href === 'string') {
      const bad = badHref(href);
      if (bad) problem(where, `href "${href}" ${bad}`);
      else if (!present.has(href)) problem(where, `href "${href}" is not in the package`);
    }
    for (const file of list(resource.file)) {
      const fileHref = String(file['@href'] ?? '');
      const bad = badHref(fileHref);
      if (bad) problem(where, `file "${fileHref}" ${bad}`);
      else if (!present.has(fileHref)) problem(where, `lists "${fileHref}", which is not in the package`);
    }
  }
  const organizations = list((root.organizations as Node | undefined)?.organization);
  if (organizations.length === 0) problem('organizations', 'has no organization');
  const visit = (items: Node[], where: string) => {
    for (const item of items) {
      const id = String(item['@identifier'] ?? '');
      unique(id, `item ${id}`);
      if (!text(item.title).trim()) problem(`item ${id}`, 'has no <title>');
      const ref = item['@identifierref'];
      if (ref !== undefined && !resourceIds.has(String(ref)))
        problem(`item ${id}`, `identifierref "${String(ref)}" names no resource`);
      visit(list(item.item), where);
    }
  };
  for (const org of organizations) {
    unique(String(org['@identifier'] ?? ''), 'organization');
    if (!text(org.title).trim()) problem(`organization ${String(org['@identifier'])}`, 'has no <title>');
    visit(list(org.item), 'organization');
  }
  return problems;
}
