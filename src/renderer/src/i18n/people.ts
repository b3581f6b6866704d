/** Texts of the people capability: `nl` (default) and `en` with the same keys. */
export const peopleNl = {}
export const peopleEn: typeof peopleNl = {}
