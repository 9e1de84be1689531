import {
  type Application,
  type ApplicationEvent,
  type ApplicationState,
  applicationContentSchema,
  applicationEvents as applicationEventNames,
  applicationStates,
  commitmentSchema,
  type EventDetails,
  editableStates,
  eventDetailsSchema,
  numberYearAt,
  revisionSnapshotSchema,
  type Scope,
  type UnitKind,
  unitKinds,
} from "@luoshu/domain";
import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  ilike,
  inArray,
  ne,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import {
  applicationEvents,
  applicationNumberCounters,
  applicationRevisions,
  applications,
  attachments,
  units,
} from "../../db/schema/index.ts";
import { scopeWhere } from "../../lib/scope-sql.ts";
import { likeOf } from "../units/units.repository.ts";

type ApplicationRow = typeof applications.$inferSelect;
const state = z.enum(applicationStates);
const applicationEvent = z.enum(applicationEventNames);
const unitKind = z.enum(unitKinds);

/**
 * Stored JSON is parsed once, here, through the domain's schemas. Their defaults are the upgrade
 * of older shapes: members saved before the ID-number digest existed read with a null digest.
 */
export const toApplication = (row: ApplicationRow): Application => ({
  ...row,
  status: state.parse(row.status),
  content: applicationContentSchema.parse(row.content),
  commitment: commitmentSchema.parse(row.commitment),
});

export interface ApplicationFilter {
  callId?: string;
  guideId?: string;
  status?: ApplicationState;
  editable?: boolean;
  district?: string;
  kind?: UnitKind;
  keyword?: string;
}

/** An application in a list: everything but its content, with its unit's name and kind. */
export type ApplicationSummary = Omit<Application, "content" | "commitment"> & {
  unitNameZh: string;
  unitKind: UnitKind;
};

export interface ApplicationEventRecord {
  event: ApplicationEvent;
  fromState: ApplicationState;
  toState: ApplicationState;
  revision: number;
  actorRole: string | null;
  reason: string | null;
  details: EventDetails | null;
  at: Date;
}

export interface Attachment {
  id: string;
  code: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  uploadedAt: Date;
}

const scoped = (scope: Scope) =>
  scopeWhere(scope, {
    cityId: applications.cityId,
    districtCode: applications.districtCode,
    unitId: applications.unitId,
  });
/** A draft is the unit's own work until it is submitted (domain `applicationVisible`). */
const visible = (scope: Scope) =>
  scope.kind === "unit" ? scoped(scope) : and(scoped(scope), ne(applications.status, "draft"));

const { content: _content, commitment: _commitment, ...summaryColumns } = getTableColumns(applications);
const detailsSchema = eventDetailsSchema.nullable();
/** What the API shows of an attachment: not who uploaded it, nor the keys it is stored under. */
const attachmentColumns = {
  id: attachments.id,
  code: attachments.code,
  fileName: attachments.fileName,
  mime: attachments.mime,
  size: attachments.size,
  sha256: attachments.sha256,
  uploadedAt: attachments.uploadedAt,
};

export function applicationsRepository(db: Db) {
  const where = (scope: Scope, f: ApplicationFilter) => {
    const conds: (SQL | undefined)[] = [visible(scope)];
    if (f.callId) conds.push(eq(applications.callId, f.callId));
    if (f.guideId) conds.push(eq(applications.guideId, f.guideId));
    if (f.status) conds.push(eq(applications.status, f.status));
    if (f.editable) conds.push(inArray(applications.status, [...editableStates]));
    if (f.district) conds.push(eq(applications.districtCode, f.district));
    if (f.kind) conds.push(eq(units.kind, f.kind));
    if (f.keyword) {
      const like = likeOf(f.keyword);
      conds.push(or(ilike(applications.title, like), ilike(units.nameZh, like)));
    }
    return and(...conds);
  };
  const unitJoin = and(eq(units.cityId, applications.cityId), eq(units.id, applications.unitId));
  const order = [
    asc(applications.districtCode),
    asc(applications.districtRank),
    desc(applications.updatedAt),
  ];

  const findBy = async (scope: Scope, id: string, lock: boolean) => {
    const q = db
      .select()
      .from(applications)
      .where(and(visible(scope), eq(applications.id, id)));
    const [row] = await (lock ? q.for("update") : q);
    return row && toApplication(row);
  };

  return {
    async list(scope: Scope, f: ApplicationFilter, page: number, pageSize: number) {
      const w = where(scope, f);
      const [rows, [total]] = await Promise.all([
        db
          .select({ application: summaryColumns, unitNameZh: units.nameZh, unitKind: units.kind })
          .from(applications)
          .innerJoin(units, unitJoin)
          .where(w)
          .orderBy(...order)
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(applications).innerJoin(units, unitJoin).where(w),
      ]);
      const items: ApplicationSummary[] = rows.map((r) => ({
        ...r.application,
        status: state.parse(r.application.status),
        unitNameZh: r.unitNameZh,
        unitKind: unitKind.parse(r.unitKind),
      }));
      return { items, total: total?.n ?? 0 };
    },

    /** The whole applications of a filtered list, for the spreadsheet export. */
    async listWithContent(scope: Scope, f: ApplicationFilter, limit: number) {
      const rows = await db
        .select({ application: applications, unitNameZh: units.nameZh })
        .from(applications)
        .innerJoin(units, unitJoin)
        .where(where(scope, f))
        .orderBy(...order)
        .limit(limit);
      return rows.map((r) => ({ application: toApplication(r.application), unitNameZh: r.unitNameZh }));
    },

    /** Inside the scope and visible, or undefined: "not found" and "not yours" answer alike. */
    find: (scope: Scope, id: string) => findBy(scope, id, false),
    /** Row lock: two decisions on one application at once must not both apply. */
    lock: (scope: Scope, id: string) => findBy(scope, id, true),

    /**
     * Draws the next number of the city, program and year from its counter row inside the caller's
     * transaction: the upsert locks that row, so concurrent starts queue and no number repeats.
     */
    async insert(
      values: Omit<
        Application,
        "id" | "districtRank" | "returnDeadline" | "submittedAt" | "numberYear" | "numberSeq"
      >,
    ) {
      const numberYear = numberYearAt(values.createdAt);
      const [counter] = await db
        .insert(applicationNumberCounters)
        .values({ cityId: values.cityId, year: numberYear, program: values.numberProgram, last: 1 })
        .onConflictDoUpdate({
          target: [
            applicationNumberCounters.cityId,
            applicationNumberCounters.year,
            applicationNumberCounters.program,
          ],
          set: { last: sql`${applicationNumberCounters.last} + 1` },
        })
        .returning({ last: applicationNumberCounters.last });
      if (!counter) throw new Error("number counter returned no row");
      const [row] = await db
        .insert(applications)
        .values({ ...values, numberYear, numberSeq: counter.last })
        .returning();
      if (!row) throw new Error("insert returned no row");
      return toApplication(row);
    },

    async update(
      a: Pick<Application, "cityId" | "id">,
      values: Partial<Omit<Application, "id" | "cityId" | "createdAt">>,
    ): Promise<void> {
      await db
        .update(applications)
        .set(values)
        .where(and(eq(applications.cityId, a.cityId), eq(applications.id, a.id)));
    },

    async listRevisions(a: Pick<Application, "cityId" | "id">) {
      const rows = await db
        .select()
        .from(applicationRevisions)
        .where(and(eq(applicationRevisions.cityId, a.cityId), eq(applicationRevisions.applicationId, a.id)))
        .orderBy(asc(applicationRevisions.revision));
      return rows.map((r) => ({
        revision: r.revision,
        submittedAt: r.submittedAt,
        contentHash: r.contentHash,
        snapshot: revisionSnapshotSchema.parse(r.content),
      }));
    },

    async insertEvent(
      a: Pick<Application, "cityId" | "id">,
      e: Omit<ApplicationEventRecord, "details"> & { actorId: string; details: EventDetails },
    ): Promise<void> {
      await db.insert(applicationEvents).values({ ...e, cityId: a.cityId, applicationId: a.id });
    },

    async listEvents(a: Pick<Application, "cityId" | "id">): Promise<ApplicationEventRecord[]> {
      const rows = await db
        .select()
        .from(applicationEvents)
        .where(and(eq(applicationEvents.cityId, a.cityId), eq(applicationEvents.applicationId, a.id)))
        .orderBy(asc(applicationEvents.at));
      return rows.map((e) => ({
        event: applicationEvent.parse(e.event),
        fromState: state.parse(e.fromState),
        toState: state.parse(e.toState),
        revision: e.revision,
        actorRole: e.actorRole,
        reason: e.reason,
        details: detailsSchema.parse(e.details),
        at: e.at,
      }));
    },

    async listAttachments(a: Pick<Application, "cityId" | "id">): Promise<Attachment[]> {
      return db
        .select(attachmentColumns)
        .from(attachments)
        .where(and(eq(attachments.cityId, a.cityId), eq(attachments.applicationId, a.id)))
        .orderBy(asc(attachments.uploadedAt));
    },

    /** One file per attachment code: a new upload replaces the previous one. */
    async putAttachment(
      a: Pick<Application, "cityId" | "id">,
      f: Omit<Attachment, "id"> & { uploadedBy: string },
    ): Promise<Attachment> {
      await this.removeAttachment(a, f.code);
      const [row] = await db
        .insert(attachments)
        .values({ ...f, cityId: a.cityId, applicationId: a.id })
        .returning(attachmentColumns);
      if (!row) throw new Error("attachment was not stored");
      return row;
    },

    async removeAttachment(a: Pick<Application, "cityId" | "id">, code: string): Promise<void> {
      await db
        .delete(attachments)
        .where(
          and(
            eq(attachments.cityId, a.cityId),
            eq(attachments.applicationId, a.id),
            eq(attachments.code, code),
          ),
        );
    },

    /** How many applications of this guide the district has recommended, ever. */
    async countRecommended(cityId: string, guideId: string, districtCode: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(applicationEvents)
        .innerJoin(
          applications,
          and(
            eq(applications.cityId, applicationEvents.cityId),
            eq(applications.id, applicationEvents.applicationId),
          ),
        )
        .where(
          and(
            eq(applicationEvents.cityId, cityId),
            eq(applications.guideId, guideId),
            eq(applications.districtCode, districtCode),
            eq(applicationEvents.event, "recommend"),
          ),
        );
      return row?.n ?? 0;
    },
  };
}
export type ApplicationsRepository = ReturnType<typeof applicationsRepository>;
