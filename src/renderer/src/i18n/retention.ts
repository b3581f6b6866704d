/** Texts of the retention capability: `nl` (default) and `en` with the same keys. */
export const retentionNl = {
  nav: { retention: 'Bewaartermijnen', reconfirmations: 'Opnieuw bevestigen', retentionPolicy: 'Bewaarbeleid', shielded: 'Afgeschermde dossiers' },
  retention: {
    trigger: { unlock: 'Bij openen', scheduler: 'Automatisch', manual: 'Handmatig' },
    explain: {
      active: 'actief: de bewaartermijn begint bij uitschrijving, of na een jaar zonder activiteit met de vraag om herbevestiging',
      employed: 'in dienst: er loopt geen bewaartermijn zolang het dienstverband duurt',
      'unsubscribed-never-worked': {
        shield: 'wordt afgeschermd op {{date}}: ingeschreven, nooit gewerkt, uitgeschreven op {{unsubscribedOn}}',
        delete: 'wordt verwijderd op {{date}}: ingeschreven, nooit gewerkt, uitgeschreven op {{unsubscribedOn}}'
      },
      'ws-procedure-ended': {
        shield: 'wordt afgeschermd op {{date}}: werving & selectie, procedure beëindigd op {{procedureEnd}}',
        delete: 'wordt verwijderd op {{date}}: werving & selectie, laatste procedure beëindigd op {{procedureEnd}}'
      },
      'worked-stopped': {
        'reduce-to-legal-hold': 'wordt op {{date}} beperkt tot de wettelijk verplichte gegevens: gewerkt tot {{employmentEnd}}, uitgeschreven op {{unsubscribedOn}}',
        delete: 'wordt verwijderd op {{date}}: gewerkt tot {{employmentEnd}}, uitgeschreven op {{unsubscribedOn}}'
      },
      'legal-hold-id-bsn': {
        'purge-id-record': 'BSN en identiteitsgegevens worden verwijderd op {{date}}: fiscale bewaarplicht (Wet LB art. 28), dienstverband geëindigd op {{employmentEnd}}',
        delete: 'wordt verwijderd op {{date}}: fiscale bewaarplicht (Wet LB art. 28), dienstverband geëindigd op {{employmentEnd}}'
      },
      'legal-hold-payroll': {
        delete: 'wordt verwijderd op {{date}}: bewaarplicht loonadministratie (AWR art. 52), dienstverband geëindigd op {{employmentEnd}}'
      },
      'id-copy-registration': {
        'purge-attachment': 'kopie identiteitsbewijs wordt verwijderd op {{date}}: toegevoegd op {{addedOn}}, hooguit 4 weken (Waadi art. 7c)'
      },
      'consent-expired': {
        'purge-consent-data': 'bijzondere persoonsgegevens worden verwijderd op {{date}}: toestemming geldig tot en met {{endsOn}}'
      },
      'inactivity-reconfirm': {
        reconfirm: 'vragen om herbevestiging op {{date}}: laatste activiteit op {{since}}'
      },
      'reconfirm-no-reply': {
        'deem-unsubscribed': 'zonder antwoord op {{date}} als uitgeschreven behandeld: om herbevestiging gevraagd sinds {{since}}'
      }
    },
    // Messages of the policy parser and editor (field issues).
    actionMismatch: 'Deze actie hoort niet bij deze regel.',
    ruleMissingOrDuplicate: 'Elke regel moet precies één keer voorkomen.',
    policy: {
      title: 'Bewaarbeleid',
      intro: 'De termijnen per regel. Een termijn uit de privacyverklaring kan niet langer dan de verklaring noemt; wettelijke bewaarplichten kunnen niet korter, de termijn voor een kopie identiteitsbewijs niet langer dan de wet toestaat. Elke wijziging wordt een nieuwe versie en komt in de audittrail.',
      version: 'Versie {{version}}',
      versionColumn: 'Versie',
      rule: 'Regel',
      basis: 'Grondslag',
      ownBasis: { policy: 'Eigen bewaarbeleid: niet langer dan nodig (AVG art. 5)', consent: 'Toestemming van de persoon (AVG art. 9)' },
      term: 'Termijn',
      amount: 'Aantal',
      unit: 'Eenheid',
      action: 'Daarna',
      note: 'Toelichting bij deze wijziging',
      save: 'Opslaan als nieuwe versie',
      saved: 'Versie {{version}} is opgeslagen en geldt vanaf de volgende controle.',
      history: 'Versies',
      createdAt: 'Vastgelegd',
      createdBy: 'Door',
      shipped: 'meegeleverd',
      changed: 'Gewijzigde regels',
      belowLegalMinimum: 'Korter dan de wettelijke bewaarplicht: voor “{{rule}}” eist {{law}} ten minste {{term}}.',
      aboveLegalMaximum: 'Langer dan de wet toestaat: voor “{{rule}}” staat {{law}} ten hoogste {{term}} toe.',
      aboveStatement: 'Langer dan de privacyverklaring belooft: voor “{{rule}}” noemt de privacyverklaring (versie {{version}}) ten hoogste {{term}}.',
      unchanged: 'Er is geen termijn gewijzigd.'
    },
    reconfirm: {
      title: 'Opnieuw bevestigen',
      intro: 'Geen activiteit in {{inactivity}}: vraag of de persoon ingeschreven wil blijven. Zonder antwoord binnen {{reply}} geldt de persoon vanaf de uiterste datum als uitgeschreven.',
      none: 'Niemand hoeft nu opnieuw te bevestigen.',
      total: '{{shown}} van {{total}}',
      name: 'Naam',
      ref: 'Dossier',
      lastActivity: 'Laatste activiteit',
      deadline: 'Uiterlijk',
      how: 'Hoe',
      confirmed: 'Bevestigd',
      leave: 'Wil zich uitschrijven',
      saved: 'Vastgelegd: {{outcome}}.',
      leaveTitle: '{{name}} uitschrijven?',
      leaveText: '{{name}} wordt vandaag uitgeschreven. Het dossier wordt afgeschermd en daarna verwijderd volgens het bewaarbeleid.',
      leaveCancel: 'Annuleren',
      leaveConfirm: '{{name}} uitschrijven'
    },
    dashboard: {
      title: 'Bewaartermijnen',
      asOf: 'Stand op {{date}}, beleid versie {{version}}',
      due: 'Wat er aan de beurt is',
      dueNow: 'Nu',
      within7: 't/m 7 dagen',
      within30: 't/m 30 dagen',
      within90: 't/m 90 dagen',
      nothingDue: 'De komende 90 dagen is er niets aan de beurt.',
      upcoming: 'Per dossier (komende 90 dagen)',
      dueDate: 'Datum',
      record: 'Dossier',
      state: 'Status',
      held: 'Vastgehouden: beperkt (art. 18 AVG)',
      runNow: 'Nu controleren en uitvoeren',
      ran: 'Controle van {{date}} klaar: {{persons}} dossiers gewijzigd.',
      runs: 'Logboek',
      noRuns: 'Nog geen controles uitgevoerd.',
      startedAt: 'Gestart',
      trigger: 'Aanleiding',
      policyVersion: 'Beleid',
      result: 'Uitgevoerd',
      duration: 'Duur',
      interrupted: 'onderbroken',
      nothing: 'niets'
    },
    shielded: {
      title: 'Afgeschermde dossiers',
      intro: 'Afgeschermde dossiers staan niet in de gewone lijsten. Alleen een privacy officer opent er een, met een reden; elke opening komt in de audittrail.',
      empty: 'Er zijn geen afgeschermde dossiers.',
      ref: 'Referentie',
      rule: 'Regel',
      shieldedOn: 'Afgeschermd op',
      deletionDate: 'Wordt verwijderd op',
      open: 'Openen met reden'
    }
  }
}

export const retentionEn: typeof retentionNl = {
  nav: { retention: 'Retention', reconfirmations: 'Re-confirmation', retentionPolicy: 'Retention policy', shielded: 'Shielded records' },
  retention: {
    trigger: { unlock: 'At unlock', scheduler: 'Scheduled', manual: 'Manual' },
    explain: {
      active: 'active: the retention term starts when the person unsubscribes, or after a year without activity with a request to re-confirm',
      employed: 'employed: no retention term runs while the employment lasts',
      'unsubscribed-never-worked': {
        shield: 'will be shielded on {{date}}: registered, never worked, unsubscribed on {{unsubscribedOn}}',
        delete: 'will be deleted on {{date}}: registered, never worked, unsubscribed on {{unsubscribedOn}}'
      },
      'ws-procedure-ended': {
        shield: 'will be shielded on {{date}}: recruitment & selection, procedure ended on {{procedureEnd}}',
        delete: 'will be deleted on {{date}}: recruitment & selection, last procedure ended on {{procedureEnd}}'
      },
      'worked-stopped': {
        'reduce-to-legal-hold': 'will be reduced to the legally required data on {{date}}: worked until {{employmentEnd}}, unsubscribed on {{unsubscribedOn}}',
        delete: 'will be deleted on {{date}}: worked until {{employmentEnd}}, unsubscribed on {{unsubscribedOn}}'
      },
      'legal-hold-id-bsn': {
        'purge-id-record': 'BSN and identity data will be deleted on {{date}}: tax retention duty (Wet LB art. 28), employment ended on {{employmentEnd}}',
        delete: 'will be deleted on {{date}}: tax retention duty (Wet LB art. 28), employment ended on {{employmentEnd}}'
      },
      'legal-hold-payroll': {
        delete: 'will be deleted on {{date}}: payroll retention duty (AWR art. 52), employment ended on {{employmentEnd}}'
      },
      'id-copy-registration': {
        'purge-attachment': 'the ID copy will be deleted on {{date}}: added on {{addedOn}}, kept at most 4 weeks (Waadi art. 7c)'
      },
      'consent-expired': {
        'purge-consent-data': 'special-category data will be deleted on {{date}}: consent valid through {{endsOn}}'
      },
      'inactivity-reconfirm': {
        reconfirm: 'asked to re-confirm on {{date}}: last activity on {{since}}'
      },
      'reconfirm-no-reply': {
        'deem-unsubscribed': 'treated as unsubscribed on {{date}} without a reply: asked to re-confirm since {{since}}'
      }
    },
    actionMismatch: 'This action does not belong to this rule.',
    ruleMissingOrDuplicate: 'Every rule must appear exactly once.',
    policy: {
      title: 'Retention policy',
      intro: 'The term of each rule. A term from the privacy statement cannot be longer than the statement states; statutory retention duties cannot be shortened, the ID-copy term cannot be longer than the law allows. Every change becomes a new version and is recorded in the audit trail.',
      version: 'Version {{version}}',
      versionColumn: 'Version',
      rule: 'Rule',
      basis: 'Basis',
      ownBasis: { policy: 'Own retention policy: no longer than necessary (GDPR art. 5)', consent: "The person's consent (GDPR art. 9)" },
      term: 'Term',
      amount: 'Amount',
      unit: 'Unit',
      action: 'Then',
      note: 'Note on this change',
      save: 'Save as a new version',
      saved: 'Version {{version}} is saved and applies from the next run.',
      history: 'Versions',
      createdAt: 'Recorded',
      createdBy: 'By',
      shipped: 'shipped',
      changed: 'Changed rules',
      belowLegalMinimum: 'Shorter than the statutory retention duty: for “{{rule}}” {{law}} requires at least {{term}}.',
      aboveLegalMaximum: 'Longer than the law allows: for “{{rule}}” {{law}} allows at most {{term}}.',
      aboveStatement: 'Longer than the privacy statement promises: for “{{rule}}” the privacy statement (version {{version}}) states at most {{term}}.',
      unchanged: 'No term was changed.'
    },
    reconfirm: {
      title: 'Re-confirmation',
      intro: 'No activity in {{inactivity}}: ask whether the person wants to stay registered. Without a reply within {{reply}} the person counts as unsubscribed from the deadline.',
      none: 'Nobody needs to re-confirm now.',
      total: '{{shown}} of {{total}}',
      name: 'Name',
      ref: 'Record',
      lastActivity: 'Last activity',
      deadline: 'Deadline',
      how: 'How',
      confirmed: 'Confirmed',
      leave: 'Wants to unsubscribe',
      saved: 'Recorded: {{outcome}}.',
      leaveTitle: 'Unsubscribe {{name}}?',
      leaveText: '{{name}} is unsubscribed today. The record is shielded, then deleted as the retention policy says.',
      leaveCancel: 'Cancel',
      leaveConfirm: 'Unsubscribe {{name}}'
    },
    dashboard: {
      title: 'Retention',
      asOf: 'As of {{date}}, policy version {{version}}',
      due: 'What is due',
      dueNow: 'Now',
      within7: 'within 7 days',
      within30: 'within 30 days',
      within90: 'within 90 days',
      nothingDue: 'Nothing is due in the next 90 days.',
      upcoming: 'Per record (next 90 days)',
      dueDate: 'Date',
      record: 'Record',
      state: 'State',
      held: 'Held: restricted (Art. 18 GDPR)',
      runNow: 'Check and apply now',
      ran: 'Run of {{date}} done: {{persons}} records changed.',
      runs: 'Run log',
      noRuns: 'No runs yet.',
      startedAt: 'Started',
      trigger: 'Trigger',
      policyVersion: 'Policy',
      result: 'Applied',
      duration: 'Duration',
      interrupted: 'interrupted',
      nothing: 'nothing'
    },
    shielded: {
      title: 'Shielded records',
      intro: 'Shielded records are not in normal lists. Only a privacy officer opens one, stating a reason; every opening is recorded in the audit trail.',
      empty: 'There are no shielded records.',
      ref: 'Reference',
      rule: 'Rule',
      shieldedOn: 'Shielded on',
      deletionDate: 'Deleted on',
      open: 'Open with a reason'
    }
  }
}
