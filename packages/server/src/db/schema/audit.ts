import type { Json } from "@luoshu/domain";
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/**
 * Append-only audit log chained by SM3: each record's hash covers the previous record's hash and
 * its own content, so an edited or deleted row breaks the chain from there on. Business
 * transactions write records unchained (`chain_pos` null); the sealer chains them in commit order
 * right after (modules/audit/audit-sealer.ts), so writers never queue on the chain head.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    chainPos: bigint("chain_pos", { mode: "number" }),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
    cityId: text("city_id"),
    actorId: text("actor_id"),
    actorUsername: text("actor_username"),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before").$type<Json>(),
    after: jsonb("after").$type<Json>(),
    ip: text("ip"),
    prevHash: text("prev_hash"),
    hash: text("hash"),
    /** HMAC-SM3 by the writing server with a key the database does not hold: a row inserted by hand has none. */
    signature: text("signature"),
  },
  (t) => [index("audit_city_at").on(t.cityId, t.at), uniqueIndex("audit_chain_pos").on(t.chainPos)],
);

/**
 * The chain's head, one row: the sealer takes the next position from here, never from the highest
 * remaining row, so a deleted tail leaves a gap that verification sees instead of being reused.
 */
export const auditChainHead = pgTable(
  "audit_chain_head",
  {
    id: smallint("id").primaryKey().default(1),
    pos: bigint("pos", { mode: "number" }).notNull(),
    hash: text("hash").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [check("audit_chain_head_single_row", sql`${t.id} = 1`)],
);
