import { checkBudget, computePostSubsidy, DomainError, type Policy, selectPolicy } from "@luoshu/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";

const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const city = z.enum(["luoyang", "datong"]);
const finding = z.object({
  code: z.string(),
  messageZh: z.string(),
  messageEn: z.string(),
  clause: z.string().optional(),
});
const violation = finding.extend({ category: z.string().optional() });

/** The budget rules are published, so checking a budget against them needs no login (but is rate-limited). */
const publicLimited = {
  permission: "public",
  scope: "none",
  rateLimit: { max: 240, windowMs: 60_000 },
} as const;

export async function budgetRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const policyFor = (c: string, now: Date): Policy => {
    const p = selectPolicy(deps.policies, c, now);
    if (!p) {
      throw new DomainError({
        code: "POLICY_NOT_IN_FORCE",
        messageZh: "该城市当前没有生效的政策版本。",
        messageEn: "No policy version is in force for this city.",
      });
    }
    return p;
  };

  r.post(
    "/api/budget/check",
    {
      config: { access: publicLimited },
      schema: {
        tags: ["budget"],
        summary: "Check a project budget against the city's rules (LY-FUNDS §16 …)",
        body: z
          .object({
            city,
            program: z.string().max(64).optional(),
            theoretical: z.boolean().optional(),
            lines: z
              .array(
                z
                  .object({
                    category: z.string().max(32),
                    amountFen: fen,
                    purchaseFen: fen.optional(),
                    note: z.string().max(2000).optional(),
                  })
                  .strict(),
              )
              .max(100),
          })
          .strict(),
        response: {
          200: z.object({
            city: z.string(),
            policyVersion: z.string(),
            program: z.string().nullable(),
            directCostFen: z.number(),
            equipmentPurchaseFen: z.number(),
            indirectBaseFen: z.number(),
            indirectCostFen: z.number(),
            indirectCostCapFen: z.number().nullable(),
            totalFen: z.number(),
            categories: z.array(
              z.object({
                category: z.string(),
                group: z.string(),
                nameZh: z.string(),
                nameEn: z.string(),
                amountFen: z.number(),
                findings: z.array(finding),
              }),
            ),
            violations: z.array(violation),
            appliedClauses: z.array(z.string()),
          }),
        },
      },
    },
    async (request) => {
      const { city: c, ...input } = request.body;
      return checkBudget(policyFor(c, request.ctx.now), input);
    },
  );

  r.post(
    "/api/budget/post-subsidy",
    {
      config: { access: publicLimited },
      schema: {
        tags: ["budget"],
        summary: "Post-subsidy from a performance grade (LY-REFORM §三(四)2)",
        body: z
          .object({
            city,
            program: z.string().max(64),
            grade: z.enum(["excellent", "good", "pass", "fail"]),
            verifiedRdFen: fen,
          })
          .strict(),
        response: {
          200: z.object({
            amountFen: z.number(),
            ratioBp: z.number(),
            capFen: z.number().nullable(),
            clause: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => {
      const { city: c, ...input } = request.body;
      return computePostSubsidy(policyFor(c, request.ctx.now), input);
    },
  );
}
