import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { checkLedger } from "../../modules/ledger/check-ledger.ts";
import { createRepositories } from "../../repositories.ts";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { walkDemoExecution } from "./demo-execution.ts";

let t: TestApp;
const now = new Date("2026-03-02T02:00:00Z");

beforeAll(async () => {
  t = await createTestApp({ now });
  await walkDemoExecution(() => oneSessionEach((u) => t.as(u)), t.clock, now);
  t.clock.set(now);
}, 180_000);
afterAll(() => t.close());

const byTitle = async (prefix: string, title: string) => {
  const items = (await (await t.as(`${prefix}-officer`)).get("/api/projects")).body.items as {
    id: string;
    title: string;
  }[];
  const found = items.find((p) => p.title === title);
  if (!found) throw new Error(`no demo project ${title}`);
  return found;
};

describe("the demo's projects in execution, walked through the API on the first start", () => {
  it("leaves one project per city signed, with its first node paid after finance's approval", async () => {
    for (const [prefix, paidFen, title] of [
      ["ly", 120_000_000, "大功率风电主轴承国产化关键技术攻关"],
      ["dt", 80_000_000, "矿井突水应急监测预警技术攻关"],
    ] as const) {
      const officer = await t.as(`${prefix}-officer`);
      const project = await byTitle(prefix, title);
      const detail = (await officer.get(`/api/projects/${project.id}`)).body;
      expect(detail).toMatchObject({
        stage: "executing",
        taskBook: { status: "signed" },
        money: { paidFen },
      });
      expect(detail.payments).toEqual([
        expect.objectContaining({ status: "paid", approved: expect.anything() }),
      ]);
    }
  });

  it("leaves Luoyang's later nodes waiting for the mid-term assessment and acceptance", async () => {
    const officer = await t.as("ly-officer");
    const project = await byTitle("ly", "大功率风电主轴承国产化关键技术攻关");
    const { nodes } = (await officer.get(`/api/projects/${project.id}`)).body;
    expect(nodes.map((n: { code: string; due: boolean }) => [n.code, n.due])).toEqual([
      ["first", true],
      ["midTerm", false],
      ["final", false],
    ]);
    // the bureau set two years from signing: a report every six months before the end
    const tracking = (await officer.get(`/api/projects/${project.id}/tracking`)).body;
    expect(tracking.schedule).toHaveLength(3);
    expect(tracking.schedule[0]).toMatchObject({ period: 1, standing: "open", actions: [] });
    expect(tracking.midTerm).toMatchObject({ releasesNode: "midTerm", mayConvene: true });
  });

  it("leaves a Datong project terminated with its balance returned, and one revoked with its unit blacklisted", async () => {
    const officer = await t.as("dt-officer");
    const ended = (
      await officer.get(`/api/projects/${(await byTitle("dt", "煤矸石制备陶粒中试线技术攻关")).id}`)
    ).body;
    expect(ended).toMatchObject({
      stage: "closed",
      life: {
        closedAs: "terminated",
        closures: [{ dueFen: 10_000_000, settledFen: 10_000_000, outstandingFen: 0 }],
      },
      money: { paidFen: 30_000_000, returnedFen: 10_000_000 },
    });
    const revoked = (
      await officer.get(`/api/projects/${(await byTitle("dt", "旱作农业水肥一体化技术示范")).id}`)
    ).body;
    expect(revoked.life).toMatchObject({
      closedAs: "revoked",
      closures: [{ kind: "revocation", dueFen: 0 }],
    });
    const records = (await officer.get("/api/integrity-records")).body as { kind: string; reason: string }[];
    expect(records.filter((r) => r.kind === "blacklist" && r.reason.includes("伪造"))).toHaveLength(1);
  });

  it("leaves the terminated project found diligent, and one accepted with its grade", async () => {
    const officer = await t.as("dt-officer");
    const terminated = await byTitle("dt", "煤矸石制备陶粒中试线技术攻关");
    const tolerated = (await officer.get(`/api/projects/${terminated.id}/tracking`)).body.acceptance;
    expect(tolerated.diligence).toMatchObject({ citation: { clause: "DT-RULES §5" } });
    const accepted = await byTitle("dt", "黄花菜低温干制与护色关键技术研究");
    const view = (await officer.get(`/api/projects/${accepted.id}/tracking`)).body.acceptance;
    expect(view.application).toMatchObject({ status: "accepted", grade: "good" });
    expect(view.assessments).toEqual([expect.objectContaining({ status: "passed", grade: "good" })]);
    // Datong's balance after acceptance returns to the treasury: a tenth of what was paid, half given back
    const detail = (await officer.get(`/api/projects/${accepted.id}`)).body;
    const paid = detail.money.paidFen as number;
    const settlement = detail.life.closures.find((c: { kind: string }) => c.kind === "settlement");
    expect(settlement).toMatchObject({
      status: "decided",
      dueFen: paid - Math.floor((paid * 4) / 10) - Math.floor((paid * 5) / 10),
    });
    expect(settlement.settledFen).toBe(Math.floor(settlement.dueFen / 2));
    expect(detail.money.returnedFen).toBe(settlement.settledFen);
  });

  it("leaves a ledger that keeps every invariant", async () => {
    const reports = await checkLedger(createRepositories(t.database.db, t.auditKeys));
    expect(reports.flatMap((r) => r.findings)).toEqual([]);
    expect(reports.map((r) => r.years[0]?.paidFen)).toEqual([130_000_000, 120_000_000]);
  });
});
