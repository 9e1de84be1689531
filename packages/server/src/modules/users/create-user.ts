import {
  type Actor,
  DomainError,
  type ErrorCode,
  maskResidentId,
  type Role,
  validatePassword,
  validateResidentId,
} from "@luoshu/domain";
import type { Db } from "../../db/client.ts";
import type { RequestContext } from "../../lib/context.ts";
import { inTransaction } from "../../lib/legacy-transaction.ts";
import type { FieldCipher } from "../../lib/sm-crypto.ts";
import { hashPassword } from "../auth/login.ts";
import { districtExists, findUnit } from "../units/units.repository.ts";
import { idNumberTaken, insertUser, usernameTaken } from "./users.repository.ts";

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
export async function createUser(opts: {
  db: Db;
  ctx: RequestContext;
  actor: Actor;
  cipher: FieldCipher;
  input: CreateUserInput;
}) {
  const { actor, input, cipher } = opts;
  const byUnitAdmin = !actor.roles.includes("sysAdmin");
  const cityId = byUnitAdmin ? actor.cityId : (input.cityCode ?? null);
  const unitId = byUnitAdmin ? actor.unitId : (input.unitId ?? null);
  const roles: Role[] = byUnitAdmin ? ["principalInvestigator"] : [];
  if (byUnitAdmin && (!cityId || !unitId))
    throw fail(
      "FORBIDDEN",
      "只有单位管理员可为本单位注册项目负责人。",
      "Only a unit administrator registers its unit's PIs.",
      "unitId",
    );

  const pw = validatePassword(input.password, input.username);
  if (!pw.ok) throw fail("PASSWORD_WEAK", pw.messageZh, pw.messageEn, "password");
  let idFields = {};
  if (input.idNumber) {
    const id = input.idNumber.toUpperCase();
    const v = validateResidentId(id);
    if (!v.ok) throw fail(v.code, v.messageZh, v.messageEn, "idNumber");
    idFields = {
      idNumberCipher: cipher.encrypt(id),
      idNumberDigest: cipher.digest(id),
      idNumberMasked: maskResidentId(id),
    };
  }
  const passwordHash = await hashPassword(input.password);

  return inTransaction(opts.db, opts.ctx, async (tx, audit) => {
    if (await usernameTaken(tx, input.username))
      throw fail("CONFLICT", "用户名已被使用。", "The username is taken.", "username");
    if ("idNumberDigest" in idFields && (await idNumberTaken(tx, idFields.idNumberDigest as string))) {
      throw fail("CONFLICT", "该身份证号已有账号。", "An account with this ID number exists.", "idNumber");
    }
    let districtCode = input.districtCode ?? null;
    if (unitId) {
      const unit = await findUnit(tx, unitId);
      if (!unit || unit.cityId !== cityId)
        throw fail("VALIDATION", "单位不存在或不属于该城市。", "The unit is not in this city.", "unitId");
      districtCode = unit.districtCode;
    } else if (districtCode) {
      if (!cityId || !(await districtExists(tx, cityId, districtCode))) {
        throw fail("VALIDATION", "县区不属于该城市。", "The district is not in this city.", "districtCode");
      }
    }
    const user = await insertUser(
      tx,
      {
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        cityId,
        districtCode,
        unitId,
        ...idFields,
        createdAt: opts.ctx.now,
        updatedAt: opts.ctx.now,
      },
      roles,
    );
    const { passwordHash: _h, idNumberCipher: _c, idNumberDigest: _d, ...safe } = user;
    audit({
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      cityId,
      after: { ...safe, roles },
    });
    return user;
  });
}
