import {
  availabilityWindowSchema,
  calendarDateSchema,
  expertImportProblemKinds,
  expertStatuses,
} from "@luoshu/domain";
import { z } from "zod";
import { cityCode, instant, pageOf, pageQuery } from "./shared.ts";

export const disciplineSchema = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });
export type DisciplineDto = z.infer<typeof disciplineSchema>;
export const disciplineList = z.object({ source: z.string(), items: z.array(disciplineSchema) });

export const expertSchema = z.object({
  id: z.string(),
  cityCode,
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  /** Only ever masked. */
  idNumberMasked: z.string().nullable(),
  unit: z.object({ id: z.string(), nameZh: z.string(), uscc: z.string() }),
  disciplines: z.array(z.string()),
  keywords: z.array(z.string()),
  title: z.string(),
  region: z.string(),
  availability: z.array(z.object({ from: z.string(), until: z.string() })),
  /** Units the expert left, with the day: a recent one keeps them from that unit's applications. */
  formerUnits: z.array(
    z.object({ unitId: z.string(), uscc: z.string(), unitName: z.string(), leftOn: z.string() }),
  ),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(expertStatuses),
  suspensionReason: z.string().nullable(),
  suspendedAt: instant.nullable(),
  /** Whether an assignment may pick the expert today (suspended: never). */
  assignableToday: z.boolean(),
  createdAt: instant,
});
export type ExpertDto = z.infer<typeof expertSchema>;
export const expertPage = pageOf(expertSchema);

export const expertListQuery = z
  .object({
    ...pageQuery,
    keyword: z.string().max(100).optional(),
    /** A first-level code matches its second levels too. */
    discipline: z
      .string()
      .regex(/^\d{3}(\d{2})?$/)
      .optional(),
    unitId: z.uuid().optional(),
    status: z.enum(expertStatuses).optional(),
  })
  .strict();
export type ExpertListQuery = z.output<typeof expertListQuery>;

export const expertSuspendBody = z.object({ reason: z.string().trim().min(2).max(500) }).strict();
export type ExpertSuspendBody = z.input<typeof expertSuspendBody>;

/** What an expert changes of their own profile. */
export const expertSelfBody = z
  .object({
    keywords: z.array(z.string().trim().min(1).max(30)).max(20),
    availability: z.array(availabilityWindowSchema).max(20),
    /** By the unit's credit code; the unit must be registered in the city. */
    formerUnits: z
      .array(z.object({ uscc: z.string().trim().length(18), leftOn: calendarDateSchema }).strict())
      .max(10),
    phone: z
      .string()
      .trim()
      .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, "手机或电话号码格式不正确")
      .nullable(),
    email: z.email().max(100).nullable(),
  })
  .partial()
  .strict();
export type ExpertSelfBody = z.input<typeof expertSelfBody>;

export const expertImportProblemSchema = z.object({
  row: z.number(),
  column: z.string(),
  kind: z.enum(expertImportProblemKinds),
  reasonZh: z.string(),
  reasonEn: z.string(),
});
export type ExpertImportProblemDto = z.infer<typeof expertImportProblemSchema>;

/** The dry run: every bad row, or the rows that a commit of the same file would import. */
export const expertImportReport = z.object({
  rows: z.number(),
  ok: z.boolean(),
  problems: z.array(expertImportProblemSchema),
});
export type ExpertImportReportDto = z.infer<typeof expertImportReport>;

/** The accounts made, each with the initial password the administrator hands over (shown once). */
export const expertImportResult = z.object({
  created: z.array(
    z.object({ id: z.string(), username: z.string(), displayName: z.string(), initialPassword: z.string() }),
  ),
});
export type ExpertImportResultDto = z.infer<typeof expertImportResult>;
