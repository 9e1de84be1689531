/**
 * The one way the web app talks to the server. It attaches the CSRF token, turns
 * problem+json bodies into ApiError, and reports expired sessions to whoever registered for it,
 * so pages never parse error bodies or check status codes themselves.
 */
import type { IssueDto, ProblemDto } from "@luoshu/contract";
import type { ErrorCode } from "@luoshu/domain";

/** Codes the client makes itself when no problem document arrived. */
export type ClientErrorCode = "NETWORK_ERROR" | `HTTP_${number}`;
export type ProblemCode = ErrorCode | ClientErrorCode;

/** One field's problem in a validation answer. */
export type ApiIssue = IssueDto;

/** The server's problem document, or one the client makes when none arrived (then only the essentials). */
export type Problem = Omit<ProblemDto, "code" | "type" | "title"> & { code: ProblemCode };

export class ApiError extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly path?: string;
  readonly clause?: string;
  readonly issues: ApiIssue[];
  /** The whole problem body, for fields outside the common contract (e.g. lockedUntil). */
  readonly body: Problem;

  constructor(p: Problem) {
    super(p.messageEn || p.code);
    this.name = "ApiError";
    this.status = p.status;
    this.code = p.code;
    this.messageZh = p.messageZh;
    this.messageEn = p.messageEn;
    this.path = p.path;
    this.clause = p.clause;
    this.issues = Array.isArray(p.issues) ? p.issues : [];
    this.body = p;
  }
}

const SESSION_CODES = new Set(["AUTH_REQUIRED", "SESSION_EXPIRED"]);

let csrfToken: string | null = null;
let onSessionLost: ((code: string) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setSessionLostHandler(handler: ((code: string) => void) | null): void {
  onSessionLost = handler;
}

type QueryValue = string | number | boolean | null | undefined;

export interface ApiOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON; a Blob (a File) goes as its raw bytes (`application/octet-stream`). */
  body?: unknown;
  /** Extra request headers, e.g. the file name of an upload. */
  headers?: Record<string, string>;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** For calls where 401 is an expected answer (me, login): don't treat it as a lost session. */
  expectUnauthorized?: boolean;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ""}`;
}

async function readProblem(res: Response): Promise<Problem> {
  const type = res.headers.get("content-type") ?? "";
  if (type.includes("json")) {
    try {
      const body = (await res.json()) as Partial<Problem>;
      if (body && typeof body === "object" && typeof body.code === "string") {
        return {
          ...body,
          status: res.status,
          code: body.code,
          messageZh: body.messageZh ?? `请求失败（${res.status}）`,
          messageEn: body.messageEn ?? `Request failed (${res.status})`,
        };
      }
    } catch {
      // fall through to the generic problem: a broken body must not hide the status
    }
  }
  return {
    status: res.status,
    code: `HTTP_${res.status}`,
    messageZh: res.status >= 500 ? `服务器暂时不可用（${res.status}）` : `请求失败（${res.status}）`,
    messageEn: res.status >= 500 ? `Server unavailable (${res.status})` : `Request failed (${res.status})`,
  };
}

export async function apiFetch<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const { body } = options;
  const payload = body === undefined || body instanceof Blob ? body : JSON.stringify(body);
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  if (payload !== undefined)
    headers["content-type"] = payload instanceof Blob ? "application/octet-stream" : "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: payload,
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError({
      status: 0,
      code: "NETWORK_ERROR",
      messageZh: "网络连接失败，请检查网络后重试",
      messageEn: "Network error, please check your connection and retry",
    });
  }

  if (!res.ok) {
    const problem = await readProblem(res);
    if (res.status === 401 && SESSION_CODES.has(problem.code) && !options.expectUnauthorized) {
      onSessionLost?.(problem.code);
    }
    throw new ApiError(problem);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A message fit for the user in the current language, whatever was thrown. */
export function errorText(err: unknown, lang: "zh" | "en"): string {
  if (err instanceof ApiError) return lang === "zh" ? err.messageZh : err.messageEn;
  return lang === "zh" ? "发生未知错误，请稍后重试" : "Unexpected error, please retry later";
}
