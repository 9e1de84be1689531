import type {
  ApplicationContentBody,
  ApplicationCreateBody,
  ApplicationDto,
  ApplicationListQuery,
  ApplicationSummaryDto,
  AttachmentDto,
  CommitmentBody,
  DistrictReviewBody,
  DuplicateCheckDto,
  DuplicateDecisionBody,
  FormalCheckBody,
  HistoryDto,
  Page,
  SaveResultDto,
  SubmissionCheckDto,
} from "@luoshu/contract";
import { ApiError, apiFetch, type ProblemCode } from "./client";

export type { ApplicationContentView, ChecklistAnswer, MemberView } from "@luoshu/contract";
export type ApplicationSummary = ApplicationSummaryDto;
export type Application = ApplicationDto;
export type ApplicationAction = Application["allowedActions"][number];
export type ApplicationInput = ApplicationContentBody;
export type ApplicationQuery = ApplicationListQuery;
export type Attachment = AttachmentDto;
export type ApplicationHistory = HistoryDto;
export type HistoryRevision = HistoryDto["revisions"][number];
export type DistrictDecision = DistrictReviewBody;
export type FormalDecision = FormalCheckBody;

/**
 * A field problem or a submission gate; `path` names the content field (`team.0.idNumber`). The code
 * may also be the client's own (a network error), since a refusal that lists nothing is shown as one.
 */
export type ContentProblem = Omit<SaveResultDto["problems"][number], "code"> & { code: ProblemCode };

export type DuplicateCheck = DuplicateCheckDto;
export type DuplicateMatch = DuplicateCheck["matches"][number];
/** A character range into a text; `highlights` are the runs of words the other side shares. */
export type DuplicatePassageSide = DuplicateMatch["passages"][number]["a"];
export type DuplicateDecisionRecord = DuplicateCheck["decisions"][number];
export type DuplicateDecisionInput = DuplicateDecisionBody;
export type DuplicateVerdict = DuplicateDecisionInput["decision"];

/** Whether the server lets the caller take this action on the application now. */
export const allows = (a: Application | undefined, action: ApplicationAction): boolean =>
  Boolean(a?.allowedActions.includes(action));

const base = (id: string) => `/applications/${encodeURIComponent(id)}`;

export function fetchApplications(q: ApplicationQuery): Promise<Page<ApplicationSummary>> {
  return apiFetch("/applications", { query: { ...q } });
}

export function createApplication(input: ApplicationCreateBody): Promise<Application> {
  return apiFetch("/applications", { method: "POST", body: input });
}

export function fetchApplication(id: string): Promise<Application> {
  return apiFetch(base(id));
}

export function saveContent(id: string, input: ApplicationInput): Promise<SaveResultDto> {
  return apiFetch(`${base(id)}/content`, { method: "PUT", body: input });
}

export function confirmCommitment(id: string, as: CommitmentBody["as"]): Promise<Application> {
  const body: CommitmentBody = { as };
  return apiFetch(`${base(id)}/commitment`, { method: "POST", body });
}

export function submitApplication(id: string): Promise<Application> {
  return apiFetch(`${base(id)}/submit`, { method: "POST" });
}

export function checkSubmission(id: string): Promise<SubmissionCheckDto> {
  return apiFetch(`${base(id)}/submission-check`);
}

export function withdrawApplication(id: string): Promise<Application> {
  return apiFetch(`${base(id)}/withdraw`, { method: "POST" });
}

export function districtReview(id: string, decision: DistrictDecision): Promise<Application> {
  return apiFetch(`${base(id)}/district-review`, { method: "POST", body: decision });
}

export function formalCheck(id: string, decision: FormalDecision): Promise<Application> {
  return apiFetch(`${base(id)}/formal-check`, { method: "POST", body: decision });
}

export function fetchAttachments(id: string): Promise<Attachment[]> {
  return apiFetch(`${base(id)}/attachments`);
}

export function fetchHistory(id: string): Promise<ApplicationHistory> {
  return apiFetch(`${base(id)}/history`);
}

/** Downloads are plain links: the session cookie goes with them and the browser shows or saves the file. */
export const applicationPdfUrl = (id: string) => `/api${base(id)}/pdf`;
export const commitmentLetterUrl = (id: string) => `/api${base(id)}/commitment-letter.pdf`;

export function exportUrl(q: Omit<ApplicationQuery, "page" | "pageSize">): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q))
    if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const qs = params.toString();
  return `/api/applications/export.xlsx${qs ? `?${qs}` : ""}`;
}

/** Raw bytes, as the server wants them (`application/octet-stream`, the name in `x-file-name`). */
export function uploadAttachment(id: string, code: string, file: File): Promise<Attachment> {
  return apiFetch(`${base(id)}/attachments/${encodeURIComponent(code)}`, {
    method: "PUT",
    body: file,
    headers: { "x-file-name": encodeURIComponent(file.name) },
  });
}

/** Every gate a refused submission lists (`details.violations`), or the one problem itself. */
export function violationsOf(err: unknown): ContentProblem[] {
  if (!(err instanceof ApiError)) return [];
  const details = err.body.details as { violations?: ContentProblem[] } | undefined;
  if (Array.isArray(details?.violations) && details.violations.length > 0) return details.violations;
  return [
    {
      code: err.code,
      messageZh: err.messageZh,
      messageEn: err.messageEn,
      clause: err.clause,
      path: err.path,
    },
  ];
}

export function fetchDuplicates(id: string): Promise<DuplicateCheck> {
  return apiFetch(`${base(id)}/duplicates`);
}

export async function decideDuplicate(id: string, input: DuplicateDecisionInput): Promise<void> {
  await apiFetch(`${base(id)}/duplicates/decisions`, { method: "POST", body: input });
}
