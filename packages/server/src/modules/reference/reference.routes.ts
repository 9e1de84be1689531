import { disciplineList, districtQuery, namedPlaceSchema } from "@luoshu/contract";
import { disciplineSource, disciplines } from "@luoshu/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { listCities, listDistricts } from "./read-reference.ts";

/** Cities and their districts are public administrative facts (GB/T 2260), needed by forms and the public pages. */
export async function referenceRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/cities",
    {
      config: { access: { permission: "public", scope: "none" } },
      schema: {
        tags: ["reference"],
        summary: "Cities (tenants): those the policy files cover",
        response: { 200: z.array(namedPlaceSchema) },
      },
    },
    async () => listCities(deps),
  );
  r.get(
    "/api/districts",
    {
      config: { access: { permission: "public", scope: "none" } },
      schema: {
        tags: ["reference"],
        summary: "Districts of a city (the caller's city when none is given)",
        querystring: districtQuery,
        response: { 200: z.array(namedPlaceSchema) },
      },
    },
    async (request) => listDistricts(deps, { ctx: request.ctx, city: request.query.city }),
  );
  r.get(
    "/api/disciplines",
    {
      config: { access: { permission: "public", scope: "none" } },
      schema: {
        tags: ["reference"],
        summary: "Discipline codes (GB/T 13745, first two levels; see the list's note on completeness)",
        response: { 200: disciplineList },
      },
    },
    async () => ({ source: disciplineSource, items: [...disciplines] }),
  );
}
