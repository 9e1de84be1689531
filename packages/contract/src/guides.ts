import {
  callWindows,
  fundingModes,
  guideActions,
  guideContentSchema,
  guideEvents,
  guideStates,
} from "@luoshu/domain";
import { z } from "zod";
import { cityCode, instant, pageOf, pageQuery } from "./shared.ts";

/** One application window of a guide; `window` is computed by the server from its own clock. */
export const callSchema = z.object({
  id: z.string(),
  nameZh: z.string(),
  opensAt: instant,
  closesAt: instant,
  window: z.enum(callWindows),
});
export type CallDto = z.infer<typeof callSchema>;

/** A guide as the server shows it: its content, its calls and what the caller may do next. */
export const guideSchema = z.object({
  id: z.string(),
  cityCode,
  policyVersion: z.string(),
  program: z.string(),
  programNameZh: z.string(),
  programNameEn: z.string(),
  fundingMode: z.enum(fundingModes),
  yearlyCap: z.object({ count: z.number(), clause: z.string().nullable() }).nullable(),
  year: z.number(),
  titleZh: z.string(),
  status: z.enum(guideStates),
  statusZh: z.string(),
  content: guideContentSchema,
  calls: z.array(callSchema),
  allowedEvents: z.array(z.enum(guideEvents)),
  /** Other actions the caller may take: edit a draft, apply in its calls. */
  allowedActions: z.array(z.enum(guideActions)),
  publishedAt: instant.nullable(),
});
export type GuideDto = z.infer<typeof guideSchema>;

export const guidePage = pageOf(guideSchema);

export const guideListQuery = z.object({ ...pageQuery, status: z.enum(guideStates).optional() }).strict();
export type GuideListQuery = z.output<typeof guideListQuery>;

export const guideBody = guideContentSchema;
export type GuideBody = z.input<typeof guideBody>;

export const guideEventParams = z.object({ id: z.uuid(), event: z.enum(guideEvents) }).strict();

export const publicGuideListQuery = z.object({ ...pageQuery, city: cityCode }).strict();
export const publicGuideParams = z.object({ city: cityCode, id: z.uuid() }).strict();
