import fc from "fast-check";
import { pdf } from "./application-fixtures.ts";

/**
 * Requests for the hostile-input property test (plugins/hostile-input.test.ts), generated from an
 * operation of the OpenAPI document: every part valid as far as the schema tells (or taken from a
 * template that is known to pass), then exactly one part made hostile: a NUL, a lone surrogate, a
 * year-0 or absurd date, an undecodable percent escape in the path, the query or the file name, a
 * wrong content type. One hostile part at a time, so it is the only thing that can stop the request
 * and it reaches the use case and the database instead of the first schema check.
 */

export type Schema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
};
type Parameter = { in: "path" | "query"; name: string; schema: Schema };
export type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};

const hostileDates = [
  "0000-01-01",
  "0000-01-01T00:00:00Z",
  "0000-12-31T23:59:59+08:00",
  "99999-01-01",
  "+099999-01-01T00:00:00Z",
  "2026-02-30",
  "2026-02-30T10:00:00+08:00",
  "9999-12-31T23:59:59Z",
  "0001-01-01",
  "-000001-01-01T00:00:00Z",
];
const hostileStrings = [
  "\u0000",
  "名称\u0000",
  "\ud800",
  "a\udc00b",
  ...hostileDates,
  "%E0%A4%A",
  "%ff",
  "\u202Egpj.exe",
];
const hostileNumbers = [2 ** 53, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 1e15, 1e21, -1, 1.5];
/** Path segments and query values as raw URL text: NUL, invalid UTF-8, broken escapes, year 0. */
const hostileUrlText = [
  "%00",
  "a%00b",
  "%ff",
  "%E0%A4%A",
  "%ED%A0%80",
  "%",
  "0000-01-01",
  "%2B099999-01-01",
  "%E2%80%AE",
];
const contentTypes = [
  "application/json",
  "application/json",
  "application/octet-stream",
  "text/plain",
  "multipart/form-data; boundary=x",
  undefined,
];
const fileNames = [
  encodeURIComponent("承诺书.pdf"),
  "%E0%A4%A",
  "%ff",
  "a%00b.pdf",
  "%E2%80%AEfdp.exe",
  "%ED%A0%80.pdf",
  "x".repeat(300),
];
const uploads = [pdf, Buffer.from("%PDF-1.4\nMZ\x90\x00\x03\x00garbage", "latin1"), Buffer.from("text")];

/** Words the seed data knows (an attachment code, cities, a policy version), for path parameters. */
const knownWords = ["commitmentScan", "luoyang", "datong", "2025", "softScience"];

function typesOf(s: Schema): string[] {
  return [s.type ?? []].flat();
}

/** A valid value for a schema, as far as the schema itself can tell. */
function valid(s: Schema, ids: string[]): fc.Arbitrary<unknown> {
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => valid(a, ids)));
  if (s.enum) return fc.constantFrom(...s.enum);
  const types = typesOf(s).filter((t) => t !== "null");
  const nullable = s.nullable || typesOf(s).includes("null");
  const base = ((): fc.Arbitrary<unknown> => {
    switch (types[0]) {
      case "string": {
        if (s.format === "uuid") return fc.oneof(fc.constantFrom(...ids), fc.uuid());
        if (s.pattern) {
          const pattern = new RegExp(s.pattern);
          const known = knownWords.filter((w) => pattern.test(w));
          const any = fc.stringMatching(pattern);
          return known.length > 0 ? fc.oneof(fc.constantFrom(...known), any) : any;
        }
        if (s.format === "date") return fc.constantFrom("2026-04-01", "1986-03-12");
        if (s.format === "date-time") return fc.constantFrom("2026-04-01T09:00:00+08:00");
        const min = s.minLength ?? 0;
        return fc.string({
          unit: "grapheme",
          minLength: min,
          maxLength: Math.max(min, Math.min(s.maxLength ?? 12, 12)),
        });
      }
      case "integer":
      case "number":
        return fc.integer({ min: Math.max(s.minimum ?? 0, -1e6), max: Math.min(s.maximum ?? 1e6, 1e6) });
      case "boolean":
        return fc.boolean();
      case "array":
        return fc.array(valid(s.items ?? {}, ids), {
          minLength: s.minItems ?? 0,
          maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 2, 2)),
        });
      case "object": {
        const props = Object.fromEntries(
          Object.entries(s.properties ?? {}).map(([k, v]) => [k, valid(v, ids)]),
        );
        return fc.record(props, { requiredKeys: s.required ?? [] });
      }
      default:
        return fc.constant(null);
    }
  })();
  return nullable ? fc.option(base, { nil: null }) : base;
}

type Leaf = (string | number)[];
function leavesOf(value: unknown, at: Leaf = []): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leavesOf(v, [...at, i]));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => leavesOf(v, [...at, k]));
  return [at];
}
function valueAt(value: unknown, at: Leaf): unknown {
  return at.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], value);
}
function replaced(value: unknown, at: Leaf, by: unknown): unknown {
  if (at.length === 0) return by;
  const [head, ...rest] = at;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head as string] = replaced(copy[head as string], rest, by);
  return copy;
}

/** A row that exists and a body that passes, for the routes whose random bodies seldom would. */
export interface Template {
  params?: Record<string, string>;
  body?: unknown;
}

export interface HostileRequest {
  method: string;
  url: string;
  payload?: string | Buffer;
  headers: Record<string, string>;
}

/** A valid request (path, query, body, content type, file name) with exactly one part made hostile. */
export function hostileRequests(
  path: string,
  method: string,
  op: Operation,
  ids: string[],
  templates: Record<string, Template>,
): fc.Arbitrary<HostileRequest> {
  const inPath = (op.parameters ?? []).filter((p) => p.in === "path");
  const inQuery = (op.parameters ?? []).filter((p) => p.in === "query");
  const template = templates[`${method} ${path}`];
  const text = (p: Parameter) => {
    const any = valid(p.schema, ids).map((v) => encodeURIComponent(String(v)));
    const known = template?.params?.[p.name];
    return known
      ? fc.oneof({ weight: 3, arbitrary: fc.constant(known) }, { weight: 1, arbitrary: any })
      : any;
  };
  const schema = op.requestBody?.content["application/json"]?.schema;
  const body: fc.Arbitrary<unknown> = !schema
    ? fc.constant(undefined)
    : template?.body
      ? fc.oneof(
          { weight: 3, arbitrary: fc.constant(template.body) },
          { weight: 1, arbitrary: valid(schema, ids) },
        )
      : valid(schema, ids);
  const parts = fc.record({
    segments: fc.tuple(...inPath.map(text)),
    query: fc.tuple(...inQuery.map((p) => fc.option(text(p), { nil: undefined }))),
    body,
    upload: fc.constantFrom(...uploads),
  });
  type Parts = typeof parts extends fc.Arbitrary<infer P> ? P : never;
  type Mutation = (p: Parts) => Parts & { contentType?: string | null; fileName?: string };
  const mutations: fc.Arbitrary<Mutation>[] = [
    fc
      .constantFrom(...contentTypes)
      .map((contentType) => (p: Parts) => ({ ...p, contentType: contentType ?? null })),
    fc.constantFrom(...fileNames).map((fileName) => (p: Parts) => ({ ...p, fileName })),
  ];
  if (inPath.length > 0)
    mutations.push(
      fc
        .tuple(fc.nat(inPath.length - 1), fc.constantFrom(...hostileUrlText))
        .map(([i, bad]) => (p: Parts) => {
          const segments = [...p.segments];
          segments[i] = bad;
          return { ...p, segments };
        }),
    );
  if (inQuery.length > 0)
    mutations.push(
      fc
        .tuple(fc.nat(inQuery.length - 1), fc.constantFrom(...hostileUrlText))
        .map(([i, bad]) => (p: Parts) => {
          const query = [...p.query];
          query[i] = bad;
          return { ...p, query };
        }),
    );
  if (schema) {
    const leafMutation = (bad: fc.Arbitrary<unknown>, only: (v: unknown) => boolean) =>
      fc.tuple(fc.nat(), bad).map(([n, value]) => (p: Parts) => {
        const all = leavesOf(p.body);
        const some = all.filter((at) => only(valueAt(p.body, at)));
        const leaves = some.length > 0 ? some : all;
        return { ...p, body: replaced(p.body, leaves[n % leaves.length] ?? [], value) };
      });
    // Any leaf at all, and a date leaf with a hostile date, which a uniform pick would seldom hit.
    mutations.push(
      leafMutation(fc.constantFrom<unknown>(...hostileStrings, ...hostileNumbers), () => true),
      leafMutation(
        fc.constantFrom(...hostileDates),
        (v) => typeof v === "string" && /^\d{4}-\d\d-\d\d/.test(v),
      ),
    );
  }
  return fc.tuple(parts, fc.oneof(...mutations)).map(([valid, mutate]) => {
    const m = mutate(valid);
    let i = 0;
    const url = path.replace(/\{[^}]+\}/g, () => m.segments[i++] ?? "");
    const query = m.query
      .map((v, j) => (v === undefined ? "" : `${inQuery[j]?.name}=${v}`))
      .filter(Boolean)
      .join("&");
    const raw = method !== "GET" && m.body === undefined && op.requestBody === undefined;
    const contentType =
      m.contentType === undefined ? (raw ? "application/octet-stream" : "application/json") : m.contentType;
    const headers: Record<string, string> = {
      "x-file-name": m.fileName ?? encodeURIComponent("承诺书.pdf"),
      ...(contentType ? { "content-type": contentType } : {}),
    };
    const payload =
      method === "GET" ? undefined : m.body !== undefined ? JSON.stringify(m.body) : raw ? m.upload : "{}";
    return {
      method,
      url: query ? `${url}?${query}` : url,
      headers,
      ...(payload === undefined ? {} : { payload }),
    };
  });
}
