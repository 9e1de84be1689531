import {
  availabilitySchema,
  type Expert,
  type ExpertSelfFields,
  type ExpertStatus,
  type ExpertView,
  expertStatuses,
  formerUnitSchema,
  type Scope,
} from "@luoshu/domain";
import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { expertProfiles, units, userRoles, users } from "../../db/schema/index.ts";
import { withConflicts } from "../../db/unique-violation.ts";
import { scopeWhere } from "../../lib/scope-sql.ts";
import { likeOf } from "../units/units.repository.ts";

export interface ExpertFilter {
  keyword?: string;
  discipline?: string;
  unitId?: string;
  status?: ExpertStatus;
}

/** A new expert: the account (password hashed, ID number encrypted) and the profile. */
export interface NewExpert {
  username: string;
  displayName: string;
  passwordHash: string;
  idNumberCipher: string;
  idNumberDigest: string;
  idNumberMasked: string;
  unitId: string;
  disciplines: string[];
  keywords: string[];
  title: string;
  region: string;
  availability: Expert["availability"];
  phone: string | null;
  email: string | null;
}

const status = z.enum(expertStatuses);
const expertConflicts = {
  users_username: { path: "username", messageZh: "用户名已被使用。", messageEn: "The username is taken." },
  users_id_number_digest: {
    path: "idNumber",
    messageZh: "该身份证号已有账号。",
    messageEn: "An account with this ID number exists.",
  },
  expert_profiles_user: {
    path: "userId",
    messageZh: "该账号已有专家信息。",
    messageEn: "This account has an expert profile already.",
  },
};

type Row = {
  p: typeof expertProfiles.$inferSelect;
  username: string;
  displayName: string;
  idNumberMasked: string | null;
  unitNameZh: string;
  unitUscc: string;
};
const toView = (r: Row): ExpertView => ({
  id: r.p.id,
  cityId: r.p.cityId,
  userId: r.p.userId,
  username: r.username,
  displayName: r.displayName,
  idNumberMasked: r.idNumberMasked,
  unitId: r.p.unitId,
  disciplines: r.p.disciplines,
  keywords: r.p.keywords,
  title: r.p.title,
  region: r.p.region,
  availability: availabilitySchema.parse(r.p.availability),
  formerUnits: z.array(formerUnitSchema).parse(r.p.formerUnits ?? []),
  phone: r.p.phone,
  email: r.p.email,
  status: status.parse(r.p.status),
  suspensionReason: r.p.suspensionReason,
  suspendedAt: r.p.suspendedAt,
  createdAt: r.p.createdAt,
  updatedAt: r.p.updatedAt,
  unitNameZh: r.unitNameZh,
  unitUscc: r.unitUscc,
});

const scoped = (scope: Scope) =>
  scopeWhere(scope, { cityId: expertProfiles.cityId, ownerUserId: expertProfiles.userId });

export function expertsRepository(db: Db) {
  const joined = () =>
    db
      .select({
        p: expertProfiles,
        username: users.username,
        displayName: users.displayName,
        idNumberMasked: users.idNumberMasked,
        unitNameZh: units.nameZh,
        unitUscc: units.uscc,
      })
      .from(expertProfiles)
      .innerJoin(users, eq(users.id, expertProfiles.userId))
      .innerJoin(units, and(eq(units.cityId, expertProfiles.cityId), eq(units.id, expertProfiles.unitId)));

  function whereOf(scope: Scope, f: ExpertFilter): SQL | undefined {
    const conds: (SQL | undefined)[] = [scoped(scope)];
    if (f.status) conds.push(eq(expertProfiles.status, f.status));
    if (f.unitId) conds.push(eq(expertProfiles.unitId, f.unitId));
    if (f.discipline)
      conds.push(
        sql`exists (select 1 from unnest(${expertProfiles.disciplines}) d where d like ${`${f.discipline}%`})`,
      );
    if (f.keyword) {
      const like = likeOf(f.keyword);
      conds.push(
        or(
          ilike(users.displayName, like),
          ilike(users.username, like),
          ilike(expertProfiles.title, like),
          sql`exists (select 1 from unnest(${expertProfiles.keywords}) k where k ilike ${like})`,
        ),
      );
    }
    return and(...conds);
  }

  return {
    async list(scope: Scope, filter: ExpertFilter, page: number, pageSize: number) {
      const where = whereOf(scope, filter);
      const [rows, [total]] = await Promise.all([
        joined()
          .where(where)
          .orderBy(asc(units.nameZh), asc(users.username))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db
          .select({ n: count() })
          .from(expertProfiles)
          .innerJoin(users, eq(users.id, expertProfiles.userId))
          .where(where),
      ]);
      return { items: rows.map(toView), total: total?.n ?? 0 };
    },

    /** Inside the scope, or undefined: "not found" and "not yours" answer alike. */
    async find(scope: Scope, id: string): Promise<ExpertView | undefined> {
      const [row] = await joined().where(and(scoped(scope), eq(expertProfiles.id, id)));
      return row && toView(row);
    },

    async findByUser(scope: Scope, userId: string): Promise<ExpertView | undefined> {
      const [row] = await joined().where(and(scoped(scope), eq(expertProfiles.userId, userId)));
      return row && toView(row);
    },

    /** Locks the profile for a change in this transaction. */
    async lock(cityId: string, id: string): Promise<void> {
      await db
        .select({ id: expertProfiles.id })
        .from(expertProfiles)
        .where(and(eq(expertProfiles.cityId, cityId), eq(expertProfiles.id, id)))
        .for("update");
    },

    /** The city's units by their USCC, to resolve an import's unit column. */
    async unitsByUscc(cityId: string): Promise<Map<string, { id: string; nameZh: string }>> {
      const rows = await db
        .select({ id: units.id, uscc: units.uscc, nameZh: units.nameZh })
        .from(units)
        .where(eq(units.cityId, cityId));
      return new Map(rows.map((r) => [r.uscc, { id: r.id, nameZh: r.nameZh }]));
    },

    /** Which of these usernames and ID digests accounts hold already (any city: both are unique platform-wide). */
    async taken(usernames: string[], digests: string[]) {
      const rows =
        usernames.length || digests.length
          ? await db
              .select({ username: users.username, digest: users.idNumberDigest })
              .from(users)
              .where(
                or(
                  usernames.length ? inArray(users.username, usernames) : undefined,
                  digests.length ? inArray(users.idNumberDigest, digests) : undefined,
                ),
              )
          : [];
      return {
        usernames: new Set(rows.map((r) => r.username)),
        digests: new Set(rows.flatMap((r) => (r.digest ? [r.digest] : []))),
      };
    },

    /**
     * The accounts (role expert, password to change at first login) and their profiles, in one
     * statement each; the unique indexes on username and ID digest turn a second import of the
     * same rows into a 409.
     */
    async insertMany(
      cityId: string,
      experts: NewExpert[],
      now: Date,
    ): Promise<{ id: string; userId: string }[]> {
      if (experts.length === 0) return [];
      return withConflicts(expertConflicts, async () => {
        const made = await db
          .insert(users)
          .values(
            experts.map((e) => ({
              username: e.username,
              displayName: e.displayName,
              passwordHash: e.passwordHash,
              cityId,
              districtCode: null,
              unitId: null,
              idNumberCipher: e.idNumberCipher,
              idNumberDigest: e.idNumberDigest,
              idNumberMasked: e.idNumberMasked,
              mustChangePassword: true,
              createdAt: now,
              updatedAt: now,
            })),
          )
          .returning({ id: users.id, username: users.username });
        const idOf = new Map(made.map((u) => [u.username, u.id]));
        await db.insert(userRoles).values(made.map((u) => ({ userId: u.id, role: "expert" })));
        const profiles = await db
          .insert(expertProfiles)
          .values(
            experts.map((e) => ({
              cityId,
              userId: idOf.get(e.username) ?? "",
              unitId: e.unitId,
              disciplines: e.disciplines,
              keywords: e.keywords,
              title: e.title,
              region: e.region,
              availability: e.availability,
              phone: e.phone,
              email: e.email,
              createdAt: now,
              updatedAt: now,
            })),
          )
          .returning({ id: expertProfiles.id, userId: expertProfiles.userId });
        return profiles;
      });
    },

    async setStatus(
      expert: Pick<Expert, "cityId" | "id">,
      values: {
        status: ExpertStatus;
        suspensionReason: string | null;
        suspendedAt: Date | null;
        suspendedBy: string | null;
        updatedAt: Date;
      },
    ): Promise<void> {
      await db
        .update(expertProfiles)
        .set(values)
        .where(and(eq(expertProfiles.cityId, expert.cityId), eq(expertProfiles.id, expert.id)));
    },

    async updateSelf(
      expert: Pick<Expert, "cityId" | "id">,
      values: Partial<ExpertSelfFields> & { updatedAt: Date },
    ) {
      await db
        .update(expertProfiles)
        .set(values)
        .where(and(eq(expertProfiles.cityId, expert.cityId), eq(expertProfiles.id, expert.id)));
    },
  };
}
export type ExpertsRepository = ReturnType<typeof expertsRepository>;
