import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { nl } from './nl'
import { peopleEn, peopleNl } from './people'
import { relationsEn, relationsNl } from './relations'
import { retentionEn, retentionNl } from './retention'
import { consentEn, consentNl } from './consent'
import { rightsEn, rightsNl } from './rights'
import { governanceEn, governanceNl } from './governance'
import { informEn, informNl } from './inform'
import { flowEn, flowNl } from './flow'
import { restrictionsEn, restrictionsNl } from './restrictions'
import { serverEn, serverNl } from './server'
import { registersEn, registersNl } from './registers'
import { vocabularyTexts } from './vocabulary'

export const LANGUAGES = ['nl', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

type Tree = { [k: string]: string | Tree }
/** Capabilities may add keys under shared namespaces (e.g. `nav`), so merge deeply. */
function merge(...trees: object[]): Tree {
  const out: Tree = {}
  for (const tree of trees) {
    for (const [k, v] of Object.entries(tree) as [string, string | Tree][]) {
      const prev = out[k]
      out[k] = typeof v === 'object' && typeof prev === 'object' ? merge(prev, v) : v
    }
  }
  return out
}

/** The closed vocabularies' words come from shared/vocabulary (i18n/vocabulary.ts), not from these files. */
export const RESOURCES = {
  nl: merge(nl, peopleNl, relationsNl, retentionNl, consentNl, rightsNl, governanceNl, informNl, flowNl, restrictionsNl, serverNl, registersNl, vocabularyTexts('nl')),
  en: merge(en, peopleEn, relationsEn, retentionEn, consentEn, rightsEn, governanceEn, informEn, flowEn, restrictionsEn, serverEn, registersEn, vocabularyTexts('en'))
}

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('dossier.lang') : null

void i18next.use(initReactI18next).init({
  resources: { nl: { translation: RESOURCES.nl }, en: { translation: RESOURCES.en } },
  lng: stored === 'en' ? 'en' : 'nl',
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
  returnNull: false
})

// The page's language follows the words on it (screen readers, hyphenation), from the first render on.
if (typeof document !== 'undefined') {
  document.documentElement.lang = i18next.language
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng
  })
}

export function setLanguage(lang: Language): void {
  localStorage.setItem('dossier.lang', lang)
  void i18next.changeLanguage(lang)
}

export default i18next
