import {
  allowedEvents,
  callWindow,
  citationOf,
  type GuideContent,
  type GuideState,
  guideMachine,
  type Policy,
  type Role,
} from "@luoshu/domain";
import { z } from "zod";
import type { CallRow, GuideRow } from "./guides.repository.ts";

export const callSchema = z.object({
  id: z.string(),
  nameZh: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  window: z.enum(["notPublished", "upcoming", "open", "closed"]),
});

export const guideSchema = z.object({
  id: z.string(),
  cityCode: z.string(),
  policyVersion: z.string(),
  program: z.string(),
  programNameZh: z.string(),
  programNameEn: z.string(),
  fundingMode: z.string(),
  yearlyCap: z.object({ count: z.number(), clause: z.string().nullable() }).nullable(),
  year: z.number(),
  titleZh: z.string(),
  status: z.string(),
  statusZh: z.string(),
  content: z.unknown(),
  calls: z.array(callSchema),
  allowedEvents: z.array(z.string()),
  publishedAt: z.string().nullable(),
});

function toCallDto(c: CallRow, now: Date, guideStatus: GuideState) {
  return {
    id: c.id,
    nameZh: c.nameZh,
    opensAt: c.opensAt.toISOString(),
    closesAt: c.closesAt.toISOString(),
    window: callWindow(c, now, guideStatus),
  };
}

/** The guide with what the policy says about its program, and the events the caller may fire. */
export function toGuideDto(
  g: { guide: GuideRow; calls: CallRow[] },
  policies: Policy[],
  now: Date,
  roles: readonly Role[],
) {
  const policy = policies.find((p) => p.city === g.guide.cityId && p.version === g.guide.policyVersion);
  const program = policy?.programs.find((p) => p.code === g.guide.program);
  const status = g.guide.status as GuideState;
  return {
    id: g.guide.id,
    cityCode: g.guide.cityId,
    policyVersion: g.guide.policyVersion,
    program: g.guide.program,
    programNameZh: program?.nameZh ?? g.guide.program,
    programNameEn: program?.nameEn ?? g.guide.program,
    fundingMode: program?.fundingMode ?? "unspecified",
    yearlyCap: program?.yearlyCap
      ? { count: program.yearlyCap.count, clause: citationOf(program.yearlyCap.source) }
      : null,
    year: g.guide.year,
    titleZh: g.guide.titleZh,
    status,
    statusZh: guideMachine.labels[status].zh,
    content: g.guide.content as GuideContent,
    calls: g.calls.map((c) => toCallDto(c, now, status)),
    allowedEvents: allowedEvents(guideMachine, status, roles),
    publishedAt: g.guide.publishedAt?.toISOString() ?? null,
  };
}
