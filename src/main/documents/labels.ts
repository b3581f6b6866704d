/**
 * Every word the printable documents print, in Dutch (`nl`) and English (`en`). One table per
 * language with identical keys (the type enforces it, a test checks it at run time), so a
 * renderer never holds a hard-coded string.
 *
 * The closed vocabularies (roles, purposes, legal bases, states, kinds…) and their labels are
 * shared/vocabulary's, defined once for documents and screens; the tables below take the printed
 * wording from there. What is the documents' own: the sections' words, and the plain-words
 * explanation of each retention rule the access report prints.
 */
import {
  ATTACHMENT_KIND_LABELS,
  CONSENT_BASIS_LABELS,
  DISCLOSURE_PURPOSE_LABELS,
  EMPLOYMENT_KIND_LABELS,
  LEGAL_BASIS_LABELS,
  labelOr,
  PERSON_DATA_FIELDS,
  PERSON_FIELD_LABELS,
  PERSON_ROLE_LABELS,
  PURPOSE_LABELS,
  REPORTED_CONSENT_STATE_LABELS,
  REPORTED_REQUEST_STATUS_LABELS,
  REQUEST_KIND_LABELS,
  RETENTION_ACTION_LABELS,
  RETENTION_STATE_LABELS,
  SOURCE_KIND_LABELS,
  SPECIAL_CATEGORY_LABELS,
  type RetentionRuleId
} from '../../shared/vocabulary'
import type { PurposeNote, RetentionCategory, RetentionCriterion } from './accessReportModel'

export { LANGS, labelOr, type Lang } from '../../shared/vocabulary'
export type {
  ConsentBasis,
  ReportedConsentState as ConsentState,
  ReportedRequestStatus as RequestStatus,
  RequestKind,
  RetentionActionKind,
  RetentionRuleId
} from '../../shared/vocabulary'
import type { Lang } from '../../shared/vocabulary'

/** Stable keys of the person's fields as they appear in reports and disclosures. */
export const FIELD_KEYS = [...PERSON_DATA_FIELDS, 'unsubscribedOn', 'registeredOn'] as const
export type FieldKey = (typeof FIELD_KEYS)[number]

interface RightText {
  title: string
  text: string
}

const nl = {
  common: {
    none: 'Geen',
    notRecorded: 'Niet vastgelegd',
    reference: 'Referentie',
    issuedOn: 'Datum van uitgifte',
    issued: 'uitgegeven',
    generatedOn: 'Aangemaakt op',
    generated: 'aangemaakt',
    email: 'E-mail',
    phone: 'Telefoon',
    address: 'Adres',
    page: 'Pagina',
    pageOf: 'van',
    ongoing: 'lopend'
  },
  accessReport: {
    title: 'Inzageverslag',
    intro:
      'Dit verslag geeft een volledig overzicht van de persoonsgegevens die wij van u verwerken ' +
      '(artikel 15 AVG): welke gegevens, waarvoor en op welke grondslag, waar ze vandaan komen, ' +
      'aan wie wij ze hebben verstrekt en hoe lang wij ze bewaren.',
    personSection: 'Uw registratie',
    personRef: 'Registratienummer',
    roles: 'Rollen',
    registeredOn: 'Ingeschreven op',
    retentionState: 'Bewaarstatus',
    dataSection: 'Uw gegevens',
    field: 'Gegeven',
    value: 'Waarde',
    lastChangedOn: 'Laatst gewijzigd op',
    lastChangedBy: 'Gewijzigd door',
    attachmentsSection: 'Bijlagen',
    attachmentsNote: 'De inhoud van de bijlagen staat niet in dit verslag; op verzoek ontvangt u een kopie.',
    fileName: 'Bestandsnaam',
    kind: 'Soort',
    mimeType: 'Bestandstype',
    size: 'Grootte',
    addedOn: 'Toegevoegd op',
    deleteOn: 'Wordt verwijderd op',
    workSection: 'Werk en procedures',
    employments: 'Dienstverbanden',
    client: 'Opdrachtgever',
    start: 'Begin',
    end: 'Einde',
    recruitment: 'Wervings- en selectieprocedures',
    purposesSection: 'Doelen en grondslagen',
    purpose: 'Doel',
    legalBasis: 'Grondslag',
    note: 'Toelichting',
    sourceSection: 'Herkomst van uw gegevens',
    sourceKind: 'Hoe wij uw gegevens ontvingen',
    sourceDetail: 'Toelichting',
    statement: 'Privacyverklaring aan u getoond',
    statementVersion: 'Versie',
    shownOn: 'Getoond op',
    consentsSection: 'Toestemmingen en bijzondere persoonsgegevens',
    consents: 'Toestemmingen en wettelijke grondslagen',
    category: 'Categorie',
    basis: 'Basis',
    givenOn: 'Gegeven op',
    how: 'Hoe gegeven',
    endsOn: 'Geldig tot',
    withdrawnOn: 'Ingetrokken op',
    state: 'Status',
    specialData: 'Vastgelegde bijzondere persoonsgegevens',
    processingConsents: 'Toestemmingen voor aanbiedingen en voor het delen van gegevens',
    consentFor: 'Waarvoor',
    consentOffers: 'Aanbiedingen en informatie over onze diensten',
    consentField: '{field} aan opdrachtgevers ({purpose})',
    disclosuresSection: 'Verstrekkingen aan anderen',
    recipient: 'Ontvanger',
    disclosedOn: 'Datum',
    disclosedFields: 'Verstrekte gegevens',
    reason: 'Reden',
    retentionSection: 'Bewaren en verwijderen',
    rule: 'Bewaarregel',
    nextAction: 'Volgende stap',
    nextRule: 'Waarom deze stap',
    dueDate: 'Datum volgende stap',
    deletionDate: 'Definitieve verwijdering op',
    retentionPlan: 'Bewaartermijn per soort gegevens',
    dataKind: 'Soort gegevens',
    howLong: 'Hoe lang',
    recipientsSection: 'Ontvangers van uw gegevens',
    statutoryRecipients: 'Ontvangers op grond van de wet',
    noStatutoryRecipients: 'Geen: u heeft geen dienstverband bij ons gehad.',
    clientRecipients: 'Opdrachtgevers aan wie wij uw gegevens hebben verstrekt',
    withConsent: 'met uw toestemming',
    automatedSection: 'Geautomatiseerde besluitvorming',
    automatedText:
      'Wij nemen geen besluiten over u die uitsluitend op geautomatiseerde verwerking berusten, en wij ' +
      'stellen geen profiel van u op (artikel 22 AVG). Over bemiddeling, voorstellen en plaatsing ' +
      'beslist altijd een medewerker.',
    offersConsent: 'Aanbiedingen en informatie sturen wij u alleen met uw toestemming; die kunt u op elk moment intrekken (artikel 7 lid 3 AVG).',
    offersOptOut: 'U kunt bezwaar maken tegen het ontvangen van aanbiedingen en informatie; wij stoppen daar dan direct mee.',
    requestsSection: 'Uw verzoeken',
    requestKind: 'Verzoek',
    receivedOn: 'Ontvangen op',
    requestStatus: 'Status',
    breachesSection: 'Datalekken die u raken',
    breachDiscoveredOn: 'Ontdekt op',
    breachDescription: 'Wat er gebeurde',
    breachMeasures: 'Genomen maatregelen',
    breachToldOn: 'U geïnformeerd op',
    rightsSection: 'Uw rechten',
    rightsIntro:
      'U heeft de volgende rechten over uw persoonsgegevens. Wij beantwoorden uw verzoek binnen ' +
      'een maand; als dat door de complexiteit niet lukt, laten wij u binnen die maand weten ' +
      'waarom wij maximaal twee maanden extra nodig hebben (artikel 12 lid 3 AVG).',
    contactSection: 'Contact',
    contactText: 'Voor vragen, verzoeken of klachten over uw persoonsgegevens kunt u contact met ons opnemen:'
  },
  rights: {
    access: {
      title: 'Inzage',
      text: 'U mag opvragen welke persoonsgegevens wij van u verwerken (artikel 15 AVG). Dit verslag is daarvan het antwoord.'
    },
    rectification: {
      title: 'Rectificatie',
      text: 'Onjuiste of onvolledige gegevens laten wij op uw verzoek verbeteren of aanvullen (artikel 16 AVG).'
    },
    erasure: {
      title: 'Verwijdering',
      text:
        'U kunt ons vragen uw gegevens te verwijderen (artikel 17 AVG). Moeten wij bepaalde gegevens ' +
        'wettelijk langer bewaren, zoals de loonadministratie, dan vertellen wij u welke en waarom.'
    },
    restriction: {
      title: 'Beperking',
      text: 'U kunt ons vragen het gebruik van uw gegevens tijdelijk te beperken, bijvoorbeeld zolang een correctie loopt (artikel 18 AVG).'
    },
    objection: {
      title: 'Bezwaar',
      text: 'U kunt bezwaar maken tegen verwerking op grond van ons gerechtvaardigd belang, zoals bemiddeling zonder overeenkomst (artikel 21 AVG).'
    },
    portability: {
      title: 'Overdraagbaarheid',
      text: 'U kunt uw gegevens in een machineleesbaar formaat (JSON) ontvangen of laten doorsturen (artikel 20 AVG).'
    },
    withdrawConsent: {
      title: 'Toestemming intrekken',
      text:
        'Een gegeven toestemming kunt u op elk moment intrekken (artikel 7 lid 3 AVG). De gegevens ' +
        'van die categorie verwijderen wij dan direct.'
    },
    complaint: {
      title: 'Klacht',
      text:
        'Bent u het niet eens met hoe wij met uw gegevens omgaan, dan kunt u een klacht indienen bij ' +
        'de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl), artikel 77 AVG.'
    }
  } satisfies Record<string, RightText>,
  sharedProfile: {
    title: 'Kandidaatprofiel',
    recipient: 'Verstrekt aan',
    purpose: 'Doel van de verstrekking',
    disclosedOn: 'Datum van verstrekking',
    dataSection: 'Gegevens van de kandidaat',
    confidential:
      'Vertrouwelijk. Deze gegevens worden u uitsluitend verstrekt voor het hierboven genoemde doel. ' +
      'Gebruik ze niet voor een ander doel, geef ze niet door aan anderen en verwijder ze zodra het ' +
      'doel is bereikt.'
  },
  consentForm: {
    title: 'Toestemming bijzondere persoonsgegevens',
    intro:
      'Met dit formulier geeft u ons uitdrukkelijke toestemming om de hieronder genoemde bijzondere ' +
      'persoonsgegevens van u vast te leggen en te gebruiken, uitsluitend voor het genoemde doel ' +
      '(artikel 9 lid 2 onder a AVG).',
    personName: 'Naam',
    category: 'Categorie gegevens',
    purpose: 'Doel',
    wording: 'Tekst van de toestemming',
    statementVersion: 'Versie privacyverklaring',
    date: 'Datum',
    voluntary:
      'Het geven van toestemming is vrijwillig. Als u geen toestemming geeft, heeft dat geen ' +
      'gevolgen voor onze dienstverlening aan u, behalve dat wij deze gegevens niet vastleggen.',
    withdrawal:
      'U kunt deze toestemming op elk moment intrekken, zonder opgaaf van redenen, per e-mail of ' +
      'telefonisch (zie de contactgegevens bovenaan). Wij verwijderen de gegevens van deze categorie ' +
      'dan direct. Het intrekken heeft geen gevolgen voor het gebruik vóór de intrekking.',
    declaration: 'Ik geef toestemming zoals hierboven beschreven.',
    signature: 'Handtekening',
    place: 'Plaats',
    signedName: 'Naam'
  },
  processingRegister: {
    title: 'Register van verwerkingsactiviteiten',
    intro: 'Register als bedoeld in artikel 30 lid 1 AVG.',
    controller: 'Verwerkingsverantwoordelijke',
    activities: 'Verwerkingsactiviteiten',
    purpose: 'Doel',
    legalBasis: 'Grondslag',
    dataCategories: 'Categorieën persoonsgegevens',
    recipients: 'Ontvangers',
    retention: 'Bewaartermijn',
    dataSubjects: 'Categorieën betrokkenen',
    specialCategories: 'Bijzondere persoonsgegevens (alleen met toestemming of wettelijke grondslag)',
    transfers: 'Doorgifte buiten de EER',
    noTransfers: 'Geen doorgifte naar landen buiten de Europese Economische Ruimte.',
    securityMeasures: 'Technische en organisatorische beveiligingsmaatregelen',
    processors: 'Verwerkers (art. 28 AVG)',
    processorName: 'Verwerker',
    processorPurpose: 'Doel',
    processorData: 'Soorten gegevens',
    processorAgreement: 'Verwerkersovereenkomst',
    noAgreement: 'geen overeenkomst vastgelegd',
    processorLocation: 'Locatie',
    subProcessors: 'Subverwerkers',
    noProcessors: 'Er zijn geen verwerkers vastgelegd.',
    dpias: 'Gegevensbeschermingseffectbeoordelingen (DPIA, art. 35 AVG)',
    dpiaSubject: 'Onderwerp',
    dpiaAssessedOn: 'Uitgevoerd op',
    dpiaOutcome: 'Uitkomst',
    dpiaNextReview: 'Volgende herbeoordeling',
    noDpias: 'Er is geen DPIA vastgelegd.'
  },
  table: {
    rowCount: 'Aantal regels'
  },
  field: PERSON_FIELD_LABELS.nl satisfies Record<FieldKey, string>,
  role: PERSON_ROLE_LABELS.nl,
  purpose: PURPOSE_LABELS.nl,
  disclosurePurpose: DISCLOSURE_PURPOSE_LABELS.nl,
  sourceKind: SOURCE_KIND_LABELS.nl,
  specialCategory: SPECIAL_CATEGORY_LABELS.nl,
  retentionState: RETENTION_STATE_LABELS.nl,
  employmentKind: EMPLOYMENT_KIND_LABELS.nl,
  attachmentKind: ATTACHMENT_KIND_LABELS.nl,
  /**
   * what each rule means for the person, in plain words (the access report's own text).
   * `{term}` is the policy's term in force (shared/vocabulary describeTerm): never written here,
   * so the report cannot state a term the policy does not hold.
   */
  retentionRule: {
    'unsubscribed-never-worked':
      'U heeft zich uitgeschreven en nooit via ons gewerkt: uw gegevens blijven nog {term} ' +
      'afgeschermd bewaard en worden daarna definitief verwijderd.',
    'ws-procedure-ended':
      'Uw wervings- en selectieprocedure is afgerond: uw gegevens blijven {term} afgeschermd ' +
      'bewaard in verband met claimrisico’s en worden daarna definitief verwijderd.',
    'worked-stopped':
      'U heeft via ons gewerkt en de bemiddeling is gestopt: uw gegevens blijven tot {term} na ' +
      'het einde van het dienstverband beschikbaar en worden daarna beperkt tot de gegevens die de wet ' +
      'ons verplicht te bewaren (of verwijderd als geen wettelijke plicht meer geldt).',
    'legal-hold-id-bsn':
      'De wet (Wet op de loonbelasting) verplicht ons de gegevens van uw identiteitsbewijs, uw ' +
      'loonbelastingverklaring en uw BSN te bewaren tot {term} ' +
      'waarin het dienstverband eindigde; alleen voor dat doel.',
    'legal-hold-payroll':
      'De wet (Algemene wet inzake rijksbelastingen) verplicht ons de loonadministratie te bewaren ' +
      'tot {term} waarin het dienstverband eindigde (het boekjaar); alleen voor dat doel.',
    'id-copy-registration':
      'Een kopie van uw identiteitsbewijs die bij de inschrijving is gemaakt, bewaren wij ten ' +
      'hoogste {term} als u niet bij ons in dienst komt (Waadi artikel 7c).',
    'consent-expired':
      'Uw toestemming is verlopen of ingetrokken: de gegevens waarvoor die toestemming gold, ' +
      'worden verwijderd.',
    'inactivity-reconfirm':
      'Als wij twaalf maanden geen contact met u hebben gehad (inschrijving, contact, werk, ' +
      'procedure, toestemming of bevestiging), vragen wij of u ingeschreven wilt blijven.',
    'reconfirm-no-reply':
      'Antwoordt u niet binnen een maand op die vraag, dan behandelen wij u vanaf dat moment als ' +
      'uitgeschreven en gelden de bewaartermijnen na uitschrijving.'
  } satisfies Record<RetentionRuleId, string>,
  retentionAction: RETENTION_ACTION_LABELS.nl,
  /** Issue 14 point 4: the condition of a purpose's ground (`{date}`, `{how}` filled in). */
  purposeNote: {
    'art14-notice':
      'Wij kregen uw gegevens niet van u zelf; wij informeren u daarover binnen een maand, uiterlijk bij ' +
      'het eerste contact (artikel 14 AVG). U kunt hiertegen bezwaar maken.',
    'opt-out': 'Omdat u bij ons werkt of heeft gewerkt; u kunt zich hier altijd voor afmelden.',
    'consent-given': 'U gaf hiervoor toestemming op {date} ({how}); u kunt die op elk moment intrekken.',
    'consent-missing': 'U heeft hiervoor geen toestemming gegeven; wij sturen u daarom geen aanbiedingen.'
  } satisfies Record<PurposeNote['kind'], string>,
  statutoryRecipient: [
    'Belastingdienst (loonaangifte en loonheffingen)',
    'UWV (werknemersverzekeringen en polisadministratie)',
    'Het pensioenfonds (uw pensioenopbouw)'
  ],
  /** R-18a: the kinds of data the report gives a retention period for. */
  retentionCategory: {
    personal: 'Persoons- en contactgegevens, cv, beschikbaarheid en inzetbaarheid',
    recruitment: 'Gegevens uit wervings- en selectieprocedures',
    'id-record': 'Identiteitsbewijs (gegevens en kopie), BSN en werkvergunning',
    payroll: 'Loonadministratie: naam, geboortedatum, adres, nationaliteit, IBAN en dienstverbanden',
    'id-copy': 'Kopie van uw identiteitsbewijs (inschrijving)',
    special: 'Bijzondere persoonsgegevens en verzuim',
    history: 'Verstrekkingen, wijzigingsgeschiedenis en uw verzoeken'
  } satisfies Record<RetentionCategory, string>,
  /** R-18a: how long, in words; `{term}` from the policy in force, `{date}`/`{until}` the dates the sweep acts on. */
  retentionCriterion: {
    'registered-never-worked':
      'Zolang u bij ons ingeschreven bent. Schrijft u zich uit, dan bewaren wij ze daarna nog {term} ' +
      'afgeschermd en verwijderen wij ze vervolgens definitief.',
    'registered-worked':
      'Zolang u bij ons ingeschreven bent, en daarna tot {term} na het einde van uw laatste dienstverband. ' +
      'Dan worden uw gegevens beperkt tot de gegevens die de wet ons verplicht te bewaren (zie hieronder); ' +
      'de rest wordt verwijderd.',
    'unsubscribed-worked':
      'U heeft zich uitgeschreven. Deze gegevens blijven beschikbaar tot {date}; dan worden uw gegevens ' +
      'beperkt tot de gegevens die de wet ons verplicht te bewaren (zie hieronder) en wordt de rest verwijderd.',
    'shielded-until-deletion': 'Afgeschermd: alleen onze privacy officer kan ze inzien. Op {date} worden ze definitief verwijderd.',
    'cleared-at-reduction': 'Verwijderd op {date}, toen uw gegevens werden beperkt tot de gegevens die de wet ons verplicht te bewaren.',
    recruitment: 'Tot {term} na afloop van de procedure, in verband met claimrisico’s; daarna definitief verwijderd.',
    'id-record-while-employed':
      'Zolang u bij ons werkt, en daarna tot {term} waarin uw dienstverband eindigde (Wet op de ' +
      'loonbelasting 1964, artikel 28); alleen voor de loonadministratie.',
    'id-record-until':
      'Bewaard tot en met {until} (Wet op de loonbelasting 1964, artikel 28), alleen voor de ' +
      'loonadministratie; op {date} verwijderd.',
    purged: 'Verwijderd op {date}: de wettelijke bewaarplicht was afgelopen.',
    'payroll-while-employed':
      'Zolang u bij ons werkt, en daarna tot {term} waarin uw dienstverband eindigde (Algemene wet ' +
      'inzake rijksbelastingen, artikel 52); alleen voor de loonadministratie.',
    'payroll-until':
      'Bewaard tot en met {until} (Algemene wet inzake rijksbelastingen, artikel 52), alleen voor de ' +
      'loonadministratie; op {date} wordt uw dossier definitief verwijderd.',
    'id-copy-registration': 'Ten hoogste {term} na het maken, als u niet bij ons in dienst komt (Waadi, artikel 7c).',
    'while-ground-holds': 'Zolang uw toestemming of de wettelijke grondslag geldt; bij intrekken of verlopen verwijderen wij ze direct.',
    'with-the-data': 'Zolang de gegevens waar ze over gaan bewaard blijven; ze worden met die gegevens verwijderd.'
  } satisfies Record<RetentionCriterion, string>,
  legalBasis: LEGAL_BASIS_LABELS.nl,
  consentBasis: CONSENT_BASIS_LABELS.nl,
  consentState: REPORTED_CONSENT_STATE_LABELS.nl,
  requestKind: REQUEST_KIND_LABELS.nl,
  requestStatus: REPORTED_REQUEST_STATUS_LABELS.nl
}

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }
/** The shape of one language's table; `en` must match `nl` key for key. */
export type Labels = Widen<typeof nl>

const en: Labels = {
  common: {
    none: 'None',
    notRecorded: 'Not recorded',
    reference: 'Reference',
    issuedOn: 'Date of issue',
    issued: 'issued',
    generatedOn: 'Generated on',
    generated: 'generated',
    email: 'Email',
    phone: 'Phone',
    address: 'Address',
    page: 'Page',
    pageOf: 'of',
    ongoing: 'ongoing'
  },
  accessReport: {
    title: 'Access report',
    intro:
      'This report gives a complete overview of the personal data we process about you ' +
      '(Article 15 GDPR): which data, for which purposes and on which legal basis, where it came ' +
      'from, to whom we disclosed it and how long we keep it.',
    personSection: 'Your registration',
    personRef: 'Registration number',
    roles: 'Roles',
    registeredOn: 'Registered on',
    retentionState: 'Retention status',
    dataSection: 'Your data',
    field: 'Item',
    value: 'Value',
    lastChangedOn: 'Last changed on',
    lastChangedBy: 'Changed by',
    attachmentsSection: 'Attachments',
    attachmentsNote: 'The content of the attachments is not part of this report; you can ask us for a copy.',
    fileName: 'File name',
    kind: 'Kind',
    mimeType: 'File type',
    size: 'Size',
    addedOn: 'Added on',
    deleteOn: 'Deleted on',
    workSection: 'Work and procedures',
    employments: 'Employments',
    client: 'Client',
    start: 'Start',
    end: 'End',
    recruitment: 'Recruitment and selection procedures',
    purposesSection: 'Purposes and legal bases',
    purpose: 'Purpose',
    legalBasis: 'Legal basis',
    note: 'Explanation',
    sourceSection: 'Where your data came from',
    sourceKind: 'How we received your data',
    sourceDetail: 'Details',
    statement: 'Privacy statement shown to you',
    statementVersion: 'Version',
    shownOn: 'Shown on',
    consentsSection: 'Consents and special categories of data',
    consents: 'Consents and legal grounds',
    category: 'Category',
    basis: 'Basis',
    givenOn: 'Given on',
    how: 'How given',
    endsOn: 'Valid until',
    withdrawnOn: 'Withdrawn on',
    state: 'Status',
    specialData: 'Special-category data recorded',
    processingConsents: 'Consents to offers and to sharing data',
    consentFor: 'For',
    consentOffers: 'Offers and information about our services',
    consentField: '{field} to clients ({purpose})',
    disclosuresSection: 'Disclosures to others',
    recipient: 'Recipient',
    disclosedOn: 'Date',
    disclosedFields: 'Data disclosed',
    reason: 'Reason',
    retentionSection: 'Retention and deletion',
    rule: 'Retention rule',
    nextAction: 'Next step',
    nextRule: 'Why this step',
    dueDate: 'Date of next step',
    deletionDate: 'Final deletion on',
    retentionPlan: 'Retention period per kind of data',
    dataKind: 'Kind of data',
    howLong: 'How long',
    recipientsSection: 'Recipients of your data',
    statutoryRecipients: 'Recipients required by law',
    noStatutoryRecipients: 'None: you have had no employment with us.',
    clientRecipients: 'Clients we disclosed your data to',
    withConsent: 'with your consent',
    automatedSection: 'Automated decision-making',
    automatedText:
      'We take no decisions about you based solely on automated processing, and we do not profile you ' +
      '(Article 22 GDPR). A member of staff always decides on mediation, introductions to clients and placement.',
    offersConsent: 'We send you offers and information only with your consent; you may withdraw it at any time (Article 7(3) GDPR).',
    offersOptOut: 'You may object to receiving offers and information; we then stop at once.',
    requestsSection: 'Your requests',
    requestKind: 'Request',
    receivedOn: 'Received on',
    requestStatus: 'Status',
    breachesSection: 'Data breaches affecting you',
    breachDiscoveredOn: 'Discovered on',
    breachDescription: 'What happened',
    breachMeasures: 'Measures taken',
    breachToldOn: 'You were told on',
    rightsSection: 'Your rights',
    rightsIntro:
      'You have the following rights over your personal data. We answer your request within one ' +
      'month; where its complexity does not allow this, we tell you within that month why we need ' +
      'up to two more months (Article 12(3) GDPR).',
    contactSection: 'Contact',
    contactText: 'For questions, requests or complaints about your personal data, please contact us:'
  },
  rights: {
    access: {
      title: 'Access',
      text: 'You may ask which personal data we process about you (Article 15 GDPR). This report is our answer.'
    },
    rectification: {
      title: 'Rectification',
      text: 'We correct or complete inaccurate or incomplete data at your request (Article 16 GDPR).'
    },
    erasure: {
      title: 'Erasure',
      text:
        'You may ask us to erase your data (Article 17 GDPR). Where the law requires us to keep ' +
        'certain data longer, such as payroll records, we tell you which data and why.'
    },
    restriction: {
      title: 'Restriction',
      text: 'You may ask us to restrict the use of your data for a time, for example while a correction is pending (Article 18 GDPR).'
    },
    objection: {
      title: 'Objection',
      text: 'You may object to processing based on our legitimate interest, such as mediation without a contract (Article 21 GDPR).'
    },
    portability: {
      title: 'Portability',
      text: 'You may receive your data in a machine-readable format (JSON) or have it sent on (Article 20 GDPR).'
    },
    withdrawConsent: {
      title: 'Withdrawing consent',
      text:
        'You may withdraw a consent at any time (Article 7(3) GDPR). We then erase the data of that ' +
        'category at once.'
    },
    complaint: {
      title: 'Complaint',
      text:
        'If you disagree with how we handle your data, you may lodge a complaint with the Dutch Data ' +
        'Protection Authority, the Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl), ' +
        'Article 77 GDPR.'
    }
  },
  sharedProfile: {
    title: 'Candidate profile',
    recipient: 'Disclosed to',
    purpose: 'Purpose of disclosure',
    disclosedOn: 'Date of disclosure',
    dataSection: 'Candidate details',
    confidential:
      'Confidential. This data is disclosed to you only for the purpose stated above. Do not use it ' +
      'for any other purpose, do not pass it on, and delete it once the purpose has been served.'
  },
  consentForm: {
    title: 'Consent for special categories of personal data',
    intro:
      'With this form you give us your explicit consent to record and use the special-category ' +
      'personal data named below, only for the stated purpose (Article 9(2)(a) GDPR).',
    personName: 'Name',
    category: 'Category of data',
    purpose: 'Purpose',
    wording: 'Wording of the consent',
    statementVersion: 'Privacy statement version',
    date: 'Date',
    voluntary:
      'Giving consent is voluntary. If you do not consent, this has no consequences for our services ' +
      'to you, except that we do not record this data.',
    withdrawal:
      'You may withdraw this consent at any time, without giving reasons, by email or phone (see the ' +
      'contact details at the top). We then erase the data of this category at once. Withdrawal does ' +
      'not affect the use made before it.',
    declaration: 'I give my consent as described above.',
    signature: 'Signature',
    place: 'Place',
    signedName: 'Name'
  },
  processingRegister: {
    title: 'Record of processing activities',
    intro: 'Record as referred to in Article 30(1) GDPR.',
    controller: 'Controller',
    activities: 'Processing activities',
    purpose: 'Purpose',
    legalBasis: 'Legal basis',
    dataCategories: 'Categories of personal data',
    recipients: 'Recipients',
    retention: 'Retention period',
    dataSubjects: 'Categories of data subjects',
    specialCategories: 'Special categories of personal data (only with consent or a legal basis)',
    transfers: 'Transfers outside the EEA',
    noTransfers: 'No transfers to countries outside the European Economic Area.',
    securityMeasures: 'Technical and organisational security measures',
    processors: 'Processors (Art. 28 GDPR)',
    processorName: 'Processor',
    processorPurpose: 'Purpose',
    processorData: 'Kinds of data',
    processorAgreement: 'Processing agreement',
    noAgreement: 'no agreement recorded',
    processorLocation: 'Location',
    subProcessors: 'Sub-processors',
    noProcessors: 'No processors are recorded.',
    dpias: 'Data protection impact assessments (DPIA, Art. 35 GDPR)',
    dpiaSubject: 'Subject',
    dpiaAssessedOn: 'Assessed on',
    dpiaOutcome: 'Outcome',
    dpiaNextReview: 'Next review',
    noDpias: 'No DPIA is recorded.'
  },
  table: {
    rowCount: 'Number of rows'
  },
  field: PERSON_FIELD_LABELS.en,
  role: PERSON_ROLE_LABELS.en,
  purpose: PURPOSE_LABELS.en,
  disclosurePurpose: DISCLOSURE_PURPOSE_LABELS.en,
  sourceKind: SOURCE_KIND_LABELS.en,
  specialCategory: SPECIAL_CATEGORY_LABELS.en,
  retentionState: RETENTION_STATE_LABELS.en,
  employmentKind: EMPLOYMENT_KIND_LABELS.en,
  attachmentKind: ATTACHMENT_KIND_LABELS.en,
  retentionRule: {
    'unsubscribed-never-worked':
      'You unsubscribed and never worked through us: your data stays shielded for another {term} ' +
      'and is then deleted for good.',
    'ws-procedure-ended':
      'Your recruitment and selection procedure has ended: your data stays shielded for {term} ' +
      'because of claim risks and is then deleted for good.',
    'worked-stopped':
      'You worked through us and mediation has stopped: your data stays available until {term} ' +
      'after the end of the employment and is then reduced to the data the law requires us to keep ' +
      '(or deleted when no legal duty applies any more).',
    'legal-hold-id-bsn':
      'The law (Dutch Wage Tax Act) requires us to keep your identity-document record, wage-tax form ' +
      'and BSN until {term} in which the employment ended; ' +
      'only for that purpose.',
    'legal-hold-payroll':
      'The law (Dutch General Tax Act) requires us to keep payroll records until {term} in which ' +
      'the employment ended (the fiscal year); only for that purpose.',
    'id-copy-registration':
      'A copy of your identity document made at registration is kept for at most {term} if you ' +
      'do not enter employment with us (Waadi Article 7c).',
    'consent-expired':
      'Your consent has expired or was withdrawn: the data it covered is deleted.',
    'inactivity-reconfirm':
      'When we have had no contact with you for twelve months (registration, contact, work, ' +
      'procedure, consent or confirmation), we ask whether you want to stay registered.',
    'reconfirm-no-reply':
      'If you do not answer within a month, we treat you as unsubscribed from then on and the ' +
      'retention terms after unsubscribing apply.'
  },
  retentionAction: RETENTION_ACTION_LABELS.en,
  purposeNote: {
    'art14-notice':
      'We did not receive your data from you; we inform you of this within one month, at the latest at ' +
      'our first contact (Article 14 GDPR). You may object to it.',
    'opt-out': 'Because you work or worked with us; you can always opt out.',
    'consent-given': 'You consented on {date} ({how}); you may withdraw your consent at any time.',
    'consent-missing': 'You have not consented to this, so we send you no offers.'
  },
  statutoryRecipient: [
    'Belastingdienst, the Dutch Tax Administration (wage tax return)',
    'UWV, the Employee Insurance Agency (employee insurance and employment records)',
    'The pension fund (your pension accrual)'
  ],
  retentionCategory: {
    personal: 'Personal and contact details, CV, availability and employability',
    recruitment: 'Data from recruitment and selection procedures',
    'id-record': 'Identity document (details and copy), BSN and work permit',
    payroll: 'Payroll records: name, date of birth, address, nationality, IBAN and employments',
    'id-copy': 'Copy of your identity document (registration)',
    special: 'Special categories of data and absence',
    history: 'Disclosures, history of changes and your requests'
  },
  retentionCriterion: {
    'registered-never-worked':
      'As long as you are registered with us. If you unsubscribe, we keep it shielded for another {term} ' +
      'and then delete it for good.',
    'registered-worked':
      'As long as you are registered with us, and then until {term} after the end of your last employment. ' +
      'Your data is then reduced to the data the law requires us to keep (see below); the rest is deleted.',
    'unsubscribed-worked':
      'You unsubscribed. This data stays available until {date}; your data is then reduced to the data ' +
      'the law requires us to keep (see below) and the rest is deleted.',
    'shielded-until-deletion': 'Shielded: only our privacy officer can see it. It is deleted for good on {date}.',
    'cleared-at-reduction': 'Deleted on {date}, when your data was reduced to the data the law requires us to keep.',
    recruitment: 'Until {term} after the procedure ended, because of claim risks; then deleted for good.',
    'id-record-while-employed':
      'As long as you work with us, and then until {term} in which your employment ended (Dutch Wage ' +
      'Tax Act 1964, Article 28); only for payroll.',
    'id-record-until': 'Kept up to and including {until} (Dutch Wage Tax Act 1964, Article 28), only for payroll; deleted on {date}.',
    purged: 'Deleted on {date}: the legal duty to keep it had ended.',
    'payroll-while-employed':
      'As long as you work with us, and then until {term} in which your employment ended (Dutch General ' +
      'Tax Act, Article 52); only for payroll.',
    'payroll-until':
      'Kept up to and including {until} (Dutch General Tax Act, Article 52), only for payroll; your file is ' +
      'deleted for good on {date}.',
    'id-copy-registration': 'At most {term} after it was made, if you do not enter employment with us (Waadi, Article 7c).',
    'while-ground-holds': 'As long as your consent or the legal basis holds; deleted at once when it is withdrawn or expires.',
    'with-the-data': 'As long as the data it is about is kept; deleted together with that data.'
  },
  legalBasis: LEGAL_BASIS_LABELS.en,
  consentBasis: CONSENT_BASIS_LABELS.en,
  consentState: REPORTED_CONSENT_STATE_LABELS.en,
  requestKind: REQUEST_KIND_LABELS.en,
  requestStatus: REPORTED_REQUEST_STATUS_LABELS.en
}

export const LABELS: Readonly<Record<Lang, Labels>> = { nl, en }

export function labelsFor(lang: Lang): Labels {
  return LABELS[lang]
}

/** the label of a person's field; an unknown key falls back to the key itself. */
export function fieldLabel(key: string, lang: Lang): string {
  return labelOr(LABELS[lang].field, key)
}
