import { DomainError, policyId } from "@luoshu/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";

/** Policies are published rules: anyone may read them, as anyone may read the documents they cite. */
export async function policyRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/policies",
    {
      config: { access: { permission: "public", scope: "none" } },
      schema: {
        tags: ["policies"],
        summary: "Policy versions of all cities",
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              city: z.string(),
              version: z.string(),
              effectiveFrom: z.string(),
              cityNameZh: z.string(),
              cityNameEn: z.string(),
              titleZh: z.string(),
              titleEn: z.string(),
            }),
          ),
        },
      },
    },
    async () =>
      deps.policies.map((p) => ({
        id: policyId(p),
        city: p.city,
        version: p.version,
        effectiveFrom: p.effectiveFrom,
        cityNameZh: p.cityNameZh,
        cityNameEn: p.cityNameEn,
        titleZh: p.titleZh,
        titleEn: p.titleEn,
      })),
  );

  r.get(
    "/api/policies/:city/:version",
    {
      config: { access: { permission: "public", scope: "none" } },
      schema: {
        tags: ["policies"],
        summary: "One policy version with every rule and its citation",
        params: z.object({ city: z.string().max(32), version: z.string().max(32) }),
      },
    },
    async (request) => {
      const p = deps.policies.find(
        (x) => x.city === request.params.city && x.version === request.params.version,
      );
      if (!p) {
        throw new DomainError({
          code: "NOT_FOUND",
          messageZh: `没有 ${request.params.city} 的 ${request.params.version} 版政策。`,
          messageEn: `No policy ${request.params.city}/${request.params.version}.`,
        });
      }
      return p;
    },
  );
}
