// The game's link to an LMS, in LMS package builds only (`vite build --mode scorm`, see
// build-mode.ts): any other build folds `connectLms` to `null` and leaves the adapter out.
import type { LmsPort } from './port.ts';
import { connectScorm12 } from './scorm12.ts';

/**
 * Built for an LMS package. The mode is SCORM_MODE (build-mode.ts) written out: the bundler folds
 * a comparison of two literals, not one with an imported constant (a unit test keeps them equal).
 */
export const SCORM_BUILD = import.meta.env.MODE === 'scorm';

/** The LMS that launched the game, or null: not an LMS build, or no LMS found (the game then plays as ever). */
export function connectLms(scenario: string | null): LmsPort | null {
  return SCORM_BUILD ? connectScorm12(window, scenario) : null;
}
