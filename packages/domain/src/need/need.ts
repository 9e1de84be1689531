import { z } from "zod";
import { DomainError } from "../shared/errors.ts";
import { fenSchema } from "../shared/money.ts";
import type { NeedState } from "./need.machine.ts";

/** What anyone may submit as a technology need (needs collection, DT-RULES §14(一)). */
export const needInputSchema = z
  .object({
    title: z.string().trim().min(4).max(200),
    field: z.string().trim().min(2).max(100),
    problem: z.string().trim().min(10).max(5000),
    expectedIndicators: z.string().trim().max(2000).default(""),
    coFundingFen: fenSchema.default(0),
    submitterName: z.string().trim().min(2).max(100),
    submitterContact: z.string().trim().min(5).max(100),
  })
  .strict();
export type NeedInput = z.output<typeof needInputSchema>;

/** A collected need with its triage. */
export interface Need extends NeedInput {
  id: string;
  cityId: string;
  submitterUserId: string | null;
  status: NeedState;
  mergedInto: string | null;
  decisionReason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
}

/** The bureau's triage: accept, merge into an accepted need, or reject with a reason. */
export const needDecisionSchema = z.discriminatedUnion("event", [
  z.object({ event: z.literal("accept"), reason: z.string().max(1000).optional() }).strict(),
  z.object({ event: z.literal("merge"), into: z.uuid(), reason: z.string().max(1000).optional() }).strict(),
  z.object({ event: z.literal("reject"), reason: z.string().trim().min(2).max(1000) }).strict(),
]);
export type NeedDecision = z.output<typeof needDecisionSchema>;

/** A need is merged into another need that the bureau has already accepted. */
export function checkMergeTarget(need: Pick<Need, "id">, target: Pick<Need, "id" | "status"> | undefined) {
  if (!target || target.id === need.id || target.status !== "accepted") {
    throw new DomainError({
      code: "VALIDATION",
      messageZh: "只能合并到另一条已采纳的需求。",
      messageEn: "Merge into another accepted need.",
      path: "into",
    });
  }
}
