// The SCORM 1.2 package's imsmanifest.xml: one SCO per call, each launched through the game's
// deep link, all sharing the built game's files. Pure text: src/cli/scorm.ts writes the package.
import type { Mode } from '../engine/types.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Pace } from '../ports/storage.ts';

/** One call of the package, as the LMS lists it. */
export type ScoSpec = {
  readonly call: string;
  readonly title: string;
  /** The page and deep link the LMS launches, relative to the package's root. */
  readonly href: string;
  /** `adlcp:masteryscore`: the score the LMS takes as passed (exams only). */
  readonly masteryScore: number | null;
};

export type PackageSpec = {
  readonly id: string;
  readonly title: string;
  readonly scos: readonly ScoSpec[];
  /** Every file of the built game, relative to the package's root (the launch page included). */
  readonly files: readonly string[];
};

/** The deep link a call is launched with (see src/ui/App.ts `start`). */
export function launchHref(
  call: string,
  o: { readonly mode: Mode; readonly seed: number; readonly lang?: Lang | null; readonly pace?: Pace | null },
): string {
  const q = new URLSearchParams({ scenario: call, mode: o.mode, seed: String(o.seed) });
  if (o.lang) q.set('lang', o.lang);
  if (o.pace) q.set('pace', o.pace);
  return `index.html?${q.toString()}`;
}

const escapeXml = (s: string): string =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
/** An XML ID: a letter first, then letters, digits, `-`, `_` and `.`. */
const xmlId = (s: string): string => `H-${s.replace(/[^A-Za-z0-9_.-]/g, '_')}`;

/** imsmanifest.xml for SCORM 1.2 (IMS CP 1.1.2, ADL CP 1.2), `schemaversion` 1.2. */
export function scormManifest(p: PackageSpec): string {
  const launchPages = new Set(p.scos.map((s) => s.href.replace(/\?.*$/, '')));
  const assets = p.files.filter((f) => !launchPages.has(f));
  const items = p.scos.map((s) =>
    [
      `      <item identifier="${xmlId(`item-${s.call}`)}" identifierref="${xmlId(`sco-${s.call}`)}" isvisible="true">`,
      `        <title>${escapeXml(s.title)}</title>`,
      ...(s.masteryScore === null ? [] : [`        <adlcp:masteryscore>${s.masteryScore}</adlcp:masteryscore>`]),
      '      </item>',
    ].join('\n'),
  );
  const scos = p.scos.map((s) =>
    [
      `    <resource identifier="${xmlId(`sco-${s.call}`)}" type="webcontent" adlcp:scormtype="sco" href="${escapeXml(s.href)}">`,
      `      <file href="${escapeXml(s.href.replace(/\?.*$/, ''))}"/>`,
      `      <dependency identifierref="${xmlId('game')}"/>`,
      '    </resource>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest identifier="${xmlId(p.id)}" version="1.0"`,
    '  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
    '  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"',
    '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">',
    '  <metadata>',
    '    <schema>ADL SCORM</schema>',
    '    <schemaversion>1.2</schemaversion>',
    '  </metadata>',
    `  <organizations default="${xmlId('org')}">`,
    `    <organization identifier="${xmlId('org')}">`,
    `      <title>${escapeXml(p.title)}</title>`,
    ...items,
    '    </organization>',
    '  </organizations>',
    '  <resources>',
    ...scos,
    `    <resource identifier="${xmlId('game')}" type="webcontent" adlcp:scormtype="asset">`,
    ...assets.map((f) => `      <file href="${escapeXml(f)}"/>`),
    '    </resource>',
    '  </resources>',
    '</manifest>',
    '',
  ].join('\n');
}
