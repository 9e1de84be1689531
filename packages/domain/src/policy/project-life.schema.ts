import { z } from "zod";
import { sourceSchema } from "./source.schema.ts";

/** Why a unit applies to end its project early (DT-RULES §20): 不可抗力, 技术路线不可行. */
export const terminationGrounds = ["forceMajeure", "infeasibleRoute"] as const;
export type TerminationGround = (typeof terminationGrounds)[number];

/** Why the bureau revokes a project (DT-RULES §21): 违反法律法规, 弄虚作假, 不按任务书约定实施. */
export const revocationGrounds = ["lawViolation", "fraud", "taskBookBreach"] as const;
export type RevocationGround = (typeof revocationGrounds)[number];

/** The measures of LY-FUNDS §25, from the lightest; a referral to the judicial organs is recorded too. */
export const sanctionKinds = [
  "interview",
  "reprimand",
  "paymentSuspension",
  "termination",
  "eligibilityBan",
  "badRecord",
  "judicialReferral",
] as const;
export type SanctionKind = (typeof sanctionKinds)[number];

/** Who imposes a sanction (LY-FUNDS §25: 市科技局、财政局). */
export const sanctionAuthorities = ["scienceBureau", "financeBureau"] as const;
export type SanctionAuthority = (typeof sanctionAuthorities)[number];

export const projectLifeSchema = z.strictObject({
  termination: z.strictObject({
    /** The grounds on which the unit may apply; the bureau decides. */
    grounds: z.array(z.enum(terminationGrounds)).min(1),
    source: sourceSchema,
    /** What the unit holds and has not spent: returned to the treasury, or kept by the unit. */
    balance: z.strictObject({ rule: z.enum(["returnToTreasury", "staysWithUnit"]), source: sourceSchema }),
  }),
  revocation: z.strictObject({
    grounds: z.array(z.enum(revocationGrounds)).min(1),
    /** 追缴计划项目资金: everything paid is to be recovered. */
    recover: z.literal("allPaid"),
    source: sourceSchema,
    /** The integrity record a revocation leaves, of whom, and for how long (null: until lifted). */
    listing: z.strictObject({
      kind: z.enum(["blacklist", "eligibilityBan"]),
      subjects: z.array(z.enum(["unit", "principalInvestigator"])).min(1),
      years: z.int().min(1).max(50).nullable(),
      source: sourceSchema,
    }),
  }),
  sanctions: z.strictObject({
    kinds: z.array(z.enum(sanctionKinds)).min(1),
    authorities: z.array(z.enum(sanctionAuthorities)).min(1),
    source: sourceSchema,
  }),
  /**
   * 宽容失败: a project that fails although carried out with due diligence (勤勉尽责) closes without
   * sanction, and its grade does not count against its unit or PI.
   */
  toleratedFailure: z.strictObject({ source: sourceSchema }),
});
export type ProjectLifeRules = z.infer<typeof projectLifeSchema>;
