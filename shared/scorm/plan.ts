import type { Course } from '../model/schema';

export const STANDARDS = ['scorm12', 'scorm2004-3rd', 'scorm2004-4th'] as const;
export type Standard = (typeof STANDARDS)[number];
export const PROFILES = ['generic', 'moodle', 'strict'] as const;
export type Profile = (typeof PROFILES)[number];

/** Where a packaged file's bytes come from; the backend resolves each kind. */
export type FileSource =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'asset'; readonly name: string }
  | { readonly kind: 'player'; readonly file: string }
  | { readonly kind: 'schema'; readonly file: string };

export interface PackageFile {
  readonly path: string;
  readonly source: FileSource;
}

export interface PackagePlan {
  readonly standard: Standard;
  readonly profile: Profile;
  readonly manifest: string;
  /** Every file in the zip, imsmanifest.xml first, in a fixed order. */
  readonly files: readonly PackageFile[];
}

export interface PlanInput {
  readonly course: Course;
  readonly standard: Standard;
  readonly profile: Profile;
  /** The player's built files (index.html, player.js, player.css). */
  readonly playerFiles: readonly string[];
  /** Media stored with the course (`assets/…`). */
  readonly assetNames: readonly string[];
  /** Learner attributes fixed for every learner of this package (`--set role=approver`). */
  readonly attributes?: Readonly<Record<string, string>>;
}

const SCHEMAS_2004 = [
  'imscp_v1p1.xsd',
  'adlcp_v1p3.xsd',
  'adlseq_v1p3.xsd',
  'adlnav_v1p3.xsd',
  'imsss_v1p0.xsd',
  'imsss_v1p0auxresource.xsd',
  'imsss_v1p0control.xsd',
  'imsss_v1p0delivery.xsd',
  'imsss_v1p0limit.xsd',
  'imsss_v1p0objective.xsd',
  'imsss_v1p0random.xsd',
  'imsss_v1p0rollup.xsd',
  'imsss_v1p0seqrule.xsd',
  'imsss_v1p0util.xsd',
  'xml.xsd',
  'datatypes.dtd',
  'XMLSchema.dtd',
] as const;

/** Schema files SCORM expects at the package root for what xsi:schemaLocation names. */
export const SCHEMA_FILES: Record<Standard, readonly string[]> = {
  scorm12: ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd'],
  'scorm2004-3rd': SCHEMAS_2004,
  'scorm2004-4th': SCHEMAS_2004,
};

export const SCHEMA_VERSION: Record<Standard, string> = {
  scorm12: '1.2',
  'scorm2004-3rd': '2004 3rd Edition',
  'scorm2004-4th': '2004 4th Edition',
};

const escapeXml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** Identifiers derive from the course id only, so re-exporting a course keeps them stable. */
export function identifiers(course: Course) {
  const base = `tailor-${course.id}`;
  return { manifest: base, organization: `${base}-org`, item: `${base}-item`, resource: `${base}-sco` };
}

function manifestXml(course: Course, standard: Standard, profile: Profile, files: readonly string[]): string {
  const ids = identifiers(course);
  const title = escapeXml(course.title);
  const fileList = files.map((f) => `      <file href="${escapeXml(f)}"/>`).join('\n');
  if (standard === 'scorm12') {
    const mastery =
      profile === 'strict'
        ? ''
        : `\n        <adlcp:masteryscore>${Math.round(course.settings.passingScore * 100)}</adlcp:masteryscore>`;
    return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${ids.manifest}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${ids.organization}">
    <organization identifier="${ids.organization}">
      <title>${title}</title>
      <item identifier="${ids.item}" identifierref="${ids.resource}" isvisible="true">
        <title>${title}</title>${mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${ids.resource}" type="webcontent" adlcp:scormtype="sco" href="index.html">
${fileList}
    </resource>
  </resources>
</manifest>
`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${ids.manifest}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${SCHEMA_VERSION[standard]}</schemaversion>
  </metadata>
  <organizations default="${ids.organization}">
    <organization identifier="${ids.organization}">
      <title>${title}</title>
      <item identifier="${ids.item}" identifierref="${ids.resource}">
        <title>${title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${ids.resource}" type="webcontent" adlcp:scormType="sco" href="index.html">
${fileList}
    </resource>
  </resources>
</manifest>
`;
}

/** The course data the player reads: a script that assigns plain data (no fetch, no eval). */
export function courseScript(
  course: Course,
  standard: Standard,
  profile: Profile,
  attributes: Readonly<Record<string, string>> = {},
): string {
  const json = (value: unknown) =>
    JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029');
  const config = Object.keys(attributes).length ? { standard, profile, attributes } : { standard, profile };
  return `window.TAILOR_PACKAGE=${json(config)};\nwindow.TAILOR_COURSE=${json(course)};\n`;
}

/** Everything a package holds, decided from the course alone: pure data in, file list and XML out. */
export function planPackage(input: PlanInput): PackagePlan {
  const { course, standard, profile } = input;
  const content: PackageFile[] = [
    ...[...input.playerFiles].sort().map((file) => ({ path: file, source: { kind: 'player', file } as const })),
    { path: 'course.js', source: { kind: 'text', text: courseScript(course, standard, profile, input.attributes) } },
    ...[...input.assetNames].sort().map((name) => ({ path: name, source: { kind: 'asset', name } as const })),
  ];
  const schemas: PackageFile[] = SCHEMA_FILES[standard].map((file) => ({
    path: file,
    source: { kind: 'schema', file },
  }));
  const manifest = manifestXml(
    course,
    standard,
    profile,
    content.map((f) => f.path),
  );
  return {
    standard,
    profile,
    manifest,
    files: [{ path: 'imsmanifest.xml', source: { kind: 'text', text: manifest } }, ...content, ...schemas],
  };
}
