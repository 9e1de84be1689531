import type {
  ledgerYearDto,
  PaymentDto,
  ProjectDetailDto,
  paymentEvents,
  preparePaymentBody,
  TaskBookTemplateDto,
  taskBookEvents,
  taskBookTemplateBody,
} from "@luoshu/contract";
import type { PaymentState } from "@luoshu/domain";
import { apiFetch } from "./client";
import type { In } from "./decisions";

/** What a contract schema answers (what `z.output` gives). */
type Out<S extends { _zod: { output: unknown } }> = S["_zod"]["output"];

/**
 * 项目执行: the project page (task book, payment nodes, payments, ledger balances, timeline), the
 * payments across projects, and the ledger's figures by budget year.
 */
export type ProjectDetail = ProjectDetailDto;
export type TaskBook = NonNullable<ProjectDetailDto["taskBook"]>;
export type PaymentNode = ProjectDetailDto["nodes"][number];
export type TimelineEntry = ProjectDetailDto["timeline"][number];
export type ProjectStage = ProjectDetailDto["stage"];
export type Payment = PaymentDto;
export type PaymentEvent = (typeof paymentEvents)[number];
export type TaskBookConfirmation = (typeof taskBookEvents)[number];
export type PreparePaymentInput = In<typeof preparePaymentBody>;
export type LedgerYear = Out<typeof ledgerYearDto>;
export type TaskBookTemplate = TaskBookTemplateDto;
export type TaskBookTemplateInput = In<typeof taskBookTemplateBody>;

export interface PaymentFilter {
  status: PaymentState | null;
  /** Only those waiting for the caller: finance's approvals, the bureau's payments. */
  mine: boolean;
}

const project = (id: string) => `/projects/${encodeURIComponent(id)}`;
const payment = (id: string) => `/payments/${encodeURIComponent(id)}`;

export function fetchProject(id: string): Promise<ProjectDetail> {
  return apiFetch(project(id));
}

export interface DrawTaskBook {
  lumpSumPilot: boolean;
  /** 起止日期 the bureau sets for a project without an application (challenge, commission). */
  period?: { startDate: string; endDate: string };
}

/** 拟定任务书: by the bureau, once, from the approved project and its policy version. */
export function drawTaskBook(id: string, body: DrawTaskBook): Promise<ProjectDetail> {
  return apiFetch(`${project(id)}/task-book`, { method: "POST", body });
}

export function confirmTaskBook(id: string, event: TaskBookConfirmation): Promise<ProjectDetail> {
  return apiFetch(`${project(id)}/task-book/events/${encodeURIComponent(event)}`, { method: "POST" });
}

/** The signed scan as raw bytes (`application/octet-stream`, its name in `x-file-name`), with the day of signing. */
export function signTaskBook(id: string, file: File, signedOn: string): Promise<ProjectDetail> {
  return apiFetch(`${project(id)}/task-book/scan`, {
    method: "PUT",
    query: { signedOn },
    body: file,
    headers: { "x-file-name": encodeURIComponent(file.name) },
  });
}

export function assignOfficer(id: string, userId: string): Promise<ProjectDetail> {
  return apiFetch(`${project(id)}/responsible-officer`, { method: "PUT", body: { userId } });
}

/** Plain links: the session cookie goes with them and the browser shows or saves the file. */
export const taskBookPdfUrl = (id: string) => `/api${project(id)}/task-book.pdf`;
/** The same task book as Word, for the parties to edit their copies before signing. */
export const taskBookDocxUrl = (id: string) => `/api${project(id)}/task-book.docx`;
/** 资金台账 as .xlsx: one budget year, or every year when none is given. */
export const ledgerExportUrl = (year: number | null) =>
  `/api/ledger/export.xlsx${year === null ? "" : `?year=${encodeURIComponent(year)}`}`;
export const taskBookScanUrl = (id: string) => `/api${project(id)}/task-book/scan`;

/**
 * 提出拨款 of one node. The key names this request: a retry of the same dialog sends it again and the
 * server answers the payment it prepared the first time instead of preparing another.
 */
export function preparePayment(
  projectId: string,
  input: PreparePaymentInput,
  idempotencyKey: string,
): Promise<Payment> {
  return apiFetch(`${project(projectId)}/payments`, {
    method: "POST",
    body: input,
    headers: { "idempotency-key": idempotencyKey },
  });
}

/** Finance approves; the bureau cancels, or marks it paid with the treasury's reference (with a key). */
export function runPaymentEvent(
  id: string,
  event: PaymentEvent,
  input: { treasuryRef?: string; idempotencyKey?: string } = {},
): Promise<Payment> {
  const { idempotencyKey, ...body } = input;
  return apiFetch(`${payment(id)}/events/${encodeURIComponent(event)}`, {
    method: "POST",
    body,
    headers: idempotencyKey ? { "idempotency-key": idempotencyKey } : undefined,
  });
}

export function fetchPayments(f: PaymentFilter): Promise<{ items: Payment[]; total: number }> {
  return apiFetch("/payments", {
    query: { status: f.status ?? undefined, mine: f.mine ? "true" : undefined },
  });
}

export function fetchLedgerYears(): Promise<LedgerYear[]> {
  return apiFetch("/ledger/years");
}

/** The bureau's task book terms (任务书模板), with its policy file's defaults. */
export function fetchTaskBookTemplate(): Promise<TaskBookTemplate> {
  return apiFetch("/task-book-template");
}

/** Saves the terms new task books are drawn with; task books drawn before keep theirs. */
export function saveTaskBookTemplate(body: TaskBookTemplateInput): Promise<TaskBookTemplate> {
  return apiFetch("/task-book-template", { method: "PUT", body });
}

/**
 * A fresh idempotency key for one dialog: a UUID where the browser offers one (secure contexts), else
 * 32 random hex digits, which the server's pattern accepts as well.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
