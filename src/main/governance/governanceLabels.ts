import type { DataCategory } from '../../shared/contract/governance'
import type { Lang, RetentionRuleId } from '../../shared/vocabulary'
import type { BreachRisk, PersonsNoticeState, RegulatorReportState } from './breachDeadline'
import type { RecipientKind } from './recipientKinds'

/**
 * Words of the governance documents (breach register export, record of processing activities) in
 * Dutch and English with identical keys (the type enforces it). The app's screens have their own
 * texts in the renderer's i18n files.
 */
const nl = {
  dataCategory: {
    identity: 'Identificatiegegevens (naam, geboortedatum, geslacht)',
    contact: 'Contactgegevens (NAW, e-mail, telefoon)',
    cv: 'Cv, opleiding, stages, werkervaring, referenties',
    availability: 'Beschikbaarheid, inzetbaarheid, verlof',
    employment: 'Dienstverband, nationaliteit, werkvergunning, VOG',
    bsn: 'Burgerservicenummer (BSN)',
    'id-document': 'Gegevens en kopie van het identiteitsbewijs',
    financial: 'Bankrekeningnummer en salaris',
    absence: 'Verzuimregistratie (nooit de oorzaak of aard van een ziekte)',
    special: 'Bijzondere persoonsgegevens (alleen met toestemming of wettelijke grondslag)',
    'business-contact': 'Contactpersonen van opdrachtgevers',
    other: 'Overige gegevens'
  } satisfies Record<DataCategory, string>,
  recipient: {
    clients: 'Opdrachtgevers (voorstellen van kandidaten, opdrachten)',
    'clients-bsn-only': 'Opdrachtgevers, alleen het BSN (nooit een kopie van het identiteitsbewijs)',
    subcontractors: 'Onderaannemers en andere flexwerkers, voor zover nodig',
    'tax-authorities': 'Belastingdienst, UWV en het pensioenfonds (loonaangifte, sociale verzekeringen, pensioen)',
    'legal-order': 'Instanties met een wettelijke plicht of rechterlijk bevel',
    auditors: 'Interne auditor en certificerende instelling (audittrail: nummers, veldnamen en redenen, nooit de waarden van velden)'
  } satisfies Record<RecipientKind, string>,
  disclosures: '{n} verstrekkingen aan opdrachtgevers vastgelegd in de afgelopen 12 maanden',
  ruleTrigger: {
    'unsubscribed-never-worked': 'na uitschrijving, als de persoon nooit heeft gewerkt',
    'ws-procedure-ended': 'na afloop van de laatste wervings- en selectieprocedure',
    'worked-stopped': 'na het einde van het laatste dienstverband',
    'legal-hold-id-bsn': 'BSN en identiteitsbewijs: na het einde van het laatste dienstverband',
    'legal-hold-payroll': 'loonadministratie: na het einde van het laatste dienstverband',
    'id-copy-registration': 'kopie identiteitsbewijs bij inschrijving, zonder dienstverband: na het maken',
    'consent-expired': 'na het verlopen of intrekken van de toestemming',
    'inactivity-reconfirm': 'na de laatste activiteit (inschrijving, contact, dienstverband, procedure, toestemming, bevestiging): vragen om herbevestiging',
    'reconfirm-no-reply': 'na de vraag om herbevestiging zonder antwoord: als uitgeschreven behandeld'
  } satisfies Record<RetentionRuleId, string>,
  auditTrailRetention:
    'Audittrail: per handeling de datum, de medewerker, het nummer van de persoon, de namen van de velden (nooit hun waarden) en de opgegeven reden. ' +
    'Wordt een persoon verwijderd of tot de wettelijke bewaarplicht beperkt, dan wordt die reden gewist en blijven alleen nummers, veldnamen en een sleutelhash ' +
    'van de reden (zodat de keten controleerbaar blijft; redenen van vóór de sleutelketen blijven staan). Wordt niet verwijderd',
  policyVersion: 'Bewaarbeleid versie {v}',
  security: {
    cipher: 'Database en bijlagen versleuteld opgeslagen ({cipher}, 256-bit sleutel)',
    kdf: 'Sleutel per medewerker afgeleid van een wachtwoordzin van minstens 12 tekens (scrypt, N={n}); herstelsleutel op papier',
    accounts: 'Persoonlijke accounts met rollen (medewerker, privacy officer, beheerder): {n} actief',
    throttle: 'Na {n} mislukte aanmeldpogingen een oplopende wachttijd; mislukte pogingen komen in de audittrail',
    idleLock: 'Automatische vergrendeling na {n} minuten zonder activiteit, en bij slaapstand of schermvergrendeling',
    shielded: 'Afgeschermde dossiers alleen door een privacy officer te openen, met reden, altijd gelogd',
    fourEyesOn: 'Verwijderen op verzoek alleen na goedkeuring door een tweede privacy officer',
    fourEyesOff: 'Verwijderen op verzoek door een privacy officer, met reden, gelogd',
    audit: 'Audittrail van elke inzage, wijziging, verstrekking, export, afdruk en verwijdering, met hashketen (SHA-256): {n} regels, laatste anker {anchor}',
    noAnchor: 'nog geen',
    retention: 'Bewaartermijnen automatisch toegepast (bewaarbeleid versie {v}); definitieve verwijdering met overschrijven',
    app: 'Afgeschermde applicatie: geen toegang tot het internet vanuit de vensters, strikte Content Security Policy, geen persoonsgegevens in logbestanden, geen crashrapporten'
  },
  breach: {
    title: 'Register van datalekken',
    columns: {
      discoveredAt: 'Ontdekt (Nederlandse tijd)',
      status: 'Status',
      risk: 'Risico',
      dataCategories: 'Soorten gegevens',
      personsAffected: 'Aantal betrokkenen',
      description: 'Omschrijving',
      deadline: 'Uiterste meldtijd AP (72 uur)',
      regulator: 'Melding AP',
      reportedToRegulatorAt: 'Gemeld aan AP',
      lateReason: 'Reden late melding',
      persons: 'Melding betrokkenen',
      reportedToPersonsAt: 'Gemeld aan betrokkenen',
      measures: 'Maatregelen'
    },
    risk: { none: 'Geen risico', low: 'Risico', high: 'Hoog risico' } satisfies Record<BreachRisk, string>,
    status: { suspected: 'Vermoed', confirmed: 'Bevestigd', closed: 'Afgesloten' },
    regulator: {
      'not-required': 'Niet nodig',
      due: 'Nog te melden',
      overdue: 'Te laat, nog niet gemeld',
      reported: 'Op tijd gemeld',
      'reported-late': 'Te laat gemeld'
    } satisfies Record<RegulatorReportState, string>,
    persons: { 'not-required': 'Niet nodig', required: 'Nodig, nog niet gedaan', done: 'Gedaan' } satisfies Record<PersonsNoticeState, string>
  }
}

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : T[K] extends (n: number) => string ? (n: number) => string : Shape<T[K]> }
export type GovernanceLabels = Shape<typeof nl>

const en: GovernanceLabels = {
  dataCategory: {
    identity: 'Identification (name, birth date, gender)',
    contact: 'Contact details (name, address, e-mail, phone)',
    cv: 'CV, education, internships, work experience, references',
    availability: 'Availability, deployability, leave',
    employment: 'Employment, nationality, work permit, certificate of conduct (VOG)',
    bsn: 'Citizen service number (BSN)',
    'id-document': 'Identity-document record and copy',
    financial: 'Bank account number and salary',
    absence: 'Absence records (never the cause or nature of an illness)',
    special: 'Special categories of data (only with consent or a legal basis)',
    'business-contact': 'Contact persons of clients',
    other: 'Other data'
  },
  recipient: {
    clients: 'Clients (presenting candidates, assignments)',
    'clients-bsn-only': 'Clients, the BSN only (never a copy of the identity document)',
    subcontractors: 'Subcontractors and other flex workers, where needed',
    'tax-authorities': 'Tax administration (Belastingdienst), UWV and the pension fund (wage tax, social insurance, pension)',
    'legal-order': 'Authorities under a legal duty or court order',
    auditors: 'Internal auditor and certification body (audit trail: ids, field names and reasons, never the values of fields)'
  },
  disclosures: '{n} disclosures to clients recorded in the last 12 months',
  ruleTrigger: {
    'unsubscribed-never-worked': 'after unsubscribing, when the person never worked',
    'ws-procedure-ended': 'after the last recruitment & selection procedure ended',
    'worked-stopped': 'after the last employment ended',
    'legal-hold-id-bsn': 'BSN and identity document: after the last employment ended',
    'legal-hold-payroll': 'payroll records: after the last employment ended',
    'id-copy-registration': 'ID copy taken at registration, without employment: after it was taken',
    'consent-expired': 'after the consent expired or was withdrawn',
    'inactivity-reconfirm': 'after the last activity (intake, contact, employment, procedure, consent, confirmation): asked to re-confirm',
    'reconfirm-no-reply': 'after the re-confirmation request without a reply: treated as unsubscribed'
  },
  auditTrailRetention:
    'Audit trail: per action the date, the staff member, the person’s id, the names of the fields (never their values) and the reason given. ' +
    'When a person is erased or reduced to the legal hold, that reason is wiped and only ids, field names and a keyed hash ' +
    'of the reason remain (so the chain stays verifiable; reasons from before the keyed chain stay). Not deleted',
  policyVersion: 'Retention policy version {v}',
  security: {
    cipher: 'Database and attachments encrypted at rest ({cipher}, 256-bit key)',
    kdf: 'Key per staff member derived from a passphrase of at least 12 characters (scrypt, N={n}); recovery key on paper',
    accounts: 'Personal accounts with roles (staff, privacy officer, administrator): {n} active',
    throttle: 'After {n} failed sign-ins a growing delay; failed attempts go into the audit trail',
    idleLock: 'Locks itself after {n} minutes without activity, and on sleep or screen lock',
    shielded: 'Shielded records can be opened only by a privacy officer, with a reason, always logged',
    fourEyesOn: 'Erasure on request only after approval by a second privacy officer',
    fourEyesOff: 'Erasure on request by a privacy officer, with a reason, logged',
    audit: 'Audit trail of every view, change, disclosure, export, print and deletion, hash-chained (SHA-256): {n} entries, last anchor {anchor}',
    noAnchor: 'none yet',
    retention: 'Retention terms applied automatically (retention policy version {v}); definitive deletion overwrites the data',
    app: 'Locked-down application: no internet access from its windows, strict Content Security Policy, no personal data in log files, no crash reports'
  },
  breach: {
    title: 'Data breach register',
    columns: {
      discoveredAt: 'Discovered (Netherlands time)',
      status: 'Status',
      risk: 'Risk',
      dataCategories: 'Kinds of data',
      personsAffected: 'Persons affected',
      description: 'Description',
      deadline: 'Regulator deadline (72 hours)',
      regulator: 'Report to regulator',
      reportedToRegulatorAt: 'Reported to regulator',
      lateReason: 'Reason for late report',
      persons: 'Notice to persons',
      reportedToPersonsAt: 'Persons notified',
      measures: 'Measures'
    },
    risk: { none: 'No risk', low: 'Risk', high: 'High risk' },
    status: { suspected: 'Suspected', confirmed: 'Confirmed', closed: 'Closed' },
    regulator: {
      'not-required': 'Not required',
      due: 'To be reported',
      overdue: 'Overdue, not reported',
      reported: 'Reported on time',
      'reported-late': 'Reported late'
    },
    persons: { 'not-required': 'Not required', required: 'Required, not done', done: 'Done' }
  }
}

export function governanceLabels(lang: Lang): GovernanceLabels {
  return lang === 'en' ? en : nl
}

/** `{name}` placeholders filled from `values`. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? String(values[key]) : whole))
}
