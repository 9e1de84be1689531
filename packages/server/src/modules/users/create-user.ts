import {
  DomainError,
  type ErrorCode,
  maskResidentId,
  type Role,
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

/**
 * The system administrator opens accounts without roles (the security administrator grants them);
 * a unit administrator registers the unit's own principal investigators, who get that one role.
 */
export async function createUser(
  deps: UserReadDeps & {
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

  const pw = validatePassword(u.password, u.username);
  if (!pw.ok) throw fail("PASSWORD_WEAK", pw.messageZh, pw.messageEn, "password");
  let idFields: { idNumberCipher: string; idNumberDigest: string; idNumberMasked: string } | null = null;
  if (u.idNumber) {
    const id = u.idNumber.toUpperCase();
    const v = validateResidentId(id);
    if (!v.ok) throw fail(v.code, v.messageZh, v.messageEn, "idNumber");
    idFields = {
      idNumberCipher: deps.cipher.encrypt(id),
      idNumberDigest: deps.cipher.digest(id),
      idNumberMasked: maskResidentId(id),
    };
  }
  const passwordHash = await hashPassword(u.password);

  const user = await deps.tx.run(ctx, async ({ users, units }, audit) => {
    let districtCode = u.districtCode ?? null;
    if (unitId) {
      const unit = await units.find({ kind: "platform" }, unitId);
      if (!unit || unit.cityId !== cityId)
        throw fail("VALIDATION", "单位不存在或不属于该城市。", "The unit is not in this city.", "unitId");
      districtCode = unit.districtCode;
    } else if (districtCode) {
      if (!cityId || !(await units.districtExists(cityId, districtCode))) {
        throw fail("VALIDATION", "县区不属于该城市。", "The district is not in this city.", "districtCode");
      }
    }
    const user = await users.insert(
      {
        username: u.username,
        displayName: u.displayName,
        passwordHash,
        cityId,
        districtCode,
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
