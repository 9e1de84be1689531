import {
  DomainError,
  type ErrorCode,
  maskResidentId,
  type Role,
  type Violation,
  validatePassword,
  validateResidentId,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import { hashPassword } from "../../lib/passwords.ts";
import type { FieldCipher } from "../../lib/sm-crypto.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { UnitsRepository } from "../units/units.repository.ts";
import { getUser, type UserReadDeps } from "./read-users.ts";
import type { UsersRepository } from "./users.repository.ts";

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  cityCode?: string;
  districtCode?: string;
  unitId?: string;
  idNumber?: string;
}

const fail = (code: ErrorCode, messageZh: string, messageEn: string, path: string) =>
  new DomainError({ code, messageZh, messageEn, path });

type Place = { ok: true; districtCode: string | null } | { ok: false; problem: Violation };

/** The new account's district: its unit's, or the one named, which must lie in the account's city. */
async function placeOf(
  units: Pick<UnitsRepository, "find" | "districtExists">,
  cityId: string | null,
  unitId: string | null,
  districtCode: string | null,
): Promise<Place> {
  if (unitId) {
    const unit = await units.find({ kind: "platform" }, unitId);
    if (!unit || unit.cityId !== cityId) {
      const problem: Violation = {
        code: "VALIDATION",
        messageZh: "单位不存在或不属于该城市。",
        messageEn: "The unit is not in this city.",
        path: "unitId",
      };
      return { ok: false, problem };
    }
    return { ok: true, districtCode: unit.districtCode };
  }
  if (districtCode && (!cityId || !(await units.districtExists(cityId, districtCode)))) {
    const problem: Violation = {
      code: "VALIDATION",
      messageZh: "县区不属于该城市。",
      messageEn: "The district is not in this city.",
      path: "districtCode",
    };
    return { ok: false, problem };
  }
  return { ok: true, districtCode };
}

/**
 * The system administrator opens accounts without roles (the security administrator grants them);
 * a unit administrator registers the unit's own principal investigators, who get that one role.
 * Every field problem is answered at once (`DomainError.all`), the taken username and ID number
 * among them; the unique indexes still decide a race, with a 409.
 */
export async function createUser(
  deps: UserReadDeps & {
    repos: {
      users: Pick<UsersRepository, "takenBy">;
      units: Pick<UnitsRepository, "find" | "districtExists">;
    };
    tx: Transactor<{
      users: Pick<UsersRepository, "insert">;
      units: Pick<UnitsRepository, "find" | "districtExists">;
    }>;
    cipher: FieldCipher;
  },
  input: { ctx: CallerContext; user: CreateUserInput },
) {
  const { ctx, user: u } = input;
  const { actor } = ctx;
  const byUnitAdmin = !actor.roles.includes("sysAdmin");
  const cityId = byUnitAdmin ? actor.cityId : (u.cityCode ?? null);
  const unitId = byUnitAdmin ? actor.unitId : (u.unitId ?? null);
  const roles: Role[] = byUnitAdmin ? ["principalInvestigator"] : [];
  if (byUnitAdmin && (!cityId || !unitId))
    throw fail(
      "FORBIDDEN",
      "只有单位管理员可为本单位注册项目负责人。",
      "Only a unit administrator registers its unit's PIs.",
      "unitId",
    );

  const problems: Violation[] = [];
  const place = await placeOf(deps.repos.units, cityId, unitId, u.districtCode ?? null);
  if (!place.ok) problems.push(place.problem);
  let idFields: { idNumberCipher: string; idNumberDigest: string; idNumberMasked: string } | null = null;
  if (u.idNumber) {
    const id = u.idNumber.toUpperCase();
    const v = validateResidentId(id);
    if (v.ok) {
      idFields = {
        idNumberCipher: deps.cipher.encrypt(id),
        idNumberDigest: deps.cipher.digest(id),
        idNumberMasked: maskResidentId(id),
      };
    } else {
      problems.push({ code: v.code, messageZh: v.messageZh, messageEn: v.messageEn, path: "idNumber" });
    }
  }
  const pw = validatePassword(u.password, u.username);
  if (!pw.ok)
    problems.push({ code: pw.code, messageZh: pw.messageZh, messageEn: pw.messageEn, path: "password" });
  // Conflicts come last: with other problems the answer leads with those, alone it stays a 409.
  problems.push(
    ...(await deps.repos.users.takenBy({ username: u.username, idNumberDigest: idFields?.idNumberDigest })),
  );
  const [first, ...rest] = problems;
  if (first) throw DomainError.all([first, ...rest]);

  const passwordHash = await hashPassword(u.password);

  const user = await deps.tx.run(ctx, async ({ users, units }, audit) => {
    // Read again in the transaction: the unit's district as it stands when the account is written.
    const placed = await placeOf(units, cityId, unitId, u.districtCode ?? null);
    if (!placed.ok) throw DomainError.all([placed.problem]);
    const user = await users.insert(
      {
        username: u.username,
        displayName: u.displayName,
        passwordHash,
        cityId,
        districtCode: placed.districtCode,
        unitId,
        ...idFields,
        // The administrator knows this password, so it is only good for the first login.
        mustChangePassword: true,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      },
      roles,
    );
    audit({ action: "user.create", entityType: "user", entityId: user.id, cityId, after: user });
    return user;
  });
  // Read back with its unit's name, as the caller sees it.
  return getUser(deps, { ctx, id: user.id });
}
