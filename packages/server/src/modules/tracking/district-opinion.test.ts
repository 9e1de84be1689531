import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { freeExperts } from "../../test/assessment-fixtures.ts";
import { insertedProject, signedProjects } from "../../test/project-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";
import { trackingRepository } from "./tracking.repository.ts";

// 县区意见 (DT-RULES §17; LY-FUNDS §7–8): the district S&T department of the project's unit (涧西区 for
// Luoyang's demo unit) records whether it agrees with the acceptance while the application awaits
// the panel's conclusion; the bureau reads it; a resubmission after a deferral asks for it again.

let t: TestApp;
let as: (u: string) => Promise<Client>;
let id = "";
let elsewhere = "";
const fresh = () => {
  t.clock.advance(61_000);
  as = oneSessionEach((u) => t.as(u));
};
const url = (p = id) => `/api/projects/${p}/acceptance/district-opinion`;
const tracking = async (u: string, p = id) => (await (await as(u)).get(`/api/projects/${p}/tracking`)).body;
const materials = {
  achievements: [{ index: 0, achieved: 1, evidence: "研究报告已印发（附件）" }],
  report: "本项目完成了洛阳都市圈创新生态现状评估和国内外比较研究，提出对策建议。",
  settlement: [
    { category: "publicationIp", spentFen: 1_400_000 },
    { category: "travelMeetings", spentFen: 900_000 },
  ],
  commitment: true as const,
};
const submit = async (u = "ly-pi") => {
  const res = await (await as(u)).post(`/api/projects/${id}/acceptance`, materials);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
};
/** A panel of the city's pool free of conflicts, with their logins. */
async function convene() {
  const officer = await as("ly-officer");
  const experts = await freeExperts(officer, id, 3);
  const convened = await officer.post(`/api/projects/${id}/assessments`, {
    kind: "acceptance",
    expertIds: experts.map((e) => e.id),
  });
  expect(convened.status, JSON.stringify(convened.body)).toBe(201);
  return { id: convened.body.acceptance.assessments.at(-1).id as string, experts };
}
/**
 * Whether the project waits for the user's step on its acceptance: in the filtered project list
 * (`?acceptance=waiting`), and counted on the workspace's tile, which links to that list.
 */
async function waitsFor(u: string, p = id): Promise<boolean> {
  const c = await as(u);
  const listed = (await c.get("/api/projects?acceptance=waiting")).body.items as { id: string }[];
  const tile = (
    (await c.get("/api/workspace")).body.tasks as { key: string; count: number; link: string }[]
  ).find((x) => x.key === "acceptancesWaiting");
  if (tile) {
    expect(tile.link).toBe("/projects?acceptance=waiting");
    expect(tile.count, u).toBe(listed.length);
  }
  return listed.some((x) => x.id === p);
}
const conclude = async (assessmentId: string, event: string) =>
  (await as("ly-officer")).post(`/api/projects/${id}/assessments/${assessmentId}/events/${event}`, {
    note: "验收专家组意见。",
  });

beforeAll(async () => {
  t = await createTestApp();
  const [ly] = await signedProjects(t, [
    { prefix: "ly", program: "publicWelfare", number: "LY-2026-XQ-001", title: "ly 县区意见测试项目" },
  ]);
  id = ly?.id ?? "";
  fresh();
  // a project of a unit in another district than 涧西区
  const units = await (await as("ly-officer")).get(
    `/api/units?pageSize=200&keyword=${encodeURIComponent("河洛示范理工大学")}`,
  );
  const unit = units.body.items.find((u: { nameZh: string }) => u.nameZh === "河洛示范理工大学");
  elsewhere = await insertedProject(t, {
    cityId: "luoyang",
    number: "LY-2026-XQ-002",
    program: "publicWelfare",
    title: "ly 外县区项目",
    amountFen: 1_000_000,
    unitId: unit.id,
    piUserId: null,
  });
}, 480_000);
afterAll(() => t.close());

describe("the district's opinion on acceptance", () => {
  it("is asked for only once the unit has submitted", async () => {
    expect((await tracking("ly-district")).acceptance).toMatchObject({
      application: null,
      actions: [],
      districtAsked: true,
    });
    expect(await waitsFor("ly-district")).toBe(false);
    expect(await waitsFor("ly-officer")).toBe(false);
    const early = await (await as("ly-district")).post(url(), { agrees: true, opinion: "同意验收。" });
    expect(early.status, JSON.stringify(early.body)).toBe(422);
    expect(early.body.code).toBe("INVALID_TRANSITION");
  });

  it("is the project's district's to give, with an explicit agreement and its text", async () => {
    await submit();
    const told = (await (await as("ly-district")).get("/api/notifications")).body as { titleZh: string }[];
    expect(told.some((n) => n.titleZh.includes("请提出县区意见"))).toBe(true);
    // waiting for the district's opinion and the bureau's panel; nobody else acts on an acceptance
    expect(await waitsFor("ly-district")).toBe(true);
    expect(await waitsFor("ly-officer")).toBe(true);
    for (const u of ["ly-unit", "ly-pi", "ly-finance", "dt-officer"])
      expect(await waitsFor(u), u).toBe(false);
    const view = (await tracking("ly-district")).acceptance;
    expect(view.actions).toEqual(["districtOpinion"]);
    expect(view.application.districtOpinion).toBeNull();
    expect((await tracking("ly-officer")).acceptance.actions).not.toContain("districtOpinion");

    const district = await as("ly-district");
    expect((await (await as("ly-unit")).post(url(), { agrees: true, opinion: "同意验收。" })).status).toBe(
      403,
    );
    expect((await district.post(url(), { agrees: true, opinion: "  " })).status).toBe(400);
    expect((await district.post(url(), { opinion: "同意验收。" })).status).toBe(400);
    expect((await district.post(url(), { agrees: "yes", opinion: "同意验收。" })).status).toBe(400);
    expect((await district.post(url(), {})).status).toBe(400);

    const given = await district.post(url(), { agrees: false, opinion: "经费决算材料尚不完整。" });
    expect(given.status, JSON.stringify(given.body)).toBe(200);
    expect(given.body.acceptance.application.districtOpinion).toMatchObject({
      agrees: false,
      opinion: "经费决算材料尚不完整。",
      byName: expect.any(String),
      at: t.clock.now().toISOString(),
    });
    // a second opinion while the application waits replaces the first
    const again = await district.post(url(), { agrees: true, opinion: "补充说明后，同意验收。" });
    expect(again.status).toBe(200);
    // given, it no longer waits for the district; it still waits for the bureau
    expect(await waitsFor("ly-district")).toBe(false);
    expect(await waitsFor("ly-officer")).toBe(true);
    for (const u of ["ly-officer", "ly-unit", "ly-pi", "ly-finance"])
      expect((await tracking(u)).acceptance.application.districtOpinion, u).toMatchObject({
        agrees: true,
        opinion: "补充说明后，同意验收。",
      });
  });

  it("reaches no project outside the district", async () => {
    const district = await as("ly-district");
    expect((await district.get(`/api/projects/${elsewhere}/tracking`)).status).toBe(404);
    expect((await district.post(url(elsewhere), { agrees: true, opinion: "同意验收。" })).status).toBe(404);
    expect(
      (await (await as("dt-district")).post(url(), { agrees: true, opinion: "同意验收。" })).status,
    ).toBe(404);
  });

  it("is asked for again when the unit supplements a deferred application", async () => {
    const panel = await convene();
    // the panel sits: the district may still give it
    expect((await tracking("ly-district")).acceptance.actions).toEqual(["districtOpinion"]);
    const deferred = await conclude(panel.id, "defer");
    expect(deferred.status, JSON.stringify(deferred.body)).toBe(200);
    expect(deferred.body.acceptance.application.districtOpinion).toMatchObject({ agrees: true });
    const late = await (await as("ly-district")).post(url(), { agrees: true, opinion: "同意验收。" });
    expect(late.status).toBe(422);
    expect((await tracking("ly-district")).acceptance.actions).toEqual([]);
    // deferred, it waits for the unit, not the bureau
    expect(await waitsFor("ly-officer")).toBe(false);
    await submit("ly-unit");
    expect(await waitsFor("ly-district")).toBe(true);
    expect(await waitsFor("ly-officer")).toBe(true);
    const view = (await tracking("ly-district")).acceptance;
    expect(view.application.districtOpinion).toBeNull();
    expect(view.actions).toEqual(["districtOpinion"]);
  });

  it("is closed once the panel concludes", async () => {
    const district = await as("ly-district");
    expect((await district.post(url(), { agrees: true, opinion: "同意验收。" })).status).toBe(200);
    const panel = await convene();
    fresh();
    for (const e of panel.experts) {
      const res = await (await as(e.username)).post(`/api/assessments/${panel.id}/sheet`, {
        scores: [50, 50, 50, 50, 50],
        comment: "未达到任务书要求。",
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    fresh();
    const failed = await conclude(panel.id, "fail");
    expect(failed.status, JSON.stringify(failed.body)).toBe(200);
    expect(failed.body.acceptance.application).toMatchObject({
      status: "failed",
      districtOpinion: { agrees: true },
    });
    const late = await (await as("ly-district")).post(url(), { agrees: false, opinion: "不同意。" });
    expect(late.status).toBe(422);
    expect((await tracking("ly-district")).acceptance.actions).toEqual([]);
    expect(await waitsFor("ly-officer")).toBe(false);
    expect(await waitsFor("ly-district")).toBe(false);
  });

  it("is asked of a district only for its own projects, of the bureau for every one", async () => {
    // the other district's project submitted for acceptance (its unit's administrator is not a demo login)
    const officerId = (await (await as("ly-officer")).get("/api/auth/me")).body.id as string;
    await trackingRepository(t.database.db).insertAcceptance({
      cityId: "luoyang",
      projectId: elsewhere,
      status: "submitted",
      content: materials,
      settledFen: 2_300_000,
      submittedBy: officerId,
      submittedAt: t.clock.now(),
    });
    expect(await waitsFor("ly-officer", elsewhere)).toBe(true);
    expect(await waitsFor("ly-district", elsewhere)).toBe(false);
    expect(await waitsFor("dt-district", elsewhere)).toBe(false);
    expect(await waitsFor("dt-officer", elsewhere)).toBe(false);
    // one filter at a time, and only the one named
    const district = await as("ly-district");
    expect((await district.get("/api/projects?acceptance=mine")).status).toBe(400);
    const both = await district.get("/api/projects?mine=true&acceptance=waiting");
    expect(both.status).toBe(400);
    expect(both.body.code).toBe("VALIDATION");
  });
});
