// The customer's portrait chosen by the call (`customer.portrait`): what the compiled model
// carries, and which parts the desk draws for it (src/game/portrait-parts.ts).
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/content/load.ts';
import type { PortraitSpec } from '../../src/engine/portrait.ts';
import { portraitParts } from '../../src/game/portrait-parts.ts';
import { fixture, mini, playbook, repoCalls } from '../support/load.ts';

const withPortrait = (portrait: string) => (y: string) =>
  y.replace('  name: M. Test', `  name: M. Test\n  portrait: ${portrait}`);

describe("the call's portrait in the compiled model", () => {
  it("is the persona's as before when the call chooses none", () => {
    // mini-call.yaml: an angry persona, no figure, no portrait.
    expect(mini().portrait).toEqual({
      gender: 'woman',
      age: 'adult',
      hair: 'auburn',
      skin: 'light',
      traits: ['earrings'],
    });
    expect(mini((y) => y.replace('  name: M. Test', '  name: M. Test\n  figure: m')).portrait.gender).toBe('man');
  });

  it('carries what the call wrote, traits in their fixed order and each once', () => {
    const sc = mini(
      withPortrait('{ gender: man, age: senior, hair: grey, skin: dark, traits: [headset, glasses, glasses] }'),
    );
    expect(sc.portrait).toEqual({
      gender: 'man',
      age: 'senior',
      hair: 'grey',
      skin: 'dark',
      traits: ['glasses', 'headset'],
    });
    expect(sc.figure).toBe('m');
  });

  it("fills the keys left out from the persona's default, with no traits but those listed", () => {
    const sc = mini(withPortrait('{ gender: man }'));
    // The angry persona's man: adult, brown hair, light skin; no trait carried over from the default.
    expect(sc.portrait).toEqual({ gender: 'man', age: 'adult', hair: 'brown', skin: 'light', traits: [] });
  });

  it('wins over figure, and a neutral portrait keeps the figure for what only knows woman or man', () => {
    const both = mini((y) => y.replace('  name: M. Test', '  name: M. Test\n  figure: f\n  portrait: { gender: man }'));
    expect([both.figure, both.portrait.gender]).toEqual(['m', 'man']);
    const neutral = mini((y) =>
      y.replace('  name: M. Test', '  name: M. Test\n  figure: m\n  portrait: { gender: neutral }'),
    );
    expect([neutral.figure, neutral.portrait.gender]).toEqual(['m', 'neutral']);
  });

  it('refuses an unknown value with the place and the values allowed', () => {
    const text = fixture('mini-call.yaml').replace(
      '  name: M. Test',
      '  name: M. Test\n  portrait: { gender: man, hair: green }',
    );
    const loaded = loadScenario({ file: 'mini-call.yaml', text, translations: {} }, playbook());
    const diag = loaded.diags.find((d) => d.severity === 'error');
    expect(loaded.model).toBeNull();
    expect(diag).toMatchObject({ line: 9 });
    expect(JSON.stringify(diag?.params)).toContain('auburn');
  });

  it('matches the customers of the library: each call says who calls', () => {
    const looks = Object.fromEntries(repoCalls().map((sc) => [sc.id, `${sc.portrait.gender} ${sc.portrait.age}`]));
    expect(looks).toMatchObject({
      'billing-fault': 'man adult',
      'box-no-sync': 'woman adult',
      'first-call': 'woman senior',
      'tv-no-picture': 'woman senior',
      'wifi-far-room': 'man senior',
      'vpn-remote-fix': 'man young',
      'voip-needs-l2': 'woman adult',
    });
    // The old lady of tv-no-picture goes to fetch her glasses: she is not drawn wearing them.
    expect(repoCalls().find((sc) => sc.id === 'tv-no-picture')?.portrait.traits).not.toContain('glasses');
  });
});

describe('the parts drawn for a portrait', () => {
  const spec = (s: Partial<PortraitSpec>): PortraitSpec => ({
    gender: 'woman',
    age: 'adult',
    hair: 'brown',
    skin: 'light',
    traits: [],
    ...s,
  });
  // Table: a portrait and a persona → the parts that must (and must not) be drawn.
  const cases: readonly [string, PortraitSpec, 'angry' | 'confused' | 'technical', Record<string, unknown>][] = [
    [
      'a young woman: long hair, lashes, no lines',
      spec({ age: 'young' }),
      'technical',
      { hair: 'long', lashes: true, lines: false, youthful: true },
    ],
    ['an angry adult woman: a bun with its pencil', spec({}), 'angry', { hair: 'bun', pencil: true, earbud: true }],
    [
      'an older woman: curls and lines, pearls when confused',
      spec({ age: 'senior' }),
      'confused',
      { hair: 'curls', lines: true, pearls: true },
    ],
    [
      'a man: no lashes, a broader face, no pearls',
      spec({ gender: 'man' }),
      'confused',
      { hair: 'short', lashes: false, faceWidth: 80, pearls: false },
    ],
    ['a young man: tousled hair', spec({ gender: 'man', age: 'young' }), 'angry', { hair: 'tousled', pencil: false }],
    ['an older man: receding hair', spec({ gender: 'man', age: 'senior' }), 'angry', { hair: 'receding', lines: true }],
    ['bald: only the sides', spec({ gender: 'man', age: 'senior', traits: ['bald'] }), 'confused', { hair: 'sides' }],
    ['neutral: a bob, no lashes', spec({ gender: 'neutral' }), 'angry', { hair: 'bob', lashes: false, pencil: false }],
    [
      'every trait listed is drawn',
      spec({ gender: 'man', traits: ['glasses', 'beard', 'moustache', 'headset', 'earrings'] }),
      'technical',
      { glasses: true, beard: true, moustache: true, headset: true, earrings: true },
    ],
    [
      'no trait unless listed',
      spec({}),
      'technical',
      { glasses: false, beard: false, moustache: false, headset: false, earrings: false },
    ],
    ['a headset replaces the earphone', spec({ traits: ['headset'] }), 'angry', { headset: true, earbud: false }],
  ];
  it.each(cases)('%s', (_name, s, persona, expected) => {
    expect(portraitParts(s, persona)).toMatchObject(expected);
  });

  it('colours hair and skin as asked, and keeps light brows visible under white hair', () => {
    const dark = portraitParts(spec({ skin: 'dark', hair: 'black' }), 'angry');
    const light = portraitParts(spec({ skin: 'light', hair: 'white' }), 'angry');
    expect(dark.skin).not.toBe(light.skin);
    expect(dark.hairColour).not.toBe(light.hairColour);
    expect(light.brow).not.toBe(light.hairColour);
  });

  it('dresses each persona in its own clothes, coloured by gender', () => {
    const woman = portraitParts(spec({}), 'technical');
    const man = portraitParts(spec({ gender: 'man' }), 'technical');
    expect([woman.clothes, man.clothes]).toEqual(['technical', 'technical']);
    expect(woman.cloth).not.toBe(man.cloth);
  });
});
