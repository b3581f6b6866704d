/**
 * The person's data fields (R-2 intake, R-3 employment) in report order: the one list the access
 * report, the portability export and the printable documents share. Bookkeeping columns (state,
 * search keys, timestamps) are not "data held".
 */
export const PERSON_DATA_FIELDS = [
  'givenName',
  'familyName',
  'birthDate',
  'gender',
  'street',
  'houseNumber',
  'postcode',
  'city',
  'email',
  'phone',
  'otherContact',
  'education',
  'internships',
  'workExperience',
  'availability',
  'deployability',
  'leave',
  'particulars',
  'nationality',
  'bsn',
  'idDocumentType',
  'idDocumentNumber',
  'idDocumentExpiry',
  'idVerifiedOn',
  'workPermitNumber',
  'workPermitExpiry',
  'vogDate',
  'iban',
  'maritalStatus'
] as const
export type PersonDataField = (typeof PERSON_DATA_FIELDS)[number]

/** A person's fields as they are named out of their form, plus the two registration dates. */
export type PersonFieldLabelKey = PersonDataField | 'registeredOn' | 'unsubscribedOn'

/**
 * What each of a person's fields is called wherever it stands on its own: the printed access
 * report and shared profile, and the app's lists of what is shared with a client, erased or kept.
 * One table, so the report the person reads and the screens the staff use name a field alike.
 * (The intake and edit forms word their labels within their sections and keep their own.)
 */
export const PERSON_FIELD_LABELS = {
  nl: {
    givenName: 'Voornaam',
    familyName: 'Achternaam',
    birthDate: 'Geboortedatum',
    gender: 'Geslacht',
    street: 'Straat',
    houseNumber: 'Huisnummer',
    postcode: 'Postcode',
    city: 'Woonplaats',
    email: 'E-mailadres',
    phone: 'Telefoonnummer',
    otherContact: 'Overige contactgegevens',
    education: 'Opleiding',
    internships: 'Stages',
    workExperience: 'Werkervaring',
    availability: 'Beschikbaarheid',
    deployability: 'Inzetbaarheid',
    leave: 'Verlof',
    particulars: 'Bijzonderheden',
    nationality: 'Nationaliteit',
    bsn: 'BSN (burgerservicenummer)',
    idDocumentType: 'Soort identiteitsbewijs',
    idDocumentNumber: 'Nummer identiteitsbewijs',
    idDocumentExpiry: 'Identiteitsbewijs geldig tot',
    idVerifiedOn: 'Identiteit gecontroleerd op',
    workPermitNumber: 'Nummer werkvergunning (TWV/GVVA)',
    workPermitExpiry: 'Tewerkstellingsvergunning geldig tot',
    vogDate: 'Datum VOG',
    iban: 'IBAN (bankrekeningnummer)',
    maritalStatus: 'Burgerlijke staat',
    registeredOn: 'Ingeschreven op',
    unsubscribedOn: 'Uitgeschreven op'
  },
  en: {
    givenName: 'Given name',
    familyName: 'Family name',
    birthDate: 'Date of birth',
    gender: 'Gender',
    street: 'Street',
    houseNumber: 'House number',
    postcode: 'Postcode',
    city: 'Place of residence',
    email: 'Email address',
    phone: 'Phone number',
    otherContact: 'Other contact details',
    education: 'Education',
    internships: 'Internships',
    workExperience: 'Work experience',
    availability: 'Availability',
    deployability: 'Deployability',
    leave: 'Leave',
    particulars: 'Particulars',
    nationality: 'Nationality',
    bsn: 'BSN (citizen service number)',
    idDocumentType: 'Identity document type',
    idDocumentNumber: 'Identity document number',
    idDocumentExpiry: 'Identity document valid until',
    idVerifiedOn: 'Identity verified on',
    workPermitNumber: 'Work permit number',
    workPermitExpiry: 'Work permit valid until',
    vogDate: 'Certificate of conduct (VOG) date',
    iban: 'IBAN (bank account)',
    maritalStatus: 'Marital status',
    registeredOn: 'Registered on',
    unsubscribedOn: 'Unsubscribed on'
  }
} satisfies Record<'nl' | 'en', Record<PersonFieldLabelKey, string>>
