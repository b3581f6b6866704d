/** Texts of the governance capability: `nl` (default) and `en` with the same keys. */
export const governanceNl = {}
export const governanceEn: typeof governanceNl = {}
