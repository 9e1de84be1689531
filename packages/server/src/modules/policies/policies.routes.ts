import { policyParams, policyResponseSchema, policySummarySchema } from "@luoshu/contract";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { getPolicy, listPolicies } from "./read-policies.ts";

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
        response: { 200: z.array(policySummarySchema) },
      },
    },
    async () => listPolicies(deps),
  );

  r.get(
    "/api/policies/:city/:version",
    {
      config: { access: { permission: "public", scope: "none" } },
      schema: {
        tags: ["policies"],
        summary: "One policy version with every rule and its citation",
        params: policyParams,
        response: { 200: policyResponseSchema },
      },
    },
    async (request) => getPolicy(deps, request.params),
  );
}
