import type { MigrationInterface, QueryRunner } from 'typeorm'
import { binaryType, dialectOf } from './dialect'

/**
 * The first schema: every table the capabilities need (accounts, audit, persons and their child
 * rows, clients, disclosures, do-not-contact, consent, retention, governance). Child rows of a
 * person cascade on delete, so definitive deletion cannot leave orphans behind.
 * Portable SQL (issue 17: it runs on PostgreSQL too); the binary column's type is the engine's own.
 */
export class InitialSchema1795790000000 implements MigrationInterface {
  name = 'InitialSchema1795790000000'

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of statements(binaryType(dialectOf(queryRunner)))) await queryRunner.query(sql)
  }

  async down(): Promise<void> {
    throw new Error('Dossier migrations are forward-only')
  }
}

const statements = (binary: string): string[] => [
      `CREATE TABLE "account" ("id" varchar(36) PRIMARY KEY NOT NULL, "username" text NOT NULL, "displayName" text NOT NULL, "roles" text NOT NULL, "disabled" boolean NOT NULL DEFAULT FALSE, "createdAt" varchar(32) NOT NULL, "failedAttempts" integer NOT NULL DEFAULT (0), "lastFailedAt" varchar(32), CONSTRAINT "UQ_41dfcb70af895ddf9a53094515b" UNIQUE ("username"))`,
      `CREATE TABLE "setting" ("key" varchar(64) PRIMARY KEY NOT NULL, "value" text NOT NULL)`,
      `CREATE TABLE "audit_entry" ("seq" integer PRIMARY KEY NOT NULL, "at" varchar(32) NOT NULL, "actorId" varchar(36), "action" varchar(64) NOT NULL, "subjectId" varchar(36), "fields" text NOT NULL, "reason" text, "prevHash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL)`,
      `CREATE INDEX "idx_audit_subject" ON "audit_entry" ("subjectId")`,
      `CREATE INDEX "idx_audit_actor" ON "audit_entry" ("actorId")`,
      `CREATE INDEX "idx_audit_action" ON "audit_entry" ("action")`,
      `CREATE TABLE "audit_anchor" ("id" varchar(36) PRIMARY KEY NOT NULL, "seq" integer NOT NULL, "hash" varchar(64) NOT NULL, "createdAt" varchar(32) NOT NULL)`,
      `CREATE TABLE "person" ("id" varchar(36) PRIMARY KEY NOT NULL, "ref" varchar(100), "givenName" text NOT NULL, "familyName" text NOT NULL, "birthDate" varchar(32), "gender" varchar(16), "street" text, "houseNumber" text, "postcode" varchar(7), "city" text, "email" text, "phone" varchar(32), "otherContact" text, "education" text, "internships" text, "workExperience" text, "availability" text, "deployability" text, "leave" text, "particulars" text, "nationality" text, "bsn" varchar(9), "idDocumentType" text, "idDocumentNumber" text, "idDocumentExpiry" varchar(32), "idVerifiedOn" varchar(32), "workPermitNumber" text, "workPermitExpiry" varchar(32), "vogDate" varchar(32), "iban" varchar(34), "maritalStatus" text, "sourceKind" varchar(16) NOT NULL, "sourceDetail" text, "registeredOn" varchar(32) NOT NULL, "unsubscribedOn" varchar(32), "statementVersion" varchar(32), "statementShownOn" varchar(32), "state" varchar(20) NOT NULL DEFAULT ('active'), "shieldedOn" varchar(32), "retentionRule" varchar(40), "reducedToLegalHoldOn" varchar(32), "idRecordPurgedOn" varchar(32), "createdAt" varchar(32) NOT NULL, "updatedAt" varchar(32) NOT NULL, "searchGiven" text NOT NULL, "searchFamily" text NOT NULL, CONSTRAINT "UQ_b209836ca1951386a5a355361f8" UNIQUE ("ref"))`,
      `CREATE INDEX "idx_person_search_family" ON "person" ("searchFamily")`,
      `CREATE INDEX "idx_person_search_given" ON "person" ("searchGiven")`,
      `CREATE INDEX "idx_person_email" ON "person" ("email")`,
      `CREATE INDEX "idx_person_phone" ON "person" ("phone")`,
      `CREATE INDEX "idx_person_postcode" ON "person" ("postcode")`,
      `CREATE INDEX "idx_person_state" ON "person" ("state")`,
      `CREATE INDEX "idx_person_birthdate" ON "person" ("birthDate")`,
      `CREATE TABLE "person_role" ("personId" varchar(36) NOT NULL REFERENCES "person" ("id") ON DELETE CASCADE, "role" varchar(16) NOT NULL, PRIMARY KEY ("personId", "role"))`,
      `CREATE INDEX "idx_person_role_role" ON "person_role" ("role")`,
      `CREATE TABLE "person_purpose" ("personId" varchar(36) NOT NULL REFERENCES "person" ("id") ON DELETE CASCADE, "purpose" varchar(32) NOT NULL, "legalBasis" varchar(32) NOT NULL, PRIMARY KEY ("personId", "purpose"))`,
      `CREATE TABLE "employment" ("id" varchar(36) PRIMARY KEY NOT NULL, "personId" varchar(36) NOT NULL REFERENCES "person" ("id") ON DELETE CASCADE, "start" varchar(32) NOT NULL, "end" varchar(32), "kind" varchar(16) NOT NULL, "clientId" varchar(36))`,
      `CREATE INDEX "idx_employment_person" ON "employment" ("personId")`,
      `CREATE TABLE "recruitment_procedure" ("id" varchar(36) PRIMARY KEY NOT NULL, "personId" varchar(36) NOT NULL REFERENCES "person" ("id") ON DELETE CASCADE, "clientId" varchar(36), "clientName" text NOT NULL, "start" varchar(32) NOT NULL, "end" varchar(32))`,
      `CREATE INDEX "idx_recruitment_person" ON "recruitment_procedure" ("personId")`,
      `CREATE TABLE "attachment" ("id" varchar(36) PRIMARY KEY NOT NULL, "personId" varchar(36) NOT NULL REFERENCES "person" ("id") ON DELETE CASCADE, "kind" varchar(16) NOT NULL, "fileName" text NOT NULL, "mimeType" varchar(100) NOT NULL, "sizeBytes" integer NOT NULL, "addedOn" varchar(32) NOT NULL, "deleteOn" varchar(32), "addedBy" varchar(36), "createdAt" varchar(32) NOT NULL)`,
      `CREATE INDEX "idx_attachment_person" ON "attachment" ("personId")`,
      `CREATE TABLE "attachment_content" ("attachmentId" varchar(36) PRIMARY KEY NOT NULL REFERENCES "attachment" ("id") ON DELETE CASCADE, "content" ${binary} NOT NULL)`,
      `CREATE TABLE "field_change" ("id" varchar(36) PRIMARY KEY NOT NULL, "personId" varchar(36) NOT NULL REFERENCES "person" ("id") ON DELETE CASCADE, "fields" text NOT NULL, "changedAt" varchar(32) NOT NULL, "actorId" varchar(36), "reason" text)`,
      `CREATE INDEX "idx_field_change_person" ON "field_change" ("personId")`,
      `CREATE TABLE "client" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" text NOT NULL, "street" text, "houseNumber" text, "postcode" text, "city" text, "email" text, "phone" text, "createdAt" varchar(32) NOT NULL)`,
      `CREATE TABLE "client_contact" ("id" varchar(36) PRIMARY KEY NOT NULL, "clientId" varchar(36) NOT NULL REFERENCES "client" ("id") ON DELETE CASCADE, "givenName" text NOT NULL, "familyName" text NOT NULL, "email" text, "phone" text, "function" text)`,
      `CREATE INDEX "idx_client_contact_client" ON "client_contact" ("clientId")`,
      `CREATE TABLE "disclosure" ("id" varchar(36) PRIMARY KEY NOT NULL, "personId" varchar(36) NOT NULL REFERENCES "person" ("id") ON DELETE CASCADE, "clientId" varchar(36), "recipientName" text NOT NULL, "purpose" varchar(40) NOT NULL, "fields" text NOT NULL, "reason" text, "disclosedAt" varchar(32) NOT NULL, "actorId" varchar(36))`,
      `CREATE INDEX "idx_disclosure_person" ON "disclosure" ("personId")`,
      `CREATE TABLE "do_not_contact" ("id" varchar(36) PRIMARY KEY NOT NULL, "emailHash" varchar(64), "phoneHash" varchar(64), "urlHash" varchar(64), "recordedOn" varchar(32) NOT NULL, "reasonCategory" varchar(32) NOT NULL)`,
      `CREATE INDEX "idx_dnc_email" ON "do_not_contact" ("emailHash")`,
      `CREATE INDEX "idx_dnc_phone" ON "do_not_contact" ("phoneHash")`,
      `CREATE INDEX "idx_dnc_url" ON "do_not_contact" ("urlHash")`,
      `CREATE TABLE "consent" ("id" varchar(36) PRIMARY KEY NOT NULL, "personId" varchar(36) NOT NULL REFERENCES "person" ("id") ON DELETE CASCADE, "category" varchar(16) NOT NULL, "purpose" varchar(32) NOT NULL, "basis" varchar(16) NOT NULL, "legalBasisKey" varchar(64), "givenOn" varchar(32), "how" varchar(16), "wording" text, "statementVersion" varchar(32), "endsOn" varchar(32), "recordedBy" varchar(36), "recordedAt" varchar(32) NOT NULL, "withdrawnOn" varchar(32), "withdrawnBy" varchar(36), "expiredPurgedOn" varchar(32))`,
      `CREATE INDEX "idx_consent_person" ON "consent" ("personId")`,
      `CREATE TABLE "special_data" ("id" varchar(36) PRIMARY KEY NOT NULL, "personId" varchar(36) NOT NULL REFERENCES "person" ("id") ON DELETE CASCADE, "consentId" varchar(36) NOT NULL REFERENCES "consent" ("id") ON DELETE CASCADE, "category" varchar(16) NOT NULL, "purpose" varchar(32) NOT NULL, "value" text NOT NULL, "createdAt" varchar(32) NOT NULL, "createdBy" varchar(36))`,
      `CREATE INDEX "idx_special_person" ON "special_data" ("personId")`,
      `CREATE INDEX "idx_special_consent" ON "special_data" ("consentId")`,
      `CREATE TABLE "legal_basis" ("key" varchar(64) PRIMARY KEY NOT NULL, "label" text NOT NULL, "description" text NOT NULL, "active" boolean NOT NULL DEFAULT TRUE)`,
      `CREATE TABLE "absence" ("id" varchar(36) PRIMARY KEY NOT NULL, "personId" varchar(36) NOT NULL REFERENCES "person" ("id") ON DELETE CASCADE, "startOn" varchar(32) NOT NULL, "endOn" varchar(32), "expectedDuration" text, "availability" text, "createdAt" varchar(32) NOT NULL)`,
      `CREATE INDEX "idx_absence_person" ON "absence" ("personId")`,
      `CREATE TABLE "tombstone" ("id" varchar(36) PRIMARY KEY NOT NULL, "personId" varchar(36) NOT NULL, "rule" varchar(40) NOT NULL, "policyVersion" integer NOT NULL, "deletedOn" varchar(32) NOT NULL, "cause" varchar(16) NOT NULL)`,
      `CREATE TABLE "retention_policy" ("version" integer PRIMARY KEY NOT NULL, "policy" text NOT NULL, "createdAt" varchar(32) NOT NULL, "createdBy" varchar(36), "note" text)`,
      `CREATE TABLE "retention_run" ("id" varchar(36) PRIMARY KEY NOT NULL, "startedAt" varchar(32) NOT NULL, "finishedAt" varchar(32), "asOf" varchar(32) NOT NULL, "policyVersion" integer NOT NULL, "counts" text NOT NULL, "durationMs" integer, "trigger" varchar(16) NOT NULL, "actorId" varchar(36))`,
      `CREATE TABLE "statement_version" ("version" varchar(32) PRIMARY KEY NOT NULL, "validFrom" varchar(32) NOT NULL, "text" text NOT NULL, "createdAt" varchar(32) NOT NULL)`,
      `CREATE TABLE "breach" ("id" varchar(36) PRIMARY KEY NOT NULL, "discoveredAt" varchar(32) NOT NULL, "description" text NOT NULL, "dataCategories" text NOT NULL, "personsAffected" integer NOT NULL, "risk" varchar(8) NOT NULL, "reportedToRegulatorAt" varchar(32), "reportedToPersonsAt" varchar(32), "measures" text, "status" varchar(16) NOT NULL, "createdAt" varchar(32) NOT NULL, "createdBy" varchar(36))`,
      `CREATE TABLE "subject_request" ("id" varchar(36) PRIMARY KEY NOT NULL, "personId" varchar(36), "kind" varchar(16) NOT NULL, "receivedOn" varchar(32) NOT NULL, "identityCheck" text NOT NULL, "deadline" varchar(32) NOT NULL, "extendedTo" varchar(32), "extensionReason" text, "status" varchar(16) NOT NULL, "closedOn" varchar(32), "documents" text NOT NULL, "createdBy" varchar(36))`,
      `CREATE TABLE "erasure_approval" ("id" varchar(36) PRIMARY KEY NOT NULL, "personId" varchar(36) NOT NULL, "requestedBy" varchar(36) NOT NULL, "requestedAt" varchar(32) NOT NULL, "reason" text NOT NULL, "approvedBy" varchar(36), "approvedAt" varchar(32))`
]
