// npm run scenarios:import: a pack checked as the game checks it, written for review, never over an
// existing call without --force; in the trainer's language.
import { mkdtempSync, readFileSync, existsSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { libraryPack, librarySource, packOf } from '../support/packs.ts';

const dir = mkdtempSync(join(tmpdir(), 'hotliner-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scenarios:import', () => {
  it('writes the call and its translation, says what it wrote and what to run next; refuses to overwrite', async () => {
    const pack = join(dir, 'my-vpn.hotliner');
    writeFileSync(pack, await libraryPack('vpn-remote-fix', 'my-vpn'));
    const into = join(dir, 'repo');
    const r = runCli('import.ts', pack, '--into', into, '--lang', 'en');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const yaml = readFileSync(join(into, 'scenarios', 'my-vpn.yaml'), 'utf8');
    expect(yaml).toBe(librarySource('vpn-remote-fix', 'my-vpn').yaml);
    expect(existsSync(join(into, 'locales', 'en', 'my-vpn.json'))).toBe(true);
    expect(r.out).toMatch(/written: .*scenarios\/my-vpn\.yaml/);
    expect(r.out).toContain('npm run scenarios:analyze');
    expect(r.out).toContain('npm run golden:update -- my-vpn');

    const again = runCli('import.ts', pack, '--into', into, '--lang', 'fr');
    expect(again.code).toBe(1);
    expect(again.err).toContain('existe déjà');
    expect(runCli('import.ts', pack, '--into', into, '--force').code).toBe(0);
  });

  it('refuses a bad pack with the checker’s messages, writing nothing', async () => {
    const src = librarySource('vpn-remote-fix', 'bad-vpn');
    const pack = join(dir, 'bad-vpn.hotliner');
    writeFileSync(pack, await packOf('bad-vpn', { ...src, yaml: src.yaml.replace('goto: opening', 'goto: nowhere') }));
    const into = join(dir, 'repo2');
    const r = runCli('import.ts', pack, '--into', into, '--lang', 'fr');
    expect(r.code).toBe(1);
    expect(r.err).toContain('est refusé');
    expect(r.err).toMatch(/scenarios\/bad-vpn\.yaml:\d+:\d+ {2}Le nœud « nowhere » n'existe pas\./);
    expect(existsSync(join(into, 'scenarios', 'bad-vpn.yaml'))).toBe(false);
  });

  it('says how to use it without a file', () => {
    const r = runCli('import.ts', '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage: npm run scenarios:import');
  });
});
