import { z } from "zod";
import { can, type Role } from "../identity/roles.ts";
import { unitKinds } from "../identity/unit.ts";
import { citationOf, citeSource, type Policy } from "../policy/policy.schema.ts";
import { chinaDateOf, chinaMinuteOf, instantSchema as instant } from "../shared/dates.ts";
import type { Violation } from "../shared/errors.ts";
import { fenSchema as fen, formatYuan } from "../shared/money.ts";
import { type GuideState, guideStates } from "./guide.machine.ts";

/** What an officer writes into a guide (申报指南); the lifecycle lives in guide.machine.ts. */
export const guideContentSchema = z
  .object({
    titleZh: z.string().trim().min(2).max(200),
    program: z.string().min(1).max(64),
    subKind: z.string().max(64).optional(),
    /** The program's fields (policy `fields`) this guide calls for; empty: all of them. */
    fields: z.array(z.string().max(64)).max(20).default([]),
    year: z.number().int().min(2000).max(2100),
    summaryZh: z.string().max(5000).default(""),
    directions: z
      .array(
        z
          .object({
            titleZh: z.string().trim().min(2).max(200),
            descriptionZh: z.string().max(5000).default(""),
          })
          .strict(),
      )
      .min(1)
      .max(50),
    eligibility: z
      .object({
        unitKinds: z.array(z.enum(unitKinds)).min(1),
        /** Empty: every district of the city. */
        districts: z.array(z.string().regex(/^\d{6}$/)).default([]),
        minCoFundingFen: fen.default(0),
      })
      .strict(),
    amountRange: z.object({ minFen: fen, maxFen: fen }).strict(),
    criteria: z
      .array(
        z
          .object({ nameZh: z.string().trim().min(1).max(100), weight: z.number().int().min(1).max(100) })
          .strict(),
      )
      .min(1)
      .max(20),
    requiredAttachments: z
      .array(
        z
          .object({
            code: z.string().regex(/^[a-zA-Z][\w-]{0,31}$/),
            nameZh: z.string().trim().min(1).max(100),
            required: z.boolean(),
          })
          .strict(),
      )
      .max(20)
      .default([]),
    formalChecklist: z
      .array(
        z
          .object({
            code: z.string().regex(/^[a-zA-Z][\w-]{0,31}$/),
            textZh: z.string().trim().min(2).max(300),
          })
          .strict(),
      )
      .min(1)
      .max(30),
    /** Recommendations each district may make in this guide; absent: no quota. */
    districtQuota: z.number().int().min(1).max(1000).optional(),
    /**
     * Whether applications pass the district preliminary review before the formal check; where the
     * policy leaves it to the guide (`districtReview.mode: perGuide`), false sends them straight on.
     */
    districtReview: z.boolean().default(true),
    /** Projects the guide plans to support, counted against the program's yearly cap. */
    plannedCount: z.number().int().min(1).max(10_000).optional(),
    needIds: z.array(z.uuid()).max(100).default([]),
    /**
     * 定向择优 (DT-RULES §14; LY-FUNDS §4(二)): the calls are open only to these units (by credit code),
     * chosen on the record (`directedBasis`); empty: open to every eligible unit.
     */
    directedUnits: z
      .array(
        z.object({ uscc: z.string().trim().length(18), nameZh: z.string().trim().min(2).max(100) }).strict(),
      )
      .max(50)
      .default([]),
    directedBasis: z.string().trim().max(2000).default(""),
    calls: z
      .array(
        z.object({ nameZh: z.string().trim().min(1).max(100), opensAt: instant, closesAt: instant }).strict(),
      )
      .min(1)
      .max(10),
  })
  .strict();

export type GuideContent = z.infer<typeof guideContentSchema>;
export type GuideContentInput = z.input<typeof guideContentSchema>;

/** Rules a guide must keep before it goes to review or is published; each violation names its field. */
export function validateGuide(policy: Policy, g: GuideContent): Violation[] {
  const out: Violation[] = [];
  const program = policy.programs.find((p) => p.code === g.program);
  if (!program) {
    return [
      {
        code: "GUIDE_UNKNOWN_PROGRAM",
        messageZh: `本市政策中没有计划类别“${g.program}”。`,
        messageEn: `The city's policy has no program "${g.program}".`,
        path: "program",
      },
    ];
  }
  if (g.subKind && !program.subKinds?.some((s) => s.code === g.subKind)) {
    out.push({
      code: "GUIDE_UNKNOWN_SUBKIND",
      messageZh: "计划类别下没有该方向。",
      messageEn: "Unknown sub-kind.",
      path: "subKind",
    });
  }
  const weights = g.criteria.reduce((s, c) => s + c.weight, 0);
  if (weights !== 100) {
    out.push({
      code: "GUIDE_CRITERIA_WEIGHTS",
      messageZh: `评审指标权重合计应为 100，现为 ${weights}。`,
      messageEn: `Criteria weights must add up to 100, not ${weights}.`,
      path: "criteria",
    });
  }
  if (g.amountRange.minFen > g.amountRange.maxFen) {
    out.push({
      code: "GUIDE_AMOUNT_RANGE",
      messageZh: "支持金额下限高于上限。",
      messageEn: "The amount range is inverted.",
      path: "amountRange",
    });
  }
  // Caps stated 原则上 are the leader's to exceed with a reason (guide-publish.rules.ts), not refusals.
  const cap = program.perProjectCapFen;
  if (cap && !cap.inPrinciple && g.amountRange.maxFen > cap.amountFen) {
    out.push({
      code: "GUIDE_AMOUNT_OVER_POLICY_CAP",
      messageZh: `支持金额上限 ${formatYuan(g.amountRange.maxFen)} 超过政策规定的单个项目上限 ${formatYuan(cap.amountFen)}。`,
      messageEn: `The maximum ${formatYuan(g.amountRange.maxFen)} exceeds the per-project cap ${formatYuan(cap.amountFen)}.`,
      clause: citationOf(cap.source) ?? undefined,
      path: "amountRange.maxFen",
    });
  }
  const yearly = program.yearlyCap;
  if (yearly && !yearly.inPrinciple && (g.plannedCount ?? 0) > yearly.count) {
    out.push({
      code: "GUIDE_PLANNED_OVER_CAP",
      messageZh: `计划支持 ${g.plannedCount} 项，超过政策规定的每年 ${yearly.count} 项。`,
      messageEn: `${g.plannedCount} planned projects exceed the policy's ${yearly.count} a year.`,
      ...citeSource(yearly.source),
      path: "plannedCount",
    });
  }
  out.push(...fieldViolations(program, g), ...routingViolations(policy, g));
  if (program.fundingMode === "filing" && g.amountRange.maxFen > 0) {
    out.push({
      code: "GUIDE_FILING_HAS_NO_FUNDING",
      messageZh: "备案类项目无财政资金支持，支持金额应为 0。",
      messageEn: "Filing-only projects receive no fiscal money; the amount must be 0.",
      clause: citationOf(program.source) ?? undefined,
      path: "amountRange.maxFen",
    });
  }
  const until = policy.effectiveUntil;
  g.calls.forEach((c, i) => {
    if (Date.parse(c.closesAt) <= Date.parse(c.opensAt)) {
      out.push({
        code: "GUIDE_CALL_WINDOW",
        messageZh: "申报截止时间应晚于开始时间。",
        messageEn: "The call must close after it opens.",
        path: `calls.${i}.closesAt`,
      });
    } else if (chinaDateOf(new Date(c.closesAt)) > until.date) {
      out.push({
        code: "GUIDE_CALL_AFTER_POLICY_END",
        messageZh: `申报批次“${c.nameZh}”截止于政策有效期（至 ${until.date}）之后。`,
        messageEn: `Call "${c.nameZh}" closes after the policy's validity ends (${until.date}).`,
        ...citeSource(until.source),
        path: `calls.${i}.closesAt`,
      });
    }
  });
  if (g.directedUnits.length > 0) {
    const mode = program.selectionModes.find((m) => m.mode === "directedSelection");
    if (!mode) {
      out.push({
        code: "GUIDE_DIRECTED_NOT_ALLOWED",
        messageZh: `${program.nameZh}不采取定向择优方式。`,
        messageEn: `${program.nameEn} does not run directed selection.`,
        path: "directedUnits",
      });
    } else if (g.directedBasis.trim().length < 10) {
      out.push({
        code: "GUIDE_DIRECTED_BASIS_REQUIRED",
        messageZh: "定向择优须写明选定这些单位的依据（不少于 10 字）。",
        messageEn:
          "Directed selection needs the basis on which the units were chosen (10 characters or more).",
        path: "directedBasis",
        ...citeSource(mode.source),
      });
    }
  }
  const codes = g.requiredAttachments.map((a) => a.code);
  if (new Set(codes).size !== codes.length) {
    out.push({
      code: "GUIDE_ATTACHMENT_CODES",
      messageZh: "附件代码重复。",
      messageEn: "Attachment codes repeat.",
      path: "requiredAttachments",
    });
  }
  return out;
}

type Program = Policy["programs"][number];

/** A guide narrows its program's fields; a program whose documents list none has none to pick. */
function fieldViolations(program: Program, g: GuideContent): Violation[] {
  const known = program.fields?.items.map((f) => f.code) ?? [];
  return g.fields
    .map((code, i) => ({ code, i }))
    .filter(({ code }) => !known.includes(code))
    .map(({ code, i }) => ({
      code: "GUIDE_UNKNOWN_FIELD" as const,
      messageZh: `${program.nameZh}没有领域“${code}”。`,
      messageEn: `${program.nameEn} has no field "${code}".`,
      ...(program.fields ? citeSource(program.fields.source) : {}),
      path: `fields.${i}`,
    }));
}

/** Only where the policy leaves it to the guide may a call skip the district preliminary review. */
function routingViolations(policy: Policy, g: GuideContent): Violation[] {
  const rule = policy.districtReview;
  if (g.districtReview || rule.mode !== "required") return [];
  return [
    {
      code: "GUIDE_DISTRICT_REVIEW_REQUIRED",
      messageZh: "本市政策规定申报须经县区初审、推荐，指南不能免除。",
      messageEn:
        "The city's policy has every application reviewed by its district first; a guide cannot skip it.",
      ...citeSource(rule.source),
      path: "districtReview",
    },
  ];
}

export type CallWindow = "notPublished" | "upcoming" | "open" | "closed";

/**
 * Deadlines use server time: the window is [opensAt, closesAt), and only while the guide is
 * published; a guide closed early closes its calls with it.
 */
export function callWindow(
  call: { opensAt: Date; closesAt: Date },
  now: Date,
  guideStatus: GuideState,
): CallWindow {
  if (guideStatus === "draft" || guideStatus === "internalReview") return "notPublished";
  if (guideStatus !== "published") return "closed";
  if (now < call.opensAt) return "upcoming";
  return now < call.closesAt ? "open" : "closed";
}

/**
 * Calls whose window has already closed at `now`: a guide carrying one can be neither sent for
 * review nor published, since nobody could apply in it (the officer moves or removes the call).
 */
export function closedCallViolations(g: Pick<GuideContent, "calls">, now: Date): Violation[] {
  return g.calls.flatMap((c, i) =>
    Date.parse(c.closesAt) <= now.getTime()
      ? [
          {
            code: "GUIDE_CALL_CLOSED" as const,
            messageZh: `申报批次“${c.nameZh}”已于 ${chinaMinuteOf(new Date(c.closesAt))} 截止：请调整或删除该批次后再提交、发布。`,
            messageEn: `Call "${c.nameZh}" closed at ${chinaMinuteOf(new Date(c.closesAt))}: move or remove it before review or publication.`,
            path: `calls.${i}.closesAt`,
          },
        ]
      : [],
  );
}

export const callWindows = ["notPublished", "upcoming", "open", "closed"] as const;

/** 申报指南 as stored: its content validated by guideContentSchema, its lifecycle in `status`. */
export interface Guide {
  id: string;
  cityId: string;
  policyVersion: string;
  program: string;
  year: number;
  titleZh: string;
  content: GuideContent;
  status: GuideState;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  /** The finance bureau's co-issue (会同发布), where the policy asks for it; cleared on return to draft. */
  coIssue: { userId: string; at: Date } | null;
  /** The leader's recorded reason for publishing over a cap the policy states in principle (原则上). */
  capOverride: { reason: string; userId: string; at: Date } | null;
}

/** 申报批次: one application window of a guide. */
export interface Call {
  id: string;
  cityId: string;
  guideId: string;
  position: number;
  nameZh: string;
  opensAt: Date;
  closesAt: Date;
}

/** States the public and the applicants see; drafts and guides under review are the bureau's own. */
export const publicGuideStates: readonly GuideState[] = ["published", "closed"];

/**
 * Who may see a guide in this state: the bureau (who decides on guides) always, the finance bureau
 * also while it is in review (to co-issue it), others once published.
 */
export function mayReadGuide(roles: readonly Role[], status: GuideState): boolean {
  return readableGuideStates(roles).includes(status);
}

/** The states a caller's guide list may show, narrowed to those asked for. */
export function readableGuideStates(roles: readonly Role[], asked?: GuideState): readonly GuideState[] {
  const mine = can(roles, "guide.decide")
    ? guideStates
    : can(roles, "guide.coIssue")
      ? (["internalReview", ...publicGuideStates] as const)
      : publicGuideStates;
  return asked ? mine.filter((s) => s === asked) : mine;
}

/** What a caller may do with a guide besides its lifecycle events; the web shows buttons from it. */
export const guideActions = ["edit", "apply"] as const;
export type GuideAction = (typeof guideActions)[number];

export function allowedGuideActions(status: GuideState, roles: readonly Role[]): GuideAction[] {
  const out: GuideAction[] = [];
  if (status === "draft" && can(roles, "guide.manage")) out.push("edit");
  if (status === "published" && can(roles, "application.edit")) out.push("apply");
  return out;
}

/**
 * 定向择优: a call of a guide that names its units is open to them only (DT-RULES §14; LY-FUNDS
 * §4(二)); the refusal cites the program's clause.
 */
export function checkDirectedCall(
  policy: Policy | undefined,
  g: GuideContent,
  uscc: string,
): Violation | null {
  if (g.directedUnits.length === 0 || g.directedUnits.some((d) => d.uscc === uscc)) return null;
  const mode = policy?.programs
    .find((p) => p.code === g.program)
    ?.selectionModes.find((m) => m.mode === "directedSelection");
  return {
    code: "CALL_DIRECTED_TO_OTHERS",
    messageZh: `本批次为定向择优，仅向${g.directedUnits.map((d) => d.nameZh).join("、")}开放。`,
    messageEn: "This call is a directed selection, open only to the units it names.",
    ...(mode ? citeSource(mode.source) : {}),
  };
}
