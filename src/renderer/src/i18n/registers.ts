/**
 * Texts of the processor and DPIA registers, the person picker, and the breaches shown in a
 * person's history (art. 34): `nl` (default) and `en` with the same keys.
 */
export const registersNl = {
  nav: { processors: 'Verwerkers', dpias: 'DPIA’s' },
  personPicker: {
    placeholder: 'Zoek op naam of kenmerk',
    description: 'Typ minstens twee letters; kies met de pijltjestoetsen en Enter.',
    typeMore: 'Typ minstens twee letters.',
    nothingFound: 'Niemand gevonden.',
    notActive: 'Afgeschermd dossier'
  },
  person: {
    history: {
      breaches: 'Datalekken waarover deze persoon moet worden geïnformeerd (artikel 34 AVG)',
      breachDiscovered: 'Ontdekt op {{date}}',
      breachTold: 'geïnformeerd op {{date}}',
      breachNotTold: 'nog niet geïnformeerd'
    }
  },
  registers: {
    common: { add: 'Toevoegen', edit: 'Bewerken', delete: 'Verwijderen', save: 'Opslaan', cancel: 'Annuleren', actions: 'Acties' },
    processors: {
      title: 'Verwerkers',
      intro: 'Partijen die persoonsgegevens voor ons verwerken (artikel 28 AVG), met een verwerkersovereenkomst: bijvoorbeeld de salarisverwerker, de arbodienst en de hosting. Het verwerkingsregister (artikel 30) drukt deze lijst af.',
      empty: 'Er zijn nog geen verwerkers vastgelegd.',
      formNew: 'Verwerker toevoegen',
      formEdit: 'Verwerker bewerken',
      name: 'Naam',
      purpose: 'Doel van de verwerking',
      dataCategories: 'Soorten gegevens',
      agreementOn: 'Verwerkersovereenkomst getekend op',
      noAgreement: 'Geen overeenkomst',
      location: 'Locatie (plaats of datacentrum)',
      country: 'Land',
      subProcessors: 'Subverwerkers (optioneel)',
      columns: { purpose: 'Doel', agreementOn: 'Overeenkomst', location: 'Locatie', subProcessors: 'Subverwerkers' },
      deleteTitle: 'Verwerker {{name}} verwijderen?',
      deleteText: 'Doe dit alleen als {{name}} niet meer voor ons verwerkt. De wijziging komt in de audittrail.',
      saved: 'De verwerker is opgeslagen.'
    },
    dpias: {
      title: 'Gegevensbeschermingseffectbeoordelingen (DPIA)',
      intro: 'Beoordelingen van verwerkingen met een hoog risico (artikel 35 AVG). Gezondheids- en verzuimgegevens op grote schaal staan op de DPIA-lijst van de Autoriteit Persoonsgegevens.',
      empty: 'Er is nog geen DPIA vastgelegd.',
      suggestion: 'Voorstel: DPIA gezondheids- en verzuimgegevens',
      suggestionSubject: 'Gezondheids- en verzuimgegevens van uitzendkrachten',
      formNew: 'DPIA toevoegen',
      formEdit: 'DPIA bewerken',
      subject: 'Onderwerp',
      assessedOn: 'Uitgevoerd op',
      outcome: 'Uitkomst en maatregelen',
      nextReviewOn: 'Volgende herbeoordeling',
      reviewDue: 'Herbeoordeling nodig',
      deleteTitle: 'DPIA „{{name}}” verwijderen?',
      deleteText: 'De DPIA verdwijnt uit het register en uit het verwerkingsregister. De wijziging komt in de audittrail.',
      saved: 'De DPIA is opgeslagen.'
    }
  }
}

export const registersEn: typeof registersNl = {
  nav: { processors: 'Processors', dpias: 'DPIAs' },
  personPicker: {
    placeholder: 'Search by name or reference',
    description: 'Type at least two letters; choose with the arrow keys and Enter.',
    typeMore: 'Type at least two letters.',
    nothingFound: 'Nobody found.',
    notActive: 'Shielded record'
  },
  person: {
    history: {
      breaches: 'Data breaches this person must be told about (GDPR art. 34)',
      breachDiscovered: 'Discovered on {{date}}',
      breachTold: 'told on {{date}}',
      breachNotTold: 'not yet told'
    }
  },
  registers: {
    common: { add: 'Add', edit: 'Edit', delete: 'Remove', save: 'Save', cancel: 'Cancel', actions: 'Actions' },
    processors: {
      title: 'Processors',
      intro: 'Parties that process personal data on our behalf (GDPR art. 28), under a processing agreement: for example the payroll provider, the occupational health service and the hosting. The record of processing activities (art. 30) prints this list.',
      empty: 'No processors are recorded yet.',
      formNew: 'Add processor',
      formEdit: 'Edit processor',
      name: 'Name',
      purpose: 'Purpose of the processing',
      dataCategories: 'Kinds of data',
      agreementOn: 'Processing agreement signed on',
      noAgreement: 'No agreement',
      location: 'Location (city or data centre)',
      country: 'Country',
      subProcessors: 'Sub-processors (optional)',
      columns: { purpose: 'Purpose', agreementOn: 'Agreement', location: 'Location', subProcessors: 'Sub-processors' },
      deleteTitle: 'Remove processor {{name}}?',
      deleteText: 'Only do this when {{name}} no longer processes data for us. The change goes into the audit trail.',
      saved: 'The processor was saved.'
    },
    dpias: {
      title: 'Data protection impact assessments (DPIA)',
      intro: 'Assessments of processing with a high risk (GDPR art. 35). Health and absence data at scale is on the Dutch DPA’s DPIA list.',
      empty: 'No DPIA is recorded yet.',
      suggestion: 'Suggestion: DPIA on health and absence data',
      suggestionSubject: 'Health and absence data of temporary workers',
      formNew: 'Add DPIA',
      formEdit: 'Edit DPIA',
      subject: 'Subject',
      assessedOn: 'Assessed on',
      outcome: 'Outcome and measures',
      nextReviewOn: 'Next review',
      reviewDue: 'Review due',
      deleteTitle: 'Remove DPIA “{{name}}”?',
      deleteText: 'The DPIA disappears from this register and from the record of processing activities. The change goes into the audit trail.',
      saved: 'The DPIA was saved.'
    }
  }
}
