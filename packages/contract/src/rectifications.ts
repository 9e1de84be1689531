import {
  calendarDateSchema,
  rectificationDepartments,
  rectificationSources,
  rectificationStandings,
  rectificationStates,
} from "@luoshu/domain";
import { z } from "zod";
import { instant, longText } from "./shared.ts";

/** 整改事项 (LY-FUNDS §10, §23): findings sent back to the project's unit with a deadline. */
export const rectificationEvents = ["close", "reopen"] as const;
export const rectificationActions = ["report", "close", "reopen"] as const;
export const rectificationNeeds = ["report", "verify", "overdue"] as const;

export const rectificationBody = z
  .object({
    source: z.enum(rectificationSources),
    sourceId: z.uuid().optional(),
    issue: longText(2, 4000),
    dueDate: calendarDateSchema,
  })
  .strict();
export type RectificationBody = z.infer<typeof rectificationBody>;

export const rectificationReportBody = z
  .object({ response: longText(2, 4000), evidence: longText(2, 4000) })
  .strict();
export type RectificationReportBody = z.infer<typeof rectificationReportBody>;

export const rectificationDecisionBody = z.object({ note: longText(2, 2000) }).strict();

const by = z.object({ at: instant, byName: z.string() });

export const rectificationDto = z.object({
  id: z.string(),
  projectId: z.string(),
  projectNumber: z.string(),
  projectTitle: z.string(),
  unitName: z.string(),
  source: z.enum(rectificationSources),
  sourceId: z.string().nullable(),
  department: z.enum(rectificationDepartments),
  issue: z.string(),
  dueDate: z.string(),
  status: z.enum(rectificationStates),
  standing: z.enum(rectificationStandings),
  overdueDays: z.number(),
  raised: by,
  response: z.string().nullable(),
  evidence: z.string().nullable(),
  reported: by.nullable(),
  closeNote: z.string().nullable(),
  decided: by.nullable(),
  actions: z.array(z.enum(rectificationActions)),
});
export type RectificationDto = z.infer<typeof rectificationDto>;

/** A finding an item may be raised from: an inspection with its result, a concluded panel, a report. */
export const rectificationSourceOption = z.object({
  source: z.enum(rectificationSources),
  id: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
});

export const projectRectificationsDto = z.object({
  items: z.array(rectificationDto),
  total: z.number(),
  actions: z.array(z.enum(["raise"])),
  sourceOptions: z.array(rectificationSourceOption),
});
export type ProjectRectificationsDto = z.infer<typeof projectRectificationsDto>;

export const rectificationInboxDto = z.object({ items: z.array(rectificationDto), total: z.number() });
export type RectificationInboxDto = z.infer<typeof rectificationInboxDto>;
