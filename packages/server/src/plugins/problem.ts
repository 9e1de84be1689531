import type { IssueDto } from "@luoshu/contract";
import { DomainError, type ErrorCode, errorCatalogue } from "@luoshu/domain";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import { possibleCodes, routeFacts, statusOf } from "./error-codes.ts";
import { loggableError } from "./error-log.ts";

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
  // A refinement of the domain's carries its own Chinese message (`params: { messageZh }`).
  const own = (v.params.params as { messageZh?: unknown } | undefined)?.messageZh;
  if (v.keyword === "custom" && typeof own === "string") return own;
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

/**
 * Every error leaves as a problem document. `onUndeclared` hears of a code the route did not declare
 * (see error-codes.ts); the test harness fails on it, so the OpenAPI document's lists stay true.
 */
export function registerProblemHandler(
  app: FastifyInstance,
  onUndeclared?: (route: string, code: ErrorCode) => void,
): void {
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    const send = (status: number, body: Record<string, unknown> & { code: ErrorCode }) => {
      // Every 5xx is logged, with the request id (the request's logger carries it), never a secret.
      if (status >= 500)
        request.log.error({ error: loggableError(error), code: body.code }, "request failed");
      const route = request.routeOptions;
      if (onUndeclared && route.url && !possibleCodes(routeFacts(route, request.method)).has(body.code)) {
        onUndeclared(`${request.method} ${route.url}`, body.code);
      }
      return reply
        .status(status)
        .type("application/problem+json")
        .send({ type: "about:blank", title: body.code, status, ...body });
    };

    if (error instanceof DomainError) {
      return send(statusOf(error.code), {
        code: error.code,
        messageZh: error.messageZh,
        messageEn: error.message,
        ...(error.path ? { path: error.path } : {}),
        ...(error.clause ? { clause: error.clause } : {}),
        ...(error.setting ? { setting: error.setting } : {}),
        ...(error.details ? { details: error.details } : {}),
        ...(error.issues?.length
          ? {
              issues: error.issues.map(
                (i): IssueDto => ({
                  path: i.path ?? "",
                  code: i.code,
                  messageZh: i.messageZh,
                  messageEn: i.messageEn,
                  ...(i.clause ? { clause: i.clause } : {}),
                  ...(i.setting ? { setting: i.setting } : {}),
                }),
              ),
            }
          : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: IssueDto[] = error.validation.map((v) => {
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
    const internal = errorCatalogue.INTERNAL;
    return send(500, { code: "INTERNAL", messageZh: internal.messageZh, messageEn: internal.messageEn });
  });
}

/** Fastify's own 4xx errors (broken JSON, oversize bodies…) keep their status, with our messages. */
function frameworkError(
  error: FastifyError,
): { status: number; body: Record<string, unknown> & { code: ErrorCode } } | null {
  const table: Record<string, ErrorCode> = {
    FST_ERR_CTP_INVALID_JSON_BODY: "BAD_JSON",
    FST_ERR_CTP_EMPTY_JSON_BODY: "BAD_JSON",
    FST_ERR_CTP_BODY_TOO_LARGE: "BODY_TOO_LARGE",
    FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: "BAD_JSON",
  };
  const messages: Record<string, [string, string]> = {
    FST_ERR_CTP_EMPTY_JSON_BODY: ["请求体为空。", "The JSON body is empty."],
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: ["Content-Length 与请求体不符。", "Bad Content-Length."],
  };
  const code = error.code && Object.hasOwn(table, error.code) ? table[error.code] : undefined;
  if (code) {
    const [messageZh, messageEn] = messages[error.code] ?? [
      errorCatalogue[code].messageZh,
      errorCatalogue[code].messageEn,
    ];
    return { status: statusOf(code), body: { code, messageZh, messageEn } };
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return {
      status: error.statusCode,
      body: { code: "BAD_REQUEST" as const, messageZh: "请求无效。", messageEn: error.message },
    };
  }
  return null;
}

/** A problem document for an answer given outside the error handler (no route matched). */
export function problemDocument(code: ErrorCode, messageZh: string, messageEn: string) {
  const status = statusOf(code);
  return { type: "about:blank", title: code, status, code, messageZh, messageEn };
}

export function notFoundBody(method: string, url: string) {
  const where = `${method} ${url.split("?")[0]}`;
  return problemDocument("NOT_FOUND", `接口不存在：${where}`, `No such endpoint: ${where}`);
}
