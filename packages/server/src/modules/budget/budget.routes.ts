import {
  budgetCheckBody,
  budgetCheckResultSchema,
  postSubsidyBody,
  postSubsidyResultSchema,
} from "@luoshu/contract";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.ts";
import { checkCityBudget, computeCityPostSubsidy } from "./check-budget.ts";

/** The budget rules are published, so checking a budget against them needs no login (but is rate-limited). */
const publicLimited = {
  permission: "public",
  scope: "none",
  rateLimit: { max: 240, windowMs: 60_000 },
} as const;

export async function budgetRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/budget/check",
    {
      config: { access: publicLimited, errors: ["POLICY_NOT_IN_FORCE", "BUDGET_UNKNOWN_PROGRAM"] },
      schema: {
        tags: ["budget"],
        summary: "Check a project budget against the city's rules (LY-FUNDS §16 …)",
        body: budgetCheckBody,
        response: { 200: budgetCheckResultSchema },
      },
    },
    async (request) => {
      const { city, ...budget } = request.body;
      return checkCityBudget(deps, { now: request.ctx.now, city, budget });
    },
  );

  r.post(
    "/api/budget/post-subsidy",
    {
      config: { access: publicLimited, errors: ["POLICY_NOT_IN_FORCE", "POST_SUBSIDY_NOT_APPLICABLE"] },
      schema: {
        tags: ["budget"],
        summary: "Post-subsidy from a performance grade (LY-REFORM §三(四)2)",
        body: postSubsidyBody,
        response: { 200: postSubsidyResultSchema },
      },
    },
    async (request) => computeCityPostSubsidy(deps, { now: request.ctx.now, ...request.body }),
  );
}
