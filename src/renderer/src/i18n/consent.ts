/** Texts of the consent capability: `nl` (default) and `en` with the same keys. */
export const consentNl = {}
export const consentEn: typeof consentNl = {}
