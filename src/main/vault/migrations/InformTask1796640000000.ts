import { randomUUID } from 'node:crypto'
import type { MigrationInterface, QueryRunner } from 'typeorm'
import { addCalendarMonths } from '../../../shared/time'
import { portableQuery } from '../portableQuery'

/**
 * R-27 (GDPR art. 14(3)): `inform_task`, the duty to inform a person whose data did not come from
 * them (public website, third party). A child of `person` (deleted with it). Active persons
 * already registered from a public website get their task, due one calendar month after
 * registration (calendar math in TypeScript, not SQL date functions): nothing recorded that they
 * were informed, so an old one shows as overdue until staff record it.
 */
export class InformTask1796640000000 implements MigrationInterface {
  name = 'InformTask1796640000000'

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "inform_task" ("id" varchar(36) PRIMARY KEY NOT NULL, "personId" varchar(36) NOT NULL REFERENCES "person" ("id") ON DELETE CASCADE, "sourceKind" varchar(16) NOT NULL, "obtainedOn" varchar(32) NOT NULL, "dueOn" varchar(32) NOT NULL, "doneOn" varchar(32), "doneHow" varchar(16), "recordedBy" varchar(36), "recordedAt" varchar(32))`
    )
    await queryRunner.query(`CREATE INDEX "idx_inform_task_person" ON "inform_task" ("personId")`)
    await queryRunner.query(`CREATE INDEX "idx_inform_task_open" ON "inform_task" ("doneOn", "dueOn")`)
    const persons = (await queryRunner.query(
      `SELECT "id", "sourceKind", "registeredOn" FROM "person" WHERE "state" = 'active' AND "sourceKind" IN ('public-website', 'third-party')`
    )) as { id: string; sourceKind: string; registeredOn: string }[]
    for (const p of persons) {
      await portableQuery(queryRunner.manager, `INSERT INTO "inform_task" ("id", "personId", "sourceKind", "obtainedOn", "dueOn") VALUES (:id, :personId, :sourceKind, :obtainedOn, :dueOn)`, {
        id: randomUUID(),
        personId: p.id,
        sourceKind: p.sourceKind,
        obtainedOn: p.registeredOn,
        dueOn: addCalendarMonths(p.registeredOn, 1)
      })
    }
  }

  async down(): Promise<void> {
    throw new Error('Dossier migrations are forward-only')
  }
}
