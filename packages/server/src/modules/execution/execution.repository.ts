import type { PaymentState, Scope, TaskBookTerm } from "@luoshu/domain";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client.ts";
import {
  applications,
  districts,
  openChallenges,
  payments,
  projects,
  taskBooks,
  taskBookTemplates,
  units,
  users,
} from "../../db/schema/index.ts";
import { withConflicts } from "../../db/unique-violation.ts";
import { projectInScope } from "../decisions/projects.repository.ts";

export type TaskBookRow = typeof taskBooks.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;

const paymentConflicts = {
  payments_live_node: {
    path: "node",
    messageZh: "该拨付节点已有一笔待办或已拨付的拨款。",
    messageEn: "This payment node has a payment in progress or paid already.",
  },
};

const demandUnits = alias(units, "demand_units");
const officers = alias(users, "officers");

/** A project as its execution reads it: the project, its unit, PI, responsible officer, and the challenge's enterprise. */
const projectColumns = {
  p: projects,
  unitName: units.nameZh,
  unitKind: units.kind,
  districtCode: units.districtCode,
  piName: users.displayName,
  officerName: officers.displayName,
  thirdParty: demandUnits.nameZh,
};

/**
 * 项目执行: the projects' task books and payments. Payments and task books are read only through a
 * project in the caller's scope, so the scope of the project is the scope of its money.
 */
export function executionRepository(db: Db) {
  const projectQuery = () =>
    db
      .select(projectColumns)
      .from(projects)
      .innerJoin(units, and(eq(units.cityId, projects.cityId), eq(units.id, projects.unitId)))
      .leftJoin(users, eq(users.id, projects.piUserId))
      .leftJoin(officers, eq(officers.id, projects.responsibleOfficerId))
      .leftJoin(
        openChallenges,
        and(eq(openChallenges.cityId, projects.cityId), eq(openChallenges.id, projects.challengeId)),
      )
      .leftJoin(
        demandUnits,
        and(eq(demandUnits.cityId, openChallenges.cityId), eq(demandUnits.id, openChallenges.demandUnitId)),
      );

  return {
    async project(scope: Scope, id: string) {
      const [r] = await projectQuery().where(and(projectInScope(scope), eq(projects.id, id)));
      return r;
    },

    async applicationContent(cityId: string, applicationId: string) {
      const [r] = await db
        .select({ content: applications.content })
        .from(applications)
        .where(and(eq(applications.cityId, cityId), eq(applications.id, applicationId)));
      return r?.content;
    },

    async districtNames(cityId: string): Promise<Map<string, string>> {
      const rows = await db
        .select({ code: districts.code, name: districts.nameZh })
        .from(districts)
        .where(eq(districts.cityId, cityId));
      return new Map(rows.map((r) => [r.code, r.name]));
    },

    async displayNames(ids: readonly string[]): Promise<Map<string, string>> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const rows = await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, unique));
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    async setResponsibleOfficer(cityId: string, projectId: string, userId: string) {
      await db
        .update(projects)
        .set({ responsibleOfficerId: userId })
        .where(and(eq(projects.cityId, cityId), eq(projects.id, projectId)));
    },

    async taskBook(cityId: string, projectId: string, lock = false): Promise<TaskBookRow | undefined> {
      const q = db
        .select()
        .from(taskBooks)
        .where(and(eq(taskBooks.cityId, cityId), eq(taskBooks.projectId, projectId)));
      const [r] = lock ? await q.for("update") : await q;
      return r;
    },

    async template(cityId: string) {
      const [r] = await db.select().from(taskBookTemplates).where(eq(taskBookTemplates.cityId, cityId));
      return r;
    },

    async putTemplate(cityId: string, terms: TaskBookTerm[], by: string, at: Date) {
      await db
        .insert(taskBookTemplates)
        .values({ cityId, terms, updatedBy: by, updatedAt: at })
        .onConflictDoUpdate({
          target: taskBookTemplates.cityId,
          set: { terms, updatedBy: by, updatedAt: at },
        });
    },

    /** Every project as the ledger sees it (a city's, or all cities' for `ledger:verify`): amount, year, nodes. */
    async ledgerProjects(cityId: string | null) {
      return db
        .select({
          cityId: projects.cityId,
          id: projects.id,
          year: projects.year,
          amountFen: projects.amountFen,
          content: taskBooks.content,
        })
        .from(projects)
        .leftJoin(taskBooks, and(eq(taskBooks.cityId, projects.cityId), eq(taskBooks.projectId, projects.id)))
        .where(cityId === null ? undefined : eq(projects.cityId, cityId));
    },

    /** The city's task books, as far as whose step is next. */
    async taskBooksOf(cityId: string) {
      return db
        .select({
          projectId: taskBooks.projectId,
          status: taskBooks.status,
          unitConfirmedAt: taskBooks.unitConfirmedAt,
          bureauConfirmedAt: taskBooks.bureauConfirmedAt,
        })
        .from(taskBooks)
        .where(eq(taskBooks.cityId, cityId));
    },

    async insertTaskBook(row: typeof taskBooks.$inferInsert): Promise<TaskBookRow> {
      const [r] = await withConflicts(
        {
          task_books_city_id_project_id_pk: {
            path: "projectId",
            messageZh: "该项目已有任务书。",
            messageEn: "The project has a task book already.",
          },
        },
        () => db.insert(taskBooks).values(row).returning(),
      );
      if (!r) throw new Error("insert returned no row");
      return r;
    },

    async updateTaskBook(tb: Pick<TaskBookRow, "cityId" | "projectId">, changes: Partial<TaskBookRow>) {
      const [r] = await db
        .update(taskBooks)
        .set(changes)
        .where(and(eq(taskBooks.cityId, tb.cityId), eq(taskBooks.projectId, tb.projectId)))
        .returning();
      if (!r) throw new Error("task book vanished");
      return r;
    },

    async paymentsOf(cityId: string, projectId: string): Promise<PaymentRow[]> {
      return db
        .select()
        .from(payments)
        .where(and(eq(payments.cityId, cityId), eq(payments.projectId, projectId)))
        .orderBy(asc(payments.preparedAt));
    },

    async paymentByKey(cityId: string, key: string): Promise<PaymentRow | undefined> {
      const [r] = await db
        .select()
        .from(payments)
        .where(and(eq(payments.cityId, cityId), eq(payments.idempotencyKey, key)));
      return r;
    },

    /** One payment with its project, if the project is in the caller's scope; `lock` holds the payment's row. */
    async payment(scope: Scope, id: string, lock = false) {
      const q = db
        .select({ pay: payments, project: projects })
        .from(payments)
        .innerJoin(projects, and(eq(projects.cityId, payments.cityId), eq(projects.id, payments.projectId)))
        .innerJoin(units, and(eq(units.cityId, projects.cityId), eq(units.id, projects.unitId)))
        .where(and(projectInScope(scope), eq(payments.id, id)));
      const [r] = lock ? await q.for("update", { of: payments }) : await q;
      return r;
    },

    async insertPayment(row: typeof payments.$inferInsert): Promise<PaymentRow> {
      const [r] = await withConflicts(paymentConflicts, () => db.insert(payments).values(row).returning());
      if (!r) throw new Error("insert returned no row");
      return r;
    },

    async updatePayment(p: Pick<PaymentRow, "cityId" | "id">, changes: Partial<PaymentRow>) {
      const [r] = await db
        .update(payments)
        .set(changes)
        .where(and(eq(payments.cityId, p.cityId), eq(payments.id, p.id)))
        .returning();
      if (!r) throw new Error("payment vanished");
      return r;
    },

    /** Payments in the caller's scope, newest first, with their project's number, title and unit. */
    async payments(scope: Scope, statuses: readonly PaymentState[] | null, id?: string) {
      return db
        .select({
          pay: payments,
          number: projects.number,
          title: projects.title,
          unitName: units.nameZh,
          cityId: projects.cityId,
          policyVersion: projects.policyVersion,
        })
        .from(payments)
        .innerJoin(projects, and(eq(projects.cityId, payments.cityId), eq(projects.id, payments.projectId)))
        .innerJoin(units, and(eq(units.cityId, projects.cityId), eq(units.id, projects.unitId)))
        .where(
          and(
            projectInScope(scope),
            statuses ? inArray(payments.status, [...statuses]) : undefined,
            id ? eq(payments.id, id) : undefined,
          ),
        )
        .orderBy(desc(payments.preparedAt))
        .limit(1000);
    },
  };
}
export type ExecutionRepository = ReturnType<typeof executionRepository>;
