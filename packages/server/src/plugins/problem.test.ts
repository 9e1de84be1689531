import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyLimit } from "../app.ts";
import { createTestApp, type TestApp } from "../test/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const raw = (payload: string, contentType = "application/json") =>
  t.app.inject({
    method: "POST",
    url: "/api/budget/check",
    headers: { "content-type": contentType },
    payload,
  });

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
  code: string,
) {
  expect(res.statusCode).toBe(status);
  expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
  const body = JSON.parse(res.body);
  expect(body).toMatchObject({ status, code });
  expect(body.messageZh).toMatch(/[\u4e00-\u9fa5]/);
  expect(body.messageEn).toBeTruthy();
  expect(res.body).not.toMatch(/at .*\.ts:\d+|SELECT|INSERT/i);
  return body;
}

describe("errors are problem+json, 4xx for every bad input", () => {
  it("rejects broken JSON", async () => {
    expectProblem(await raw("{not json"), 400, "BAD_JSON");
  });

  it("rejects unknown fields and names the path", async () => {
    const body = expectProblem(
      await raw(JSON.stringify({ city: "luoyang", lines: [], extra: 1 })),
      400,
      "VALIDATION",
    );
    expect(body.path).toBe("extra");
  });

  it("rejects wrong types with the field path and a Chinese message", async () => {
    const body = expectProblem(
      await raw(JSON.stringify({ city: "luoyang", lines: [{ category: "materials", amountFen: "100" }] })),
      400,
      "VALIDATION",
    );
    expect(body.path).toBe("lines.0.amountFen");
    expect(body.issues[0].messageZh).toMatch(/类型错误/);
  });

  it("rejects fractional fen", async () => {
    const body = expectProblem(
      await raw(JSON.stringify({ city: "luoyang", lines: [{ category: "materials", amountFen: 1.5 }] })),
      400,
      "VALIDATION",
    );
    expect(body.path).toBe("lines.0.amountFen");
  });

  it("rejects oversize bodies", async () => {
    expectProblem(
      await raw(JSON.stringify({ city: "luoyang", lines: [], pad: "x".repeat(bodyLimit) })),
      413,
      "BODY_TOO_LARGE",
    );
  });

  it("rejects other content types", async () => {
    expectProblem(
      await raw("city=luoyang", "application/x-www-form-urlencoded"),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
  });

  it("answers unknown endpoints and bad ids with 4xx", async () => {
    expectProblem(await t.app.inject({ method: "GET", url: "/api/nothing-here" }), 404, "NOT_FOUND");
    const officer = await t.as("ly-officer");
    const res = await officer.get("/api/units/not-a-uuid");
    expect(res.status).toBe(400);
    expect(res.body.path).toBe("params.id");
  });
});

describe("health and OpenAPI", () => {
  it("reports the database kind and migration", async () => {
    const res = await t.anonymous.get("/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: "ok",
      database: process.env.DATABASE_URL ? "server" : "embedded",
    });
    expect(res.body.migration).toMatch(/^\d{4}_/);
  });

  it("publishes an OpenAPI document generated from the route schemas", async () => {
    const res = await t.anonymous.get("/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(["/api/budget/check", "/api/auth/login", "/api/units"]),
    );
    const docs = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
  });
});
