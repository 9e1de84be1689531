import type {
  ApplicationResultDto,
  ControlNumberDto,
  collectiveDecisionBody,
  DecisionCallDto,
  DirectedCommissionDto,
  directedCommissionBody,
  directedCommissionEvents,
  EditProposedListBody,
  handleObjectionBody,
  listEventBody,
  ProjectDto,
  ProposedListAction,
  ProposedListDto,
  ProposedListEventName,
  PublicCommissionDto,
  PublicNoticeDto,
  raiseObjectionBody,
  setControlNumberBody,
  withdrawEntryBody,
} from "@luoshu/contract";
import { apiFetch } from "./client";

/** A contract schema's accepted input (what `z.input` gives). */
export type In<S extends { _zod: { input: unknown } }> = S["_zod"]["input"];

/** 立项决策: a call's proposed list (拟立项名单) from the ranking to issued projects. */
export type ProposedList = ProposedListDto;
export type ProposedListEntry = ProposedListDto["entries"][number];
export type Objection = ProposedListDto["objections"][number];
export type Violation = ProposedListDto["violations"][number];
export type ListAction = ProposedListAction;
export type ListEvent = ProposedListEventName;
export type DecisionCall = DecisionCallDto;
export type ControlNumber = ControlNumberDto;
export type PublicNotice = PublicNoticeDto;
export type PublicNoticeEntry = PublicNoticeDto["entries"][number];
export type Project = ProjectDto;
export type ApplicationResult = ApplicationResultDto;
export type EditListInput = EditProposedListBody;
export type EditEntryInput = NonNullable<EditListInput["entries"]>[number];
export type CollectiveDecisionInput = In<typeof collectiveDecisionBody>;
export type ListEventInput = In<typeof listEventBody>;
export type WithdrawEntryInput = In<typeof withdrawEntryBody>;
export type HandleObjectionInput = In<typeof handleObjectionBody>;
export type RaiseObjectionInput = In<typeof raiseObjectionBody>;
export type SetControlNumberInput = In<typeof setControlNumberBody>;
export type DirectedCommission = DirectedCommissionDto;
export type CommissionEvent = (typeof directedCommissionEvents)[number];
export type CommissionInput = In<typeof directedCommissionBody>;
export type PublicCommission = PublicCommissionDto;
/** A clause, or the city's own setting, behind a rule or a step. */
export type Source = ProposedListDto["steps"]["collectiveDecision"];

const list = (id: string) => `/decisions/lists/${encodeURIComponent(id)}`;

export async function fetchDecisionCalls(): Promise<DecisionCall[]> {
  return (await apiFetch<{ items: DecisionCall[] }>("/decisions")).items;
}

/** Draws the list from the call's ranking; every entry starts not selected. */
export function createProposedList(callId: string): Promise<ProposedList> {
  return apiFetch("/decisions/lists", { method: "POST", body: { callId } });
}

export function fetchProposedList(id: string): Promise<ProposedList> {
  return apiFetch(list(id));
}

export function editProposedList(id: string, input: EditListInput): Promise<ProposedList> {
  return apiFetch(list(id), { method: "PATCH", body: input });
}

export function recordCollectiveDecision(id: string, input: CollectiveDecisionInput): Promise<ProposedList> {
  return apiFetch(`${list(id)}/collective-decision`, { method: "PUT", body: input });
}

/** Raw bytes, as the server wants them (`application/octet-stream`, the name in `x-file-name`). */
export function uploadCollectiveDecisionAttachment(id: string, file: File): Promise<ProposedList> {
  return apiFetch(`${list(id)}/collective-decision/attachment`, {
    method: "PUT",
    body: file,
    headers: { "x-file-name": encodeURIComponent(file.name) },
  });
}

/** A plain link: the session cookie goes with it and the browser shows or saves the file. */
export const collectiveDecisionAttachmentUrl = (id: string) => `/api${list(id)}/minutes.pdf`;

export function runListEvent(id: string, event: ListEvent, input: ListEventInput): Promise<ProposedList> {
  return apiFetch(`${list(id)}/events/${encodeURIComponent(event)}`, { method: "POST", body: input });
}

export function withdrawEntry(
  id: string,
  applicationId: string,
  input: WithdrawEntryInput,
): Promise<ProposedList> {
  return apiFetch(`${list(id)}/entries/${encodeURIComponent(applicationId)}/withdraw`, {
    method: "POST",
    body: input,
  });
}

export function handleObjection(
  id: string,
  objectionId: string,
  input: HandleObjectionInput,
): Promise<ProposedList> {
  return apiFetch(`${list(id)}/objections/${encodeURIComponent(objectionId)}/handle`, {
    method: "POST",
    body: input,
  });
}

/** 预算控制数: the finance bureau's figure for each year. */
export function fetchControlNumbers(): Promise<ControlNumber[]> {
  return apiFetch("/budget/control-numbers");
}

export function setControlNumber(year: number, input: SetControlNumberInput): Promise<ControlNumber> {
  return apiFetch(`/budget/control-numbers/${year}`, { method: "PUT", body: input });
}

/** 公示: no login. */
export function fetchPublicNotices(): Promise<PublicNotice[]> {
  return apiFetch("/public/notices");
}

export function raiseObjection(listId: string, input: RaiseObjectionInput): Promise<{ ok: true }> {
  return apiFetch(`/public/notices/${encodeURIComponent(listId)}/objections`, {
    method: "POST",
    body: input,
  });
}

/** What of the projects in scope waits for the caller: its task book, or its acceptance. */
export type ProjectsWaiting = "taskBook" | "acceptance";

/** Issued projects in scope; `waiting`: only those whose task book or acceptance waits for the caller. */
export function fetchProjects(waiting: ProjectsWaiting | null = null): Promise<{ items: Project[] }> {
  return apiFetch("/projects", {
    query: {
      mine: waiting === "taskBook" ? "true" : undefined,
      acceptance: waiting === "acceptance" ? "waiting" : undefined,
    },
  });
}

/** The applicant's own result once the list is issued: no expert names. */
export function fetchApplicationResult(applicationId: string): Promise<ApplicationResult> {
  return apiFetch(`/applications/${encodeURIComponent(applicationId)}/result`);
}

/** 定向委托 (DT-RULES §14): drafted by the officer, its reasons public, then approved by the leader. */
export function fetchDirectedCommissions(): Promise<{ items: DirectedCommission[]; total: number }> {
  return apiFetch("/directed-commissions");
}

export function createDirectedCommission(input: CommissionInput): Promise<DirectedCommission> {
  return apiFetch("/directed-commissions", { method: "POST", body: input });
}

export function runCommissionEvent(id: string, event: CommissionEvent): Promise<DirectedCommission> {
  return apiFetch(`/directed-commissions/${encodeURIComponent(id)}/events/${encodeURIComponent(event)}`, {
    method: "POST",
  });
}

/** The reasons and decision basis of directed commissions, public before they proceed: no login. */
export function fetchPublicCommissions(): Promise<PublicCommission[]> {
  return apiFetch("/public/directed-commissions");
}

/** 备案立项: a guiding project past the formal check becomes a project, without review or money. */
export function fileGuidingProject(applicationId: string): Promise<Project> {
  return apiFetch(`/applications/${encodeURIComponent(applicationId)}/file`, { method: "POST" });
}
