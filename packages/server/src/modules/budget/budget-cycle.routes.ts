import { budgetCycleDto, budgetCycleStepBody, yearParams } from "@luoshu/contract";
import { budgetCycleSteps } from "@luoshu/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { callerOf } from "../../plugins/access.ts";
import { listBudgetCycles, readBudgetCycle, recordCycleStep } from "./budget-cycle.ts";

const tags = ["budget"];
const errors = [
  "INVALID_TRANSITION",
  "FORBIDDEN",
  "VALIDATION",
  "DECISION_NOT_APPLICABLE",
  "LEDGER_OVER_BUDGET",
] as const;

/** 两上两下 (LY-FUNDS §11): the budget years' steps between the S&T bureau and the finance bureau. */
export async function budgetCycleRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/budget/cycles",
    {
      config: { access: { permission: "decision.read", scope: "city" }, errors: ["DECISION_NOT_APPLICABLE"] },
      schema: {
        tags,
        summary:
          "The budget years' 两上两下 steps, the coming year first; mine=true: those whose next step is the caller's",
        querystring: z.object({ mine: z.enum(["true", "false"]).optional() }).strict(),
        response: { 200: z.object({ items: z.array(budgetCycleDto), total: z.number() }) },
      },
    },
    async (request) => {
      const items = await listBudgetCycles(deps, callerOf(request), request.query.mine === "true");
      return { items, total: items.length };
    },
  );

  r.get(
    "/api/budget/cycles/:year",
    {
      config: { access: { permission: "decision.read", scope: "city" }, errors: ["DECISION_NOT_APPLICABLE"] },
      schema: {
        tags,
        summary: "One budget year's steps",
        params: yearParams,
        response: { 200: budgetCycleDto },
      },
    },
    async (request) => readBudgetCycle(deps, callerOf(request), request.params.year),
  );

  r.post(
    "/api/budget/cycles/:year/steps/:step",
    {
      config: { access: { permission: "decision.read", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "Record the next step (一上 and 二上 by the bureau, 一下 and 二下 by finance): its day, document and amount; 二上 with its performance targets",
        params: z
          .object({ year: z.coerce.number().int().min(2000).max(2100), step: z.enum(budgetCycleSteps) })
          .strict(),
        body: budgetCycleStepBody,
        response: { 200: budgetCycleDto },
      },
    },
    async (request) => recordCycleStep(deps, { ctx: callerOf(request), ...request.params, ...request.body }),
  );
}
