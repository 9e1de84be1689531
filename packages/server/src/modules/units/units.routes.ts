import { inScope, scopeFor, unitKinds } from "@luoshu/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { idParams, pageOf, pageQuery } from "../../lib/http-schemas.ts";
import { actorOf } from "../../plugins/access.ts";
import { createUnit, updateUnitDetails } from "./save-unit.ts";
import { unitNotFound } from "./unit-errors.ts";
import { findUnit, listUnits, type UnitRow } from "./units.repository.ts";

const unitSchema = z.object({
  id: z.string(),
  cityCode: z.string(),
  uscc: z.string(),
  nameZh: z.string(),
  kind: z.string(),
  districtCode: z.string(),
  districtNameZh: z.string().nullable(),
  legalRepresentative: z.string(),
  createdAt: z.string(),
});

const toDto = (u: UnitRow & { districtNameZh?: string | null }) => ({
  id: u.id,
  cityCode: u.cityId,
  uscc: u.uscc,
  nameZh: u.nameZh,
  kind: u.kind,
  districtCode: u.districtCode,
  districtNameZh: u.districtNameZh ?? null,
  legalRepresentative: u.legalRepresentative,
  createdAt: u.createdAt.toISOString(),
});

const unitFields = {
  uscc: z.string().trim().toUpperCase().length(18, "统一社会信用代码应为18位"),
  nameZh: z.string().trim().min(2).max(100),
  kind: z.enum(unitKinds),
  districtCode: z.string().regex(/^\d{6}$/),
  legalRepresentative: z.string().trim().min(2).max(50),
};

export async function unitRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/units",
    {
      config: { access: { permission: "unit.read", scope: "unit" } },
      schema: {
        tags: ["units"],
        summary: "Units in the caller's scope (city, district or own unit)",
        querystring: z
          .object({
            ...pageQuery,
            keyword: z.string().max(100).optional(),
            kind: z.enum(unitKinds).optional(),
            district: z.string().max(12).optional(),
            city: z.string().max(32).optional(),
          })
          .strict(),
        response: { 200: pageOf(unitSchema) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const res = await listUnits(deps.db, actorOf(request), filter, page, pageSize);
      return { items: res.items.map(toDto), total: res.total, page, pageSize };
    },
  );

  r.get(
    "/api/units/:id",
    {
      config: { access: { permission: "unit.read", scope: "unit" } },
      schema: { tags: ["units"], summary: "One unit", params: idParams, response: { 200: unitSchema } },
    },
    async (request) => {
      const unit = await findUnit(deps.db, request.params.id);
      if (
        !unit ||
        !inScope(scopeFor(actorOf(request), "platform"), {
          cityId: unit.cityId,
          districtCode: unit.districtCode,
          unitId: unit.id,
        })
      ) {
        throw unitNotFound();
      }
      return toDto(unit);
    },
  );

  r.post(
    "/api/units",
    {
      config: { access: { permission: "unit.create", scope: "city" } },
      schema: {
        tags: ["units"],
        summary: "Register a unit (USCC checked by GB 32100-2015)",
        body: z.object({ ...unitFields, cityCode: z.string().max(32).optional() }).strict(),
        response: { 201: unitSchema },
      },
    },
    async (request, reply) => {
      const unit = await createUnit({
        db: deps.db,
        ctx: request.ctx,
        actor: actorOf(request),
        input: request.body,
      });
      return reply.status(201).send(toDto((await findUnit(deps.db, unit.id)) ?? unit));
    },
  );

  r.patch(
    "/api/units/:id",
    {
      config: { access: { permission: "unit.update", scope: "unit" } },
      schema: {
        tags: ["units"],
        summary: "Change a unit's details",
        params: idParams,
        body: z.object(unitFields).partial().strict(),
        response: { 200: unitSchema },
      },
    },
    async (request) => {
      const unit = await updateUnitDetails({
        db: deps.db,
        ctx: request.ctx,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      });
      return toDto((await findUnit(deps.db, unit.id)) ?? unit);
    },
  );
}
