import { OBJECTION_PURPOSE_LABELS, type ObjectionPurpose } from '../../../shared/vocabulary'

const purposes = (lang: 'nl' | 'en'): Readonly<Record<ObjectionPurpose, string>> => OBJECTION_PURPOSE_LABELS[lang]

/** Restriction and objection and lifting a do-not-contact entry: screen texts. */
export const restrictionsNl = {
  errors: {
    PROCESSING_RESTRICTED: 'De verwerking van de gegevens van deze persoon is beperkt. Er wordt niets gewijzigd of gedeeld; alleen een privacy officer kan de beperking opheffen.',
    OBJECTION_IN_FORCE: 'Deze persoon maakt bezwaar tegen dit doel. Er is niets opgeslagen of gedeeld.',
    MEDIATION_ENDED: 'Deze persoon heeft zich uitgeschreven. De gegevens worden niet meer aan opdrachtgevers voorgesteld of verstrekt.'
  },
  restrictions: {
    purpose: purposes('nl'),
    issue: { objectionInForce: 'Deze persoon maakt bezwaar tegen dit doel.' },
    title: 'Beperking en bezwaar',
    restrictedBadge: 'Verwerking beperkt',
    restrictedTitle: 'Verwerking beperkt sinds {{date}}',
    restrictedBody: 'De gegevens worden bewaard maar niet gebruikt: niet zoeken, niet delen, niet wijzigen. Alleen een privacy officer kan de beperking opheffen.',
    readOnly: 'Alleen-lezen zolang de beperking geldt.',
    objectionLine: 'Bezwaar tegen: {{purpose}} (sinds {{date}})',
    reasonLine: 'Reden: {{reason}}',
    liftedLine: 'Opgeheven op {{date}}',
    history: 'Eerder opgeheven',
    action: { restrict: 'Verwerking beperken', object: 'Bezwaar vastleggen', lift: 'Opheffen' },
    restrict: {
      title: 'Verwerking beperken (art. 18 AVG)',
      body: 'De gegevens van {{name}} blijven bewaard maar worden niet meer gebruikt: medewerkers vinden deze persoon niet bij zoeken, er wordt niets gedeeld en niets gewijzigd, tot een privacy officer de beperking opheft.',
      submit: 'Verwerking beperken'
    },
    object: {
      title: 'Bezwaar vastleggen (art. 21 AVG)',
      body: '{{name}} maakt bezwaar tegen een doel. Het doel vervalt voor deze persoon en er wordt niets meer voor gedeeld.',
      purpose: 'Bezwaar tegen',
      submit: 'Bezwaar vastleggen'
    },
    lift: {
      titleRestriction: 'Beperking opheffen',
      titleObjection: 'Bezwaar opheffen: {{purpose}}',
      body: 'Vastgelegd wordt wanneer, door wie en waarom. Een opgeheven bezwaar voegt het doel niet vanzelf weer toe.',
      submit: 'Opheffen'
    },
    reason: 'Reden',
    reasonHint: 'Bijvoorbeeld: verzoek van de persoon per brief van 2 december.',
    saved: { restriction: 'Verwerking beperkt.', objection: 'Bezwaar vastgelegd.', lifted: 'Opgeheven.' }
  },
  dnc: {
    confirm: {
      legalHold: 'Deze persoon heeft voor ons gewerkt: de loonadministratie blijft wettelijk bewaard tot de termijn verloopt. Al het andere wordt nu verwijderd en de persoon wordt uitgeschreven.'
    },
    lift: {
      title: 'Niet-benaderen opheffen',
      body: 'Op verzoek van de persoon zelf. Geef het e-mailadres, telefoonnummer of de profiel-URL waarmee de persoon in het register staat.',
      email: 'E-mailadres',
      phone: 'Telefoonnummer',
      profileUrl: 'Profiel-URL',
      reason: 'Reden',
      submit: 'Opheffen',
      noMatch: 'Geen vermelding in het register gevonden.',
      done_one: '{{count}} vermelding opgeheven.',
      done_other: '{{count}} vermeldingen opgeheven.'
    }
  }
}

export const restrictionsEn: typeof restrictionsNl = {
  errors: {
    PROCESSING_RESTRICTED: "The processing of this person's data is restricted. Nothing is changed or shared; only a privacy officer can lift the restriction.",
    OBJECTION_IN_FORCE: 'This person objects to this purpose. Nothing was saved or shared.',
    MEDIATION_ENDED: 'This person has unsubscribed. Their data is no longer presented or disclosed to clients.'
  },
  restrictions: {
    purpose: purposes('en'),
    issue: { objectionInForce: 'This person objects to this purpose.' },
    title: 'Restriction and objection',
    restrictedBadge: 'Processing restricted',
    restrictedTitle: 'Processing restricted since {{date}}',
    restrictedBody: 'The data is kept but not used: not found in search, not shared, not changed. Only a privacy officer can lift the restriction.',
    readOnly: 'Read-only while the restriction holds.',
    objectionLine: 'Objects to: {{purpose}} (since {{date}})',
    reasonLine: 'Reason: {{reason}}',
    liftedLine: 'Lifted on {{date}}',
    history: 'Lifted earlier',
    action: { restrict: 'Restrict processing', object: 'Record objection', lift: 'Lift' },
    restrict: {
      title: 'Restrict processing (Art. 18 GDPR)',
      body: "{{name}}'s data stays stored but is no longer used: staff do not find this person in search, nothing is shared and nothing changed, until a privacy officer lifts the restriction.",
      submit: 'Restrict processing'
    },
    object: {
      title: 'Record an objection (Art. 21 GDPR)',
      body: '{{name}} objects to a purpose. The purpose is removed for this person and nothing is shared for it any more.',
      purpose: 'Objects to',
      submit: 'Record objection'
    },
    lift: {
      titleRestriction: 'Lift the restriction',
      titleObjection: 'Lift the objection: {{purpose}}',
      body: 'When, by whom and why is recorded. A lifted objection does not add the purpose back by itself.',
      submit: 'Lift'
    },
    reason: 'Reason',
    reasonHint: "For example: the person's request by letter of 2 December.",
    saved: { restriction: 'Processing restricted.', objection: 'Objection recorded.', lifted: 'Lifted.' }
  },
  dnc: {
    confirm: {
      legalHold: 'This person worked for us: the payroll records are kept as the law requires until their term ends. Everything else is deleted now and the person is unsubscribed.'
    },
    lift: {
      title: 'Lift do-not-contact',
      body: "At the person's own request. Give the e-mail address, phone number or profile URL the person is registered with.",
      email: 'E-mail address',
      phone: 'Phone number',
      profileUrl: 'Profile URL',
      reason: 'Reason',
      submit: 'Lift',
      noMatch: 'No entry found in the register.',
      done_one: '{{count}} entry lifted.',
      done_other: '{{count}} entries lifted.'
    }
  }
}
