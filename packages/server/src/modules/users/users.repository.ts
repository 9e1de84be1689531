import {
  guessAccountPrefix,
  guessLimits,
  type Role,
  roles as roleList,
  type Scope,
  type UnitKind,
  type User,
  type UserView,
  userStatuses,
  type Violation,
} from "@luoshu/domain";
import { and, asc, count, eq, exists, gte, ilike, inArray, notExists, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { rateLimits, sessions, units, userRoles, users } from "../../db/schema/index.ts";
import { withConflicts } from "../../db/unique-violation.ts";
import { scopeWhere } from "../../lib/scope-sql.ts";
import { likeOf } from "../units/units.repository.ts";

type UserRow = typeof users.$inferSelect;
const userStatus = z.enum(userStatuses);
const role = z.enum(roleList);

/** Never the hash, the cipher or the digest: only the masked ID number leaves the repository. */
const toUser = (row: UserRow, roles: Role[]): User => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  cityId: row.cityId,
  districtCode: row.districtCode,
  unitId: row.unitId,
  idNumberMasked: row.idNumberMasked,
  status: userStatus.parse(row.status),
  mustChangePassword: row.mustChangePassword,
  createdAt: row.createdAt,
  roles,
});

const scoped = (scope: Scope) =>
  scopeWhere(scope, {
    cityId: users.cityId,
    districtCode: users.districtCode,
    unitId: users.unitId,
    ownerUserId: users.id,
  });

const userConflicts = {
  users_username: { path: "username", messageZh: "用户名已被使用。", messageEn: "The username is taken." },
  users_id_number_digest: {
    path: "idNumber",
    messageZh: "该身份证号已有账号。",
    messageEn: "An account with this ID number exists.",
  },
  user_roles_user_id_role_pk: {
    path: "roles",
    messageZh: "角色正被他人同时修改，请刷新后重试。",
    messageEn: "Someone else changed these roles at the same time; reload and try again.",
  },
};

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  cityId: string | null;
  districtCode: string | null;
  unitId: string | null;
  idNumberCipher?: string;
  idNumberDigest?: string;
  idNumberMasked?: string;
  mustChangePassword: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** What the user list filters by; `guessedAt`: accounts under password guessing in that hour. */
export interface UserFilter {
  keyword?: string;
  role?: Role;
  withoutRoles?: boolean;
  guessedAt?: Date;
}

export function usersRepository(db: Db) {
  async function rolesOf(ids: string[]): Promise<Map<string, Role[]>> {
    const map = new Map<string, Role[]>();
    if (ids.length === 0) return map;
    const rows = await db.select().from(userRoles).where(inArray(userRoles.userId, ids));
    for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), role.parse(r.role)]);
    return map;
  }
  const withUnit = () =>
    db
      .select({ user: users, unitNameZh: units.nameZh, unitKind: units.kind })
      .from(users)
      .leftJoin(units, and(eq(units.cityId, users.cityId), eq(units.id, users.unitId)));

  function whereOf(scope: Scope, filter: UserFilter): SQL | undefined {
    const conds: (SQL | undefined)[] = [scoped(scope)];
    if (filter.keyword) {
      const like = likeOf(filter.keyword);
      conds.push(or(ilike(users.username, like), ilike(users.displayName, like)));
    }
    if (filter.role) {
      const held = and(eq(userRoles.userId, users.id), eq(userRoles.role, filter.role));
      conds.push(exists(db.select().from(userRoles).where(held)));
    }
    if (filter.withoutRoles)
      conds.push(notExists(db.select().from(userRoles).where(eq(userRoles.userId, users.id))));
    if (filter.guessedAt) {
      // Accounts whose guessing counter this hour reached the refusal mark (password-guessing.ts).
      const { windowMs } = guessLimits.perAccount;
      const windowStart = new Date(Math.floor(filter.guessedAt.getTime() / windowMs) * windowMs);
      const counter = and(
        eq(rateLimits.key, sql`${guessAccountPrefix} || ${users.username}`),
        eq(rateLimits.windowStart, windowStart),
        gte(rateLimits.count, guessLimits.perAccountAndAddress.max),
      );
      conds.push(exists(db.select().from(rateLimits).where(counter)));
    }
    return and(...conds);
  }

  return {
    async list(scope: Scope, filter: UserFilter, page: number, pageSize: number) {
      const where = whereOf(scope, filter);
      const [rows, [total]] = await Promise.all([
        withUnit()
          .where(where)
          .orderBy(asc(users.username))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(users).where(where),
      ]);
      const roles = await rolesOf(rows.map((r) => r.user.id));
      const items: UserView[] = rows.map((r) => ({
        ...toUser(r.user, roles.get(r.user.id) ?? []),
        unitNameZh: r.unitNameZh,
      }));
      return { items, total: total?.n ?? 0 };
    },

    /** Inside the scope, or undefined: "not found" and "not yours" answer alike. */
    /** One user, with the kind of its unit (the laboratory approver role needs a laboratory). */
    async find(scope: Scope, id: string): Promise<(UserView & { unitKind: UnitKind | null }) | undefined> {
      const [row] = await withUnit().where(and(scoped(scope), eq(users.id, id)));
      if (!row) return undefined;
      const roles = await rolesOf([id]);
      return { ...toUser(row.user, roles.get(id) ?? []), unitNameZh: row.unitNameZh, unitKind: row.unitKind };
    },

    /** As many as `list` finds with the same filter: a workspace tile counts what its list shows. */
    async count(scope: Scope, filter: UserFilter = {}): Promise<number> {
      const [row] = await db.select({ n: count() }).from(users).where(whereOf(scope, filter));
      return row?.n ?? 0;
    },

    /** The unit's principal investigator account holding this ID number, by its keyed digest. */
    async findUnitPi(cityId: string, unitId: string, idNumberDigest: string): Promise<string | undefined> {
      const [row] = await db
        .select({ id: users.id })
        .from(users)
        .innerJoin(
          userRoles,
          and(eq(userRoles.userId, users.id), eq(userRoles.role, "principalInvestigator")),
        )
        .where(
          and(
            eq(users.cityId, cityId),
            eq(users.unitId, unitId),
            eq(users.idNumberDigest, idNumberDigest),
            eq(users.status, "active"),
          ),
        );
      return row?.id;
    },

    /**
     * Which of a new account's unique values are held already, as the conflicts its insert would
     * meet, so they are answered with the account's other problems. Only for the message: the unique
     * indexes stay the guard, and an insert racing another still gets its 409 from them.
     */
    async takenBy(values: { username: string; idNumberDigest?: string }): Promise<Violation[]> {
      const { username, idNumberDigest } = values;
      const rows = await db
        .select({ username: users.username, idNumberDigest: users.idNumberDigest })
        .from(users)
        .where(
          or(
            eq(users.username, username),
            idNumberDigest ? eq(users.idNumberDigest, idNumberDigest) : undefined,
          ),
        );
      const taken: Violation[] = [];
      if (rows.some((r) => r.username === username))
        taken.push({ code: "CONFLICT", ...userConflicts.users_username });
      if (idNumberDigest && rows.some((r) => r.idNumberDigest === idNumberDigest))
        taken.push({ code: "CONFLICT", ...userConflicts.users_id_number_digest });
      return taken;
    },

    async insert(values: NewUser, roles: Role[]): Promise<User> {
      const [row] = await withConflicts(userConflicts, () => db.insert(users).values(values).returning());
      if (!row) throw new Error("insert returned no row");
      if (roles.length) await db.insert(userRoles).values(roles.map((r) => ({ userId: row.id, role: r })));
      return toUser(row, roles);
    },

    async replaceRoles(userId: string, roles: Role[]): Promise<void> {
      await db.delete(userRoles).where(eq(userRoles.userId, userId));
      if (roles.length) {
        await withConflicts(userConflicts, () =>
          db.insert(userRoles).values(roles.map((r) => ({ userId, role: r }))),
        );
      }
    },

    async update(
      id: string,
      values: { displayName?: string; status?: User["status"]; passwordHash?: string; updatedAt: Date },
    ): Promise<void> {
      await db.update(users).set(values).where(eq(users.id, id));
    },

    /** A changed role set or a disabled account takes effect at once, not at the session's end. */
    async endSessionsOf(userId: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.userId, userId));
    },
  };
}
export type UsersRepository = ReturnType<typeof usersRepository>;
