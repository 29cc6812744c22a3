// The SCORM 1.2 package's manifest, the build switch, and the command's refusals (the package
// itself is built and played in test/e2e/scorm.e2e.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/repo.ts';
import { SCORM_MODE } from '../../src/lms/build-mode.ts';
import { launchHref, scormManifest } from '../../src/lms/manifest.ts';
import { runCli } from '../support/cli.ts';

const FILES = ['assets/index-1.js', 'assets/index-2.css', 'assets/content-3.json', 'index.html'];

describe('imsmanifest.xml', () => {
  const exam = scormManifest({
    id: 'hotliner-box-no-sync-exam-1',
    title: 'Hotliner — Box & co <1>',
    scos: [
      {
        call: 'box-no-sync',
        title: 'Box: "no sync"',
        href: launchHref('box-no-sync', { mode: 'exam', seed: 7, lang: 'en' }),
        masteryScore: 80,
      },
    ],
    files: FILES,
  });

  it('declares SCORM 1.2 with the IMS CP 1.1.2 and ADL CP 1.2 schemas', () => {
    expect(exam).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<manifest /);
    expect(exam).toContain('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"');
    expect(exam).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"');
    expect(exam).toContain('<schema>ADL SCORM</schema>');
    expect(exam).toContain('<schemaversion>1.2</schemaversion>');
  });

  it('has one SCO launched through the deep link, and the game files as its dependency', () => {
    expect(exam.match(/adlcp:scormtype="sco"/g)).toHaveLength(1);
    expect(exam).toContain(
      'adlcp:scormtype="sco" href="index.html?scenario=box-no-sync&amp;mode=exam&amp;seed=7&amp;lang=en"',
    );
    expect(exam).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>');
    expect(exam).toContain('<title>Hotliner — Box &amp; co &lt;1&gt;</title>');
    expect(exam).toContain('<title>Box: &quot;no sync&quot;</title>');
    const asset = exam.slice(exam.indexOf('adlcp:scormtype="asset"'));
    for (const f of FILES.filter((x) => x !== 'index.html')) expect(asset).toContain(`<file href="${f}"/>`);
    expect(asset).not.toContain('index.html');
    // Every reference names a resource, every identifier is an XML ID.
    const ids = [...exam.matchAll(/identifier="([^"]+)"/g)].map((m) => m[1]!);
    for (const ref of exam.matchAll(/identifierref="([^"]+)"/g)) expect(ids).toContain(ref[1]);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z_][\w.-]*$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists a session as one SCO per call, without a mastery score in training', () => {
    const session = scormManifest({
      id: 'hotliner-week1',
      title: 'Hotliner — week1',
      scos: ['tv-no-picture', 'printer-nothing'].map((call) => ({
        call,
        title: call,
        href: launchHref(call, { mode: 'training', seed: 3, pace: 'turns' }),
        masteryScore: null,
      })),
      files: FILES,
    });
    expect(session.match(/adlcp:scormtype="sco"/g)).toHaveLength(2);
    expect(session.match(/<item /g)).toHaveLength(2);
    expect(session).toContain('href="index.html?scenario=printer-nothing&amp;mode=training&amp;seed=3&amp;pace=turns"');
    expect(session).not.toContain('masteryscore');
  });
});

describe('the build switch', () => {
  it('is the same mode in the game (written out for the bundler) and in the command', () => {
    const connect = readFileSync(join(ROOT, 'src', 'lms', 'connect.ts'), 'utf8');
    expect(connect).toContain(`import.meta.env.MODE === '${SCORM_MODE}'`);
    expect(readFileSync(join(ROOT, 'src', 'cli', 'scorm.ts'), 'utf8')).toContain('mode: SCORM_MODE');
  });
});

describe('npm run build:scorm', () => {
  it.each([
    [['--call', 'no-such-call'], /no call no-such-call/],
    [['--call', 'box-no-sync', '--mode', 'quiz'], /--mode is exam or training/],
    [['--session', 'box-no-sync,tv-no-picture,box-no-sync', '--seed', '2'], /listed twice/],
    [['--call', 'box-no-sync', '--session', 'tv-no-picture'], /either --call or --session/],
  ])('refuses %j before building anything', (args, message) => {
    const r = runCli('scorm.ts', ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/usage: npm run build:scorm/);
  });
});
