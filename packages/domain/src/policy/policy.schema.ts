import { z } from "zod";
import { unitKinds } from "../identity/unit.ts";
import { projectLifeSchema } from "./project-life.schema.ts";
import {
  basisPoints,
  camelCode,
  clauseSourceSchema,
  docCode,
  fen,
  sourceSchema,
  text,
} from "./source.schema.ts";
import { supervisionSchema } from "./supervision.schema.ts";
import { trackingSchema } from "./tracking.schema.ts";

export {
  type ClauseSource,
  citationOf,
  citeSource,
  citySettingSourceSchema,
  clauseSourceSchema,
  type Source,
  sourceSchema,
} from "./source.schema.ts";

/**
 * One city's policy version as data (policies/<city>-<version>.json). Every rule names where it comes
 * from: a clause of a source document with the Chinese sentence copied verbatim, or a value the
 * documents leave open and the city sets itself. That way each automatic decision can cite what it
 * applied, and a reviewer can check the data against the documents sentence by sentence.
 */

/** A city as its policy files name it (`luoyang`); which cities exist is whatever files are loaded. */
export const cityCodeSchema = z.string().regex(/^[a-z][a-z0-9-]{1,31}$/, "expected a lower-case city code");
export type CityCode = string;

export const fundingModes = [
  "preFunding",
  "postSubsidy",
  "filing",
  "joint",
  "fundPush",
  "unspecified",
] as const;
export type FundingMode = (typeof fundingModes)[number];

export const selectionModes = [
  "filing",
  "competitive",
  "directedSelection",
  "directedCommission",
  "openChallenge",
  "horseRace",
  "jointCommittee",
  "fundPush",
] as const;
export type SelectionMode = (typeof selectionModes)[number];

export const budgetCategoryCodes = [
  "equipment",
  "materials",
  "testing",
  "fuelPower",
  "publicationIp",
  "travelMeetings",
  "hiredStaff",
  "expertConsulting",
  "otherExpenses",
  "indirect",
] as const;
export type BudgetCategoryCode = (typeof budgetCategoryCodes)[number];

export const budgetGroups = ["equipment", "business", "labour", "indirect"] as const;
export type BudgetGroup = (typeof budgetGroups)[number];

/** What a budget category rule asks for; `explanationRequired` is enforced by checkBudget, the rest inform. */
export const categoryRuleKinds = ["explanationRequired", "notPayableToProjectStaff", "noRatioCap"] as const;
export type CategoryRuleKind = (typeof categoryRuleKinds)[number];

export const performanceGrades = ["excellent", "good", "pass", "fail"] as const;
export type PerformanceGrade = (typeof performanceGrades)[number];

export const approvers = ["bureau", "unit", "principalInvestigator"] as const;
export type Approver = (typeof approvers)[number];

/** `required`: every application goes through the district; `perGuide`: each guide decides. */
export const districtReviewModes = ["required", "perGuide"] as const;
export type DistrictReviewMode = (typeof districtReviewModes)[number];

export const eligibilityRuleCodes = [
  "independentLegalPersonInCity",
  "noRepeatFunding",
  "commitmentLetter",
  "noEligibilityBan",
  "notBlacklisted",
] as const;
export type EligibilityRuleCode = (typeof eligibilityRuleCodes)[number];

const documentSchema = z.strictObject({
  code: docCode,
  docNumber: text,
  titleZh: text,
  /** Null for a document that carries no date (LY-PLAN covers 2021–2025 and is undated). */
  issued: z.iso.date().nullable(),
});

const programSchema = z.strictObject({
  code: camelCode,
  /** Two capital letters in the application number (LY-2026-RK-0001): the city's setting, no clause names them. */
  numberCode: z.string().regex(/^[A-Z]{2}$/, "expected two capital letters"),
  nameZh: text,
  nameEn: text,
  fundingMode: z.enum(fundingModes),
  /** Projects approved a year; `inPrinciple` (原则上) makes it a cap the leader may exceed with a recorded reason. */
  yearlyCap: z
    .strictObject({ count: z.int().min(1), inPrinciple: z.boolean(), source: sourceSchema })
    .optional(),
  perProjectCapFen: z
    .strictObject({ amountFen: fen, lumpSum: z.boolean(), inPrinciple: z.boolean(), source: sourceSchema })
    .optional(),
  selectionModes: z.array(z.strictObject({ mode: z.enum(selectionModes), source: sourceSchema })).min(1),
  subKinds: z
    .array(z.strictObject({ code: camelCode, nameZh: text, nameEn: text }))
    .min(1)
    .optional(),
  /** The fields a program serves, when the documents list them: guides and applications pick from these. */
  fields: z
    .strictObject({
      items: z.array(z.strictObject({ code: camelCode, nameZh: text, nameEn: text })).min(1),
      source: sourceSchema,
    })
    .optional(),
  /** Applications must plan milestones (e.g. soft science, LY-REFORM §三(三)3). */
  milestonesRequired: z.strictObject({ source: sourceSchema }).optional(),
  source: sourceSchema,
});
export type Program = z.infer<typeof programSchema>;

const budgetCategorySchema = z.strictObject({
  code: z.enum(budgetCategoryCodes),
  group: z.enum(budgetGroups),
  nameZh: text,
  nameEn: text,
  rules: z
    .array(
      z.strictObject({ kind: z.enum(categoryRuleKinds), noteZh: text, noteEn: text, source: sourceSchema }),
    )
    .optional(),
  source: sourceSchema,
});
export type BudgetCategory = z.infer<typeof budgetCategorySchema>;

export const indirectTierSchema = z.strictObject({ upToFen: fen.nullable(), rateBp: basisPoints });
export type IndirectTier = z.infer<typeof indirectTierSchema>;

const indirectCostSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("tiers"),
    base: z.literal("directMinusEquipmentPurchase"),
    tiers: z.array(indirectTierSchema).min(1),
    theoreticalRateBp: basisPoints,
    source: sourceSchema,
  }),
  z.strictObject({ kind: z.literal("unspecified"), noteZh: text, noteEn: text }),
]);
export type IndirectCostRule = z.infer<typeof indirectCostSchema>;

const gradeRuleSchema = z.strictObject({ ratioBp: basisPoints, capFen: fen, source: sourceSchema });
export type GradeRule = z.infer<typeof gradeRuleSchema>;

const postSubsidySchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("byGrade"),
    programs: z.array(camelCode).min(1),
    grades: z.strictObject({
      excellent: gradeRuleSchema,
      good: gradeRuleSchema,
      pass: gradeRuleSchema,
      fail: gradeRuleSchema,
    }),
  }),
  z.strictObject({ kind: z.literal("none"), noteZh: text, noteEn: text }),
]);
export type PostSubsidyRule = z.infer<typeof postSubsidySchema>;

/** 两上两下 (LY-FUNDS §11): the year's budget, proposed and set in four steps between bureau and finance. */
export const budgetCycleSteps = ["firstUp", "firstDown", "secondUp", "secondDown"] as const;
export type BudgetCycleStep = (typeof budgetCycleSteps)[number];

const budgetCycleSchema = z.strictObject({
  steps: z
    .array(
      z.strictObject({
        code: z.enum(budgetCycleSteps),
        /** Who records it: the S&T bureau or the finance bureau. */
        actor: z.enum(["bureau", "finance"]),
        nameZh: text,
        nameEn: text,
        /** Due in the year before the budget's year, as MM-DD; null where the document sets no date. */
        dueBefore: z
          .string()
          .regex(/^\d{2}-\d{2}$/)
          .nullable(),
        source: sourceSchema,
      }),
    )
    .length(4),
  /** Program-level performance targets are set with the draft (LY-FUNDS §23). */
  performanceTargets: z.strictObject({ source: sourceSchema }),
});
export type BudgetCycleRules = z.infer<typeof budgetCycleSchema>;

/** What a payment node waits for: the task book signed, the mid-term assessment passed, acceptance, the grade. */
export const disbursementTriggers = ["taskBookSigned", "midTermPassed", "accepted", "graded"] as const;
export type DisbursementTrigger = (typeof disbursementTriggers)[number];

/**
 * 拨付: how a program's money is paid, node by node (LY-FUNDS §13). An entry names its programs or
 * its funding modes; the first entry naming a program decides. A program no entry names is never paid
 * (filing, joint research, fund push).
 */
const disbursementSchema = z.array(
  z.strictObject({
    programs: z.array(camelCode).min(1).optional(),
    fundingModes: z.array(z.enum(fundingModes)).min(1).optional(),
    nodes: z
      .array(
        z.strictObject({
          code: camelCode,
          after: z.enum(disbursementTriggers),
          /** The share of the amount this node pays, in per cent; the nodes add up to 100. */
          percent: z.strictObject({ value: z.int().min(1).max(100), source: sourceSchema }),
        }),
      )
      .min(1),
    source: sourceSchema,
  }),
);
export type DisbursementRule = z.infer<typeof disbursementSchema>[number];

const approvalSchema = z.strictObject({ approver: z.enum(approvers), source: sourceSchema });
export type ApprovalRule = z.infer<typeof approvalSchema>;

const changeApprovalsSchema = z.strictObject({
  legalPerson: approvalSchema,
  principalInvestigator: approvalSchema,
  budgetAdjustment: z.strictObject({ equipment: approvalSchema, other: approvalSchema }),
  extension: approvalSchema,
});

const eligibilityRuleSchema = z.strictObject({
  code: z.enum(eligibilityRuleCodes),
  descriptionZh: text,
  descriptionEn: text,
  source: sourceSchema,
  /** The clause a city setting builds on, quoted for what it does say (e.g. listing, not its consequence). */
  basis: clauseSourceSchema.optional(),
});
export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;

/** Who organises a program's expert review: the bureau itself, or a third-party agency it entrusts. */
export const reviewOrganisers = ["bureau", "entrustedAgency"] as const;
export type ReviewOrganiser = (typeof reviewOrganisers)[number];

const setting = (min: number, max: number) =>
  z.strictObject({ value: z.int().min(min).max(max), source: sourceSchema });

/** 专家评审: who organises it per program, and the numbers the review runs on. */
const expertReviewSchema = z.strictObject({
  /** Programs not listed have no expert review of this kind (filing, joint committee, fund push). */
  organisers: z
    .array(
      z.strictObject({
        programs: z.array(camelCode).min(1),
        organiser: z.enum(reviewOrganisers),
        source: sourceSchema,
      }),
    )
    .min(1),
  reviewersPerApplication: setting(1, 15),
  /** An expert who left the applicant's unit fewer than this many years ago is conflicted. */
  conflictLookbackYears: setting(0, 30),
  /** With this many reviews or more, the highest and the lowest are dropped. */
  trimFromReviews: setting(3, 99),
  /** Weighted totals (out of 100) further apart than this go to panel discussion. */
  spreadThresholdPoints: setting(1, 100),
  /** The random mode's cap on any one pair's probability, in per cent. */
  randomPairCapPercent: setting(1, 100),
  /** Results this close (points out of 100) count as 结论接近 for a horse race. */
  horseRaceClosenessPoints: setting(0, 100),
});
export type ExpertReviewRules = z.infer<typeof expertReviewSchema>;

const programStep = z.strictObject({ programs: z.array(camelCode).min(1), source: sourceSchema });

/**
 * 立项决策: the steps from the ranking to approved projects. A step the city's documents do not name
 * is absent (off) unless the city sets it, and then its source says so (citySetting).
 */
/** 联合专家委员会 seats: technical, industry and finance experts (LY-REFORM §三(二)2). */
export const committeeSeats = ["technical", "industry", "finance"] as const;
export type CommitteeSeat = (typeof committeeSeats)[number];

const decisionSchema = z.strictObject({
  /** The finance bureau's yearly control number, which the money of every list stays within. */
  budgetControl: z.strictObject({ source: sourceSchema }),
  /** 集体研究: the bureau's collective decision on the proposed list, recorded with its meeting. */
  collectiveDecision: z.strictObject({ source: sourceSchema }),
  /** The bureau leader approves the proposed list before anything leaves the bureau. */
  leaderApproval: z.strictObject({ source: sourceSchema }),
  /** 报市政府批准: the city government approves the plan of these programs before notice and co-sign. */
  cityGovernmentApproval: programStep.optional(),
  /** 公示: the proposed list is public for this many working days, and anyone may object. */
  publicNotice: z.strictObject({ workingDays: setting(1, 30), source: sourceSchema }).optional(),
  /** 会签: the finance bureau co-signs the support plan of these funding modes before it is issued. */
  coSign: z
    .strictObject({ fundingModes: z.array(z.enum(fundingModes)).min(1), source: sourceSchema })
    .optional(),
  /**
   * 定向委托: allowed only for these reasons, and its reasons and decision basis are public before
   * the project proceeds (DT-RULES §14). Absent where the city's documents do not name it.
   */
  directedCommission: z
    .strictObject({
      reasons: z.array(z.strictObject({ code: camelCode, nameZh: text, nameEn: text })).min(1),
      source: sourceSchema,
    })
    .optional(),
  /** A yearly share of projects led by young PIs, shown per year as met or not; missing it needs a recorded reason. */
  youthShare: z
    .strictObject({
      programs: z.array(camelCode).min(1),
      minPercent: z.int().min(1).max(100),
      ageUnder: z.int().min(18).max(100),
      source: sourceSchema,
    })
    .optional(),
  /**
   * 联合科研项目 with a laboratory (LY-REFORM §三(一)2, §三(二)2, §三(三)4): enterprises' questions
   * ranked on three dimensions into a task list, a joint expert committee of the named seats, the
   * bureau and the laboratory approving together, the laboratory managing. Absent where no document
   * names it.
   */
  jointResearch: z
    .strictObject({
      program: camelCode,
      /** The highest score of each ranking dimension; the documents name the dimensions, not a scale. */
      scoreScale: setting(3, 100),
      ranking: z.strictObject({ source: sourceSchema }),
      committee: z.strictObject({ seats: z.array(z.enum(committeeSeats)).min(1), source: sourceSchema }),
      approval: z.strictObject({ source: sourceSchema }),
      management: z.strictObject({ source: sourceSchema }),
    })
    .optional(),
});
export type DecisionRules = z.infer<typeof decisionSchema>;

export const policySchema = z.strictObject({
  city: cityCodeSchema,
  cityNameZh: text,
  cityNameEn: text,
  /** Leads the city's application and project numbers (`LY-2025-…`); the documents set none. */
  numberPrefix: z.string().regex(/^[A-Z]{2,4}$/, "expected two to four capital letters"),
  /** The city's administrative division code (GB/T 2260), e.g. 410300. */
  divisionCode: z.string().regex(/^\d{6}$/, "expected a six-digit division code"),
  version: z.string().regex(/^\d{4}$/, "expected a four-digit version such as 2025"),
  effectiveFrom: z.iso.date(),
  /** The last day (China time) the version is in force: the documents' own period of validity. */
  effectiveUntil: z.strictObject({ date: z.iso.date(), source: sourceSchema }),
  titleZh: text,
  titleEn: text,
  documents: z.array(documentSchema).min(1),
  programs: z.array(programSchema).min(1),
  budget: z.strictObject({ categories: z.array(budgetCategorySchema).min(1) }),
  indirectCost: indirectCostSchema,
  postSubsidy: postSubsidySchema,
  disbursement: disbursementSchema,
  /** Where the city's documents set the budget's steps (Luoyang); absent: finance sets the figure at once. */
  budgetCycle: budgetCycleSchema.optional(),
  /**
   * Whether the finance officer approves each payment the bureau prepares, before the bureau marks it
   * paid. LY-FUNDS §12 has the bureau pay once finance has approved the budget; a second approval of
   * each payment is a city setting.
   */
  /**
   * 计划任务书: the terms a task book states by default, each with the clause it restates. The bureau
   * edits its own version on the platform; a drawn task book keeps the terms it was drawn with.
   */
  taskBook: z.strictObject({
    terms: z
      .array(z.strictObject({ textZh: text, source: sourceSchema }))
      .min(1)
      .max(30),
    /** 里程碑式管理: these programs' task books name the mid-term milestone the bureau supervises. */
    milestoneManagement: z
      .strictObject({ programs: z.array(camelCode).min(1), source: sourceSchema })
      .optional(),
    /**
     * 包干制试点: a project of a unit of these kinds may be drawn into the lump-sum pilot, the unit
     * setting and adjusting its own budget, reimbursed on the PI's signature.
     */
    lumpSumPilot: z
      .strictObject({ unitKinds: z.array(z.enum(unitKinds)).min(1), source: sourceSchema })
      .optional(),
  }),
  paymentApproval: z.strictObject({
    financeApproves: z.boolean(),
    source: sourceSchema,
    basis: clauseSourceSchema.optional(),
  }),
  changeApprovals: changeApprovalsSchema,
  eligibility: z.array(eligibilityRuleSchema),
  /** Whether applications pass a district preliminary review: always, or as each guide chooses. */
  districtReview: z.strictObject({ mode: z.enum(districtReviewModes), source: sourceSchema }),
  /** Guides of these funding modes are issued together with the finance bureau (会同市财政局). */
  guideCoIssue: z
    .strictObject({ fundingModes: z.array(z.enum(fundingModes)).min(1), source: sourceSchema })
    .optional(),
  duplicateCheck: z.strictObject({
    similarityThreshold: z.number().gt(0).max(1),
    source: sourceSchema,
  }),
  expertReview: expertReviewSchema,
  decision: decisionSchema,
  /** Termination, revocation and sanctions (DT-RULES §20–22; LY-FUNDS §25). */
  projectLife: projectLifeSchema,
  /** Random spot checks and "at most one inspection per cycle" (LY-PLAN §七(四)); absent in Datong. */
  supervision: supervisionSchema.optional(),
  /** Progress reports and the mid-term assessment (DT-RULES §14(五); LY-FUNDS §10, §13(一)). */
  tracking: trackingSchema,
});

export type Policy = z.infer<typeof policySchema>;

/** Funding modes that never pay from the platform: filing only, the laboratory's money, the fund's. */
export const unpaidModes: readonly FundingMode[] = ["filing", "joint", "fundPush"];

/** The payment nodes of a program: the first disbursement entry naming it or its funding mode. */
export function disbursementRuleOf(policy: Policy, programCode: string): DisbursementRule | null {
  const program = policy.programs.find((p) => p.code === programCode);
  if (!program) return null;
  return (
    policy.disbursement.find(
      (r) => r.programs?.includes(program.code) || r.fundingModes?.includes(program.fundingMode),
    ) ?? null
  );
}
