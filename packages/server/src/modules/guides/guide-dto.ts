import type { CallDto, GuideDto } from "@luoshu/contract";
import {
  allowedGuideActions,
  allowedGuideEvents,
  type Call,
  callWindow,
  citationOf,
  closedCallViolations,
  coIssueSource,
  type GuideState,
  guideMachine,
  inPrincipleCapWarnings,
  type Policy,
  type Role,
} from "@luoshu/domain";
import type { GuideWithCalls } from "./guides.repository.ts";

function toCallDto(c: Call, now: Date, guideStatus: GuideState): CallDto {
  return {
    id: c.id,
    nameZh: c.nameZh,
    opensAt: c.opensAt.toISOString(),
    closesAt: c.closesAt.toISOString(),
    window: callWindow(c, now, guideStatus),
  };
}

const unpublished = (s: GuideState) => s === "draft" || s === "internalReview";

/** The guide with what the policy says about its program, and the events the caller may fire. */
export function toGuideDto(
  g: GuideWithCalls,
  policies: readonly Policy[],
  now: Date,
  roles: readonly Role[],
): GuideDto {
  const { guide } = g;
  const policy = policies.find((p) => p.city === guide.cityId && p.version === guide.policyVersion);
  const program = policy?.programs.find((p) => p.code === guide.program);
  const fields = program?.fields?.items ?? [];
  const picked = guide.content.fields;
  const coIssue = policy && coIssueSource(policy, guide.program);
  return {
    id: guide.id,
    cityCode: guide.cityId,
    policyVersion: guide.policyVersion,
    program: guide.program,
    programNameZh: program?.nameZh ?? guide.program,
    programNameEn: program?.nameEn ?? guide.program,
    fundingMode: program?.fundingMode ?? "unspecified",
    yearlyCap: program?.yearlyCap
      ? {
          count: program.yearlyCap.count,
          inPrinciple: program.yearlyCap.inPrinciple,
          clause: citationOf(program.yearlyCap.source),
        }
      : null,
    fieldOptions: fields
      .filter((f) => picked.length === 0 || picked.includes(f.code))
      .map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn })),
    coIssue: coIssue
      ? { clause: citationOf(coIssue), coIssuedAt: guide.coIssue?.at.toISOString() ?? null }
      : null,
    capWarnings: policy ? inPrincipleCapWarnings(policy, guide.content, g.plannedElsewhere) : [],
    closedCalls: unpublished(guide.status) ? closedCallViolations(guide.content, now) : [],
    capOverride: guide.capOverride
      ? { reason: guide.capOverride.reason, at: guide.capOverride.at.toISOString() }
      : null,
    year: guide.year,
    titleZh: guide.titleZh,
    status: guide.status,
    statusZh: guideMachine.labels[guide.status].zh,
    content: guide.content,
    calls: g.calls.map((c) => toCallDto(c, now, guide.status)),
    allowedEvents: allowedGuideEvents(policy, guide, roles),
    allowedActions: allowedGuideActions(guide.status, roles),
    publishedAt: guide.publishedAt?.toISOString() ?? null,
  };
}
