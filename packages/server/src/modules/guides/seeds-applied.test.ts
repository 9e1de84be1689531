import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fullContent, prepareForSubmission, startApplication } from "../../test/application-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

// What the seed documents say, applied through the API (issue 12, items 18–24).

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
  eligibility: { unitKinds: ["university", "institute", "enterprise"] },
  amountRange: { minFen: 0, maxFen: 3_000_000 },
  criteria: [{ nameZh: "综合", weight: 100 }],
  formalChecklist: [{ code: "complete", textZh: "申报书填写完整" }],
  calls: [{ nameZh: "第一批", opensAt: "2026-03-01T00:00:00+08:00", closesAt: "2026-04-01T00:00:00+08:00" }],
  ...over,
});

async function inReview(officer: Client, over: Record<string, unknown> = {}) {
  const created = await officer.post("/api/guides", guide(over));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  expect((await officer.post(`/api/guides/${id}/events/submitForReview`)).status).toBe(200);
  return id;
}

describe("a Luoyang pre-funded guide is issued together with the finance bureau (LY-FUNDS §12)", () => {
  it("is published only after the finance officer's co-issue, which only the finance bureau gives", async () => {
    const [officer, leader, finance] = await Promise.all([
      t.as("ly-officer"),
      t.as("ly-leader"),
      t.as("ly-finance"),
    ]);
    const id = await inReview(officer);
    const seen = await finance.get(`/api/guides/${id}`);
    expect(seen.body).toMatchObject({
      status: "internalReview",
      coIssue: { clause: "LY-FUNDS §12", coIssuedAt: null },
      allowedEvents: ["coIssue"],
    });
    const early = await leader.post(`/api/guides/${id}/events/publish`);
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: "GUIDE_CO_ISSUE_REQUIRED", clause: "LY-FUNDS §12" });
    expect((await leader.post(`/api/guides/${id}/events/coIssue`)).status).toBe(403);
    const co = await finance.post(`/api/guides/${id}/events/coIssue`);
    expect(co.status).toBe(200);
    expect(co.body.coIssue.coIssuedAt).toBe(t.clock.now().toISOString());
    expect(co.body.allowedEvents).toEqual([]);
    expect((await finance.post(`/api/guides/${id}/events/coIssue`)).body.code).toBe(
      "GUIDE_CO_ISSUE_NOT_NEEDED",
    );
    expect((await leader.post(`/api/guides/${id}/events/publish`)).body.status).toBe("published");
    // the finance bureau reads guides under review, but not drafts
    const draft = await officer.post("/api/guides", guide({ titleZh: "草稿" }));
    expect((await finance.get(`/api/guides/${draft.body.id}`)).status).toBe(404);
  });

  it("needs no co-issue for a post-subsidy program, nor in Datong", async () => {
    const leader = await t.as("ly-leader");
    const welfare = await inReview(await t.as("ly-officer"), {
      program: "publicWelfare",
      amountRange: { minFen: 0, maxFen: 0 },
    });
    expect((await leader.get(`/api/guides/${welfare}`)).body.coIssue).toBeNull();
    expect((await leader.post(`/api/guides/${welfare}/events/publish`)).body.status).toBe("published");
  });
});

describe("caps stated in principle (原则上) are the leader's to exceed, with a recorded reason", () => {
  it("warns on the guide, refuses publishing without the reason, records and shows it with the clause", async () => {
    const [officer, leader, finance] = await Promise.all([
      t.as("ly-officer"),
      t.as("ly-leader"),
      t.as("ly-finance"),
    ]);
    const id = await inReview(officer, { amountRange: { minFen: 0, maxFen: 5_000_000 }, plannedCount: 12 });
    await finance.post(`/api/guides/${id}/events/coIssue`);
    const shown = await leader.get(`/api/guides/${id}`);
    expect(shown.body.capWarnings.map((w: { path: string; clause: string }) => [w.path, w.clause])).toEqual([
      ["amountRange.maxFen", "LY-REFORM §三(四)3"],
      ["plannedCount", "LY-REFORM §三(四)3"],
    ]);
    const refused = await leader.post(`/api/guides/${id}/events/publish`);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: "GUIDE_OVER_IN_PRINCIPLE_CAP", clause: "LY-REFORM §三(四)3" });
    const reason = "重大战略研究课题，经局党组会议研究同意";
    const published = await leader.post(`/api/guides/${id}/events/publish`, { overrideReason: reason });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: "published", capOverride: { reason } });
    // the newest audit records lead the auditor's list
    const audit = await (await t.as("auditor")).get("/api/audit?pageSize=20");
    const record = audit.body.items.find(
      (r: { action: string; entityId: string }) => r.action === "guide.publish" && r.entityId === id,
    );
    expect(JSON.stringify(record)).toContain(reason);
  });

  it("gives the applicant's budget a warning, not a refusal, over soft science's ¥30,000", async () => {
    const pi = await t.as("ly-pi");
    const res = await pi.post("/api/budget/check", {
      city: "luoyang",
      program: "softScience",
      lines: [{ category: "publicationIp", amountFen: 3_000_001 }],
    });
    expect(res.status).toBe(200);
    expect(res.body.violations).toEqual([]);
    expect(res.body.warnings).toEqual([
      expect.objectContaining({ code: "BUDGET_LUMP_SUM_OVER_CAP", clause: "LY-REFORM §三(四)3" }),
    ]);
  });
});

describe("the documents' five years (LY-REFORM §五; DT-RULES §24)", () => {
  it("end each policy version, shown with the clause, and no call may run past it", async () => {
    const policy = await t.anonymous.get("/api/policies/luoyang/2025");
    expect(policy.body.effectiveUntil).toMatchObject({ date: "2030-04-22", source: { clause: "§五" } });
    const late = await (await t.as("ly-officer")).post(
      "/api/guides",
      guide({
        calls: [
          { nameZh: "末批", opensAt: "2030-04-01T00:00:00+08:00", closesAt: "2030-05-01T00:00:00+08:00" },
        ],
      }),
    );
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({
      code: "GUIDE_CALL_AFTER_POLICY_END",
      clause: "LY-REFORM §五",
      path: "calls.0.closesAt",
    });
  });
});

describe("fields listed by the documents (LY-REFORM §二(一)2–3)", () => {
  it("are the guide's and the application's only choice", async () => {
    const officer = await t.as("ly-officer");
    const wrong = await officer.post(
      "/api/guides",
      guide({
        program: "publicWelfare",
        fields: ["policyRegulation"],
        amountRange: { minFen: 0, maxFen: 0 },
      }),
    );
    expect(wrong.body).toMatchObject({ code: "GUIDE_UNKNOWN_FIELD", clause: "LY-REFORM §二(一)2" });
    const [pi, unit] = await Promise.all([t.as("ly-pi"), t.as("ly-unit")]);
    const demo = (await pi.get("/api/guides")).body.items.find(
      (g: { program: string }) => g.program === "softScience",
    );
    expect(demo.fieldOptions.map((f: { nameZh: string }) => f.nameZh)).toEqual([
      "科技创新战略规划研究",
      "产业创新与技术预见",
      "政策法规体系构建",
      "区域高效协同创新",
    ]);
    const id = await startApplication(pi, demo.calls[0].id, "领域测试");
    await prepareForSubmission(pi, unit, id);
    const content = fullContent("领域测试");
    await pi.put(`/api/applications/${id}/content`, {
      ...content,
      basic: { ...content.basic, field: "软科学" },
    });
    const refused = await pi.post(`/api/applications/${id}/submit`);
    expect(refused.status).toBe(422);
    expect(refused.body.details.violations).toContainEqual(
      expect.objectContaining({
        code: "SUBMIT_FIELD_NOT_ALLOWED",
        clause: "LY-REFORM §二(一)3",
        path: "basic.field",
      }),
    );
  });
});

describe("routing through the district", () => {
  it("stays in Luoyang (LY-FUNDS §8)", async () => {
    const res = await (await t.as("ly-officer")).post("/api/guides", guide({ districtReview: false }));
    expect(res.body).toMatchObject({ code: "GUIDE_DISTRICT_REVIEW_REQUIRED", clause: "LY-FUNDS §8" });
  });

  it("is a Datong guide's choice: without it, a submission goes straight to the formal check", async () => {
    const [officer, leader, pi, unit, agency] = await Promise.all(
      ["dt-officer", "dt-leader", "dt-pi", "dt-unit", "dt-agency"].map((u) => t.as(u)),
    );
    const id = await inReview(officer as Client, { titleZh: "大同直报指南", districtReview: false });
    const published = await (leader as Client).post(`/api/guides/${id}/events/publish`);
    expect(published.body).toMatchObject({ status: "published", content: { districtReview: false } });
    const app = await startApplication(pi as Client, published.body.calls[0].id, "直报申报书");
    await prepareForSubmission(pi as Client, unit as Client, app);
    const submitted = await (pi as Client).post(`/api/applications/${app}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe("recommended");
    const seen = await (agency as Client).get(`/api/applications/${app}`);
    expect(seen.body.allowedEvents.sort()).toEqual(["formalPass", "formalReject", "formalReturn"]);
    const history = await (pi as Client).get(`/api/applications/${app}/history`);
    expect(history.body.events.map((e: { event: string }) => e.event)).toEqual(["submitToBureau"]);
  });
});

describe("Datong's blacklist (DT-RULES §22 lists; refusing is the city's setting)", () => {
  it("refuses a blacklisted unit as the city's setting, naming the listing's clause in its text only", async () => {
    const banned = await t.as("dt-unit2");
    const demo = (await banned.get("/api/guides")).body.items[0];
    const id = await startApplication(banned, demo.calls[0].id, "黑名单单位的申报");
    await banned.put(`/api/applications/${id}/content`, fullContent("黑名单单位的申报"));
    const res = await banned.post(`/api/applications/${id}/submit`);
    const v = res.body.details.violations.find((x: { code: string }) => x.code === "SUBMIT_UNIT_BANNED");
    expect(v).toMatchObject({ setting: "city" });
    expect(v.clause).toBeUndefined();
    // the text names the clause the listing rests on
    expect(v.messageZh).toBe("申报单位已列入科研诚信黑名单（DT-RULES §22），不得申报（市科技局设定）。");
  });
});
