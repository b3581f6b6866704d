/**
 * Issue 16 points 3, 5 and 6: the words of the safe destructive steps (erasure, retention run),
 * the intake's early check, the masked BSN in the edit form, the way back to the search, a
 * read-only shielded record and the records list's count and sorting. Merged into the shared
 * namespaces (`retention`, `rights`, `records`, `person`, `intake`) by i18n/index.ts.
 */
export const flowNl = {
  errors: {
    RETENTION_PLAN_CHANGED: 'Wat de controle zou doen is veranderd sinds het werd getoond. Bekijk het opnieuw en bevestig dan.',
    RECORD_READ_ONLY: 'Dit dossier is afgeschermd en kan niet worden gewijzigd. Hef de afscherming eerst op of handel het dossier af.',
    RECORD_CHANGED: 'Iemand anders heeft dit dossier gewijzigd nadat u het opende. Er is niets opgeslagen.'
  },
  validation: {
    consent: { placeholder: 'Vul in waar het om gaat: vervang "…" in de tekst.' }
  },
  retention: {
    plan: {
      review: 'Nu controleren en uitvoeren',
      title: 'Wat de controle nu gaat doen',
      intro: 'Stand op {{date}}, bewaarbeleid versie {{version}}. Er verandert niets tot u bevestigt.',
      loading: 'Bezig met nagaan wat er moet gebeuren…',
      nothing: 'Er hoeft nu niets te gebeuren.',
      persons_one: '{{count}} dossier',
      persons_other: '{{count}} dossiers',
      count_one: '{{count}} keer',
      count_other: '{{count}} keer',
      action: 'Actie',
      rule: 'Regel',
      number: 'Aantal',
      who: 'Om wie het gaat',
      name: 'Naam',
      ref: 'Registratienummer',
      what: 'Wat er gebeurt',
      confirm_one: 'Bevestigen: {{count}} dossier verwerken',
      confirm_other: 'Bevestigen: {{count}} dossiers verwerken',
      cancel: 'Annuleren',
      progress: '{{done}} van {{total}} dossiers verwerkt…',
      running: 'Bezig…',
      changed: 'Sinds het overzicht is er iets veranderd. Hieronder staat wat de controle nu zou doen; bevestig opnieuw.',
      resultTitle: 'Uitgevoerd',
      result_one: '{{count}} dossier verwerkt op {{date}}.',
      result_other: '{{count}} dossiers verwerkt op {{date}}.',
      skipped_one: '{{count}} dossier is tijdens de uitvoering veranderd en is overgeslagen; de volgende controle neemt het mee.',
      skipped_other: '{{count}} dossiers zijn tijdens de uitvoering veranderd en overgeslagen; de volgende controle neemt ze mee.',
      held_one: '{{count}} dossier is aan de beurt, maar de verwerking is beperkt (art. 18 AVG): de gegevens blijven bewaard tot de beperking is opgeheven.',
      held_other: '{{count}} dossiers zijn aan de beurt, maar de verwerking is beperkt (art. 18 AVG): de gegevens blijven bewaard tot de beperking is opgeheven.',
      deleted: 'verwijderd',
      open: 'Openen',
      close: 'Sluiten',
      more_one: 'en nog {{count}} dossier',
      more_other: 'en nog {{count}} dossiers'
    }
  },
  rights: {
    erasure: {
      subject: 'Dit dossier wordt verwijderd',
      name: 'Naam',
      ref: 'Registratienummer',
      birthDate: 'Geboortedatum',
      typeToConfirm: 'Typ ter bevestiging het registratienummer of de achternaam',
      typeToConfirmHint: 'Typ {{ref}} of {{familyName}}.',
      typeToConfirmHintNoRef: 'Typ {{familyName}}.',
      typeMismatch: 'Dit is niet het registratienummer of de achternaam van deze persoon.'
    }
  },
  records: {
    count_one: '{{count}} persoon',
    count_other: '{{count}} personen',
    sortBy: 'Sorteren op {{column}}',
    sortedAsc: 'oplopend gesorteerd',
    sortedDesc: 'aflopend gesorteerd'
  },
  person: {
    backToSearch: 'Terug naar de zoekresultaten',
    readOnly: 'Dit dossier is afgeschermd en alleen te lezen. Een privacy officer kan de afscherming opheffen (afmelding ongedaan maken) of het dossier afhandelen.',
    bsnMasked: {
      hint: 'Verborgen en ongewijzigd; "Toon" wordt vastgelegd.',
      show: 'Toon',
      change: 'Wijzigen'
    },
    conflict: {
      title: 'Iemand anders heeft dit dossier intussen gewijzigd',
      intro: 'Uw wijzigingen zijn nog niet opgeslagen en staan nog in het formulier. Vergelijk ze met wat nu is opgeslagen.',
      field: 'Veld',
      mine: 'Uw waarde',
      saved: 'Nu opgeslagen',
      empty: '(leeg)',
      both: 'U en de ander hebben deze velden allebei gewijzigd:',
      none: 'De ander heeft geen van de velden gewijzigd die u wijzigde.',
      theirs: 'De ander wijzigde ook (dit blijft staan):',
      keepMine: 'Mijn wijzigingen opslaan over de opgeslagen waarden',
      discardMine: 'Mijn wijzigingen weggooien'
    }
  },
  intake: {
    match: {
      title: 'Deze persoon staat mogelijk al in Dossier',
      body: 'Een bestaand dossier heeft {{on}}: {{name}}, geboren {{birthDate}}, registratienummer {{ref}}.',
      bodyNoRef: 'Een bestaand dossier heeft {{on}}: {{name}}, geboren {{birthDate}}.',
      shielded: 'Een afgeschermd dossier heeft {{on}}. Alleen een privacy officer kan het openen.',
      on: { 'name-birthDate': 'dezelfde achternaam en geboortedatum', email: 'hetzelfde e-mailadres', phone: 'hetzelfde telefoonnummer' },
      open: 'Bestaand dossier openen',
      continue: 'Toch een nieuwe persoon invoeren',
      checking: 'Controleren of deze persoon al bekend is…'
    }
  }
}

export const flowEn: typeof flowNl = {
  errors: {
    RETENTION_PLAN_CHANGED: 'What the check would do has changed since it was shown. Review it again, then confirm.',
    RECORD_READ_ONLY: 'This record is shielded and cannot be changed. Lift the shield or act on the record first.',
    RECORD_CHANGED: 'Someone else changed this record after you opened it. Nothing was saved.'
  },
  validation: {
    consent: { placeholder: 'Fill in what it concerns: replace "…" in the text.' }
  },
  retention: {
    plan: {
      review: 'Check and run now',
      title: 'What the check will do now',
      intro: 'As of {{date}}, retention policy version {{version}}. Nothing changes until you confirm.',
      loading: 'Working out what must happen…',
      nothing: 'Nothing needs to happen now.',
      persons_one: '{{count}} record',
      persons_other: '{{count}} records',
      count_one: '{{count}} time',
      count_other: '{{count}} times',
      action: 'Action',
      rule: 'Rule',
      number: 'Number',
      who: 'Who it concerns',
      name: 'Name',
      ref: 'Reference',
      what: 'What happens',
      confirm_one: 'Confirm: process {{count}} record',
      confirm_other: 'Confirm: process {{count}} records',
      cancel: 'Cancel',
      progress: '{{done}} of {{total}} records processed…',
      running: 'Working…',
      changed: 'Something changed since the overview. Below is what the check would do now; confirm again.',
      resultTitle: 'Done',
      result_one: '{{count}} record processed as of {{date}}.',
      result_other: '{{count}} records processed as of {{date}}.',
      skipped_one: '{{count}} record changed while the run went and was skipped; the next check includes it.',
      skipped_other: '{{count}} records changed while the run went and were skipped; the next check includes them.',
      held_one: '{{count}} record is due, but its processing is restricted (Art. 18 GDPR): the data is kept until the restriction is lifted.',
      held_other: '{{count}} records are due, but their processing is restricted (Art. 18 GDPR): the data is kept until the restriction is lifted.',
      deleted: 'deleted',
      open: 'Open',
      close: 'Close',
      more_one: 'and {{count}} more record',
      more_other: 'and {{count}} more records'
    }
  },
  rights: {
    erasure: {
      subject: 'This record will be erased',
      name: 'Name',
      ref: 'Reference',
      birthDate: 'Date of birth',
      typeToConfirm: 'To confirm, type the reference or the family name',
      typeToConfirmHint: 'Type {{ref}} or {{familyName}}.',
      typeToConfirmHintNoRef: 'Type {{familyName}}.',
      typeMismatch: 'This is not the reference or family name of this person.'
    }
  },
  records: {
    count_one: '{{count}} person',
    count_other: '{{count}} persons',
    sortBy: 'Sort by {{column}}',
    sortedAsc: 'sorted ascending',
    sortedDesc: 'sorted descending'
  },
  person: {
    backToSearch: 'Back to the search results',
    readOnly: 'This record is shielded and read-only. A privacy officer can lift the shield (undo the unsubscribe) or act on the record.',
    bsnMasked: {
      hint: 'Hidden and unchanged; "Show" is recorded.',
      show: 'Show',
      change: 'Change'
    },
    conflict: {
      title: 'Someone else changed this record meanwhile',
      intro: 'Your changes are not saved yet and are still in the form. Compare them with what is saved now.',
      field: 'Field',
      mine: 'Your value',
      saved: 'Saved now',
      empty: '(empty)',
      both: 'You and the other person both changed these fields:',
      none: 'The other person changed none of the fields you changed.',
      theirs: 'The other person also changed (this stays):',
      keepMine: 'Save my changes over the saved values',
      discardMine: 'Discard my changes'
    }
  },
  intake: {
    match: {
      title: 'This person may already be in Dossier',
      body: 'An existing record has {{on}}: {{name}}, born {{birthDate}}, reference {{ref}}.',
      bodyNoRef: 'An existing record has {{on}}: {{name}}, born {{birthDate}}.',
      shielded: 'A shielded record has {{on}}. Only a privacy officer can open it.',
      on: { 'name-birthDate': 'the same family name and date of birth', email: 'the same e-mail address', phone: 'the same phone number' },
      open: 'Open the existing record',
      continue: 'Enter a new person anyway',
      checking: 'Checking whether this person is known…'
    }
  }
}
