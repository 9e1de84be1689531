import type {
  ChangeDto,
  ClosureDto,
  ClosureWaitingDto,
  changeEvents,
  changeRequestBody,
  closureDecisionBody,
  closureEvents,
  closureReturnBody,
  liftSanctionBody,
  ProjectLifeDto,
  revocationBody,
  SanctionDto,
  sanctionBody,
  terminationBody,
} from "@luoshu/contract";
import { apiFetch } from "./client";
import type { In } from "./decisions";
import type { ProjectDetail } from "./execution";

/**
 * 终止、撤销与处理措施 (DT-RULES §20–22; LY-FUNDS §25): the unit applies to terminate its project, the
 * bureau decides, revokes, records the money given back; the S&T or the finance bureau imposes and
 * lifts measures. Every change answers with the whole project page.
 */
export type ProjectLife = ProjectLifeDto;
export type Closure = ClosureDto;
export type Sanction = SanctionDto;
export type ClosureWaiting = ClosureWaitingDto;
export type ClosureEvent = (typeof closureEvents)[number];
export type ProjectLifeAction = ProjectLifeDto["actions"][number];
export type TerminationInput = In<typeof terminationBody>;
export type RevocationInput = In<typeof revocationBody>;
export type ClosureReturnInput = In<typeof closureReturnBody>;
export type SanctionInput = In<typeof sanctionBody>;
export type ClosureDecisionInput = In<typeof closureDecisionBody>;
export type LiftSanctionInput = In<typeof liftSanctionBody>;
export type Change = ChangeDto;
export type ChangeEvent = (typeof changeEvents)[number];
export type ChangeRequestInput = In<typeof changeRequestBody>;

const project = (id: string) => `/projects/${encodeURIComponent(id)}`;

/** 申请终止: the unit, on a ground its city names, with what it has spent of the money paid. */
export function applyTermination(id: string, body: TerminationInput): Promise<ProjectDetail> {
  return apiFetch(`${project(id)}/termination`, { method: "POST", body });
}

/** The bureau approves (the project closes) or refuses the termination waiting. */
export function decideTermination(
  id: string,
  event: ClosureEvent,
  body: ClosureDecisionInput,
): Promise<ProjectDetail> {
  return apiFetch(`${project(id)}/termination/events/${encodeURIComponent(event)}`, { method: "POST", body });
}

/** 撤销: everything paid to be recovered, the unit and its PI put on the integrity record. */
export function revokeProject(id: string, body: RevocationInput): Promise<ProjectDetail> {
  return apiFetch(`${project(id)}/revocation`, { method: "POST", body });
}

/**
 * Money the unit gave back on a decided closure, with the treasury's reference. The key names this
 * request: a retry of the same dialog is answered with the first record instead of a second.
 */
export function recordReturn(
  id: string,
  body: ClosureReturnInput,
  idempotencyKey: string,
): Promise<ProjectDetail> {
  return apiFetch(`${project(id)}/returns`, {
    method: "POST",
    body,
    headers: { "idempotency-key": idempotencyKey },
  });
}

/** 处理措施 (LY-FUNDS §25), by the authority the caller speaks for. */
export function imposeSanction(id: string, body: SanctionInput): Promise<ProjectDetail> {
  return apiFetch(`${project(id)}/sanctions`, { method: "POST", body });
}

/** Lifts a payment suspension or an eligibility ban, by the authority that imposed it. */
export function liftSanction(
  id: string,
  sanctionId: string,
  body: LiftSanctionInput,
): Promise<ProjectDetail> {
  return apiFetch(`${project(id)}/sanctions/${encodeURIComponent(sanctionId)}/lift`, {
    method: "POST",
    body,
  });
}

/** Termination applications waiting for the bureau's decision. */
export function fetchClosuresWaiting(): Promise<{ items: ClosureWaiting[]; total: number }> {
  return apiFetch("/project-closures");
}

/**
 * 变更 (DT-RULES §19; LY-FUNDS §18): the unit applies for a change the bureau decides; the unit or
 * the PI records one its city leaves to them, in effect at once.
 */
export function requestChange(id: string, body: ChangeRequestInput): Promise<ProjectDetail> {
  return apiFetch(`${project(id)}/changes`, { method: "POST", body });
}

/** The bureau approves (the change takes effect) or refuses a change waiting for it. */
export function decideChange(
  id: string,
  changeId: string,
  event: ChangeEvent,
  body: ClosureDecisionInput,
): Promise<ProjectDetail> {
  return apiFetch(
    `${project(id)}/changes/${encodeURIComponent(changeId)}/events/${encodeURIComponent(event)}`,
    { method: "POST", body },
  );
}
