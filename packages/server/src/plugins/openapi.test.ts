import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Problem = { properties?: { code?: { enum?: string[] } } };
type Operation = { responses: Record<string, { content?: Record<string, { schema?: Problem }> }> };

describe("the OpenAPI document", () => {
  it("lists each operation's possible error codes by status, with precise success schemas", async () => {
    const doc = (await t.anonymous.get("/api/openapi.json")).body;
    const submit: Operation = doc.paths["/api/applications/{id}/submit"].post;
    const codes = (status: string) =>
      submit.responses[status]?.content?.["application/json"]?.schema?.properties?.code?.enum ?? [];
    expect(codes("422")).toEqual(expect.arrayContaining(["SUBMIT_WINDOW_CLOSED", "INVALID_TRANSITION"]));
    expect(codes("401")).toEqual(expect.arrayContaining(["AUTH_REQUIRED", "SESSION_EXPIRED"]));
    expect(codes("403")).toEqual(expect.arrayContaining(["CSRF_FAILED", "FORBIDDEN"]));
    expect(codes("404")).toEqual(["NOT_FOUND"]);
    expect(codes("409")).toEqual(["CONFLICT"]);
    const ok = JSON.stringify(submit.responses["200"]);
    expect(ok).toContain("allowedActions");
    expect(ok).toContain("formalPassed");
  });

  it("gives every JSON route a success schema", async () => {
    const doc = (await t.anonymous.get("/api/openapi.json")).body;
    const missing: string[] = [];
    for (const [path, item] of Object.entries<Record<string, Operation & { produces?: string[] }>>(
      doc.paths,
    )) {
      for (const [method, op] of Object.entries(item)) {
        const success = Object.keys(op.responses).filter((s) => s.startsWith("2"));
        // files: documents by their extension, the signed task book's scan by its name
        const binary = /\.(pdf|xlsx|docx)$|\/pdf$|\/task-book\/scan$/.test(path);
        if (success.length === 0 && !binary) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
