import {
  callWindows,
  fundingModes,
  guideActions,
  guideContentSchema,
  guideEvents,
  guideStates,
} from "@luoshu/domain";
import { z } from "zod";
import { violationSchema } from "./budget.ts";
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
  yearlyCap: z
    .object({ count: z.number(), inPrinciple: z.boolean(), clause: z.string().nullable() })
    .nullable(),
  /** The fields applications pick from (the guide's, or all of the program's); empty: free text. */
  fieldOptions: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
  /** The finance bureau's co-issue where the policy asks for it (LY-FUNDS §12); null where it does not. */
  coIssue: z.object({ clause: z.string().nullable(), coIssuedAt: instant.nullable() }).nullable(),
  /** Caps stated in principle (原则上) the guide exceeds, each with its clause: the leader's to weigh. */
  capWarnings: z.array(violationSchema),
  /** Calls already over while the guide is unpublished: it goes to review or out only once they are moved. */
  closedCalls: z.array(violationSchema),
  /** The leader's recorded reason for publishing over those caps. */
  capOverride: z.object({ reason: z.string(), at: instant }).nullable(),
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

/** The bureau's events; the finance bureau's co-issue has its own route and permission. */
export const guideEventParams = z
  .object({ id: z.uuid(), event: z.enum(guideEvents).exclude(["coIssue"]) })
  .strict();
/** Publishing over a cap stated in principle (原则上) takes the leader's reason. */
export const guideEventBody = z
  .object({ overrideReason: z.string().trim().max(1000).optional() })
  .strict()
  .optional();
export type GuideEventBody = z.input<typeof guideEventBody>;

export const publicGuideListQuery = z.object({ ...pageQuery, city: cityCode }).strict();
export const publicGuideParams = z.object({ city: cityCode, id: z.uuid() }).strict();
