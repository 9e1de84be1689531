import type { Actor, Role } from "@luoshu/domain";
import { scopeFor } from "@luoshu/domain";
import { and, asc, count, eq, exists, ilike, inArray, or, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { sessions, units, userRoles, users } from "../../db/schema/index.ts";
import { scopeWhere } from "../../lib/scope-sql.ts";

export type UserRow = typeof users.$inferSelect;

const userScope = {
  cityId: users.cityId,
  districtCode: users.districtCode,
  unitId: users.unitId,
  ownerUserId: users.id,
};

export async function listUsers(
  db: Db,
  actor: Actor,
  filter: { keyword?: string; role?: string },
  page: number,
  pageSize: number,
) {
  const conds: (SQL | undefined)[] = [scopeWhere(scopeFor(actor, "platform"), userScope)];
  if (filter.keyword) {
    const like = `%${filter.keyword.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(users.username, like), ilike(users.displayName, like)));
  }
  if (filter.role) {
    conds.push(
      exists(
        db
          .select()
          .from(userRoles)
          .where(and(eq(userRoles.userId, users.id), eq(userRoles.role, filter.role))),
      ),
    );
  }
  const where = and(...conds);
  const [rows, [total]] = await Promise.all([
    db
      .select({ user: users, unitNameZh: units.nameZh })
      .from(users)
      .leftJoin(units, and(eq(units.cityId, users.cityId), eq(units.id, users.unitId)))
      .where(where)
      .orderBy(asc(users.username))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  const roles = await rolesOf(
    db,
    rows.map((r) => r.user.id),
  );
  return {
    items: rows.map((r) => ({ ...r.user, unitNameZh: r.unitNameZh, roles: roles.get(r.user.id) ?? [] })),
    total: total?.n ?? 0,
  };
}

export async function rolesOf(db: Db | Tx, ids: string[]): Promise<Map<string, Role[]>> {
  const map = new Map<string, Role[]>();
  if (ids.length === 0) return map;
  const rows = await db.select().from(userRoles).where(inArray(userRoles.userId, ids));
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), r.role as Role]);
  return map;
}

export async function findUser(db: Db | Tx, id: string) {
  const [row] = await db
    .select({ user: users, unitNameZh: units.nameZh })
    .from(users)
    .leftJoin(units, and(eq(units.cityId, users.cityId), eq(units.id, users.unitId)))
    .where(eq(users.id, id));
  if (!row) return undefined;
  const roles = await rolesOf(db, [id]);
  return { ...row.user, unitNameZh: row.unitNameZh, roles: roles.get(id) ?? [] };
}

export async function usernameTaken(tx: Tx, username: string): Promise<boolean> {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
  return Boolean(row);
}

export async function idNumberTaken(tx: Tx, digest: string): Promise<boolean> {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.idNumberDigest, digest));
  return Boolean(row);
}

export async function insertUser(tx: Tx, values: typeof users.$inferInsert, roles: Role[]): Promise<UserRow> {
  const [row] = await tx.insert(users).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  if (roles.length) await tx.insert(userRoles).values(roles.map((role) => ({ userId: row.id, role })));
  return row;
}

export async function replaceRoles(tx: Tx, userId: string, roles: Role[]): Promise<void> {
  await tx.delete(userRoles).where(eq(userRoles.userId, userId));
  if (roles.length) await tx.insert(userRoles).values(roles.map((role) => ({ userId, role })));
}

export async function updateUser(
  tx: Tx,
  id: string,
  values: Partial<typeof users.$inferInsert>,
): Promise<void> {
  await tx.update(users).set(values).where(eq(users.id, id));
}

export async function endSessionsOf(tx: Tx, userId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}
