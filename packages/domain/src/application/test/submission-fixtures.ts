import { readFileSync } from "node:fs";
import { type GuideContent, type GuideContentInput, guideContentSchema } from "../../guide/guide.ts";
import {
  birthDateOfResidentId,
  makeResidentId,
  maskResidentId,
  validateResidentId,
} from "../../identity/identifiers.ts";
import { loadPolicyFiles } from "../../policy/load-policies.ts";
import type { Policy } from "../../policy/policy.schema.ts";
import { type ApplicationContent, applicationContentSchema, type StoredMember } from "../application.ts";
import { checkSubmission, type SubmissionFacts } from "../submission.rules.ts";

// What the submission-rule tests share: both cities' policies, a complete application and its facts.

export const policiesDir = new URL("../../../../../policies/", import.meta.url);
export const read = (fileName: string) => ({
  fileName,
  text: readFileSync(new URL(fileName, policiesDir), "utf8"),
});
export const [luoyang, datong] = loadPolicyFiles([read("luoyang-2025.json"), read("datong-2025.json")]) as [
  Policy,
  Policy,
];

export const opensAt = new Date("2026-03-01T00:00:00+08:00");
export const closesAt = new Date("2026-03-31T17:00:00+08:00");
export const during = new Date("2026-03-15T10:00:00+08:00");

/** A team member as the server stores them: the number only encrypted, with its mask and birth date. */
export function member(name: string, prefix17: string, role: "pi" | "member" = "member"): StoredMember {
  const id = makeResidentId(prefix17);
  return {
    name,
    role,
    title: "研究员",
    unitName: "洛阳理工学院",
    workMonths: 12,
    idNumberCipher: `sm4:${name}`,
    idNumberDigest: `digest:${name}`,
    idNumberMasked: maskResidentId(id),
    idNumberValid: validateResidentId(id).ok,
    birthDate: birthDateOfResidentId(id),
  };
}

export const pi = member("王五", "41030519850101123", "pi");
export const colleague = member("赵六", "41030519920715234");

export function guideFor(program: string, over: Partial<GuideContentInput> = {}): GuideContent {
  return guideContentSchema.parse({
    titleZh: "2026年度申报指南",
    program,
    year: 2026,
    directions: [{ titleZh: "研究方向" }],
    eligibility: { unitKinds: ["university", "enterprise"] },
    amountRange: { minFen: 1_000_000, maxFen: 3_000_000 },
    criteria: [{ nameZh: "综合", weight: 100 }],
    requiredAttachments: [
      { code: "plan", nameZh: "实施方案", required: true },
      { code: "letters", nameZh: "推荐信", required: false },
    ],
    formalChecklist: [{ code: "signed", textZh: "已签字盖章" }],
    calls: [{ nameZh: "第一批", opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() }],
    ...over,
  });
}

/** A complete application that meets every rule of both cities' soft-science guides. */
export function completeContent(over: Record<string, unknown> = {}): ApplicationContent {
  return applicationContentSchema.parse({
    basic: {
      title: "城市科技政策评估研究",
      abstract: "研究摘要",
      keywords: "政策",
      field: "policyRegulation",
      startDate: "2026-07-01",
      endDate: "2027-06-30",
    },
    content: { researchContent: "研究内容" },
    targets: [{ kind: "paper", description: "发表论文", value: 2, unit: "篇" }],
    milestones: [{ dueDate: "2026-12-31", description: "完成调研", deliverable: "调研报告" }],
    team: [pi, colleague],
    budget: {
      lines: [
        { category: "materials", amountFen: 1_500_000 },
        { category: "travelMeetings", amountFen: 500_000 },
        { category: "indirect", amountFen: 500_000 },
      ],
    },
    funding: { selfRaisedFen: 0, coFundingFen: 0 },
    ...over,
  });
}

/** The application's field, one of those its program lists (LY-REFORM §二(一)2–3). */
export const withField = (content: ApplicationContent, field: string): ApplicationContent => ({
  ...content,
  basic: { ...content.basic, field },
});

export function facts(over: Partial<SubmissionFacts> = {}): SubmissionFacts {
  return {
    policy: luoyang,
    guide: guideFor("softScience"),
    guideStatus: "published",
    call: { opensAt, closesAt },
    now: during,
    unit: { kind: "university", districtCode: "410305" },
    content: completeContent(),
    integrity: [],
    commitment: { piConfirmed: true, unitConfirmed: true, scanUploaded: true },
    attachmentCodes: ["plan"],
    ...over,
  };
}
export const datongFacts = (over: Partial<SubmissionFacts> = {}) =>
  facts({ policy: datong, unit: { kind: "enterprise", districtCode: "140213" }, ...over });

export const codes = (f: SubmissionFacts) => checkSubmission(f).map((v) => v.code);
export const only = (f: SubmissionFacts, code: string) => checkSubmission(f).filter((v) => v.code === code);
