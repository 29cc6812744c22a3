// Call packs: written and read back, refused with a clear message for each way a file can be
// wrong, checked as scenarios:check checks a call, and compiled at start as the checker compiles it.
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { checkPack, formatPackMessages, type PackVerdict } from '../../src/packs/check-pack.ts';
import { PACK_LIMITS, readPack, writePack, type PackManifest } from '../../src/packs/pack.ts';
import { bundledScenario } from '../../src/content/bundled.ts';
import { withImported } from '../../src/packs/imported-library.ts';
import { checkerText } from '../../src/content/messages.ts';
import { checkCall } from '../../src/analysis/check-call.ts';
import { translationFromBytes } from '../../src/content/from-bytes.ts';
import type { Lang } from '../../src/i18n/lang.ts';
import { goldenCard } from '../../src/analysis/golden.ts';
import { replayToEnd } from '../../src/engine/replay.ts';
import { golden } from '../support/golden.ts';
import { playbook } from '../support/load.ts';
import { libraryPack, librarySource, packOf, playbookData } from '../support/packs.ts';

const FROM = 'vpn-remote-fix';
const ID = 'my-vpn';

const judge = (bytes: Uint8Array, lang: Lang = 'fr', reserved: string[] = []): Promise<PackVerdict> =>
  checkPack(bytes, { playbook: playbook(), playbookData: playbookData(), lang, reservedIds: new Set(reserved) });

/** The refusal's lines (file:line:col and sentence); fails the test if the pack was accepted. */
async function refusal(bytes: Uint8Array, lang: Lang = 'fr', reserved: string[] = []): Promise<string> {
  const v = await judge(bytes, lang, reserved);
  if (v.ok) throw new Error('the pack was accepted');
  return formatPackMessages(v.errors).join('\n');
}

/** The files of a good pack, to rebuild it with one thing changed. */
async function goodFiles(): Promise<Record<string, Uint8Array>> {
  const bytes = await libraryPack(FROM, ID);
  const dir = (await import('fflate')).unzipSync(bytes);
  return dir;
}

const manifestOf = (files: Record<string, Uint8Array>): PackManifest =>
  JSON.parse(new TextDecoder().decode(files['manifest.json'])) as PackManifest;
const withManifest = (files: Record<string, Uint8Array>, patch: Partial<Record<string, unknown>>): Zippable => ({
  ...files,
  'manifest.json': strToU8(JSON.stringify({ ...manifestOf(files), ...patch })),
});

describe('writePack and readPack', () => {
  it('reads back what was written: manifest, call and translations', async () => {
    const src = librarySource(FROM, ID);
    const bytes = await packOf(ID, src);
    const read = readPack(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const m = read.pack.manifest;
    expect(m).toMatchObject({ format: 'hotliner-pack', version: 1, id: ID, lang: 'fr', title: src.title });
    expect(m.created).toBe('2026-01-02T03:04:05.000Z');
    expect(m.files).toEqual([`scenarios/${ID}.yaml`, `locales/en/${ID}.json`]);
    expect(m.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new TextDecoder().decode(read.pack.yaml)).toBe(src.yaml);
    expect(new TextDecoder().decode(read.pack.translations.en)).toBe(src.translations.en);
    expect(read.pack.translations.fr).toBeUndefined();
  });

  it('leaves out a translation in the call’s own language', () => {
    const bytes = writePack({
      id: 'x',
      lang: 'fr',
      title: 't',
      hash: '0'.repeat(64),
      yaml: 'id: x\n',
      translations: { fr: '{}', en: '{}' },
    });
    const read = readPack(bytes);
    expect(read.ok && read.pack.manifest.files).toEqual(['scenarios/x.yaml', 'locales/en/x.json']);
  });
});

describe('checkPack accepts a good pack', () => {
  it('checks, hashes and analyses a library call under another id', async () => {
    const v = await judge(await libraryPack(FROM, ID));
    if (!v.ok) throw new Error(formatPackMessages(v.errors).join('\n'));
    expect(v.hash).toBe(v.manifest.hash);
    expect(v.analysis?.bestScore).toBeGreaterThan(0);
    expect((v.data as { id: string }).id).toBe(ID);
    expect(Object.keys(v.translations)).toEqual(['en']);
  });

  it('compiles at start (bundledScenario, from the stored data) to the checker’s model', async () => {
    const v = await judge(await libraryPack(FROM, ID));
    if (!v.ok) throw new Error('refused');
    const file = `scenarios/${ID}.yaml`;
    const atStart = bundledScenario({ file, data: v.data }, playbook());
    const en = translationFromBytes(`locales/en/${ID}.json`, strToU8(v.translations.en!));
    const checked = checkCall(file, strToU8(v.text), { en }, playbook(), 'fr');
    expect(atStart.model).not.toBeNull();
    // Compiled conditions are closures: the data is compared, and the behaviour by the golden path.
    expect(JSON.stringify(atStart.model)).toBe(JSON.stringify(checked.loaded.model));
    const g = golden(FROM);
    const end = replayToEnd(atStart.model!, g.seed, g.log, g.mode);
    expect(end.rejected).toEqual([]);
    expect(goldenCard(end.state, atStart.model!)).toEqual(g.expected);
  });
});

describe('checkPack refuses a bad pack with a message', () => {
  it('refuses what is not a zip', async () => {
    const text = await refusal(strToU8('id: x\ntitle: pas un zip\n'));
    expect(text).toContain("n'est pas un paquet d'appel");
    expect(await refusal(strToU8('not a zip at all, long enough to be read'), 'en')).toContain('not a zip archive');
  });

  it('refuses a damaged zip (a byte changed inside a file)', async () => {
    const bytes = await libraryPack(FROM, ID);
    const broken = bytes.slice();
    broken[200] = broken[200]! ^ 0xff;
    expect(await refusal(broken)).toMatch(/Le paquet est abîmé : .+ est illisible/);
  });

  it('refuses a zip cut short', async () => {
    const bytes = await libraryPack(FROM, ID);
    expect(await refusal(bytes.slice(0, bytes.length - 30), 'en')).toContain('The pack is damaged');
  });

  it('refuses a pack without a manifest', async () => {
    const files = await goodFiles();
    delete files['manifest.json'];
    expect(await refusal(zipSync(files))).toContain("Le paquet n'a pas de manifest.json");
  });

  it('refuses another format, another version, a manifest that is not JSON', async () => {
    const files = await goodFiles();
    expect(await refusal(zipSync(withManifest(files, { format: 'other' })))).toContain('« other »');
    expect(await refusal(zipSync(withManifest(files, { version: 2 })), 'en')).toContain('format version 2');
    const notJson = { ...files, 'manifest.json': strToU8('{ nope') };
    expect(await refusal(zipSync(notJson))).toContain('Le manifest.json du paquet est illisible');
  });

  it('refuses an unexpected file and a missing one', async () => {
    const files = await goodFiles();
    const extra = { ...files, 'script.js': strToU8('alert(1)') };
    expect(await refusal(zipSync(extra))).toContain('fichier inattendu : script.js');
    const missing = { ...files };
    delete missing[`locales/en/${ID}.json`];
    expect(await refusal(zipSync(missing), 'en')).toContain(`The pack lacks locales/en/${ID}.json`);
  });

  it('refuses path tricks', async () => {
    const files = await goodFiles();
    for (const name of ['../evil.yaml', '/etc/passwd', 'scenarios/../../x.yaml', 'C:/x.yaml', 'a\\..\\b'])
      expect(await refusal(zipSync({ ...files, [name]: strToU8('x') }))).toContain(`chemin interdit : « ${name} »`);
  });

  it('refuses too many entries before reading them', async () => {
    const many: Zippable = {};
    for (let i = 0; i <= PACK_LIMITS.entries; i++) many[`f${i}.txt`] = strToU8('x');
    expect(await refusal(zipSync(many))).toContain(`contient ${PACK_LIMITS.entries + 1} fichiers`);
  });

  it('refuses a zip bomb from its declared sizes, before inflating', async () => {
    const files = await goodFiles();
    const bomb = zipSync({ ...files, 'zeros.yaml': new Uint8Array(PACK_LIMITS.fileBytes + 1) }, { level: 9 });
    expect(bomb.length - (await libraryPack(FROM, ID)).length).toBeLessThan(PACK_LIMITS.fileBytes / 100);
    expect(await refusal(bomb)).toContain('zeros.yaml ferait');
    const spread: Zippable = {};
    for (let i = 0; i < 5; i++) spread[`z${i}`] = new Uint8Array(PACK_LIMITS.fileBytes);
    expect(await refusal(zipSync(spread), 'en')).toContain('The pack would take');
  });

  it('refuses an entry whose declared size lies (inflates no further than declared, then fails its checksum)', async () => {
    const files = await goodFiles();
    const zip = zipSync({ ...files, 'big.txt': new Uint8Array(3 * PACK_LIMITS.totalBytes) }, { level: 9 });
    // Rewrite big.txt's uncompressed size in the central directory to 10 bytes.
    const name = strToU8('big.txt');
    let at = -1;
    for (let i = zip.length - 46; i >= 0 && at < 0; i--)
      if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 1 && zip[i + 3] === 2)
        if (name.every((b, k) => zip[i + 46 + k] === b)) at = i;
    expect(at).toBeGreaterThan(0);
    new DataView(zip.buffer).setUint32(at + 24, 10, true);
    expect(await refusal(zip)).toContain('big.txt est illisible');
  });

  it('refuses a call changed after export (hash) and a library id', async () => {
    const files = await goodFiles();
    const yaml = new TextDecoder().decode(files[`scenarios/${ID}.yaml`]).replace(/^difficulty: \d+/m, 'difficulty: 1');
    const changed = { ...files, [`scenarios/${ID}.yaml`]: strToU8(yaml) };
    expect(await refusal(zipSync(changed))).toContain('ne correspond pas à son manifeste');
    expect(await refusal(await libraryPack(FROM, FROM), 'en', [FROM])).toContain(
      `A call of the library already has the id "${FROM}"`,
    );
  });

  it('refuses a call whose id is not its file’s, where it is written', async () => {
    const files = await goodFiles();
    const yaml = new TextDecoder().decode(files[`scenarios/${ID}.yaml`]).replace(`id: ${ID}`, 'id: someone-else');
    const text = await refusal(zipSync({ ...files, [`scenarios/${ID}.yaml`]: strToU8(yaml) }));
    expect(text).toMatch(new RegExp(`scenarios/${ID}\\.yaml:\\d+:\\d+ .*someone-else`));
  });

  it('refuses a call the checker refuses, with its messages at file:line:col, in French or English', async () => {
    const src = librarySource(FROM, ID);
    const yaml = src.yaml.replace('then: { goto: opening }', 'then: { goto: nowhere }');
    const line = yaml.split('\n').findIndex((l) => l.includes('goto: nowhere')) + 1;
    const bytes = await packOf(ID, { ...src, yaml });
    expect(await refusal(bytes)).toContain(`scenarios/${ID}.yaml:${line}:`);
    expect(await refusal(bytes)).toContain("Le nœud « nowhere » n'existe pas.");
    expect(await refusal(bytes, 'en')).toContain('nowhere');
  });

  it('refuses a call the analyser cannot win, after the checker’s warnings', async () => {
    const src = librarySource(FROM, ID);
    // Its only winning ending made a loss: the checker warns, the analyser finds no way to win.
    const yaml = src.yaml.replace(/^ {4}end: resolved$/m, '    end: lost');
    const v = await judge(await packOf(ID, { ...src, yaml }));
    if (v.ok) throw new Error('accepted');
    expect(formatPackMessages(v.errors).join('\n')).toMatch(
      new RegExp(
        `scenarios/${ID}\\.yaml  L'analyseur ne trouve aucun moyen de réussir cet appel \\(\\d+ états explorés\\)`,
      ),
    );
    expect(v.warnings.map((w) => w.text)).toContain(checkerText('fr', 'noWinningEnd'));
  });

  it('refuses a translation that does not parse, naming its file', async () => {
    const src = librarySource(FROM, ID);
    const bytes = await packOf(ID, { ...src, translations: { en: '{ "title": ' } });
    expect(await refusal(bytes)).toContain(`locales/en/${ID}.json:`);
  });
});

describe('withImported', () => {
  it('adds imported calls beside the library’s, with their translations, never over a library call', async () => {
    const v = await judge(await libraryPack(FROM, ID, 'copie'));
    if (!v.ok) throw new Error('refused');
    const lib = { playbook: playbook(), calls: [], diags: [], locales: { en: { ui: '{}' } } };
    const stored = {
      id: ID,
      title: v.title,
      lang: v.manifest.lang,
      hash: v.hash,
      text: v.text,
      data: v.data,
      translations: v.translations,
      importedAt: '2026-01-01T00:00:00.000Z',
      generator: 'test',
    };
    const out = withImported(lib, [stored]);
    expect(out.calls.map((c) => c.model?.id)).toEqual([ID]);
    expect(out.calls[0]!.file).toBe(`scenarios/${ID}.yaml`);
    expect(JSON.parse(out.locales.en![ID]!).title).toContain('— copie');
    expect(lib.locales.en).toEqual({ ui: '{}' });
    // A stored call that now has a library call's id is left out.
    expect(withImported(out, [{ ...stored }]).calls).toHaveLength(1);
  });
});
