/**
 * Every word the printable documents print, in Dutch (`nl`) and English (`en`). One table per
 * language with identical keys (the type enforces it, a test checks it at run time), so a
 * renderer never holds a hard-coded string.
 *
 * Vocabulary tables are `Record<…, string>` over the domain's closed lists, so adding a value to
 * `src/shared/domain.ts` fails the type check here until it has a label in both languages.
 */
import { PERSON_DATA_FIELDS } from '../../shared/domain'
import { PERSON_FIELD_LABELS } from '../../shared/personFieldLabels'
import type {
  AttachmentKind,
  EmploymentKind,
  PersonRole,
  Purpose,
  RetentionState,
  SourceKind,
  SpecialCategory
} from '../../shared/domain'

export const LANGS = ['nl', 'en'] as const
export type Lang = (typeof LANGS)[number]

/** Stable keys of the person's fields as they appear in reports and disclosures. */
export const FIELD_KEYS = [...PERSON_DATA_FIELDS, 'unsubscribedOn', 'registeredOn'] as const
export type FieldKey = (typeof FIELD_KEYS)[number]

/** Retention rule ids (R-11..R-16) whose plain-words explanation the access report prints. */
export const RETENTION_RULE_IDS = [
  'unsubscribed-never-worked',
  'ws-procedure-ended',
  'worked-stopped',
  'legal-hold-id-bsn',
  'legal-hold-payroll',
  'id-copy-registration',
  'consent-expired'
] as const
export type RetentionRuleId = (typeof RETENTION_RULE_IDS)[number]

/** Retention actions the sweep can take next. */
export const RETENTION_ACTION_KINDS = [
  'shield',
  'delete',
  'reduce-to-legal-hold',
  'purge-id-record',
  'purge-attachment',
  'purge-consent-data'
] as const
export type RetentionActionKind = (typeof RETENTION_ACTION_KINDS)[number]

/** GDPR art. 6(1) legal bases. */
export const LEGAL_BASES = [
  'consent',
  'contract',
  'legal-obligation',
  'vital-interest',
  'public-task',
  'legitimate-interest'
] as const
export type LegalBasis = (typeof LEGAL_BASES)[number]

export const CONSENT_BASES = ['consent', 'legal-basis'] as const
export type ConsentBasis = (typeof CONSENT_BASES)[number]

export const CONSENT_STATES = ['valid', 'expired', 'withdrawn'] as const
export type ConsentState = (typeof CONSENT_STATES)[number]

/** Data-subject requests (GDPR art. 15-21). */
export const REQUEST_KINDS = ['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability'] as const
export type RequestKind = (typeof REQUEST_KINDS)[number]

export const REQUEST_STATUSES = ['received', 'in-progress', 'extended', 'completed', 'refused'] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

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
    personId: 'Registratienummer',
    personRef: 'Kenmerk',
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
    recruitment: 'Werving- en selectieprocedures',
    purposesSection: 'Doelen en grondslagen',
    purpose: 'Doel',
    legalBasis: 'Grondslag',
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
    requestsSection: 'Uw verzoeken',
    requestKind: 'Verzoek',
    receivedOn: 'Ontvangen op',
    requestStatus: 'Status',
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
      text:
        'U kunt bezwaar maken tegen verwerking op grond van ons gerechtvaardigd belang en tegen het ' +
        'ontvangen van aanbiedingen en informatie (artikel 21 AVG).'
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
    securityMeasures: 'Technische en organisatorische beveiligingsmaatregelen'
  },
  table: {
    rowCount: 'Aantal regels'
  },
  field: PERSON_FIELD_LABELS.nl satisfies Record<FieldKey, string>,
  role: {
    candidate: 'Kandidaat',
    flexworker: 'Flexwerker / werknemer',
    'ws-candidate': 'Kandidaat werving & selectie',
    prospect: 'Prospect (nog niet ingeschreven)',
    contact: 'Contactpersoon van een opdrachtgever'
  } satisfies Record<PersonRole, string>,
  purpose: {
    mediation: 'Bemiddeling',
    temping: 'Uitzenden',
    secondment: 'Detachering',
    recruitment: 'Werving & selectie',
    development: 'Persoonlijke ontwikkeling en inzetbaarheid',
    suitability: 'Beoordeling van geschiktheid',
    payroll: 'Salarisadministratie',
    personnel: 'Personeelsmanagement',
    'client-identification': 'Identificatie-eisen van opdrachtgevers (alleen BSN)',
    offers: 'Aanbiedingen en informatie over onze diensten',
    quality: 'Interne kwaliteit (audit, certificering)'
  } satisfies Record<Purpose, string>,
  sourceKind: {
    'walk-in': 'Inschrijving op ons kantoor',
    website: 'Formulier op onze website',
    mailing: 'Mailing',
    phone: 'Telefonisch contact',
    'public-website': 'Openbare website'
  } satisfies Record<SourceKind, string>,
  specialCategory: {
    ethnicity: 'Ras of etnische afkomst',
    religion: 'Godsdienst of levensovertuiging',
    political: 'Politieke opvattingen',
    health: 'Gezondheid',
    'sex-life': 'Seksueel leven of seksuele gerichtheid',
    union: 'Lidmaatschap van een vakbond',
    criminal: 'Strafrechtelijke gegevens',
    behaviour: 'Onrechtmatig of hinderlijk gedrag'
  } satisfies Record<SpecialCategory, string>,
  retentionState: {
    active: 'Actief',
    shielded: 'Afgeschermd (alleen onder strikte voorwaarden in te zien)',
    'legal-hold': 'Wettelijke bewaarplicht (alleen voor dat doel bewaard)',
    'due-for-deletion': 'Wordt verwijderd'
  } satisfies Record<RetentionState, string>,
  employmentKind: {
    uitzenden: 'Uitzenden',
    detachering: 'Detachering',
    payroll: 'Payrolling'
  } satisfies Record<EmploymentKind, string>,
  attachmentKind: {
    cv: 'Cv',
    reference: 'Referentie',
    testimonial: 'Getuigschrift',
    vog: 'Verklaring Omtrent het Gedrag (VOG)',
    'id-copy': 'Kopie identiteitsbewijs',
    other: 'Overig'
  } satisfies Record<AttachmentKind, string>,
  retentionRule: {
    'unsubscribed-never-worked':
      'U heeft zich uitgeschreven en nooit via ons gewerkt: uw gegevens blijven nog drie ' +
      'kalendermaanden afgeschermd bewaard en worden daarna definitief verwijderd.',
    'ws-procedure-ended':
      'Uw werving- en selectieprocedure is afgerond: uw gegevens blijven 24 maanden afgeschermd ' +
      'bewaard in verband met claimrisico’s en worden daarna definitief verwijderd.',
    'worked-stopped':
      'U heeft via ons gewerkt en de bemiddeling is gestopt: uw gegevens blijven tot twee jaar na ' +
      'het einde van het dienstverband beschikbaar en worden daarna verwijderd.',
    'legal-hold-id-bsn':
      'De wet (Wet op de loonbelasting) verplicht ons de gegevens van uw identiteitsbewijs, uw ' +
      'loonbelastingverklaring en uw BSN te bewaren tot vijf jaar na het einde van het kalenderjaar ' +
      'waarin het dienstverband eindigde; alleen voor dat doel.',
    'legal-hold-payroll':
      'De wet (Algemene wet inzake rijksbelastingen) verplicht ons de loonadministratie zeven jaar ' +
      'te bewaren; alleen voor dat doel.',
    'id-copy-registration':
      'Een kopie van uw identiteitsbewijs die bij de inschrijving is gemaakt, bewaren wij ten ' +
      'hoogste vier weken als u niet bij ons in dienst komt (Waadi artikel 7c).',
    'consent-expired':
      'Uw toestemming is verlopen of ingetrokken: de gegevens waarvoor die toestemming gold, ' +
      'worden verwijderd.'
  } satisfies Record<RetentionRuleId, string>,
  retentionAction: {
    shield: 'Afschermen',
    delete: 'Definitief verwijderen',
    'reduce-to-legal-hold': 'Beperken tot de wettelijk verplichte gegevens',
    'purge-id-record': 'Gegevens van het identiteitsbewijs verwijderen',
    'purge-attachment': 'Bijlage verwijderen',
    'purge-consent-data': 'Gegevens met verlopen of ingetrokken toestemming verwijderen'
  } satisfies Record<RetentionActionKind, string>,
  legalBasis: {
    consent: 'Toestemming (art. 6 lid 1 a AVG)',
    contract: 'Uitvoering van een overeenkomst (art. 6 lid 1 b AVG)',
    'legal-obligation': 'Wettelijke verplichting (art. 6 lid 1 c AVG)',
    'vital-interest': 'Vitaal belang (art. 6 lid 1 d AVG)',
    'public-task': 'Taak van algemeen belang (art. 6 lid 1 e AVG)',
    'legitimate-interest': 'Gerechtvaardigd belang (art. 6 lid 1 f AVG)'
  } satisfies Record<LegalBasis, string>,
  consentBasis: {
    consent: 'Uitdrukkelijke toestemming',
    'legal-basis': 'Wettelijke grondslag'
  } satisfies Record<ConsentBasis, string>,
  consentState: {
    valid: 'Geldig',
    expired: 'Verlopen',
    withdrawn: 'Ingetrokken'
  } satisfies Record<ConsentState, string>,
  requestKind: {
    access: 'Inzage',
    rectification: 'Rectificatie',
    erasure: 'Verwijdering',
    restriction: 'Beperking',
    objection: 'Bezwaar',
    portability: 'Overdraagbaarheid'
  } satisfies Record<RequestKind, string>,
  requestStatus: {
    received: 'Ontvangen',
    'in-progress': 'In behandeling',
    extended: 'Termijn verlengd',
    completed: 'Afgehandeld',
    refused: 'Afgewezen'
  } satisfies Record<RequestStatus, string>
}

/** The shape of one language's table; `en` must match `nl` key for key. */
export type Labels = typeof nl

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
    personId: 'Registration number',
    personRef: 'Reference',
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
    requestsSection: 'Your requests',
    requestKind: 'Request',
    receivedOn: 'Received on',
    requestStatus: 'Status',
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
      text:
        'You may object to processing based on our legitimate interest and to receiving offers and ' +
        'information (Article 21 GDPR).'
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
    securityMeasures: 'Technical and organisational security measures'
  },
  table: {
    rowCount: 'Number of rows'
  },
  field: PERSON_FIELD_LABELS.en,
  role: {
    candidate: 'Candidate',
    flexworker: 'Flex worker / employee',
    'ws-candidate': 'Recruitment & selection candidate',
    prospect: 'Prospect (not yet registered)',
    contact: 'Contact person of a client'
  },
  purpose: {
    mediation: 'Job mediation',
    temping: 'Temporary agency work',
    secondment: 'Secondment',
    recruitment: 'Recruitment & selection',
    development: 'Personal development and employability',
    suitability: 'Suitability assessment',
    payroll: 'Payroll administration',
    personnel: 'Personnel management',
    'client-identification': 'Client identification requirements (BSN only)',
    offers: 'Offers and information about our services',
    quality: 'Internal quality (audit, certification)'
  },
  sourceKind: {
    'walk-in': 'Registration at our office',
    website: 'Form on our website',
    mailing: 'Mailing',
    phone: 'Phone call',
    'public-website': 'Public website'
  },
  specialCategory: {
    ethnicity: 'Racial or ethnic origin',
    religion: 'Religious or philosophical beliefs',
    political: 'Political opinions',
    health: 'Health',
    'sex-life': 'Sex life or sexual orientation',
    union: 'Trade union membership',
    criminal: 'Criminal records',
    behaviour: 'Unlawful or disruptive behaviour'
  },
  retentionState: {
    active: 'Active',
    shielded: 'Shielded (accessible only under strict conditions)',
    'legal-hold': 'Statutory retention (kept only for that purpose)',
    'due-for-deletion': 'Due for deletion'
  },
  employmentKind: {
    uitzenden: 'Temporary agency work (uitzenden)',
    detachering: 'Secondment (detachering)',
    payroll: 'Payrolling'
  },
  attachmentKind: {
    cv: 'CV',
    reference: 'Reference',
    testimonial: 'Testimonial',
    vog: 'Certificate of conduct (VOG)',
    'id-copy': 'Copy of identity document',
    other: 'Other'
  },
  retentionRule: {
    'unsubscribed-never-worked':
      'You unsubscribed and never worked through us: your data stays shielded for three more ' +
      'calendar months and is then deleted for good.',
    'ws-procedure-ended':
      'Your recruitment and selection procedure has ended: your data stays shielded for 24 months ' +
      'because of claim risks and is then deleted for good.',
    'worked-stopped':
      'You worked through us and mediation has stopped: your data stays available until two years ' +
      'after the end of the employment and is then deleted.',
    'legal-hold-id-bsn':
      'The law (Dutch Wage Tax Act) requires us to keep your identity-document record, wage-tax form ' +
      'and BSN until five years after the end of the calendar year in which the employment ended; ' +
      'only for that purpose.',
    'legal-hold-payroll':
      'The law (Dutch General Tax Act) requires us to keep payroll records for seven years; only for ' +
      'that purpose.',
    'id-copy-registration':
      'A copy of your identity document made at registration is kept for at most four weeks if you ' +
      'do not enter employment with us (Waadi Article 7c).',
    'consent-expired':
      'Your consent has expired or was withdrawn: the data it covered is deleted.'
  },
  retentionAction: {
    shield: 'Shield',
    delete: 'Delete for good',
    'reduce-to-legal-hold': 'Reduce to the data the law requires us to keep',
    'purge-id-record': 'Delete the identity-document record',
    'purge-attachment': 'Delete the attachment',
    'purge-consent-data': 'Delete data whose consent expired or was withdrawn'
  },
  legalBasis: {
    consent: 'Consent (Art. 6(1)(a) GDPR)',
    contract: 'Performance of a contract (Art. 6(1)(b) GDPR)',
    'legal-obligation': 'Legal obligation (Art. 6(1)(c) GDPR)',
    'vital-interest': 'Vital interests (Art. 6(1)(d) GDPR)',
    'public-task': 'Public task (Art. 6(1)(e) GDPR)',
    'legitimate-interest': 'Legitimate interests (Art. 6(1)(f) GDPR)'
  },
  consentBasis: {
    consent: 'Explicit consent',
    'legal-basis': 'Legal basis'
  },
  consentState: {
    valid: 'Valid',
    expired: 'Expired',
    withdrawn: 'Withdrawn'
  },
  requestKind: {
    access: 'Access',
    rectification: 'Rectification',
    erasure: 'Erasure',
    restriction: 'Restriction',
    objection: 'Objection',
    portability: 'Portability'
  },
  requestStatus: {
    received: 'Received',
    'in-progress': 'In progress',
    extended: 'Term extended',
    completed: 'Completed',
    refused: 'Refused'
  }
}

export const LABELS: Readonly<Record<Lang, Labels>> = { nl, en }

export function labelsFor(lang: Lang): Labels {
  return LABELS[lang]
}

/**
 * Looks a key up in one of the vocabulary tables; a key the table does not know (a field added
 * later, a free-text legal basis) is shown as itself rather than dropped.
 */
export function labelOr(table: Readonly<Record<string, string>>, key: string): string {
  return Object.hasOwn(table, key) ? (table[key] ?? key) : key
}

/** the label of a person's field; an unknown key falls back to the key itself. */
export function fieldLabel(key: string, lang: Lang): string {
  return labelOr(LABELS[lang].field, key)
}
