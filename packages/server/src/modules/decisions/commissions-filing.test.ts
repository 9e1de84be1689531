import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { fullContent, prepareForSubmission, startApplication } from "../../test/application-fixtures.ts";
import { passedApplication } from "../../test/review-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

// 定向委托 (DT-RULES §14): only for the reasons the clause lists, and only after its reasons and
// decision basis were public; 备案立项 of Luoyang guiding projects (LY-REFORM §三(三)1): no review, no money.

let t: TestApp;
let as: (u: string) => Promise<Client>;
const day = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  as = oneSessionEach((u) => t.as(u));
}, 60_000);
afterAll(() => t.close());

describe("directed commissions", () => {
  let id = "";
  let unitId = "";

  it("are refused for a reason the clause does not list, and in Luoyang, whose documents do not name them", async () => {
    const officer = await as("dt-officer");
    unitId = (await (await as("dt-unit")).get("/api/auth/me")).body.unit.id;
    const body = {
      program: "keyRnd",
      title: "矿井突水应急监测技术攻关",
      unitId,
      reason: "cheaper",
      basis: "经局长办公会研究，该技术国内仅一家单位具备工程化能力。",
      amountFen: 50_000_000,
    };
    const refused = await officer.post("/api/directed-commissions", body);
    expect(refused.body).toMatchObject({ code: "DIRECTED_REASON_NOT_ALLOWED", clause: "DT-RULES §14" });
    const ly = await (await as("ly-officer")).post("/api/directed-commissions", {
      ...body,
      program: "softScience",
      reason: "urgentWork",
    });
    expect(ly.body.code).toBe("DECISION_NOT_APPLICABLE");
    expect(
      (await (await as("dt-leader")).post("/api/directed-commissions", { ...body, reason: "urgentWork" }))
        .status,
    ).toBe(403);
    const drafted = await officer.post("/api/directed-commissions", { ...body, reason: "singleSupplier" });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    expect(drafted.body).toMatchObject({
      status: "draft",
      reasonZh: "市场技术供给单一",
      source: { clause: "DT-RULES §14" },
    });
    id = drafted.body.id;
  });

  it("cannot proceed before its reasons and basis are public, nor while their notice runs", async () => {
    const leader = await as("dt-leader");
    expect((await leader.post(`/api/directed-commissions/${id}/events/approve`)).body.code).toBe(
      "INVALID_TRANSITION",
    );
    expect((await t.anonymous.get("/api/public/directed-commissions")).body).toEqual([]);
    const published = await (await as("dt-officer")).post(`/api/directed-commissions/${id}/events/publish`);
    expect(published.body).toMatchObject({ status: "inNotice", noticeEndsAt: "2026-03-09T16:00:00.000Z" });
    const pub = (await t.anonymous.get("/api/public/directed-commissions")).body;
    expect(pub).toEqual([
      expect.objectContaining({
        title: "矿井突水应急监测技术攻关",
        reasonZh: "市场技术供给单一",
        basis: expect.stringContaining("仅一家单位"),
      }),
    ]);
    expect((await leader.post(`/api/directed-commissions/${id}/events/approve`)).body.code).toBe(
      "DECISION_NOTICE_RUNNING",
    );
  });

  it("is approved by the leader after the notice, numbered like any project, and the unit is told", async () => {
    t.clock.advance(8 * day);
    as = oneSessionEach((u) => t.as(u));
    const approved = await (await as("dt-leader")).post(`/api/directed-commissions/${id}/events/approve`);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: "approved", projectNumber: "DT-2026-YF-001" });
    const projects = (await (await as("dt-unit")).get("/api/projects")).body.items;
    expect(projects).toEqual([
      expect.objectContaining({
        number: "DT-2026-YF-001",
        origin: "directedCommission",
        applicationId: null,
      }),
    ]);
    expect(JSON.stringify((await (await as("dt-unit")).get("/api/notifications")).body)).toContain(
      "定向委托项目",
    );
  });
});

describe("filing a Luoyang guiding project", () => {
  it("numbers it with no review and no money, once", async () => {
    const officer = await as("ly-officer");
    const template = (await officer.get("/api/guides")).body.items[0].content;
    const created = await officer.post("/api/guides", {
      ...template,
      titleZh: "2026年度洛阳市指导计划项目备案指南",
      program: "guiding",
      amountRange: { minFen: 0, maxFen: 0 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const guideId = created.body.id;
    expect((await officer.post(`/api/guides/${guideId}/events/submitForReview`)).status).toBe(200);
    const published = await (await as("ly-leader")).post(`/api/guides/${guideId}/events/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const pi = await as("ly-pi");
    const appId = await startApplication(pi, created.body.calls[0].id, "智能农机自主导航技术研发");
    // self-funded: a guiding project asks for no money (LY-REFORM §三(四)1)
    await prepareForSubmission(pi, await as("ly-unit"), appId, { ...fullContent(), budget: { lines: [] } });
    const submitted = await pi.post(`/api/applications/${appId}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    await (await as("ly-district")).post(`/api/applications/${appId}/district-review`, {
      event: "recommend",
      rank: 1,
    });
    const early = await officer.post(`/api/applications/${appId}/file`);
    expect(early.body.code).toBe("INVALID_TRANSITION");
    const checklist = template.formalChecklist.map((c: { code: string }) => ({ code: c.code, ok: true }));
    expect(
      (
        await (
          await as("ly-agency")
        ).post(`/api/applications/${appId}/formal-check`, { event: "formalPass", checklist })
      ).status,
    ).toBe(200);
    expect((await pi.post(`/api/applications/${appId}/file`)).status).toBe(403);
    const filed = await officer.post(`/api/applications/${appId}/file`);
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body).toMatchObject({ number: "LY-2026-ZD-001", origin: "filing", amountFen: 0 });
    expect((await officer.post(`/api/applications/${appId}/file`)).status).toBe(409);
    expect((await pi.get(`/api/applications/${appId}/result`)).body).toMatchObject({
      status: "approved",
      projectNumber: "LY-2026-ZD-001",
    });
  });

  it("is refused for a program with money", async () => {
    const officer = await as("ly-officer");
    const callId = (await officer.get("/api/guides")).body.items.find(
      (g: { content: { program: string } }) => g.content.program === "softScience",
    ).calls[0].id;
    const id = await passedApplication(as, "ly", callId, "软科学申报书");
    expect((await officer.post(`/api/applications/${id}/file`)).body.code).toBe("DECISION_NOT_APPLICABLE");
  });
});

describe("directed selection (定向择优, DT-RULES §14; LY-FUNDS §4(二))", () => {
  it("opens a guide's calls only to the units it names, chosen on the record", async () => {
    const officer = await as("dt-officer");
    const template = (await officer.get("/api/guides")).body.items[0].content;
    const mine = (await (await as("dt-unit")).get("/api/auth/me")).body.unit;
    const me = (await (await as("dt-unit")).get(`/api/units/${mine.id}`)).body;
    const named = [{ uscc: me.uscc, nameZh: me.nameZh }];
    const noBasis = await officer.post("/api/guides", {
      ...template,
      titleZh: "定向择优指南",
      directedUnits: named,
    });
    expect(noBasis.body).toMatchObject({ code: "GUIDE_DIRECTED_BASIS_REQUIRED", clause: "DT-RULES §14" });
    const guide = await officer.post("/api/guides", {
      ...template,
      titleZh: "定向择优指南",
      directedUnits: named,
      directedBasis: "经局务会研究，该单位承担国家级平台，具备唯一的中试条件。",
    });
    expect(guide.status, JSON.stringify(guide.body)).toBe(201);
    expect((await officer.post(`/api/guides/${guide.body.id}/events/submitForReview`)).status).toBe(200);
    expect((await (await as("dt-leader")).post(`/api/guides/${guide.body.id}/events/publish`)).status).toBe(
      200,
    );
    const callId = guide.body.calls[0].id;
    expect(
      (await (await as("dt-pi")).post("/api/applications", { callId, title: "指定单位的申报书" })).status,
    ).toBe(201);
    const other = await (await as("dt-unit2")).post("/api/applications", {
      callId,
      title: "其他单位的申报书",
    });
    expect(other.body).toMatchObject({ code: "CALL_DIRECTED_TO_OTHERS", clause: "DT-RULES §14" });
  });
});
