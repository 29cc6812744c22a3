// Where a call's files sit, in a pack as in the repository. Apart from pack.ts so that the game's
// first load can name them without fflate.
import type { Lang } from '../i18n/lang.ts';

export const callPath = (id: string): string => `scenarios/${id}.yaml`;
export const translationPath = (lang: Lang, id: string): string => `locales/${lang}/${id}.json`;
