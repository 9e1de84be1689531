import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

// 揭榜挂帅 in Datong (DT-RULES §15): 张榜 → bids → negotiation and preliminary agreement → shortlist →
// public notice → tripartite agreement → announcement by the leader, with a numbered project.

let t: TestApp;
let as: (u: string) => Promise<Client>;
let id = "";
let bidId = "";
const day = 86_400_000;
const fireAs = async (u: string, event: string, body: object = {}) =>
  (await as(u)).post(`/api/challenges/${id}/events/${event}`, body);
const resignIn = () => {
  as = oneSessionEach((u) => t.as(u));
};

beforeAll(async () => {
  t = await createTestApp();
  resignIn();
}, 60_000);
afterAll(() => t.close());

describe("an open challenge", () => {
  it("is drafted where the program runs them, and published with its funding and co-funding", async () => {
    const officer = await as("dt-officer");
    const demand = (await officer.get("/api/units?pageSize=200")).body.items.find(
      (u: { kind: string }) => u.kind === "enterprise",
    );
    const body = {
      program: "keyRnd",
      title: "高寒矿区无人驾驶矿卡关键技术",
      requirements: "面向大同高寒露天矿区，研制可在零下 30 ℃ 稳定运行的无人驾驶矿卡系统。",
      technicalIndicators: "定位精度 ≤ 10 cm；连续无故障运行 ≥ 500 h。",
      performanceTargets: "完成 2 台样车示范运行，申请发明专利 3 项。",
      governmentFundingFen: 200_000_000,
      enterpriseCoFundingFen: 300_000_000,
      demandUnitId: demand.id,
      bidDeadline: "2026-03-20T09:00:00+08:00",
    };
    expect(
      (await (await as("ly-officer")).post("/api/challenges", { ...body, program: "softScience" })).status,
    ).toBe(422);
    const drafted = await officer.post("/api/challenges", body);
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    expect(drafted.body).toMatchObject({ status: "draft", source: { clause: "DT-RULES §15" } });
    id = drafted.body.id;
    expect((await t.anonymous.get("/api/public/challenges")).body).toEqual([]);
    expect((await fireAs("dt-officer", "publish")).body.status).toBe("open");
    const pub = (await t.anonymous.get("/api/public/challenges")).body;
    expect(pub).toEqual([
      expect.objectContaining({
        title: body.title,
        governmentFundingFen: 200_000_000,
        enterpriseCoFundingFen: 300_000_000,
      }),
    ]);
  });

  it("takes one bid per unit before the deadline, and shows a unit only its own", async () => {
    const unit = await as("dt-unit");
    const bid = await unit.post(`/api/challenges/${id}/bids`, {
      leaderName: "郭磊",
      approach: "多源融合定位与低温电池热管理方案。",
    });
    expect(bid.status, JSON.stringify(bid.body)).toBe(201);
    bidId = bid.body.bids[0].id;
    expect(
      (
        await unit.post(`/api/challenges/${id}/bids`, {
          leaderName: "郭磊",
          approach: "再次揭榜的方案说明。",
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await (
          await as("ly-unit")
        ).post(`/api/challenges/${id}/bids`, { leaderName: "周博", approach: "跨市揭榜的方案说明。" })
      ).status,
    ).toBe(404);
    expect((await (await as("dt-district")).get("/api/challenges")).body.items[0].bids).toEqual([]);
    expect((await fireAs("dt-officer", "shortlist", { bidIds: [bidId] })).body.code).toBe(
      "DECISION_STEP_PENDING",
    );
  });

  it("shortlists only a bid with its negotiation and preliminary agreement on record", async () => {
    t.clock.set(new Date("2026-03-21T02:00:00Z"));
    resignIn();
    expect(
      (
        await (
          await as("dt-unit")
        ).post(`/api/challenges/${id}/bids`, {
          leaderName: "王工",
          approach: "截止时间之后才提交的技术方案。",
        })
      ).body.code,
    ).toBe("CHALLENGE_CLOSED");
    expect((await fireAs("dt-officer", "shortlist", { bidIds: [bidId] })).body).toMatchObject({
      code: "CHALLENGE_NOT_NEGOTIATED",
      clause: "DT-RULES §15",
    });
    const negotiated = await (await as("dt-officer")).post(
      `/api/challenges/${id}/bids/${bidId}/negotiation`,
      {
        record: "2026 年 3 月 18 日揭榜方与需求方完成技术对接，就指标与配资达成一致。",
        agreementSignedOn: "2026-03-18",
      },
    );
    expect(negotiated.status, JSON.stringify(negotiated.body)).toBe(200);
    const listed = await fireAs("dt-officer", "shortlist", { bidIds: [bidId] });
    expect(listed.body.status).toBe("shortlisted");
    // Datong's documents name neither the city government's approval nor a co-sign for it
    expect(listed.body.steps).toEqual({ cityGovernment: null, coSign: null });
    expect(listed.body.allowedActions).not.toContain("recordCityGovernment");
    expect(
      (
        await fireAs("dt-officer", "recordCityGovernment", {
          approvedOn: "2026-03-21",
          docNumber: "同政〔2026〕1号",
        })
      ).body.code,
    ).toBe("DECISION_NOT_APPLICABLE");
    expect(listed.body.bids[0]).toMatchObject({ status: "shortlisted", amountFen: 200_000_000 });
  });

  it("notices the shortlist publicly, then needs the tripartite agreement before the leader announces", async () => {
    expect((await fireAs("dt-officer", "startNotice")).body.status).toBe("inNotice");
    const pub = (await t.anonymous.get("/api/public/challenges")).body[0];
    expect(pub).toMatchObject({
      status: "inNotice",
      shortlist: [expect.objectContaining({ leaderName: "郭磊" })],
    });
    expect((await fireAs("dt-officer", "closeNotice")).body.code).toBe("DECISION_NOTICE_RUNNING");
    t.clock.advance(10 * day);
    resignIn();
    expect((await fireAs("dt-officer", "closeNotice")).body.status).toBe("noticeClosed");
    expect((await fireAs("dt-leader", "announce")).body.code).toBe("INVALID_TRANSITION");
    expect((await fireAs("dt-officer", "recordAgreement", { signedOn: "2026-04-02" })).body.code).toBe(
      "VALIDATION",
    );
    expect(
      (
        await fireAs("dt-officer", "recordAgreement", {
          signedOn: "2026-04-02",
          docNumber: "同科三方〔2026〕1号",
        })
      ).body.status,
    ).toBe("agreed");
    expect((await fireAs("dt-officer", "announce")).status).toBe(403);
    const announced = await fireAs("dt-leader", "announce");
    expect(announced.status, JSON.stringify(announced.body)).toBe(200);
    expect(announced.body.bids[0].projectNumber).toBe("DT-2026-YF-001");
    const projects = (await (await as("dt-unit")).get("/api/projects")).body.items;
    expect(projects).toEqual([
      expect.objectContaining({ number: "DT-2026-YF-001", origin: "openChallenge", amountFen: 200_000_000 }),
    ]);
    expect(JSON.stringify((await (await as("dt-unit")).get("/api/notifications")).body)).toContain(
      "揭榜成功",
    );
  });
});
