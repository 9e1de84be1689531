import { inspectionKinds, inspectionResults, sanctionAuthorities } from "@luoshu/domain";
import { z } from "zod";
import { citation, instant, longText } from "./shared.ts";

/** 随机抽查与检查 (LY-PLAN §七(四)): the draws with what reproduces them, and every inspection recorded. */

export const inspectionDto = z.object({
  id: z.string(),
  projectId: z.string(),
  projectNumber: z.string(),
  projectTitle: z.string(),
  unitName: z.string(),
  cycle: z.number(),
  kind: z.enum(inspectionKinds),
  department: z.enum(sanctionAuthorities),
  recorded: z.object({ at: instant, byName: z.string() }),
  result: z.enum(inspectionResults).nullable(),
  findings: z.string().nullable(),
  resulted: z.object({ at: instant, byName: z.string() }).nullable(),
  actions: z.array(z.enum(["recordResult"])),
});
export type InspectionDto = z.infer<typeof inspectionDto>;

/** A draw as anyone may check it: the algorithm, the seed, the rate and both lists. */
export const publicDrawDto = z.object({
  id: z.string(),
  city: z.string(),
  cityNameZh: z.string(),
  cycle: z.number(),
  algorithm: z.string(),
  algorithmZh: z.string(),
  algorithmEn: z.string(),
  seed: z.number(),
  ratePercent: z.number(),
  eligible: z.array(z.string()),
  drawn: z.array(z.string()),
  drawnAt: instant,
  source: citation,
  rateSource: citation,
});
export type PublicDrawDto = z.infer<typeof publicDrawDto>;

export const supervisionDto = z.object({
  cycle: z.number(),
  ratePercent: z.number(),
  rateSource: citation,
  cycleSource: citation,
  source: citation,
  oncePerCycleSource: citation,
  /** Projects in execution not inspected this cycle: what a draw now would draw from. */
  eligibleNow: z.number(),
  draws: z.array(publicDrawDto),
  inspections: z.array(inspectionDto),
  actions: z.array(z.enum(["draw", "recordInspection"])),
});
export type SupervisionDto = z.infer<typeof supervisionDto>;

/** An audit or a finance check recorded by the department that does it. */
export const inspectionBody = z
  .object({ projectId: z.uuid(), kind: z.enum(["audit", "financeCheck"]) })
  .strict();

export const inspectionResultBody = z
  .object({ result: z.enum(inspectionResults), findings: longText(2, 4000) })
  .strict();
