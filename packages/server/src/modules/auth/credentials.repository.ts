import { type Role, roles as roleList, type UserStatus, userStatuses } from "@luoshu/domain";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { cities, districts, units, userRoles, users } from "../../db/schema/index.ts";

export interface Credentials {
  id: string;
  username: string;
  passwordHash: string;
  status: UserStatus;
  isDemo: boolean;
  mustChangePassword: boolean;
  cityId: string | null;
  districtCode: string | null;
  unitId: string | null;
}

const userStatus = z.enum(userStatuses);
const role = z.enum(roleList);

/** What logging in and changing a password read and write of an account. */
export function credentialsRepository(db: Db) {
  return {
    async byUsername(username: string): Promise<Credentials | undefined> {
      const [u] = await db.select().from(users).where(eq(users.username, username));
      return u && { ...u, status: userStatus.parse(u.status), isDemo: u.isDemo === 1 };
    },

    async passwordHashOf(userId: string): Promise<string | undefined> {
      const [u] = await db.select({ h: users.passwordHash }).from(users).where(eq(users.id, userId));
      return u?.h;
    },

    async rolesOf(userId: string): Promise<Role[]> {
      const rows = await db
        .select({ role: userRoles.role })
        .from(userRoles)
        .where(eq(userRoles.userId, userId));
      return rows.map((r) => role.parse(r.role));
    },

    /** The account's own choice: no longer the one an administrator set. */
    async setPassword(userId: string, passwordHash: string, now: Date): Promise<void> {
      await db
        .update(users)
        .set({ passwordHash, mustChangePassword: false, updatedAt: now })
        .where(eq(users.id, userId));
    },

    /** The names the header shows: the user's, and those of their city, district and unit. */
    async describe(a: {
      userId: string;
      cityId: string | null;
      districtCode: string | null;
      unitId: string | null;
    }) {
      const [user] = await db
        .select({ displayName: users.displayName })
        .from(users)
        .where(eq(users.id, a.userId));
      const [city] = a.cityId ? await db.select().from(cities).where(eq(cities.id, a.cityId)) : [];
      const [district] =
        a.cityId && a.districtCode
          ? await db
              .select()
              .from(districts)
              .where(and(eq(districts.cityId, a.cityId), eq(districts.code, a.districtCode)))
          : [];
      const [unit] =
        a.cityId && a.unitId
          ? await db
              .select({ id: units.id, nameZh: units.nameZh, kind: units.kind })
              .from(units)
              .where(and(eq(units.cityId, a.cityId), eq(units.id, a.unitId)))
          : [];
      return {
        displayName: user?.displayName ?? null,
        city: city ? { code: city.id, nameZh: city.nameZh, nameEn: city.nameEn } : null,
        district: district ? { code: district.code, nameZh: district.nameZh, nameEn: district.nameEn } : null,
        unit: unit ?? null,
      };
    },
  };
}
export type CredentialsRepository = ReturnType<typeof credentialsRepository>;
