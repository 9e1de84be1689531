import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

// 基金推送 (LY-REFORM §二(三)): the bureau pushes an S&T SME with its projects and key figures; the
// fund management institution decides by its charter; the bureau sees the outcome. Luoyang only.

let t: TestApp;
let as: (u: string) => Promise<Client>;
let enterpriseId = "";
let id = "";

beforeAll(async () => {
  t = await createTestApp();
  as = oneSessionEach((u) => t.as(u));
  enterpriseId = (await (await as("ly-unit")).get("/api/auth/me")).body.unit.id;
}, 60_000);
afterAll(() => t.close());

const push = {
  field: "高端装备（四新一装备）",
  highlights:
    "2025 年营业收入 1.2 亿元，研发投入占比 8.5%，拥有发明专利 12 项，为国家级专精特新“小巨人”企业。",
};

describe("fund push", () => {
  it("is the bureau's to push, an enterprise only, and Datong's documents name none", async () => {
    const officer = await as("ly-officer");
    const units = (await officer.get("/api/units?pageSize=200")).body.items as { id: string; kind: string }[];
    const lab = units.find((u) => u.kind === "laboratory")?.id;
    expect((await officer.post("/api/fund-pushes", { ...push, unitId: lab })).body).toMatchObject({
      code: "VALIDATION",
      path: "unitId",
    });
    expect(
      (await (await as("ly-fund")).post("/api/fund-pushes", { ...push, unitId: enterpriseId })).status,
    ).toBe(403);
    expect(
      (await (await as("dt-officer")).post("/api/fund-pushes", { ...push, unitId: enterpriseId })).body.code,
    ).toBe("DECISION_NOT_APPLICABLE");
    expect((await (await as("dt-fund")).get("/api/fund-pushes")).body.code).toBe("DECISION_NOT_APPLICABLE");
    const made = await officer.post("/api/fund-pushes", { ...push, unitId: enterpriseId });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({
      status: "pushed",
      source: { clause: "LY-REFORM §二(三)" },
      actions: [],
    });
    id = made.body.id;
  });

  it("waits in the fund's workspace, and is decided by the fund only, an investment with its amount", async () => {
    const fund = await as("ly-fund");
    const tile = (await fund.get("/api/workspace")).body.tasks.find(
      (x: { key: string }) => x.key === "fundPushesWaiting",
    );
    expect(tile).toMatchObject({ count: 1, link: "/fund-pushes?mine=true" });
    expect((await fund.get("/api/fund-pushes?mine=true")).body.items[0]).toMatchObject({
      id,
      actions: ["invest", "decline", "followUp"],
    });
    expect(
      (
        await (
          await as("ly-officer")
        ).post(`/api/fund-pushes/${id}/events/invest`, { amountFen: 1, note: "同意" })
      ).status,
    ).toBe(403);
    expect(
      (await fund.post(`/api/fund-pushes/${id}/events/invest`, { note: "按章程投决会审议通过" })).body,
    ).toMatchObject({
      code: "VALIDATION",
      path: "amountFen",
    });
    expect(
      (await fund.post(`/api/fund-pushes/${id}/events/followUp`, { amountFen: 5, note: "尽调中" })).body.path,
    ).toBe("amountFen");
    const following = await fund.post(`/api/fund-pushes/${id}/events/followUp`, { note: "已启动尽职调查" });
    expect(following.body).toMatchObject({ status: "followingUp", actions: ["invest", "decline"] });
    const invested = await fund.post(`/api/fund-pushes/${id}/events/invest`, {
      amountFen: 1_000_000_000,
      note: "经投资决策委员会审议，按公司章程决定投资。",
    });
    expect(invested.status, JSON.stringify(invested.body)).toBe(200);
    expect(invested.body.decisions.map((d: { event: string }) => d.event)).toEqual(["followUp", "invest"]);
    expect((await fund.post(`/api/fund-pushes/${id}/events/decline`, { note: "改变主意" })).body.code).toBe(
      "INVALID_TRANSITION",
    );
  });

  it("shows the bureau the outcome, and no unit reads it", async () => {
    const seen = (await (await as("ly-leader")).get(`/api/fund-pushes/${id}`)).body;
    expect(seen).toMatchObject({ status: "invested", decisions: [{}, { amountFen: 1_000_000_000 }] });
    expect((await (await as("ly-unit")).get(`/api/fund-pushes/${id}`)).status).toBe(403);
    expect((await (await as("dt-officer")).get("/api/fund-pushes")).status).toBe(422);
  });
});
