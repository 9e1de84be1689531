import type { UserStatus } from "@luoshu/domain";
import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { cities } from "./reference.ts";
import { units } from "./units.ts";

/**
 * Users of all cities and the platform administrators (city_id null). The resident ID number is
 * stored SM4-encrypted with a keyed SM3 digest beside it, so equal numbers can be found without
 * decrypting.
 */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cityId: text("city_id").references(() => cities.id),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    districtCode: text("district_code"),
    unitId: uuid("unit_id"),
    idNumberCipher: text("id_number_cipher"),
    idNumberDigest: text("id_number_digest"),
    idNumberMasked: text("id_number_masked"),
    status: text("status").$type<UserStatus>().notNull().default("active"),
    isDemo: integer("is_demo").notNull().default(0),
    /** Set when an administrator chose the password: the account must pick its own at first login. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_username").on(t.username),
    // One account per person: parallel sign-ups with one ID number get one account and a 409.
    uniqueIndex("users_id_number_digest").on(t.idNumberDigest),
    index("users_city_unit").on(t.cityId, t.unitId),
    index("users_city_district").on(t.cityId, t.districtCode),
    foreignKey({ columns: [t.cityId, t.unitId], foreignColumns: [units.cityId, units.id] }),
  ],
);

export const userRoles = pgTable(
  "user_roles",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** Sessions live in the database so that several server processes can serve one city. */
export const sessions = pgTable(
  "sessions",
  {
    /** SM3 digest of the cookie token; the token itself is never stored. */
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/** Fixed-window counters shared by all server processes. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});
