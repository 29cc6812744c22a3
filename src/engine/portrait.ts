// Who the customer's portrait shows: a few words a call chooses (`customer.portrait`), resolved
// once at compile time. Plain data: the desk draws it (src/game/persona-art.ts), nothing decides on it.
import type { Figure, Persona } from './model.ts';

export const PORTRAIT_GENDERS = ['woman', 'man', 'neutral'] as const;
export type PortraitGender = (typeof PORTRAIT_GENDERS)[number];
export const PORTRAIT_AGES = ['young', 'adult', 'senior'] as const;
export type PortraitAge = (typeof PORTRAIT_AGES)[number];
export const PORTRAIT_HAIR = ['black', 'brown', 'auburn', 'blond', 'grey', 'white'] as const;
export type PortraitHair = (typeof PORTRAIT_HAIR)[number];
export const PORTRAIT_SKIN = ['light', 'medium', 'dark'] as const;
export type PortraitSkin = (typeof PORTRAIT_SKIN)[number];
export const PORTRAIT_TRAITS = ['glasses', 'beard', 'moustache', 'bald', 'headset', 'earrings'] as const;
export type PortraitTrait = (typeof PORTRAIT_TRAITS)[number];

export type PortraitSpec = {
  readonly gender: PortraitGender;
  readonly age: PortraitAge;
  readonly hair: PortraitHair;
  readonly skin: PortraitSkin;
  /** In PORTRAIT_TRAITS order, each once. */
  readonly traits: readonly PortraitTrait[];
};

/** What a call writes: every key optional (see `resolvePortrait`). */
export type PortraitDoc = {
  readonly gender?: PortraitGender | undefined;
  readonly age?: PortraitAge | undefined;
  readonly hair?: PortraitHair | undefined;
  readonly skin?: PortraitSkin | undefined;
  readonly traits?: readonly PortraitTrait[] | undefined;
};

/** The portraits drawn before calls could choose: each persona as a woman (f) or a man (m). */
const DEFAULTS: Readonly<Record<Persona, Readonly<Record<Figure, PortraitSpec>>>> = {
  angry: {
    f: { gender: 'woman', age: 'adult', hair: 'auburn', skin: 'light', traits: ['earrings'] },
    m: { gender: 'man', age: 'adult', hair: 'brown', skin: 'light', traits: [] },
  },
  confused: {
    f: { gender: 'woman', age: 'senior', hair: 'white', skin: 'light', traits: ['glasses'] },
    m: { gender: 'man', age: 'senior', hair: 'white', skin: 'light', traits: ['glasses', 'moustache', 'bald'] },
  },
  technical: {
    f: { gender: 'woman', age: 'adult', hair: 'black', skin: 'medium', traits: ['headset'] },
    m: { gender: 'man', age: 'adult', hair: 'black', skin: 'medium', traits: ['beard', 'headset'] },
  },
};

/**
 * The portrait a call shows. Without `portrait:`, the persona's as a woman or a man (`figure`), as
 * before. With it, each key it leaves out is that default's, except traits: none unless listed
 * (a technician's headset must not follow a call that chose its own look).
 */
export function resolvePortrait(persona: Persona, figure: Figure, doc: PortraitDoc | undefined): PortraitSpec {
  const gender = doc?.gender;
  const base = DEFAULTS[persona][gender === 'woman' ? 'f' : gender === 'man' ? 'm' : figure];
  if (!doc) return base;
  const traits = PORTRAIT_TRAITS.filter((t) => doc.traits?.includes(t));
  return {
    gender: gender ?? base.gender,
    age: doc.age ?? base.age,
    hair: doc.hair ?? base.hair,
    skin: doc.skin ?? base.skin,
    traits,
  };
}

/** The figure a portrait implies, for what only knows woman or man (a neutral look keeps the call's). */
export function figureOf(spec: PortraitSpec, fallback: Figure): Figure {
  return spec.gender === 'woman' ? 'f' : spec.gender === 'man' ? 'm' : fallback;
}

/** A short stable key for a portrait (texture names). */
export function portraitKey(spec: PortraitSpec): string {
  return [spec.gender, spec.age, spec.hair, spec.skin, ...spec.traits].join('.');
}
