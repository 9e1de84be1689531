import { makeResidentId, makeUscc, maskResidentId, type Role } from "@luoshu/domain";
import { systemContext } from "../../lib/context.ts";
import { hashPassword } from "../../lib/passwords.ts";
import type { FieldCipher } from "../../lib/sm-crypto.ts";
import { inTransaction } from "../../lib/transaction.ts";
import type { Db } from "../client.ts";
import { cities, districts, units, userRoles, users } from "../schema/index.ts";
import { seedDemoCalls, seedDemoIntegrity } from "./demo-calls.ts";
import { demoAccountsOf, demoCities, demoPassword, demoPlatformAccounts } from "./demo-data.ts";
import { seedDemoExperts } from "./demo-experts.ts";

/**
 * Creates the two demo cities with their districts, units and one account per role; does nothing
 * when units exist already, so a restart keeps the data.
 */
export async function seedDemo(db: Db, cipher: FieldCipher, now: Date): Promise<{ created: boolean }> {
  // The cities may already be registered from the policy files; the demo's own data is its units.
  const existing = await db.select({ id: units.id }).from(units).limit(1);
  if (existing.length) return { created: false };
  // Every demo account has the same published password; one hash serves them all.
  const passwordHash = await hashPassword(demoPassword);
  const ctx = systemContext(now);

  await inTransaction(db, { signer: cipher }, ctx, async (tx, audit) => {
    const accounts: { values: typeof users.$inferInsert; role: Role }[] = [];
    const unitIds: Record<string, string> = {};
    for (const c of demoCities) {
      await tx
        .insert(cities)
        .values({ id: c.id, nameZh: c.nameZh, nameEn: c.nameEn, divisionCode: c.divisionCode })
        .onConflictDoNothing();
      await tx
        .insert(districts)
        .values(c.districts.map((d) => ({ cityId: c.id, ...d })))
        .onConflictDoNothing();
      const rows = await tx
        .insert(units)
        .values(
          c.units.map(({ key: _k, usccPrefix, ...u }) => ({
            cityId: c.id,
            ...u,
            uscc: makeUscc(usccPrefix),
            createdAt: now,
            updatedAt: now,
          })),
        )
        .returning();
      const firstUnit = rows[0];
      const bannedUnit = rows[c.units.findIndex((u) => u.key === "materials")];
      if (!firstUnit || !bannedUnit) throw new Error("demo units were not created");
      for (const [i, u] of c.units.entries()) unitIds[`${c.id}/${u.key}`] = rows[i]?.id ?? "";
      for (const [i, u] of c.units.entries()) {
        audit({
          action: "unit.create",
          entityType: "unit",
          entityId: rows[i]?.id,
          cityId: c.id,
          after: { nameZh: u.nameZh },
        });
      }
      const laboratory = rows[c.units.findIndex((u) => u.kind === "laboratory")];
      for (const a of demoAccountsOf(c)) {
        const idNumber = a.idPrefix
          ? makeResidentId(
              `${firstUnit.districtCode}${a.idPrefix}${String(accounts.length).padStart(3, "0")}`,
            )
          : null;
        accounts.push({
          role: a.role,
          values: {
            username: `${c.prefix}-${a.suffix}`,
            displayName: `${c.nameZh.replace("市", "")}${a.nameZh}`,
            passwordHash,
            cityId: c.id,
            districtCode:
              a.attach === "unit2"
                ? bannedUnit.districtCode
                : a.attach === "laboratory"
                  ? (laboratory?.districtCode ?? null)
                  : a.attach
                    ? firstUnit.districtCode
                    : null,
            unitId:
              a.attach === "unit"
                ? firstUnit.id
                : a.attach === "unit2"
                  ? bannedUnit.id
                  : a.attach === "laboratory"
                    ? (laboratory?.id ?? null)
                    : null,
            isDemo: 1,
            ...(idNumber
              ? {
                  idNumberCipher: cipher.encrypt(idNumber),
                  idNumberDigest: cipher.digest(idNumber),
                  idNumberMasked: maskResidentId(idNumber),
                }
              : {}),
            createdAt: now,
            updatedAt: now,
          },
        });
      }
    }
    for (const p of demoPlatformAccounts) {
      accounts.push({
        role: p.role,
        values: {
          username: p.username,
          displayName: p.displayName,
          passwordHash,
          isDemo: 1,
          createdAt: now,
          updatedAt: now,
        },
      });
    }
    const inserted = await tx
      .insert(users)
      .values(accounts.map((a) => a.values))
      .returning({ id: users.id, username: users.username, cityId: users.cityId });
    await tx
      .insert(userRoles)
      .values(inserted.map((u, i) => ({ userId: u.id, role: accounts[i]?.role ?? "expert" })));
    for (const [i, u] of inserted.entries()) {
      audit({
        action: "user.create",
        entityType: "user",
        entityId: u.id,
        cityId: u.cityId,
        after: { username: u.username, roles: [accounts[i]?.role] },
      });
    }
    const idsOf = (suffix: string) =>
      Object.fromEntries(inserted.filter((u) => u.username.endsWith(suffix)).map((u) => [u.cityId, u.id]));
    await seedDemoCalls(tx, audit, now, { officers: idsOf("-officer"), finance: idsOf("-finance") });
    await seedDemoIntegrity(tx, audit, now, unitIds);
    for (const city of demoCities)
      await seedDemoExperts(tx, audit, now, { city, cipher, passwordHash, unitIds });
  });
  return { created: true };
}
