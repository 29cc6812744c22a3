// Shared helpers for checker.test.ts: a valid base call, its complete English translation, and a
// caret marker (‸) that says where in the text a diagnostic must point.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../../src/cli/repo.ts';
import { loadScenario, type LoadedScenario } from '../../src/content/load.ts';
import type { PlaybookModel } from '../../src/content/playbook.ts';
import { loadPlaybook } from '../../src/content/load.ts';
import { Scenario, type ScenarioDoc } from '../../src/content/schema.ts';
import type { Diagnostic } from '../../src/content/source.ts';
import { parseSource } from '../../src/content/parse.ts';
import { fingerprint, scenarioTexts, unflatten, type TranslationFile } from '../../src/content/texts.ts';
import { validate } from '../../src/content/validate.ts';
import fr from '../../locales/fr/checker.json' with { type: 'json' };
import en from '../../locales/en/checker.json' with { type: 'json' };

export const ID = 'mini-call';
export const YAML_FILE = `scenarios/${ID}.yaml`;
export const EN_FILE = `locales/en/${ID}.json`;
export const PLAYBOOK_FILE = 'scenarios/playbook.yaml';

/** Marks the character a diagnostic must point at; removed before the text is checked. */
export const HERE = '‸';

export const PLAYBOOK_TEXT = readFileSync(join(ROOT, PLAYBOOK_FILE), 'utf8');

let cachedPlaybook: PlaybookModel | null = null;
export function playbook(): PlaybookModel {
  if (!cachedPlaybook) {
    const r = loadPlaybook(PLAYBOOK_FILE, PLAYBOOK_TEXT);
    if (!r.playbook) throw new Error(`the repository playbook does not load: ${JSON.stringify(r.diags)}`);
    cachedPlaybook = r.playbook;
  }
  return cachedPlaybook;
}

/** test/fixtures/mini-call.yaml, copied here so the positions below never move under the tests. */
export const BASE = `# yaml-language-server: $schema=../../scenarios/scenario.schema.json
id: mini-call
title: "Appel test : box muette"
persona: angry
difficulty: 1
lang: fr
customer:
  name: M. Test
facts:
  sync_lost: La box n'est plus synchronisée
  line_fault: Défaut sur la ligne
tools:
  crm:
    latency: 3s
    crash: { onUse: 1, restart: 30s }
    outcomes:
      - id: found
        text: Fiche trouvée
  line_test:
    latency: 2m
    outcomes:
      - id: fault
        text: Coupure détectée
        learn: [line_fault]
  kb:
    latency: 4s
    outcomes:
      - id: article
        text: Procédure de test de ligne
  ticket:
    latency: 3s
    outcomes:
      - id: saved
        text: Ticket enregistré
diagnoses:
  line_fault: { label: Défaut de ligne, correct: true, evidence: knows(line_fault) }
  box_fault: { label: Box en panne }
par: { diagnosis: 4m }
ticket: { notes: [sync_lost, line_fault] }
onHangUp: gone
start: open
nodes:
  open:
    choices:
      - id: hello
        text: Hotline Fibra, Julie à l'appareil, que puis-je pour vous ?
        step: greet
        then: { goto: who }
      - id: yeah
        text: Ouais ?
        tone: curt
        then: { goto: who }
  who:
    customer: Ça fait trois jours que je n'ai plus internet !
    choices:
      - id: sorry
        text: Je comprends, trois jours sans internet c'est pénible. Vous êtes ?
        tone: empathetic
        step: [acknowledge, identify]
        then: { goto: verify }
  verify:
    customer: Durand, Paul Durand.
    choices:
      - id: check_id
        text: Pouvez-vous me confirmer votre adresse et votre date de naissance ?
        step: verify
        then: { goto: problem }
  problem:
    customer: 12 rue des Lilas, 3 mars 1970. Bon, vous réparez ?
    choices:
      - id: restate
        text: Donc plus aucune connexion depuis trois jours, c'est bien ça ?
        step: restate
        then: { goto: lights }
  lights:
    customer: Oui, c'est ça.
    choices:
      - id: ask_lights
        text: Quels voyants sont allumés sur la box ?
        step: filter_questions
        then: { learn: [sync_lost], goto: waiting }
  waiting:
    customer: Le voyant internet clignote en rouge.
    choices:
      - id: tell_fault
        text: Le test montre une coupure sur votre ligne, j'envoie un technicien.
        if: knows(line_fault)
        step: resolve
        then: { diagnose: line_fault, goto: close }
      - id: blame_box
        text: C'est votre box, il faut la changer.
        tone: condescending
        then: { diagnose: box_fault, goto: gone }
  close:
    customer: Enfin une bonne nouvelle.
    choices:
      - id: recap
        text: Je récapitule, un technicien passe demain matin.
        step: recap
        then: { goto: ref }
  ref:
    customer: D'accord.
    choices:
      - id: give_ref
        text: Votre numéro de dossier est le 4521.
        step: reference
        if: done(ticket)
        then: { goto: else }
  else:
    customer: Merci.
    choices:
      - id: anything
        text: Puis-je faire autre chose pour vous ?
        step: anything_else
        then: { goto: bye }
  bye:
    customer: Non merci, au revoir.
    choices:
      - id: farewell
        text: Bonne journée monsieur Durand, au revoir.
        step: farewell
        then: { end: resolved }
  gone:
    customer: Ça suffit, je résilie !
    end: lost
`;

/** A text edit: every `from` must occur exactly once in the text it applies to. */
export type Edit = readonly [from: string, to: string];

export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const [from, to] of edits) {
    const first = out.indexOf(from);
    if (first < 0) throw new Error(`edit target not found: ${JSON.stringify(from)}`);
    if (out.indexOf(from, first + 1) >= 0) throw new Error(`edit target is not unique: ${JSON.stringify(from)}`);
    out = out.slice(0, first) + to + out.slice(first + from.length);
  }
  return out;
}

/** Strips the ‸ marker and returns the 1-based line/col of the character right after it. */
export function marked(text: string): { text: string; line: number; col: number } {
  const at = text.indexOf(HERE);
  if (at < 0) throw new Error('no ‸ marker in the text');
  if (text.indexOf(HERE, at + 1) >= 0) throw new Error('more than one ‸ marker in the text');
  const before = text.slice(0, at).split('\n');
  return {
    text: text.slice(0, at) + text.slice(at + HERE.length),
    line: before.length,
    col: before[before.length - 1]!.length + 1,
  };
}

/** 1-based line/col of the first occurrence of `needle` (after `after`, if given). */
export function find(text: string, needle: string, after = ''): { line: number; col: number } {
  const from = after ? text.indexOf(after) : 0;
  if (from < 0) throw new Error(`anchor not found: ${JSON.stringify(after)}`);
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`not found: ${JSON.stringify(needle)}`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

/** The validated document of a call text (throws if it does not validate). */
export function docOf(text: string): ScenarioDoc {
  const parsed = parseSource(YAML_FILE, text);
  if (parsed.diags.length) throw new Error(`YAML errors: ${JSON.stringify(parsed.diags)}`);
  const { value } = validate(Scenario, parsed.source, parsed.data);
  if (!value) throw new Error('the call does not validate');
  return value;
}

export type Translation = { texts: Record<string, string>; sources: Record<string, string> };

/** A complete, stamped English translation of a call: every key, every fingerprint. */
export function translationOf(text: string): Translation {
  const texts: Record<string, string> = {};
  const sources: Record<string, string> = {};
  for (const e of scenarioTexts(docOf(text))) {
    texts[e.key] = `EN: ${e.text}`;
    sources[e.key] = fingerprint(e.text);
  }
  return { texts, sources };
}

/** The JSON file a translation is written as (nested keys, flat `_sources`). */
export function translationJson(tr: Translation): string {
  return JSON.stringify({ ...unflatten(tr.texts), _sources: tr.sources }, null, 2);
}

/** The complete translation of a call, or of the base call when this one does not validate (then unused). */
function defaultTranslation(text: string): TranslationFile {
  let tr: Translation;
  try {
    tr = translationOf(text);
  } catch {
    tr = translationOf(BASE);
  }
  return { file: EN_FILE, text: translationJson(tr) };
}

/** Loads a call the way the game does, with the given English translation file (complete by default). */
export function load(text: string, en?: TranslationFile | null, file = YAML_FILE): LoadedScenario {
  const translation = en === undefined ? defaultTranslation(text) : en;
  return loadScenario({ file, text, translations: translation ? { en: translation } : {} }, playbook());
}

type Table = { readonly [k: string]: string | Table };
export const FR_TABLE: Table = fr;
export const EN_TABLE: Table = en;

/** Every leaf of a message table, by dotted key. */
export function leaves(table: Table, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(table)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

export const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

/** Every {{name}} in the diagnostic's sentence, in both languages, has a non-empty value. */
export function expectPlaceholdersFilled(d: Diagnostic): void {
  for (const table of [FR_TABLE, EN_TABLE]) {
    const template = leaves(table).get(d.code);
    expect(template, `no sentence for ${d.code}`).toBeTypeOf('string');
    for (const name of placeholders(template!)) {
      expect(d.params[name], `${d.code}: {{${name}}} has no value`).toBeTypeOf('string');
      expect(d.params[name], `${d.code}: {{${name}}} is empty`).not.toBe('');
    }
  }
}

/** A compact, readable list of diagnostics for failure messages. */
export const show = (diags: readonly Diagnostic[]): string =>
  diags.map((d) => `${d.file}:${d.line}:${d.col} ${d.severity} ${d.code} ${JSON.stringify(d.params)}`).join('\n');
