import type { IntegrityKind } from "@luoshu/domain";
import { date, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** 科研诚信记录: sanctions and blacklistings of units and people (by keyed ID-number digest). */
export const integrityRecords = pgTable(
  "integrity_records",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    subject: text("subject").$type<"unit" | "person">().notNull(),
    unitId: uuid("unit_id"),
    personDigest: text("person_digest"),
    personName: text("person_name"),
    kind: text("kind").$type<IntegrityKind>().notNull(),
    fromDate: date("from_date").notNull(),
    untilDate: date("until_date"),
    reason: text("reason").notNull(),
    clause: text("clause").notNull(),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** The sanction or revocation (project_sanctions, project_closures) that left the record, if any. */
    originId: uuid("origin_id"),
    /** Lifted by a recorded decision (DT-RULES §22 sets no period): no longer in force from then. */
    liftedBy: uuid("lifted_by"),
    liftedAt: timestamp("lifted_at", { withTimezone: true }),
    liftReason: text("lift_reason"),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    index("integrity_origin").on(t.cityId, t.originId),
    index("integrity_unit").on(t.cityId, t.unitId),
    index("integrity_person").on(t.cityId, t.personDigest),
  ],
);

/** What changed for a user (decisions on their applications…), listed in the inbox. */
export const notifications = pgTable(
  "notifications",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    userId: uuid("user_id").notNull(),
    titleZh: text("title_zh").notNull(),
    titleEn: text("title_en").notNull(),
    link: text("link").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.id] }), index("notifications_user").on(t.userId, t.createdAt)],
);
