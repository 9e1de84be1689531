import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

// 揭榜挂帅 for a Luoyang public-welfare project (LY-REFORM §三(三)2) takes the city's decision steps
// for its program: the city government approves before the notice (LY-REFORM §三(二)1), and the
// finance bureau co-signs the post-subsidy plan before the agreement (LY-FUNDS §12).

let t: TestApp;
let as: (u: string) => Promise<Client>;
let id = "";
const day = 86_400_000;
const fireAs = async (u: string, event: string, body: object = {}) =>
  (await as(u)).post(`/api/challenges/${id}/events/${event}`, body);
const resignIn = () => {
  as = oneSessionEach((u) => t.as(u));
};
const waitingFor = async (u: string) =>
  (await (await as(u)).get("/api/workspace")).body.tasks.find(
    (x: { key: string }) => x.key === "challengesWaiting",
  )?.count;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date("2026-03-02T02:00:00Z"));
  resignIn();
  const officer = await as("ly-officer");
  const demand = (await officer.get("/api/units?pageSize=200")).body.items.find(
    (u: { kind: string }) => u.kind === "enterprise",
  );
  const drafted = await officer.post("/api/challenges", {
    program: "publicWelfare",
    title: "黄河流域洛阳段水生态修复关键技术",
    requirements: "面向洛河、伊河城区段，研究水生态修复与水质提升的适用技术并开展示范。",
    technicalIndicators: "示范河段水质稳定达到地表水 III 类。",
    performanceTargets: "建成示范段 2 处，形成技术规程 1 项。",
    governmentFundingFen: 10_000_000,
    enterpriseCoFundingFen: 20_000_000,
    demandUnitId: demand.id,
    bidDeadline: "2026-03-20T09:00:00+08:00",
  });
  expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
  id = drafted.body.id;
  await fireAs("ly-officer", "publish");
  const bid = await (await as("ly-unit")).post(`/api/challenges/${id}/bids`, {
    leaderName: "周博",
    approach: "生态浮岛与沉水植被恢复相结合的综合修复方案。",
  });
  await officer.post(`/api/challenges/${id}/bids/${bid.body.bids[0].id}/negotiation`, {
    record: "揭榜方与需求方就修复指标、示范河段和配套资金达成一致。",
    agreementSignedOn: "2026-03-18",
  });
  t.clock.set(new Date("2026-03-21T02:00:00Z"));
  resignIn();
  await fireAs("ly-officer", "shortlist", { bidIds: [bid.body.bids[0].id] });
}, 120_000);
afterAll(() => t.close());

describe("a Luoyang public-welfare open challenge", () => {
  it("names the steps its program takes, each with its clause", async () => {
    const c = (await (await as("ly-officer")).get("/api/challenges")).body.items[0];
    expect(c).toMatchObject({
      status: "shortlisted",
      steps: { cityGovernment: { clause: "LY-REFORM §三(二)1" }, coSign: { clause: "LY-FUNDS §12" } },
    });
    expect(c.allowedActions).toContain("recordCityGovernment");
    expect(c.blocked).toEqual([expect.objectContaining({ action: "startNotice" })]);
  });

  it("is noticed only after the city government's approval is on record", async () => {
    expect((await fireAs("ly-officer", "startNotice")).body).toMatchObject({
      code: "DECISION_STEP_PENDING",
      clause: "LY-REFORM §三(二)1",
    });
    expect((await fireAs("ly-officer", "recordCityGovernment", { approvedOn: "2026-03-20" })).body.code).toBe(
      "VALIDATION",
    );
    // an approval still to come is none on record
    const ahead = await fireAs("ly-officer", "recordCityGovernment", {
      approvedOn: "2026-03-25",
      docNumber: "洛政文〔2026〕12号",
    });
    expect(ahead.body).toMatchObject({ code: "VALIDATION", path: "approvedOn" });
    const approved = await fireAs("ly-officer", "recordCityGovernment", {
      approvedOn: "2026-03-20",
      docNumber: "洛政文〔2026〕12号",
    });
    expect(approved.body).toMatchObject({
      status: "cityApproved",
      cityGovernment: { approvedOn: "2026-03-20", docNumber: "洛政文〔2026〕12号" },
    });
    expect((await fireAs("ly-officer", "startNotice")).body.status).toBe("inNotice");
  });

  it("waits for finance's co-sign before the tripartite agreement, and shows it in finance's workspace", async () => {
    t.clock.advance(10 * day);
    resignIn();
    expect((await fireAs("ly-officer", "closeNotice")).body.status).toBe("noticeClosed");
    const agreement = { signedOn: "2026-04-10", docNumber: "洛科三方〔2026〕1号" };
    expect((await fireAs("ly-officer", "recordAgreement", agreement)).body).toMatchObject({
      code: "DECISION_STEP_PENDING",
      clause: "LY-FUNDS §12",
    });
    expect(await waitingFor("ly-finance")).toBe(1);
    expect((await fireAs("ly-officer", "coSign")).status).toBe(403);
    const signed = await fireAs("ly-finance", "coSign");
    expect(signed.body).toMatchObject({ status: "coSigned", coSigned: { byName: "ly-finance" } });
    expect(await waitingFor("ly-finance")).toBe(0);
    expect((await fireAs("ly-officer", "recordAgreement", agreement)).body.status).toBe("agreed");
    const announced = await fireAs("ly-leader", "announce");
    expect(announced.body.bids[0].projectNumber).toBe("LY-2026-GY-001");
  });

  it("is not Datong's to see or sign", async () => {
    expect((await (await as("dt-officer")).get("/api/challenges")).body.items).toEqual([]);
    expect((await fireAs("dt-finance", "coSign")).status).toBe(404);
  });
});
