import {
  type Actor,
  DomainError,
  inScope,
  isPlatformUser,
  scopeFor,
  type UnitKind,
  validateUscc,
} from "@luoshu/domain";
import type { Db, Tx } from "../../db/client.ts";
import type { RequestContext } from "../../lib/context.ts";
import { inTransaction } from "../../lib/legacy-transaction.ts";
import { unitNotFound } from "./unit-errors.ts";
import {
  districtExists,
  findUnit,
  findUnitByUscc,
  insertUnit,
  type UnitRow,
  updateUnit,
} from "./units.repository.ts";

export interface UnitInput {
  uscc: string;
  nameZh: string;
  kind: UnitKind;
  districtCode: string;
  legalRepresentative: string;
  cityCode?: string;
}

async function checkUnit(tx: Tx, cityId: string, input: Partial<UnitInput>, selfId?: string) {
  if (input.uscc !== undefined) {
    const v = validateUscc(input.uscc);
    if (!v.ok)
      throw new DomainError({ code: v.code, messageZh: v.messageZh, messageEn: v.messageEn, path: "uscc" });
    const other = await findUnitByUscc(tx, cityId, input.uscc);
    if (other && other.id !== selfId) {
      throw new DomainError({
        code: "CONFLICT",
        messageZh: "该统一社会信用代码的单位已登记。",
        messageEn: "A unit with this unified social credit code is already registered.",
        path: "uscc",
      });
    }
  }
  if (input.districtCode !== undefined && !(await districtExists(tx, cityId, input.districtCode))) {
    throw new DomainError({
      code: "VALIDATION",
      messageZh: "县区不属于该城市。",
      messageEn: "The district is not in this city.",
      path: "districtCode",
    });
  }
}

export async function createUnit(opts: {
  db: Db;
  ctx: RequestContext;
  actor: Actor;
  input: UnitInput;
}): Promise<UnitRow> {
  const { actor, input } = opts;
  const cityId = isPlatformUser(actor.roles) ? input.cityCode : actor.cityId;
  if (!cityId) {
    throw new DomainError({
      code: "VALIDATION",
      messageZh: "请选择城市。",
      messageEn: "Choose the city.",
      path: "cityCode",
    });
  }
  if (input.cityCode && input.cityCode !== cityId) {
    throw new DomainError({
      code: "FORBIDDEN",
      messageZh: "只能登记本市的单位。",
      messageEn: "You may register units of your own city only.",
    });
  }
  return inTransaction(opts.db, opts.ctx, async (tx, audit) => {
    await checkUnit(tx, cityId, input);
    const { cityCode: _ignored, ...values } = input;
    const unit = await insertUnit(tx, {
      ...values,
      cityId,
      createdAt: opts.ctx.now,
      updatedAt: opts.ctx.now,
    });
    audit({ action: "unit.create", entityType: "unit", entityId: unit.id, cityId, after: unit });
    return unit;
  });
}

export async function updateUnitDetails(opts: {
  db: Db;
  ctx: RequestContext;
  actor: Actor;
  id: string;
  input: Partial<Omit<UnitInput, "cityCode">>;
}): Promise<UnitRow> {
  return inTransaction(opts.db, opts.ctx, async (tx, audit) => {
    const before = await findUnit(tx, opts.id);
    if (
      !before ||
      !inScope(scopeFor(opts.actor, "platform"), {
        cityId: before.cityId,
        districtCode: before.districtCode,
        unitId: before.id,
      })
    ) {
      throw unitNotFound();
    }
    await checkUnit(tx, before.cityId, opts.input, before.id);
    const after = await updateUnit(tx, before.id, before.cityId, { ...opts.input, updatedAt: opts.ctx.now });
    const { districtNameZh: _n, ...beforeRow } = before;
    audit({
      action: "unit.update",
      entityType: "unit",
      entityId: before.id,
      cityId: before.cityId,
      before: beforeRow,
      after,
    });
    return after;
  });
}
