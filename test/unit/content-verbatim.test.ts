// Content texts are shown as trainers wrote them: i18next never nests (`$t(…)`) nor interpolates
// (`{{…}}`) a call's or the playbook's words, whichever way they reach the game (a call written in
// the language shown, or its translation file), while UI strings keep their own interpolation.
import { describe, expect, it } from 'vitest';
import type { Library } from '../../src/content/bundle.ts';
import type { LoadedScenario } from '../../src/content/load.ts';
import type { ScenarioDoc } from '../../src/content/schema.ts';
import { createI18n } from '../../src/i18n/i18n.ts';

const DEPTH = 18;
/** Texts that nest each other DEPTH levels deep, each twice: 2^18 copies if i18next followed them. */
const nested = (ns: string): Record<string, string> =>
  Object.fromEntries(
    Array.from({ length: DEPTH }, (_, i) => [`n${i}`, i + 1 < DEPTH ? `$t(${ns}:n${i + 1})$t(${ns}:n${i + 1})` : 'x']),
  );

const HOSTILE = {
  title: 'Title $t(ui:app.title)',
  customer: 'I said {{name}} and {{ count }} and $t(ui:menu.play) and $t(hostile:title)',
  agent: 'Agent {{- raw}} {{title, uppercase}} $t(playbook:any, {"x": 1})',
  ...nested('hostile'),
};

/** A call written in English (its texts come from its document) and one translated into English (a file). */
function library(): Library {
  const written: LoadedScenario = {
    file: 'scenarios/hostile.yaml',
    doc: { id: 'hostile', lang: 'en' } as unknown as ScenarioDoc,
    model: null,
    texts: Object.entries(HOSTILE).map(([key, text]) => ({ key, text, path: [] })),
    diags: [],
  };
  const translated: LoadedScenario = {
    ...written,
    file: 'scenarios/hostile-fr.yaml',
    doc: { id: 'hostile-fr', lang: 'fr' } as unknown as ScenarioDoc,
  };
  const ui = JSON.stringify({
    app: { title: 'Hotliner' },
    menu: { play: 'Play', resumeText: 'A call was interrupted: "{{title}}". Resume it?' },
  });
  return {
    playbook: null,
    calls: [written, translated],
    diags: [],
    locales: { en: { ui, 'hostile-fr': JSON.stringify({ ...HOSTILE, ...nested('hostile-fr') }) } },
  };
}

describe('content texts through i18next', () => {
  it('are shown verbatim: no nesting, no interpolation, in a call written in the language or translated', async () => {
    const i18n = await createI18n(library(), 'en');
    for (const ns of ['hostile', 'hostile-fr']) {
      expect(i18n.t(`${ns}:title`)).toBe(HOSTILE.title);
      expect(i18n.t(`${ns}:customer`, { name: 'Eve', count: 3 })).toBe(HOSTILE.customer);
      expect(i18n.t('agent', { ns, raw: '<b>', title: 't' })).toBe(HOSTILE.agent);
    }
  });

  it('nesting 18 levels deep costs nothing: the text comes back as written, at once', async () => {
    const i18n = await createI18n(library(), 'en');
    const start = performance.now();
    expect(i18n.t('hostile:n0')).toBe('$t(hostile:n1)$t(hostile:n1)');
    expect(i18n.t('hostile-fr:n0')).toBe('$t(hostile-fr:n1)$t(hostile-fr:n1)');
    expect(performance.now() - start).toBeLessThan(50);
  });

  it('UI strings still interpolate, and a content text given to one as a value stays plain data', async () => {
    const i18n = await createI18n(library(), 'en');
    expect(i18n.t('app.title')).toBe('Hotliner');
    const title = i18n.t('hostile:customer');
    expect(i18n.t('menu.resumeText', { title })).toBe(`A call was interrupted: "${HOSTILE.customer}". Resume it?`);
    expect(i18n.t('menu.resumeText', { title: i18n.t('hostile:n0') })).toBe(
      'A call was interrupted: "$t(hostile:n1)$t(hostile:n1)". Resume it?',
    );
  });
});
