// The game's languages: one list gives both the type and the runtime check. Pure (no i18next),
// so storage, content and the command line can use it too.

export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Whether a value read from a URL, a save or the command line is one of the game's languages. */
export function isLang(v: unknown): v is Lang {
  return (LANGS as readonly unknown[]).includes(v);
}
