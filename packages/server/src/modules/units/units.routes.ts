import {
  idParams,
  unitCreateBody,
  unitListQuery,
  unitPage,
  unitSchema,
  unitUpdateBody,
} from "@luoshu/contract";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.ts";
import { callerOf } from "../../plugins/access.ts";
import { codesOf } from "../../plugins/error-codes.ts";
import { createUnit } from "./create-unit.ts";
import { getUnit, listUnits } from "./read-units.ts";
import { toUnitDto } from "./units.dto.ts";
import { updateUnit } from "./update-unit.ts";

export async function unitRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/units",
    {
      config: { access: { permission: "unit.read", scope: "platform" } },
      schema: {
        tags: ["units"],
        summary: "Units in the caller's scope (platform, city, district or own unit)",
        querystring: unitListQuery,
        response: { 200: unitPage },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const res = await listUnits(deps, { ctx: callerOf(request), filter, page, pageSize });
      return { items: res.items.map(toUnitDto), total: res.total, page, pageSize };
    },
  );

  r.get(
    "/api/units/:id",
    {
      config: { access: { permission: "unit.read", scope: "platform" } },
      schema: { tags: ["units"], summary: "One unit", params: idParams, response: { 200: unitSchema } },
    },
    async (request) => toUnitDto(await getUnit(deps, { ctx: callerOf(request), id: request.params.id })),
  );

  r.post(
    "/api/units",
    {
      config: {
        access: { permission: "unit.create", scope: "platform" },
        errors: ["CONFLICT", ...codesOf("USCC_")],
      },
      schema: {
        tags: ["units"],
        summary: "Register a unit (USCC checked by GB 32100-2015)",
        body: unitCreateBody,
        response: { 201: unitSchema },
      },
    },
    async (request, reply) => {
      const unit = await createUnit(deps, { ctx: callerOf(request), unit: request.body });
      return reply.status(201).send(toUnitDto(unit));
    },
  );

  r.patch(
    "/api/units/:id",
    {
      config: {
        access: { permission: "unit.update", scope: "platform" },
        errors: ["CONFLICT", ...codesOf("USCC_")],
      },
      schema: {
        tags: ["units"],
        summary: "Change a unit's details",
        params: idParams,
        body: unitUpdateBody,
        response: { 200: unitSchema },
      },
    },
    async (request) => {
      const unit = await updateUnit(deps, {
        ctx: callerOf(request),
        id: request.params.id,
        changes: request.body,
      });
      return toUnitDto(unit);
    },
  );
}
