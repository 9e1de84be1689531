import type {
  ApplicationContent,
  ApplicationEvent,
  ApplicationState,
  StoredMember,
  UnitKind,
  Violation,
} from "@luoshu/domain";
import { ApiError, apiFetch, type Problem, type ProblemCode } from "./client";
import type { Page } from "./types";

export interface ApplicationSummary {
  id: string;
  number: string;
  cityCode: string;
  callId: string;
  guideId: string;
  unitId: string;
  unitNameZh: string | null;
  unitKind: UnitKind | null;
  districtCode: string;
  title: string;
  status: ApplicationState;
  statusZh: string;
  statusEn: string;
  requestedFen: number;
  revision: number;
  districtRank: number | null;
  returnDeadline: string | null;
  submittedAt: string | null;
  updatedAt: string;
}

/** A member as the server shows it: the ID number only masked, with age and youth at the call's date. */
export type MemberView = Omit<StoredMember, "idNumberCipher" | "idNumberDigest"> & {
  age: number | null;
  youth: boolean;
};

export type ApplicationContentView = Omit<ApplicationContent, "team"> & { team: MemberView[] };

export interface Commitment {
  piConfirmedAt?: string;
  piConfirmedBy?: string;
  unitConfirmedAt?: string;
  unitConfirmedBy?: string;
}

export interface Application extends ApplicationSummary {
  content: ApplicationContentView;
  commitment: Commitment;
  piUserId: string | null;
  policyVersion: string;
  allowedEvents: ApplicationEvent[];
}

/** A member as typed: the full ID number only when set or replaced; absent keeps the stored one. */
export type MemberInput = Pick<StoredMember, "name" | "role" | "title" | "unitName" | "workMonths"> & {
  idNumber?: string;
};

export type ApplicationInput = Omit<ApplicationContent, "team"> & { team: MemberInput[] };

/** A field problem or a submission gate; `path` names the content field (`team.0.idNumber`). */
export type ContentProblem = Omit<Violation, "code"> & { code: ProblemCode; path?: string };

export interface SaveResult {
  application: Application;
  problems: ContentProblem[];
}

export interface ApplicationQuery {
  page: number;
  pageSize: number;
  callId?: string;
  guideId?: string;
  status?: string;
  district?: string;
  kind?: UnitKind;
  keyword?: string;
}

export interface Attachment {
  id: string;
  code: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  uploadedAt?: string;
}

export interface HistoryEvent {
  event: string;
  fromState: string;
  toState: string;
  revision: number;
  actorRole: string | null;
  reason: string | null;
  details: {
    rank?: number;
    deadline?: string;
    checklist?: { code: string; ok: boolean; note?: string }[];
  } | null;
  at: string;
}

export interface HistoryRevision {
  revision: number;
  submittedAt: string;
  contentHash: string;
  changes: { path: string; before: unknown; after: unknown }[];
}

export interface ApplicationHistory {
  events: HistoryEvent[];
  revisions: HistoryRevision[];
}

export type ChecklistAnswer = { code: string; ok: boolean; note?: string };

export type DistrictDecision =
  | { event: "recommend"; rank: number; reason?: string }
  | { event: "districtReturn"; reason: string; deadline: string }
  | { event: "districtReject"; reason: string };

export type FormalDecision =
  | { event: "formalPass"; checklist: ChecklistAnswer[]; reason?: string }
  | { event: "formalReturn"; reason: string; deadline: string; checklist?: ChecklistAnswer[] }
  | { event: "formalReject"; reason: string; checklist?: ChecklistAnswer[] };

const base = (id: string) => `/applications/${encodeURIComponent(id)}`;

export function fetchApplications(q: ApplicationQuery): Promise<Page<ApplicationSummary>> {
  return apiFetch("/applications", { query: { ...q } });
}

export function createApplication(input: { callId: string; title: string }): Promise<Application> {
  return apiFetch("/applications", { method: "POST", body: input });
}

export function fetchApplication(id: string): Promise<Application> {
  return apiFetch(base(id));
}

export function saveContent(id: string, input: ApplicationInput): Promise<SaveResult> {
  return apiFetch(`${base(id)}/content`, { method: "PUT", body: input });
}

export function confirmCommitment(id: string, as: "pi" | "unit"): Promise<Application> {
  return apiFetch(`${base(id)}/commitment`, { method: "POST", body: { as } });
}

export function submitApplication(id: string): Promise<Application> {
  return apiFetch(`${base(id)}/submit`, { method: "POST" });
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

/**
 * Raw bytes, as the server wants them (`application/octet-stream`, name in `x-file-name`). apiFetch
 * only sends JSON, so this goes through fetch with the CSRF token the caller holds from /auth/me.
 */
export async function uploadAttachment(
  id: string,
  code: string,
  file: File,
  csrfToken: string,
): Promise<Attachment> {
  let res: Response;
  try {
    res = await fetch(`/api${base(id)}/attachments/${encodeURIComponent(code)}`, {
      method: "PUT",
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        "content-type": "application/octet-stream",
        "x-file-name": encodeURIComponent(file.name),
        "x-csrf-token": csrfToken,
      },
      body: file,
    });
  } catch {
    throw new ApiError({
      status: 0,
      code: "NETWORK_ERROR",
      messageZh: "网络连接失败，请检查网络后重试",
      messageEn: "Network error, please check your connection and retry",
    });
  }
  const body = (await res.json().catch(() => null)) as (Partial<Problem> & Attachment) | null;
  if (res.ok && body) return body;
  throw new ApiError({
    ...(body ?? {}),
    status: res.status,
    code: body?.code ?? `HTTP_${res.status}`,
    messageZh: body?.messageZh ?? `上传失败（${res.status}）`,
    messageEn: body?.messageEn ?? `Upload failed (${res.status})`,
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

/** A character range into a text; `highlights` are the runs of words the other side shares. */
export interface DuplicatePassageSide {
  start: number;
  end: number;
  highlights?: { start: number; end: number }[];
}

export interface DuplicatePassage {
  similarity: number;
  /** Into the queried application's `text`. */
  a: DuplicatePassageSide;
  /** Into the match's `text`. */
  b: DuplicatePassageSide;
}

export interface DuplicateMatch {
  id: string;
  title: string;
  status: string | null;
  similarity: number;
  containment: number;
  text: string;
  passages: DuplicatePassage[];
}

export type DuplicateVerdict = "duplicate" | "notDuplicate";

export interface DuplicateDecisionRecord {
  matchId: string;
  decision: string;
  reason: string;
  similarityBp: number;
  decidedAt: string;
}

/** 查重 (LY-FUNDS §17): the closest earlier texts of the same city and the decisions recorded on them. */
export interface DuplicateCheck {
  threshold: number;
  clause: string;
  text: string;
  matches: DuplicateMatch[];
  decisions: DuplicateDecisionRecord[];
}

export interface DuplicateDecisionInput {
  matchId: string;
  decision: DuplicateVerdict;
  reason: string;
  similarity: number;
}

export function fetchDuplicates(id: string): Promise<DuplicateCheck> {
  return apiFetch(`${base(id)}/duplicates`);
}

export function decideDuplicate(id: string, input: DuplicateDecisionInput): Promise<{ ok: true }> {
  return apiFetch(`${base(id)}/duplicates/decisions`, { method: "POST", body: input });
}
