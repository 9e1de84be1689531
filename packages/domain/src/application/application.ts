import { z } from "zod";
import { ageAt } from "../identity/identifiers.ts";
import type { Policy } from "../policy/policy.schema.ts";
import { calendarDateSchema } from "../shared/dates.ts";
import { fenSchema as fen } from "../shared/money.ts";
import type { ApplicationState } from "./application.machine.ts";

const text = (max: number) => z.string().max(max).default("");
const day = z.union([calendarDateSchema, z.literal("")]).default("");

export const targetKinds = [
  "patent",
  "paper",
  "standard",
  "revenue",
  "product",
  "software",
  "talent",
  "other",
] as const;
export const targetKindNames: Record<(typeof targetKinds)[number], { zh: string; en: string }> = {
  patent: { zh: "专利", en: "Patents" },
  paper: { zh: "论文", en: "Papers" },
  standard: { zh: "标准", en: "Standards" },
  revenue: { zh: "销售收入", en: "Revenue" },
  product: { zh: "新产品", en: "Products" },
  software: { zh: "软件著作权", en: "Software" },
  talent: { zh: "人才培养", en: "Talent" },
  other: { zh: "其他", en: "Other" },
};

/**
 * A team member as stored: the resident ID number only encrypted (the server replaces a typed number
 * with cipher, mask and birth date before anything is written), so drafts never hold it in clear.
 */
export const storedMemberSchema = z
  .object({
    name: text(50),
    role: z.enum(["pi", "member"]).default("member"),
    title: text(50),
    unitName: text(100),
    workMonths: z.number().int().min(0).max(120).default(0),
    idNumberCipher: z.string().max(200).nullable().default(null),
    /** Keyed digest of the number, so integrity records are found without decrypting. */
    idNumberDigest: z.string().max(100).nullable().default(null),
    idNumberMasked: z.string().max(18).nullable().default(null),
    idNumberValid: z.boolean().default(false),
    birthDate: z.iso.date().nullable().default(null),
  })
  .strict();
export type StoredMember = z.infer<typeof storedMemberSchema>;

/** Drafts accept incomplete content; completeness is checked at submission (submission.rules.ts). */
export const applicationContentSchema = z
  .object({
    basic: z
      .object({
        title: text(200),
        abstract: text(3000),
        keywords: text(200),
        field: text(100),
        startDate: day,
        endDate: day,
      })
      .strict()
      .prefault({}),
    content: z
      .object({
        background: text(20000),
        objectives: text(20000),
        researchContent: text(20000),
        technicalRoute: text(20000),
        innovation: text(20000),
        basis: text(20000),
      })
      .strict()
      .prefault({}),
    targets: z
      .array(
        z
          .object({
            kind: z.enum(targetKinds),
            description: text(500),
            value: z.number().min(0).max(1e12),
            unit: text(20),
          })
          .strict(),
      )
      .max(100)
      .default([]),
    milestones: z
      .array(z.object({ dueDate: day, description: text(1000), deliverable: text(500) }).strict())
      .max(50)
      .default([]),
    team: z.array(storedMemberSchema).max(100).default([]),
    partners: z
      .array(z.object({ name: text(100), uscc: text(18), role: text(300) }).strict())
      .max(20)
      .default([]),
    budget: z
      .object({
        theoretical: z.boolean().default(false),
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
          .max(20)
          .default([]),
      })
      .strict()
      .prefault({}),
    funding: z
      .object({ selfRaisedFen: fen.default(0), coFundingFen: fen.default(0) })
      .strict()
      .prefault({}),
  })
  .strict();
export type ApplicationContent = z.infer<typeof applicationContentSchema>;

/** A member as the applicant types it: the full ID number only when setting or replacing it. */
export const memberInputSchema = storedMemberSchema
  .omit({ idNumberCipher: true, idNumberDigest: true, idNumberValid: true, birthDate: true })
  .extend({ idNumber: z.string().trim().max(18).optional() });

export const applicationInputSchema = applicationContentSchema.extend({
  team: z.array(memberInputSchema).max(100).default([]),
});
export type ApplicationInput = z.input<typeof applicationInputSchema>;

/** Youth: under 40 at the call's date (LY-PLAN §六(二) reserves at least 20 % of major projects for them). */
export const youthAgeLimit = 40;

export function memberFacts(
  birthDate: string | null,
  callDate: Date,
): { age: number | null; youth: boolean } {
  if (!birthDate) return { age: null, youth: false };
  const age = ageAt(birthDate, callDate);
  return { age, youth: age < youthAgeLimit };
}

/** The fiscal money asked for: the whole budget of the lines (self-raised and co-funding come on top). */
export function requestedFen(content: ApplicationContent): number {
  return content.budget.lines.reduce((s, l) => s + l.amountFen, 0);
}

/** 承诺书 (LY-FUNDS §24): confirmed by the PI and, for the legal representative, by the unit administrator. */
export const commitmentSchema = z
  .object({
    piConfirmedAt: z.string().optional(),
    piConfirmedBy: z.string().optional(),
    unitConfirmedAt: z.string().optional(),
    unitConfirmedBy: z.string().optional(),
  })
  .strict();
export type Commitment = z.infer<typeof commitmentSchema>;

/** 项目申报书 as stored: the working draft of its current revision, with its lifecycle state. */
export interface Application {
  id: string;
  cityId: string;
  callId: string;
  guideId: string;
  unitId: string;
  districtCode: string;
  piUserId: string | null;
  createdBy: string;
  status: ApplicationState;
  title: string;
  requestedFen: number;
  content: ApplicationContent;
  /** The revision being edited; a return opens the next one. */
  revision: number;
  commitment: Commitment;
  districtRank: number | null;
  returnDeadline: Date | null;
  policyVersion: string;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  /** The number's program, year and sequence, drawn once at creation (`applicationNumber`). */
  numberProgram: string;
  numberYear: number;
  numberSeq: number;
}

/** What a submission freezes of each attachment. */
export const attachmentSnapshotSchema = z.object({
  code: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  size: z.number(),
  mime: z.string(),
});
export type AttachmentSnapshot = z.infer<typeof attachmentSnapshotSchema>;

/** The immutable record of one submission: content, attachments and commitment as they were. */
export const revisionSnapshotSchema = z.object({
  content: applicationContentSchema,
  attachments: z.array(attachmentSnapshotSchema),
  commitment: commitmentSchema,
});
export type RevisionSnapshot = z.infer<typeof revisionSnapshotSchema>;

export type ApplicationNumberParts = Pick<Application, "numberProgram" | "numberYear" | "numberSeq">;

/**
 * 申报编号, e.g. LY-2026-RK-0001: the city's prefix and the program's code (both from its policy
 * file), the year, and the place in that city's, year's and program's sequence. Approval will give
 * the project its own number.
 */
export function applicationNumber(
  a: ApplicationNumberParts,
  policy: Pick<Policy, "numberPrefix" | "programs">,
): string {
  const code =
    policy.programs.find((p) => p.code === a.numberProgram)?.numberCode ?? a.numberProgram.toUpperCase();
  return `${policy.numberPrefix}-${a.numberYear}-${code}-${String(a.numberSeq).padStart(4, "0")}`;
}

/** Numbers count by the year on the bureau's calendar (Asia/Shanghai, UTC+8 all year), not UTC's. */
export function numberYearAt(now: Date): number {
  return new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
}

/** What a review decision records beside its reason: the district's rank, the return deadline, the checklist. */
export const checklistAnswerSchema = z.object({
  code: z.string(),
  ok: z.boolean(),
  note: z.string().optional(),
});
export type ChecklistAnswer = z.infer<typeof checklistAnswerSchema>;
export const eventDetailsSchema = z.object({
  rank: z.number().optional(),
  deadline: z.string().optional(),
  checklist: z.array(checklistAnswerSchema).optional(),
});
export type EventDetails = z.infer<typeof eventDetailsSchema>;

/** The signed commitment letter (LY-FUNDS §24) is uploaded under this code beside the guide's own. */
export const commitmentScanCode = "commitmentScan";

/** A member's fields that never leave the server: only the mask does. */
export const memberSecretFields: readonly string[] = ["idNumberCipher", "idNumberDigest"];

/** A stored member as anyone outside the server may see it. */
export function withoutSecrets({ idNumberCipher: _c, idNumberDigest: _d, ...shown }: StoredMember) {
  return shown;
}
