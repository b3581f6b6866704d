/** Texts of the duty to inform (R-27, GDPR art. 14(3)): `nl` (default) and `en` with the same keys. */
export const informNl = {
  nav: { inform: 'Te informeren' },
  inform: {
    title: 'Personen informeren (art. 14 AVG)',
    intro:
      'Deze personen hebben hun gegevens niet zelf aan ons gegeven: ze komen van een openbare website of van een derde. Vertel hun binnen een maand dat wij hun gegevens hebben, waarvoor en waar de privacyverklaring staat — en uiterlijk bij het eerste contact.',
    none: 'Er hoeft nu niemand geïnformeerd te worden.',
    count_one: '{{count}} persoon te informeren',
    count_other: '{{count}} personen te informeren',
    overdueCount_one: 'waarvan {{count}} te laat',
    overdueCount_other: 'waarvan {{count}} te laat',
    shown: '{{shown}} van {{total}} getoond',
    name: 'Naam',
    ref: 'Dossier',
    source: 'Bron',
    obtainedOn: 'Gegevens ontvangen',
    dueOn: 'Uiterlijk',
    overdue: 'Te laat',
    record: 'Vastleggen',
    recordFor: 'Geïnformeerd vastleggen: {{name}}',
    dialogTitle: '{{name}} geïnformeerd',
    dialogText: 'Leg vast hoe en wanneer {{name}} is verteld dat wij de gegevens hebben.',
    howLabel: 'Hoe geïnformeerd',
    informedOn: 'Datum',
    cancel: 'Annuleren',
    save: 'Vastleggen',
    saved: 'Vastgelegd: {{name}} is geïnformeerd ({{how}}, {{date}}).'
  }
}

export const informEn: typeof informNl = {
  nav: { inform: 'To be informed' },
  inform: {
    title: 'Informing persons (GDPR art. 14)',
    intro:
      'These persons did not give us their data themselves: it came from a public website or from a third party. Tell them within one month that we hold their data, for what, and where the privacy statement is — at the latest at the first contact.',
    none: 'Nobody needs to be informed now.',
    count_one: '{{count}} person to be informed',
    count_other: '{{count}} persons to be informed',
    overdueCount_one: '{{count}} of them overdue',
    overdueCount_other: '{{count}} of them overdue',
    shown: '{{shown}} of {{total}} shown',
    name: 'Name',
    ref: 'Record',
    source: 'Source',
    obtainedOn: 'Data received',
    dueOn: 'Due by',
    overdue: 'Overdue',
    record: 'Record',
    recordFor: 'Record informed: {{name}}',
    dialogTitle: '{{name}} informed',
    dialogText: 'Record how and when {{name}} was told that we hold their data.',
    howLabel: 'How informed',
    informedOn: 'Date',
    cancel: 'Cancel',
    save: 'Record',
    saved: 'Recorded: {{name}} was informed ({{how}}, {{date}}).'
  }
}
