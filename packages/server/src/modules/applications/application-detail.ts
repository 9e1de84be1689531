import type { FastifyRequest } from "fastify";
import type { AppDeps } from "../../deps.ts";
import { actorOf } from "../../plugins/access.ts";
import { findCall } from "../guides/guides.repository.ts";
import { findUnit } from "../units/units.repository.ts";
import { loadVisible } from "./access.ts";
import { toApplicationDto } from "./application-dto.ts";

/** What every application route answers with: the application as the caller may see it. */
export async function loadDetail(deps: Pick<AppDeps, "db">, request: FastifyRequest, id: string) {
  const actor = actorOf(request);
  const row = await loadVisible(deps.db, actor, id);
  const [call, unit] = await Promise.all([
    findCall(deps.db, row.cityId, row.callId),
    findUnit(deps.db, row.unitId),
  ]);
  return toApplicationDto(row, actor.roles, call?.opensAt ?? row.createdAt, {
    unitNameZh: unit?.nameZh ?? null,
    unitKind: unit?.kind ?? null,
  });
}
