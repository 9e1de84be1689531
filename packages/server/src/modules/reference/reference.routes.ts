import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { listCities, listDistricts } from "./reference.repository.ts";

const named = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });

/** Cities and their districts are public administrative facts (GB/T 2260), needed by forms and the public pages. */
export async function referenceRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/cities",
    {
      config: { access: { permission: "public", scope: "none" } },
      schema: { tags: ["reference"], summary: "Cities (tenants)", response: { 200: z.array(named) } },
    },
    async () => listCities(deps.db),
  );
  r.get(
    "/api/districts",
    {
      config: { access: { permission: "public", scope: "none" } },
      schema: {
        tags: ["reference"],
        summary: "Districts of a city (the caller's city when none is given)",
        querystring: z.object({ city: z.string().max(32).optional() }).strict(),
        response: { 200: z.array(named) },
      },
    },
    async (request) => {
      const city = request.query.city ?? request.ctx.actor?.cityId;
      return city ? listDistricts(deps.db, city) : [];
    },
  );
}
