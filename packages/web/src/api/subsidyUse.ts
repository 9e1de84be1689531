import type {
  SubsidyUseBody,
  SubsidyUseDto,
  SubsidyUseEvent,
  subsidyUseDecisionBody,
} from "@luoshu/contract";
import { apiFetch } from "./client";
import type { In } from "./decisions";

/**
 * 后补助资金使用报告 (LY-FUNDS §20): the unit or its PI reports how a paid post-subsidy was used; the
 * bureau acknowledges or returns it. Each change answers with the project's reports.
 */
export type SubsidyUse = SubsidyUseDto;
export type SubsidyUseRules = NonNullable<SubsidyUseDto["rules"]>;
export type SubsidyUsePayment = SubsidyUseDto["payments"][number];
export type SubsidyUseReport = NonNullable<SubsidyUsePayment["report"]>;
export type SubsidyUseInput = SubsidyUseBody;
export type SubsidyUseDecisionInput = In<typeof subsidyUseDecisionBody>;
export type { SubsidyUseEvent };

const base = (id: string) => `/projects/${encodeURIComponent(id)}/subsidy-use`;

export function fetchSubsidyUse(id: string): Promise<SubsidyUse> {
  return apiFetch(base(id));
}

/** 报告后补助资金使用情况, or reports a returned one again. */
export function fileSubsidyUse(id: string, body: SubsidyUseInput): Promise<SubsidyUse> {
  return apiFetch(base(id), { method: "POST", body });
}

/** The bureau acknowledges a report (a flagged one with what follows) or returns it to be corrected. */
export function decideSubsidyUse(
  id: string,
  reportId: string,
  event: SubsidyUseEvent,
  body: SubsidyUseDecisionInput,
): Promise<SubsidyUse> {
  return apiFetch(`${base(id)}/${encodeURIComponent(reportId)}/events/${encodeURIComponent(event)}`, {
    method: "POST",
    body,
  });
}
