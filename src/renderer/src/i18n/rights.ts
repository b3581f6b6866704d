/** Texts of the rights capability: `nl` (default) and `en` with the same keys. */
export const rightsNl = {}
export const rightsEn: typeof rightsNl = {}
