import type { AvailabilityWindow, ExpertStatus, FormerUnit } from "@luoshu/domain";
import {
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./identity.ts";
import { cities } from "./reference.ts";
import { units } from "./units.ts";

/**
 * 专家库: one profile per expert account of a city. The account (users) carries the login and the
 * resident ID number (encrypted, digested, masked); one profile per account, and the accounts'
 * unique username and ID digest keep two imports of one file from making an expert twice.
 */
export const expertProfiles = pgTable(
  "expert_profiles",
  {
    cityId: text("city_id")
      .notNull()
      .references(() => cities.id),
    id: uuid("id").notNull().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    unitId: uuid("unit_id").notNull(),
    /** GB/T 13745 codes. */
    disciplines: text("disciplines").array().notNull(),
    keywords: text("keywords").array().notNull(),
    title: text("title").notNull(),
    region: text("region").notNull(),
    availability: jsonb("availability").$type<AvailabilityWindow[]>().notNull(),
    /** Units the expert left, with the day: a recent one is a conflict (domain review/conflicts.ts). */
    formerUnits: jsonb("former_units").$type<FormerUnit[]>().notNull().default([]),
    phone: text("phone"),
    email: text("email"),
    status: text("status").$type<ExpertStatus>().notNull().default("active"),
    suspensionReason: text("suspension_reason"),
    suspendedAt: timestamp("suspended_at", { withTimezone: true }),
    suspendedBy: uuid("suspended_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    uniqueIndex("expert_profiles_user").on(t.userId),
    index("expert_profiles_city_unit").on(t.cityId, t.unitId),
    index("expert_profiles_city_status").on(t.cityId, t.status),
    foreignKey({ columns: [t.cityId, t.unitId], foreignColumns: [units.cityId, units.id] }),
  ],
);
