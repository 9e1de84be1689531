import { DomainError } from "@luoshu/domain";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { problemDocument } from "./problem.ts";

/**
 * Text that no field of the platform can mean is refused at the edge, once, for every route, with a
 * 400 problem document naming the field; nothing is silently dropped or replaced:
 * - a NUL character (PostgreSQL cannot store one in text; a string cut at it means something else),
 * - a lone UTF-16 surrogate ("\ud800" in JSON: not a character, and not encodable as UTF-8),
 * - a JSON body whose bytes are not UTF-8 (decoding would turn them into U+FFFD),
 * - a query string with a broken percent escape ("%E0%A4%A", "%ff"; Fastify keeps those undecoded).
 * A path with a broken escape is refused by Fastify's router before any route runs
 * (`badUrlProblem`). Only the parts a route reads (those its schema declares) are looked at.
 */
export function registerHostileInputGuard(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      done(
        new DomainError({
          code: "BAD_JSON",
          messageZh: "请求体不是有效的 UTF-8 编码文本。",
          messageEn: "The body is not valid UTF-8 text.",
        }),
        undefined,
      );
      return;
    }
    parseJson(request, text, done);
  });

  app.addHook("preValidation", async (request) => {
    const schema = request.routeOptions.schema;
    if (!schema) return;
    if (schema.querystring) refuseBrokenEscapes(request.url);
    if (schema.params) refuseHostile(request.params, "params.");
    if (schema.querystring) refuseHostile(request.query, "query.");
    if (schema.body && !Buffer.isBuffer(request.body)) refuseHostile(request.body, "");
  });
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
/** Without the `u` flag a pattern sees UTF-16 code units, so an unpaired half shows. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first NUL or lone surrogate in a value, keys included, with its path. */
function findHostile(value: unknown, path: string[]): { path: string; nul: boolean } | null {
  if (typeof value === "string") {
    if (value.includes("\u0000")) return { path: path.join("."), nul: true };
    if (loneSurrogate.test(value)) return { path: path.join("."), nul: false };
    return null;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findHostile(v, [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const found = findHostile(k, [...path, k]) ?? findHostile(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

function refuseHostile(value: unknown, prefix: string): void {
  const found = findHostile(value, []);
  if (!found) return;
  const path = `${prefix}${found.path}`;
  throw new DomainError({
    code: "VALIDATION",
    path,
    ...(found.nul
      ? {
          messageZh: `输入有误：${path} 含有空字符（U+0000），不予接受。`,
          messageEn: `Invalid input: ${path} contains a NUL character (U+0000), which is not accepted.`,
        }
      : {
          messageZh: `输入有误：${path} 含有不成对的代理码元（如 \\ud800），不是有效的 Unicode 文本。`,
          messageEn: `Invalid input: ${path} contains a lone surrogate (such as \\ud800), which is not valid Unicode text.`,
        }),
  });
}

/** Each name and value of the raw query string must percent-decode to UTF-8 text. */
function refuseBrokenEscapes(url: string): void {
  const at = url.indexOf("?");
  if (at < 0) return;
  for (const pair of url.slice(at + 1).split("&")) {
    const [name = "", value = ""] = pair.split("=", 2);
    for (const part of [name, value]) {
      try {
        decodeURIComponent(part.replaceAll("+", " "));
      } catch {
        const shown = part.slice(0, 40);
        throw new DomainError({
          code: "VALIDATION",
          path: `query.${name.slice(0, 40)}`,
          messageZh: `输入有误：查询参数的百分号编码无效（${shown}），不是有效的 UTF-8 文本。`,
          messageEn: `Invalid input: the query string has a broken percent escape (${shown}); it is not valid UTF-8 text.`,
        });
      }
    }
  }
}

/**
 * Fastify's router refuses a path whose percent escapes do not decode (FST_ERR_BAD_URL) before any
 * hook, route or error handler runs; this gives that refusal the same problem document and the same
 * security headers as every other answer.
 */
export function badUrlProblem(headers: Record<string, string>) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const where = request.url.split("?")[0]?.slice(0, 80) ?? "";
    const body =
      error.code === "FST_ERR_BAD_URL"
        ? problemDocument(
            "BAD_REQUEST",
            `请求路径的百分号编码无效，不是有效的 UTF-8 文本：${where}`,
            `The request path has a broken percent escape; it is not valid UTF-8 text: ${where}`,
          )
        : problemDocument("BAD_REQUEST", "请求无效。", error.message);
    reply.headers(headers).status(body.status).type("application/problem+json").send(body);
  };
}
