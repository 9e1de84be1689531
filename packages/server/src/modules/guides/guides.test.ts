import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const guide = (over: Record<string, unknown> = {}) => ({
  titleZh: "测试软科学指南",
  program: "softScience",
  year: 2026,
  directions: [{ titleZh: "区域协同创新研究" }],
  eligibility: { unitKinds: ["university", "institute"] },
  amountRange: { minFen: 0, maxFen: 3_000_000 },
  criteria: [
    { nameZh: "意义", weight: 50 },
    { nameZh: "基础", weight: 50 },
  ],
  formalChecklist: [{ code: "complete", textZh: "申报书填写完整" }],
  calls: [{ nameZh: "第一批", opensAt: "2026-03-01T00:00:00+08:00", closesAt: "2026-04-01T00:00:00+08:00" }],
  ...over,
});

describe("guides", () => {
  it("refuses a guide that breaks its rules, naming the field and the clause", async () => {
    const officer = await t.as("ly-officer");
    const weights = await officer.post("/api/guides", guide({ criteria: [{ nameZh: "意义", weight: 60 }] }));
    expect(weights.status).toBe(422);
    expect(weights.body).toMatchObject({ code: "GUIDE_CRITERIA_WEIGHTS", path: "criteria" });
    const late = await officer.post("/api/guides", guide({ program: "publicWelfare", fields: ["x"] }));
    expect(late.body).toMatchObject({
      code: "GUIDE_UNKNOWN_FIELD",
      clause: "LY-REFORM §二(一)2",
      path: "fields.0",
    });
    const unknown = await officer.post("/api/guides", { ...guide(), extra: 1 });
    expect(unknown.status).toBe(400);
  });

  it("goes draft → review → published by the right roles, and then appears on the public board", async () => {
    const officer = await t.as("ly-officer");
    const created = await officer.post("/api/guides", guide());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: "draft",
      yearlyCap: { count: 10, inPrinciple: true, clause: "LY-REFORM §三(四)3" },
      allowedEvents: ["submitForReview"],
    });
    const id = created.body.id;
    expect((await officer.post(`/api/guides/${id}/events/submitForReview`)).body.status).toBe(
      "internalReview",
    );
    const byOfficer = await officer.post(`/api/guides/${id}/events/publish`);
    expect(byOfficer.status).toBe(403);
    const leader = await t.as("ly-leader");
    // pre-funded: the finance bureau co-issues first (LY-FUNDS §12)
    expect((await (await t.as("ly-finance")).post(`/api/guides/${id}/events/coIssue`)).status).toBe(200);
    expect((await leader.post(`/api/guides/${id}/events/publish`)).body.status).toBe("published");
    expect((await officer.put(`/api/guides/${id}`, guide())).body.code).toBe("INVALID_TRANSITION");
    const board = await t.anonymous.get("/api/public/guides?city=luoyang");
    expect(board.body.items.map((g: { id: string }) => g.id)).toContain(id);
    expect(
      (await t.anonymous.get("/api/public/guides?city=datong")).body.items.map((g: { id: string }) => g.id),
    ).not.toContain(id);
  });

  it("hides drafts from applicants and other cities", async () => {
    const officer = await t.as("ly-officer");
    const draft = await officer.post("/api/guides", guide({ titleZh: "内部草稿" }));
    expect((await (await t.as("ly-pi")).get(`/api/guides/${draft.body.id}`)).status).toBe(404);
    expect((await (await t.as("dt-officer")).get(`/api/guides/${draft.body.id}`)).status).toBe(404);
    expect((await t.anonymous.get(`/api/public/guides/luoyang/${draft.body.id}`)).status).toBe(404);
  });
});
