import { PERSON_FIELD_LABELS } from '../../../shared/vocabulary'
/** Texts of the rights capability: `nl` (default) and `en` with the same keys. */
export const rightsNl = {
  nav: {
    requests: 'Verzoeken',
    'access-report': 'Inzageverslag',
    erasure: 'Verwijderen op verzoek'
  },
  rights: {
    report: {
      title: 'Inzageverslag',
      intro: 'Het verslag hieronder is het document dat de persoon krijgt: afdrukken of opslaan als PDF. Elke uitgifte, afdruk en opslag wordt vastgelegd in de audittrail.',
      language: 'Taal van het verslag',
      reference: 'Referentie {{reference}}',
      print: 'Afdrukken',
      savePdf: 'Opslaan als PDF',
      exportJson: 'Exporteren (JSON)',
      exportZip: 'Exporteren met bijlagen (zip)',
      erase: 'Verwijderen op verzoek…',
      registerRequest: 'Inzageverzoek registreren',
      back: 'Terug',
      preview: 'Voorbeeld van het inzageverslag',
      saved: 'Het inzageverslag is opgeslagen als PDF.',
      printed: 'Het inzageverslag is naar de printer gestuurd.',
      exported: 'De export is opgeslagen.',
      noPerson: 'Kies eerst een persoon.'
    },
    requests: {
      title: 'Verzoeken van betrokkenen',
      intro: 'Elk verzoek wordt binnen een maand beantwoord; verlengen kan één keer met twee maanden, met een reden (artikel 12 lid 3 AVG).',
      includeClosed: 'Ook afgehandelde verzoeken tonen',
      empty: 'Geen openstaande verzoeken.',
      receivedOn: 'Ontvangen',
      kind: 'Soort',
      person: 'Betrokkene',
      identityCheck: 'Identiteit gecontroleerd',
      dueOn: 'Uiterste datum',
      status: 'Status',
      documents: 'Documenten',
      overdue: 'Te laat',
      extended: 'verlengd',
      noPerson: '—',
      personState: {
        shielded: 'afgeschermd dossier',
        'legal-hold': 'wettelijke bewaarplicht',
        'due-for-deletion': 'wordt verwijderd',
        deleted: 'verwijderd',
        active: 'actief dossier'
      },
      actions: 'Acties',
      extend: 'Verlengen',
      close: 'Afhandelen',
      reject: 'Afwijzen',
      openReport: 'Inzageverslag',
      openErasure: 'Verwijderen',
      extendTitle: 'Termijn verlengen met twee maanden',
      extendReason: 'Reden (wordt aan de betrokkene meegedeeld)',
      extendConfirm: 'Verlengen',
      newTitle: 'Nieuw verzoek registreren',
      newSubmit: 'Registreren',
      identityPlaceholder: 'Bijvoorbeeld: paspoort gezien aan de balie',
      created: 'Het verzoek is geregistreerd. Uiterste datum: {{date}}.',
    },
    approvals: {
      title: 'Verwijderingen die op goedkeuring wachten',
      requestedBy: 'Aangevraagd door',
      reason: 'Reden',
      approve: 'Goedkeuren en uitvoeren',
      apply: 'Uitvoeren',
      awaiting: 'Wacht op tweede privacy officer',
      approved: 'Goedgekeurd'
    },
    erasure: {
      title: 'Verwijderen op verzoek',
      intro: 'Wat de wet ons verplicht te bewaren blijft bewaard, alleen voor dat doel en tot de genoemde datum; al het andere wordt nu definitief verwijderd.',
      outcome: {
        delete: 'Het hele dossier wordt definitief verwijderd. Alleen een bewijs van verwijdering zonder persoonsgegevens blijft over.',
        'legal-hold': 'Het dossier wordt beperkt tot de gegevens die de wet ons verplicht te bewaren.',
        blocked: 'Verwijderen kan nu niet: de persoon is nog in dienst. Beëindig eerst het dienstverband.'
      },
      deletedTitle: 'Wat nu wordt verwijderd',
      keptTitle: 'Wat bewaard blijft, en waarom',
      nothingDeleted: 'Niets',
      duty: 'Wettelijke plicht',
      law: 'Wet',
      data: 'Gegevens',
      keptUntil: 'Bewaard tot en met',
      rules: {
        'legal-hold-payroll': 'Loonadministratie (7 jaar na het einde van het kalenderjaar van uitdienst)',
        'legal-hold-id-bsn': 'Identiteitsbewijs en BSN (5 kalenderjaren na het jaar van uitdienst)'
      },
      // i18next plurals: `records.<kind>` with `{ count }`.
      records: {
        employments_one: '{{count}} dienstverband',
        employments_other: '{{count}} dienstverbanden',
        idCopies_one: '{{count}} kopie identiteitsbewijs',
        idCopies_other: '{{count}} kopieën identiteitsbewijs',
        attachments_one: '{{count}} bijlage',
        attachments_other: '{{count}} bijlagen',
        consents_one: '{{count}} toestemming',
        consents_other: '{{count}} toestemmingen',
        specialData_one: '{{count}} bijzonder persoonsgegeven',
        specialData_other: '{{count}} bijzondere persoonsgegevens',
        disclosures_one: '{{count}} verstrekking',
        disclosures_other: '{{count}} verstrekkingen',
        fieldChanges_one: '{{count}} wijziging in de historie',
        fieldChanges_other: '{{count}} wijzigingen in de historie',
        absence_one: '{{count}} verzuimregistratie',
        absence_other: '{{count}} verzuimregistraties',
        recruitmentProcedures_one: '{{count}} W&S-procedure',
        recruitmentProcedures_other: '{{count}} W&S-procedures'
      },
      fourEyes: 'Een tweede privacy officer moet deze verwijdering goedkeuren.',
      reason: 'Reden van de verwijdering (het verzoek)',
      confirmCheck: 'Ik heb gecontroleerd dat dit het juiste dossier is en dat het verzoek van de betrokkene zelf komt.',
      confirm: 'Definitief verwijderen',
      awaiting: 'De verwijdering is aangevraagd en wacht op goedkeuring door een tweede privacy officer.',
      doneDeleted: 'Het dossier is definitief verwijderd.',
      doneLegalHold: 'Het dossier is beperkt tot de wettelijk verplichte gegevens.'
    },
    field: { ...PERSON_FIELD_LABELS.nl, sourceDetail: 'Herkomst (toelichting)' }
  }
}

export const rightsEn: typeof rightsNl = {
  nav: {
    requests: 'Requests',
    'access-report': 'Access report',
    erasure: 'Erasure on request'
  },
  rights: {
    report: {
      title: 'Access report',
      intro: 'The report below is the document the person receives: print it or save it as PDF. Every issue, print and save is recorded in the audit trail.',
      language: 'Language of the report',
      reference: 'Reference {{reference}}',
      print: 'Print',
      savePdf: 'Save as PDF',
      exportJson: 'Export (JSON)',
      exportZip: 'Export with attachments (zip)',
      erase: 'Erase on request…',
      registerRequest: 'Register access request',
      back: 'Back',
      preview: 'Preview of the access report',
      saved: 'The access report was saved as PDF.',
      printed: 'The access report was sent to the printer.',
      exported: 'The export was saved.',
      noPerson: 'Choose a person first.'
    },
    requests: {
      title: 'Data-subject requests',
      intro: 'Every request is answered within one month; it can be extended once by two months, with a reason (Article 12(3) GDPR).',
      includeClosed: 'Also show closed requests',
      empty: 'No open requests.',
      receivedOn: 'Received',
      kind: 'Kind',
      person: 'Data subject',
      identityCheck: 'Identity checked',
      dueOn: 'Deadline',
      status: 'Status',
      documents: 'Documents',
      overdue: 'Overdue',
      extended: 'extended',
      noPerson: '—',
      personState: {
        shielded: 'shielded record',
        'legal-hold': 'legal hold',
        'due-for-deletion': 'being deleted',
        deleted: 'deleted',
        active: 'active record'
      },
      actions: 'Actions',
      extend: 'Extend',
      close: 'Mark done',
      reject: 'Reject',
      openReport: 'Access report',
      openErasure: 'Erase',
      extendTitle: 'Extend the deadline by two months',
      extendReason: 'Reason (told to the data subject)',
      extendConfirm: 'Extend',
      newTitle: 'Register a new request',
      newSubmit: 'Register',
      identityPlaceholder: 'For example: passport seen at the desk',
      created: 'The request was registered. Deadline: {{date}}.',
    },
    approvals: {
      title: 'Erasures awaiting approval',
      requestedBy: 'Requested by',
      reason: 'Reason',
      approve: 'Approve and apply',
      apply: 'Apply',
      awaiting: 'Awaiting a second privacy officer',
      approved: 'Approved'
    },
    erasure: {
      title: 'Erasure on request',
      intro: 'What the law obliges us to keep stays, only for that purpose and until the date shown; everything else is deleted for good now.',
      outcome: {
        delete: 'The whole record is deleted for good. Only a proof of deletion without personal data remains.',
        'legal-hold': 'The record is reduced to the data the law obliges us to keep.',
        blocked: 'Erasure is not possible now: the person is still employed. End the employment first.'
      },
      deletedTitle: 'What is deleted now',
      keptTitle: 'What is kept, and why',
      nothingDeleted: 'Nothing',
      duty: 'Legal duty',
      law: 'Law',
      data: 'Data',
      keptUntil: 'Kept until',
      rules: {
        'legal-hold-payroll': 'Payroll records (7 years after the end of the calendar year employment ended)',
        'legal-hold-id-bsn': 'Identity document and BSN (5 calendar years after the year employment ended)'
      },
      records: {
        employments_one: '{{count}} employment',
        employments_other: '{{count}} employments',
        idCopies_one: '{{count}} ID copy',
        idCopies_other: '{{count}} ID copies',
        attachments_one: '{{count}} attachment',
        attachments_other: '{{count}} attachments',
        consents_one: '{{count}} consent',
        consents_other: '{{count}} consents',
        specialData_one: '{{count}} special-category item',
        specialData_other: '{{count}} special-category items',
        disclosures_one: '{{count}} disclosure',
        disclosures_other: '{{count}} disclosures',
        fieldChanges_one: '{{count}} change in the history',
        fieldChanges_other: '{{count}} changes in the history',
        absence_one: '{{count}} absence record',
        absence_other: '{{count}} absence records',
        recruitmentProcedures_one: '{{count}} recruitment procedure',
        recruitmentProcedures_other: '{{count}} recruitment procedures'
      },
      fourEyes: 'A second privacy officer must approve this erasure.',
      reason: 'Reason for the erasure (the request)',
      confirmCheck: 'I checked that this is the right record and that the request comes from the data subject.',
      confirm: 'Erase for good',
      awaiting: 'The erasure was requested and awaits approval by a second privacy officer.',
      doneDeleted: 'The record was deleted for good.',
      doneLegalHold: 'The record was reduced to the data the law requires.'
    },
    field: { ...PERSON_FIELD_LABELS.en, sourceDetail: 'Source (details)' }
  }
}
