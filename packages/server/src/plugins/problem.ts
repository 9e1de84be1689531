import { DomainError } from "@luoshu/domain";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";

/** The one code → HTTP status map. Codes not listed are rule violations (422). */
const statusByCode: Record<string, number> = {
  VALIDATION: 400,
  BAD_JSON: 400,
  AUTH_REQUIRED: 401,
  SESSION_EXPIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  DEMO_ACCOUNT_REFUSED: 403,
  ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BODY_TOO_LARGE: 413,
  ATTACHMENT_EMPTY: 400,
  ATTACHMENT_TOO_LARGE: 413,
  ATTACHMENT_TYPE_MISMATCH: 415,
  UNSUPPORTED_MEDIA_TYPE: 415,
  AUTH_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export function statusOf(code: string): number {
  return statusByCode[code] ?? 422;
}

export interface Issue {
  path: string;
  code: string;
  messageZh: string;
  messageEn: string;
}

const zhLocale = z.locales.zhCN().localeError;
const typeNamesZh: Record<string, string> = {
  string: "文本",
  number: "数字",
  int: "整数",
  boolean: "布尔值",
  object: "对象",
  array: "数组",
};

function zhMessage(v: { keyword: string; message: string; params: Record<string, unknown> }): string {
  if (v.keyword === "invalid_type") {
    const expected = String(v.params.expected ?? "");
    return `类型错误：应为${typeNamesZh[expected] ?? expected}`;
  }
  const raw = { code: v.keyword, message: v.message, ...v.params } as Parameters<typeof zhLocale>[0];
  const m = zhLocale(raw);
  return typeof m === "string" ? m : (m?.message ?? v.message);
}

/** `/lines/2/amountFen` and unrecognized key names become `lines.2.amountFen`. */
function pathOf(instancePath: string, params: Record<string, unknown>): string {
  const base = instancePath.replace(/^\//, "").split("/").filter(Boolean).join(".");
  const keys = params.keys as string[] | undefined;
  if (keys?.length) return [base, keys[0]].filter(Boolean).join(".");
  return base;
}

export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    const send = (status: number, body: Record<string, unknown>) =>
      reply
        .status(status)
        .type("application/problem+json")
        .send({ type: "about:blank", title: body.code, status, ...body });

    if (error instanceof DomainError) {
      return send(statusOf(error.code), {
        code: error.code,
        messageZh: error.messageZh,
        messageEn: error.message,
        ...(error.path ? { path: error.path } : {}),
        ...(error.clause ? { clause: error.clause } : {}),
        ...(error.details ? { details: error.details } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: Issue[] = error.validation.map((v) => {
        const params = v.params as Record<string, unknown>;
        const field = pathOf(v.instancePath, params);
        const prefix = error.validationContext === "body" ? "" : `${error.validationContext}.`;
        return {
          path: `${prefix}${field}`,
          code: v.keyword,
          messageZh: zhMessage({ keyword: v.keyword, message: v.message ?? "", params }),
          messageEn: v.message ?? "invalid",
        };
      });
      const first = issues[0];
      return send(400, {
        code: "VALIDATION",
        messageZh: `输入有误：${first ? `${first.path ? `${first.path}：` : ""}${first.messageZh}` : ""}`,
        messageEn: `Invalid input: ${first ? `${first.path ? `${first.path}: ` : ""}${first.messageEn}` : ""}`,
        path: first?.path,
        issues,
      });
    }
    const known = frameworkError(error);
    if (known) return send(known.status, known.body);
    request.log.error({ err: error }, "unhandled error");
    return send(500, {
      code: "INTERNAL",
      messageZh: "服务器内部错误，请稍后重试；如持续出现请联系系统管理员。",
      messageEn: "Internal server error.",
    });
  });
}

/** Fastify's own 4xx errors (broken JSON, oversize bodies…) keep their status, with our messages. */
function frameworkError(error: FastifyError): { status: number; body: Record<string, unknown> } | null {
  const table: Record<string, [number, string, string, string]> = {
    FST_ERR_CTP_INVALID_JSON_BODY: [
      400,
      "BAD_JSON",
      "请求体不是有效的 JSON。",
      "The body is not valid JSON.",
    ],
    FST_ERR_CTP_EMPTY_JSON_BODY: [400, "BAD_JSON", "请求体为空。", "The JSON body is empty."],
    FST_ERR_CTP_BODY_TOO_LARGE: [413, "BODY_TOO_LARGE", "请求体过大。", "The request body is too large."],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: [
      415,
      "UNSUPPORTED_MEDIA_TYPE",
      "不支持的内容类型，请使用 application/json。",
      "Unsupported content type; use application/json.",
    ],
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
      400,
      "BAD_JSON",
      "Content-Length 与请求体不符。",
      "Bad Content-Length.",
    ],
  };
  const hit = error.code ? table[error.code] : undefined;
  if (hit) return { status: hit[0], body: { code: hit[1], messageZh: hit[2], messageEn: hit[3] } };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return {
      status: error.statusCode,
      body: { code: "BAD_REQUEST", messageZh: "请求无效。", messageEn: error.message },
    };
  }
  return null;
}

export function notFoundBody(method: string, url: string) {
  const where = `${method} ${url.split("?")[0]}`;
  return {
    type: "about:blank",
    title: "NOT_FOUND",
    status: 404,
    code: "NOT_FOUND",
    messageZh: `接口不存在：${where}`,
    messageEn: `No such endpoint: ${where}`,
  };
}
