import { PERSON_FIELD_LABELS } from '../../../shared/vocabulary'
/** Texts of the relations capability: `nl` (default) and `en` with the same keys. */
export const relationsNl = {
  nav: { clients: 'Opdrachtgevers' },
  relations: {
    clients: {
      title: 'Opdrachtgevers',
      search: 'Zoeken op naam of plaats',
      add: 'Nieuwe opdrachtgever',
      empty: 'Nog geen opdrachtgevers.',
      noMatch: 'Geen opdrachtgevers gevonden.',
      contactCount: 'Contactpersonen'
    },
    client: {
      newTitle: 'Nieuwe opdrachtgever',
      details: 'Gegevens',
      address: 'Adres',
      edit: 'Wijzigen',
      name: 'Naam',
      street: 'Straat',
      houseNumber: 'Huisnummer',
      postcode: 'Postcode',
      city: 'Plaats',
      email: 'E-mail',
      phone: 'Telefoon',
      save: 'Opslaan',
      create: 'Opdrachtgever opslaan',
      saved: 'Opgeslagen.',
      back: 'Terug naar opdrachtgevers',
      since: 'Vastgelegd op {{date}}'
    },
    contacts: {
      title: 'Contactpersonen',
      add: 'Contactpersoon toevoegen',
      empty: 'Nog geen contactpersonen.',
      givenName: 'Voornaam',
      familyName: 'Achternaam',
      name: 'Naam',
      email: 'E-mail',
      phone: 'Telefoon',
      function: 'Functie',
      edit: 'Wijzigen',
      editTitle: 'Contactpersoon wijzigen',
      remove: 'Verwijderen',
      removeConfirm: 'Contactpersoon {{name}} verwijderen? De gegevens worden definitief gewist.',
      removeYes: 'Ja, verwijderen',
      save: 'Opslaan'
    },
    assignments: {
      title: 'Plaatsingen',
      empty: 'Geen plaatsingen bij deze opdrachtgever.',
      person: 'Persoon',
      start: 'Begin',
      end: 'Einde',
      kind: 'Soort',
      ongoing: 'lopend'
    },
    share: {
      button: 'Delen met opdrachtgever',
      title: 'Delen met opdrachtgever',
      intro: 'Kies de opdrachtgever en het doel. De toegestane gegevens zijn al aangevinkt; voor andere gegevens legt u een reden vast. Elke verstrekking wordt vastgelegd.',
      client: 'Opdrachtgever',
      clientPlaceholder: 'Kies een opdrachtgever',
      noClients: 'Er zijn nog geen opdrachtgevers. Leg eerst een opdrachtgever vast.',
      contact: 'Ter attentie van (optioneel)',
      contactNone: 'Geen contactpersoon',
      purpose: 'Doel van de verstrekking',
      purposeHelp: {
        presentation: 'Voor bemiddeling of werving en selectie: naam, woonplaats, geboortedatum, opleiding en werkervaring.',
        assignment: 'Na plaatsing bij deze opdrachtgever: ook contactgegevens en soort en nummer van het identiteitsbewijs.',
        'client-identification': 'De opdrachtgever moet de werknemer identificeren: alleen het BSN, nooit een kopie van het identiteitsbewijs.'
      },
      fields: 'Gegevens',
      noValue: 'niet ingevuld',
      reason: 'Reden',
      reasonFor: 'Reden voor {{field}}',
      reasonPlaceholder: 'Waarom is dit gegeven nodig?',
      consent: 'De persoon heeft toestemming gegeven om dit te delen',
      consentRecorded: 'Toestemming van de persoon vastgelegd voor dit gegeven en dit doel.',
      consentMissing: 'Nog geen toestemming vastgelegd om {{field}} voor dit doel te delen. Leg die eerst vast.',
      consentGivenOn: 'Gegeven op',
      consentHow: 'Hoe gegeven',
      consentMethods: { 'signed-form': 'Ondertekend formulier', 'in-person': 'Persoonlijk (mondeling)', email: 'Per e-mail' },
      consentWording: 'Tekst waarmee de persoon instemde',
      consentRecord: 'Toestemming vastleggen',
      generalReason: 'Toelichting bij deze verstrekking (optioneel)',
      submit: 'Delen en profiel maken',
      selectedCount_one: '{{count}} gegeven geselecteerd',
      selectedCount_other: '{{count}} gegevens geselecteerd',
      nothingSelected: 'Selecteer ten minste één gegeven.',
      otherFields_one: 'Het andere gegeven ({{count}})',
      otherFields_other: 'Alle andere gegevens ({{count}})',
      blockers: {
        'assignment-required': 'Voor dit doel moet de persoon bij deze opdrachtgever geplaatst zijn. Voeg eerst een plaatsing toe.',
        'purpose-not-recorded': 'Het doel van deze verstrekking is niet bij de persoon vastgelegd.'
      },
      done: 'Gedeeld en vastgelegd als {{reference}}.',
      preview: 'Gedeeld profiel',
      print: 'Afdrukken',
      another: 'Nog een keer delen',
      close: 'Sluiten'
    },
    verdict: {
      allowed: 'Toegestaan',
      'needs-reason': 'Reden nodig',
      'needs-consent': 'Toestemming nodig',
      forbidden: 'Niet toegestaan'
    },
    why: {
      'on-list': 'Staat op de lijst voor dit doel.',
      'outside-list': 'Staat niet op de lijst voor dit doel: alleen met een vastgelegde reden.',
      'consent-required': 'Alleen met toestemming van de persoon en een reden.',
      'bsn-identification-only': 'Het BSN gaat alleen naar een opdrachtgever voor diens identificatieplicht.',
      'identification-bsn-only': 'Voor de identificatieplicht wordt alleen het BSN gedeeld.',
      'id-copy-never': 'Een kopie van het identiteitsbewijs wordt nooit gedeeld.',
      'special-never': 'Bijzondere persoonsgegevens worden nooit op deze manier gedeeld.',
      'never-list': 'Dit gegeven wordt nooit gedeeld.'
    },
    problem: {
      FIELD_NOT_ALLOWED: 'Dit gegeven mag niet worden gedeeld.',
      CONSENT_REQUIRED: 'Leg eerst de toestemming van de persoon vast voor dit gegeven en dit doel.',
      REASON_REQUIRED: 'Geef een reden op.'
    },
    fields: { ...PERSON_FIELD_LABELS.nl, idCopy: 'Kopie identiteitsbewijs', specialData: 'Bijzondere persoonsgegevens' },
    disclosures: {
      title: 'Verstrekkingen',
      empty: 'Er zijn nog geen gegevens van deze persoon verstrekt.',
      reference: 'Referentie',
      date: 'Datum',
      recipient: 'Ontvanger',
      purpose: 'Doel',
      fields: 'Gegevens',
      reason: 'Reden',
      by: 'Door',
      withConsent: 'met toestemming'
    },
    sharePerson: { title: 'Gegevens delen met opdrachtgevers' }
  }
}

export const relationsEn: typeof relationsNl = {
  nav: { clients: 'Clients' },
  relations: {
    clients: {
      title: 'Clients',
      search: 'Search by name or city',
      add: 'New client',
      empty: 'No clients yet.',
      noMatch: 'No clients found.',
      contactCount: 'Contact persons'
    },
    client: {
      newTitle: 'New client',
      details: 'Details',
      address: 'Address',
      edit: 'Edit',
      name: 'Name',
      street: 'Street',
      houseNumber: 'House number',
      postcode: 'Postcode',
      city: 'City',
      email: 'Email',
      phone: 'Phone',
      save: 'Save',
      create: 'Save client',
      saved: 'Saved.',
      back: 'Back to clients',
      since: 'Recorded on {{date}}'
    },
    contacts: {
      title: 'Contact persons',
      add: 'Add contact person',
      empty: 'No contact persons yet.',
      givenName: 'Given name',
      familyName: 'Family name',
      name: 'Name',
      email: 'Email',
      phone: 'Phone',
      function: 'Function',
      edit: 'Edit',
      editTitle: 'Edit contact person',
      remove: 'Remove',
      removeConfirm: 'Remove contact person {{name}}? Their details are erased for good.',
      removeYes: 'Yes, remove',
      save: 'Save'
    },
    assignments: {
      title: 'Placements',
      empty: 'No placements with this client.',
      person: 'Person',
      start: 'Start',
      end: 'End',
      kind: 'Kind',
      ongoing: 'ongoing'
    },
    share: {
      button: 'Share with client',
      title: 'Share with client',
      intro: 'Choose the client and the purpose. The allowed data is already ticked; for anything else you record a reason. Every disclosure is logged.',
      client: 'Client',
      clientPlaceholder: 'Choose a client',
      noClients: 'There are no clients yet. Record a client first.',
      contact: 'For the attention of (optional)',
      contactNone: 'No contact person',
      purpose: 'Purpose of the disclosure',
      purposeHelp: {
        presentation: 'For mediation or recruitment and selection: name, place of residence, date of birth, education and work experience.',
        assignment: 'After placement with this client: also contact details and the identity document type and number.',
        'client-identification': 'The client must identify the worker: only the BSN, never a copy of the identity document.'
      },
      fields: 'Data',
      noValue: 'not filled in',
      reason: 'Reason',
      reasonFor: 'Reason for {{field}}',
      reasonPlaceholder: 'Why is this needed?',
      consent: 'The person has consented to sharing this',
      consentRecorded: "The person's consent is recorded for this item and purpose.",
      consentMissing: 'No consent recorded yet to share {{field}} for this purpose. Record it first.',
      consentGivenOn: 'Given on',
      consentHow: 'How given',
      consentMethods: { 'signed-form': 'Signed form', 'in-person': 'In person (verbally)', email: 'By e-mail' },
      consentWording: 'Wording the person agreed to',
      consentRecord: 'Record consent',
      generalReason: 'Note on this disclosure (optional)',
      submit: 'Share and create profile',
      selectedCount_one: '{{count}} item selected',
      selectedCount_other: '{{count}} items selected',
      nothingSelected: 'Select at least one item.',
      otherFields_one: 'The other item ({{count}})',
      otherFields_other: 'All other data ({{count}})',
      blockers: {
        'assignment-required': 'For this purpose the person must be placed with this client. Add a placement first.',
        'purpose-not-recorded': 'The purpose of this disclosure is not recorded for the person.'
      },
      done: 'Shared and logged as {{reference}}.',
      preview: 'Shared profile',
      print: 'Print',
      another: 'Share again',
      close: 'Close'
    },
    verdict: {
      allowed: 'Allowed',
      'needs-reason': 'Reason needed',
      'needs-consent': 'Consent needed',
      forbidden: 'Not allowed'
    },
    why: {
      'on-list': 'On the list for this purpose.',
      'outside-list': 'Not on the list for this purpose: only with a recorded reason.',
      'consent-required': "Only with the person's consent and a reason.",
      'bsn-identification-only': "The BSN goes to a client only for the client's identification duty.",
      'identification-bsn-only': 'For the identification duty only the BSN is shared.',
      'id-copy-never': 'A copy of the identity document is never shared.',
      'special-never': 'Special-category data is never shared this way.',
      'never-list': 'This data is never shared.'
    },
    problem: {
      FIELD_NOT_ALLOWED: 'This data may not be shared.',
      CONSENT_REQUIRED: "Record the person's consent for this item and purpose first.",
      REASON_REQUIRED: 'Give a reason.'
    },
    fields: { ...PERSON_FIELD_LABELS.en, idCopy: 'Copy of identity document', specialData: 'Special-category data' },
    disclosures: {
      title: 'Disclosures',
      empty: "None of this person's data has been disclosed yet.",
      reference: 'Reference',
      date: 'Date',
      recipient: 'Recipient',
      purpose: 'Purpose',
      fields: 'Data',
      reason: 'Reason',
      by: 'By',
      withConsent: 'with consent'
    },
    sharePerson: { title: 'Sharing data with clients' }
  }
}
