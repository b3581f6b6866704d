/** Texts of the retention capability: `nl` (default) and `en` with the same keys. */
export const retentionNl = {}
export const retentionEn: typeof retentionNl = {}
