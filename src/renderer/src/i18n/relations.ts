/** Texts of the relations capability: `nl` (default) and `en` with the same keys. */
export const relationsNl = {}
export const relationsEn: typeof relationsNl = {}
