// Which parts make a portrait: the call's words (gender, age, hair, skin, traits) and the persona
// (clothes, and a few props of its own) turned into a list of shapes to draw. Pure: the drawing
// (persona-art.ts, hair-art.ts) only follows this list, and a unit test reads it.
import type { Persona } from '../engine/model.ts';
import type { PortraitHair, PortraitSkin, PortraitSpec } from '../engine/portrait.ts';
import { mix } from './palette.ts';

/** Hair cuts, by gender and age; `sides` is what a bald head keeps. */
export type HairStyle = 'long' | 'bun' | 'curls' | 'tousled' | 'short' | 'receding' | 'crop' | 'bob' | 'sides';

export type PortraitParts = {
  readonly hair: HairStyle;
  readonly hairColour: number;
  readonly skin: number;
  readonly brow: number;
  /** Width of the face: a little broader for a man. */
  readonly faceWidth: number;
  readonly neckWidth: number;
  /** Forehead and smile lines of an older face. */
  readonly lines: boolean;
  /** The soft, rounder cheeks of a young face. */
  readonly youthful: boolean;
  /** Eyelashes at the outer corners: a woman's face at a glance, even small. */
  readonly lashes: boolean;
  readonly beard: boolean;
  readonly moustache: boolean;
  readonly glasses: boolean;
  readonly headset: boolean;
  readonly earrings: boolean;
  /** The angry caller's earphone cable (when no headset). */
  readonly earbud: boolean;
  /** A pencil through a bun: the angry caller's, writing down everything said. */
  readonly pencil: boolean;
  readonly pearls: boolean;
  readonly clothes: Persona;
  readonly cloth: number;
};

const HAIR: Readonly<Record<PortraitHair, number>> = {
  black: 0x2a1f1a,
  brown: 0x5a3a24,
  auburn: 0x7a3a22,
  blond: 0xd6b264,
  grey: 0x9c9792,
  white: 0xeeebe6,
};

const SKIN: Readonly<Record<PortraitSkin, number>> = { light: 0xf0caae, medium: 0xc99067, dark: 0x8c5a3c };

const CUT: Readonly<Record<PortraitSpec['gender'], Readonly<Record<PortraitSpec['age'], HairStyle>>>> = {
  woman: { young: 'long', adult: 'bun', senior: 'curls' },
  man: { young: 'tousled', adult: 'short', senior: 'receding' },
  neutral: { young: 'crop', adult: 'bob', senior: 'crop' },
};

/** Clothes by persona (the setting) and by gender (the colour), so each variant reads apart. */
const CLOTH: Readonly<Record<Persona, Readonly<Record<PortraitSpec['gender'], number>>>> = {
  angry: { woman: 0xd49a3a, man: 0x5f7fa8, neutral: 0x6f9a7a },
  confused: { woman: 0xa66f8c, man: 0x8a7a5c, neutral: 0x6f7fa0 },
  technical: { woman: 0x7d4f6b, man: 0x4d6b5d, neutral: 0x5a5f78 },
};

/** The parts a portrait is drawn with. */
export function portraitParts(spec: PortraitSpec, persona: Persona): PortraitParts {
  const has = (t: PortraitSpec['traits'][number]): boolean => spec.traits.includes(t);
  const hairColour = HAIR[spec.hair];
  const hair = has('bald') ? 'sides' : CUT[spec.gender][spec.age];
  const headset = has('headset');
  return {
    hair,
    hairColour,
    skin: SKIN[spec.skin],
    // Light hair keeps visible brows; dark hair gives dark brows.
    brow: spec.hair === 'white' || spec.hair === 'grey' ? 0x8f8881 : mix(hairColour, 0x1a1410, 0.35),
    faceWidth: spec.gender === 'man' ? 80 : spec.gender === 'woman' ? 74 : 77,
    neckWidth: spec.gender === 'man' ? 28 : 22,
    lines: spec.age === 'senior',
    youthful: spec.age === 'young',
    lashes: spec.gender === 'woman',
    beard: has('beard'),
    moustache: has('moustache'),
    glasses: has('glasses'),
    headset,
    earrings: has('earrings'),
    earbud: persona === 'angry' && !headset,
    pencil: persona === 'angry' && hair === 'bun',
    pearls: persona === 'confused' && spec.gender === 'woman',
    clothes: persona,
    cloth: CLOTH[persona][spec.gender],
  };
}
