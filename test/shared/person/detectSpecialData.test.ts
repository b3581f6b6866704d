import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { detectSpecialData, detectSpecialDataInFields, wordsOf } from '../../../src/shared/person/detectSpecialData'
import { FREE_TEXT_FIELDS, SPECIAL_DATA_TERMS, specialDataTermsSchema } from '../../../src/shared/person/specialDataTerms'
import { SPECIAL_CATEGORIES, type SpecialCategory } from '../../../src/shared/vocabulary'

const categories = (text: string) => detectSpecialData(text).map((h) => h.category)

describe('detectSpecialData (R-4a: free text is not a back door)', () => {
  const truePositives: Record<SpecialCategory, string[]> = {
    health: [
      'Hernia, kan niet tillen',
      'heeft rugklachten',
      'last van een rughernia',
      'Burn-out in 2024',
      'burn out gehad',
      'is zwanger',
      'Zwangerschapsverlof vanaf maart',
      'diabetes type 1',
      'winterdepressie',
      'was ziek vorige week',
      'arbeidsongeschikt (WIA)',
      'back pain since the accident',
      'She is pregnant'
    ],
    religion: ['Moslim, bidt op vrijdag', 'christelijk opgevoed', 'gaat zondag naar de kerk', 'helpt bij de moskee', 'Kerkelijk actief', 'attends church weekly', 'Muslim'],
    political: ['lid van de PVV', 'partijlid GroenLinks', 'stemt op D66', 'political party member'],
    union: ['lid FNV', 'CNV-lid', 'zit bij de vakbond', 'vakbondslid sinds 2010', 'trade union member'],
    criminal: ['heeft een strafblad', 'veroordeeld voor inbraak', 'VOG geweigerd in 2023', 'has a criminal record', 'was convicted'],
    behaviour: ['diefstal bij klant X, niet meer plaatsen', 'agressief tegen collega', 'zwarte lijst', 'stole from the warehouse'],
    'sex-life': ['is homo', 'lesbisch, woont samen', 'Transgender', 'gay'],
    ethnicity: ['van Marokkaanse afkomst', 'allochtoon', 'ethnic origin noted']
  }

  for (const category of SPECIAL_CATEGORIES) {
    it(`finds ${category} in Dutch and English free text`, () => {
      for (const text of truePositives[category]) expect(categories(text), text).toContain(category)
    })
  }

  it('finds the issue\'s particulars: health and union membership', () => {
    expect(categories('Hernia…; zwanger; lid FNV')).toEqual(['health', 'union'])
  })

  it('ignores case and diacritics, and soft hyphens inside a word', () => {
    expect(categories('HERNÍA')).toEqual(['health'])
    expect(categories('Hindoeïsme')).toEqual(['religion'])
    expect(categories('zwan\u00ADger')).toEqual(['health'])
  })

  it('matches whole words only', () => {
    // "homo", "pvv" and "wia" inside longer words; "ziek" inside "ziekenhuis" (a workplace); the verb "add".
    expect(categories('Werkt als schoonmaker in het ziekenhuis')).toEqual([])
    expect(categories('fnvx vakbondachtig')).toEqual([])
    expect(categories('homogeen product, pvvc-buis, wiardi')).toEqual([])
    expect(categories('Please add a shift')).toEqual([])
  })

  it('does not count street names: Kerkstraat and Ziekenhuisstraat are addresses, not beliefs or health', () => {
    expect(categories('Woont aan de Kerkstraat, werkte op de Zieken\u00ADhuis\u00ADstraat')).toEqual([])
    expect(categories('Moskeeweg 12')).toEqual([])
  })

  it('skips web and e-mail addresses: they name a site, not the person', () => {
    expect(categories('cv op https://www.diabetes.nl/vacatures/123')).toEqual([])
    expect(categories('zie diabetesfonds.nl/werk of mail hr@kerk-en-zo.nl')).toEqual([])
  })

  it('leaves ordinary staffing text alone', () => {
    for (const text of [
      'Beschikbaar ma-vr, niet op woensdagmiddag',
      'Heftruckcertificaat, 5 jaar orderpicker bij Bol',
      'Verlof: 2 weken in augustus',
      'Rijbewijs B, eigen auto',
      'Spreekt Turks en Nederlands',
      'Available weekdays, forklift licence'
    ]) {
      expect(categories(text), text).toEqual([])
    }
  })

  it('names each category once, in the vocabulary order', () => {
    expect(categories('lid FNV, lid CNV, ziek, Hernia, zwanger')).toEqual(['health', 'union'])
  })

  it('checks the listed free-text fields of a person and names the field', () => {
    expect(detectSpecialDataInFields({ particulars: 'Hernia; lid FNV', availability: 'ma-vr', leave: 'zwangerschapsverlof', education: 'Christelijk Lyceum' })).toEqual([
      { field: 'leave', category: 'health' },
      { field: 'particulars', category: 'health' },
      { field: 'particulars', category: 'union' }
    ])
  })

  it('never returns text: only categories and field names from the closed lists (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom(...FREE_TEXT_FIELDS), (text, field) => {
        for (const hint of [...detectSpecialData(text), ...detectSpecialDataInFields({ [field]: text })]) {
          expect(Object.keys(hint).every((key) => key === 'category' || key === 'field')).toBe(true)
          expect(SPECIAL_CATEGORIES).toContain(hint.category)
          if (hint.field !== undefined) expect(FREE_TEXT_FIELDS).toContain(hint.field)
        }
      })
    )
  })

  it('adding a listed term to any text makes it detect that category (property)', () => {
    const samples = SPECIAL_CATEGORIES.flatMap((category) => SPECIAL_DATA_TERMS.categories[category].map((term) => ({ category, text: term.replace(/\*/g, '') })))
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.constantFrom(...samples), fc.string({ maxLength: 80 }), (before, sample, after) => {
        expect(categories(`${before} ${sample.text} ${after}`)).toContain(sample.category)
      }),
      { numRuns: 500 }
    )
  })
})

describe('resources/special-data-terms.json', () => {
  it('is a valid term list with a list for every special category', () => {
    expect(specialDataTermsSchema.safeParse(SPECIAL_DATA_TERMS).success).toBe(true)
    expect(Object.keys(SPECIAL_DATA_TERMS.categories).sort()).toEqual([...SPECIAL_CATEGORIES].sort())
  })

  it('refuses a term in capitals, a short wildcard and an unknown category', () => {
    const valid = structuredClone(SPECIAL_DATA_TERMS)
    expect(specialDataTermsSchema.safeParse({ ...valid, categories: { ...valid.categories, health: ['Hernia'] } }).success).toBe(false)
    expect(specialDataTermsSchema.safeParse({ ...valid, categories: { ...valid.categories, health: ['zi*'] } }).success).toBe(false)
    expect(specialDataTermsSchema.safeParse({ ...valid, categories: { ...valid.categories, hobby: ['golf'] } }).success).toBe(false)
    expect(specialDataTermsSchema.safeParse({ ...valid, fields: ['bsn'] }).success).toBe(false)
  })

  it('checks particulars, availability, leave and work experience (R-4a)', () => {
    expect(SPECIAL_DATA_TERMS.fields).toEqual(expect.arrayContaining(['particulars', 'availability', 'leave', 'workExperience']))
  })

  it('no listed word is itself ignored, so every term can fire', () => {
    for (const category of SPECIAL_CATEGORIES) {
      for (const term of SPECIAL_DATA_TERMS.categories[category]) {
        expect(wordsOf(term.replace(/\*/g, '')).length, term).toBeGreaterThan(0)
        expect(categories(term.replace(/\*/g, '')), term).toContain(category)
      }
    }
  })
})
