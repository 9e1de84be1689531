import type {
  ProjectRectificationsDto,
  RectificationDto,
  rectificationActions,
  rectificationBody,
  rectificationDecisionBody,
  rectificationEvents,
  rectificationNeeds,
  rectificationReportBody,
  rectificationSourceOption,
} from "@luoshu/contract";
import { apiFetch } from "./client";
import type { In } from "./decisions";

type Out<S extends { _zod: { output: unknown } }> = S["_zod"]["output"];

/**
 * 整改事项 (LY-FUNDS §10, §23): the S&T or the finance bureau sends a finding back to the project's
 * unit with a deadline, the unit reports what it corrected, the raising department closes the item or
 * sends it back. Each change answers with the project's items.
 */
export type ProjectRectifications = ProjectRectificationsDto;
export type Rectification = RectificationDto;
export type RectificationAction = (typeof rectificationActions)[number];
export type RectificationEvent = (typeof rectificationEvents)[number];
export type RectificationNeed = (typeof rectificationNeeds)[number];
export type RectificationSourceOption = Out<typeof rectificationSourceOption>;
export type RectificationInput = In<typeof rectificationBody>;
export type RectificationReportInput = In<typeof rectificationReportBody>;
export type RectificationDecisionInput = In<typeof rectificationDecisionBody>;

const items = (id: string) => `/projects/${encodeURIComponent(id)}/rectifications`;

export function fetchProjectRectifications(id: string): Promise<ProjectRectifications> {
  return apiFetch(items(id));
}

/** 提出整改: from a finding of the project, with the deadline; the unit and the PI are told. */
export function raiseRectification(id: string, body: RectificationInput): Promise<ProjectRectifications> {
  return apiFetch(items(id), { method: "POST", body });
}

/** 报送整改情况: what was corrected, with its evidence. */
export function reportRectification(
  id: string,
  rid: string,
  body: RectificationReportInput,
): Promise<ProjectRectifications> {
  return apiFetch(`${items(id)}/${encodeURIComponent(rid)}/report`, { method: "POST", body });
}

/** 核验销号 (close) or 退回继续整改 (reopen), by the department that raised the item. */
export function decideRectification(
  id: string,
  rid: string,
  event: RectificationEvent,
  body: RectificationDecisionInput,
): Promise<ProjectRectifications> {
  return apiFetch(`${items(id)}/${encodeURIComponent(rid)}/events/${encodeURIComponent(event)}`, {
    method: "POST",
    body,
  });
}

/** The items in the caller's scope to report, to verify, or overdue. */
export function fetchRectificationInbox(
  need: RectificationNeed,
): Promise<{ items: Rectification[]; total: number }> {
  return apiFetch("/rectifications", { query: { need } });
}
