// The rule every id of the format follows (calls, nodes, lines, facts…), without zod: the game's
// pack reader and the Studio's page use it without loading the schema.

/** Names JavaScript objects already carry: refused as ids, so no lookup can mistake one for content. */
export const RESERVED_IDS = ['constructor', 'prototype', '__proto__'] as const;
export const ID_RE = /^(?!(?:constructor|prototype)$)[a-z][a-z0-9_-]*$/;
