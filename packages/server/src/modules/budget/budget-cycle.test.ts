import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

// 两上两下 (LY-FUNDS §11): Luoyang's budget year in four steps, in order, each by its bureau, the
// proposal due 30 September and the draft (with its performance targets, §23) due end of November of
// the year before; 一下 and 二下 set the figure the lists and the ledger are held to. Datong has none.

let t: TestApp;
let as: (u: string) => Promise<Client>;
const step = async (u: string, s: string, body: object) =>
  (await as(u)).post(`/api/budget/cycles/2027/steps/${s}`, body);
const base = { docNumber: "洛科财〔2026〕5号", amountFen: 600_000_000 };

beforeAll(async () => {
  t = await createTestApp({ now: new Date("2026-10-08T02:00:00Z") });
  as = oneSessionEach((u) => t.as(u));
}, 60_000);
afterAll(() => t.close());

describe("two up, two down", () => {
  it("shows the coming year with its due days, the overdue proposal, in the officer's workspace", async () => {
    const cycles = (await (await as("ly-officer")).get("/api/budget/cycles")).body.items;
    expect(cycles[0]).toMatchObject({
      year: 2027,
      next: "firstUp",
      mayRecord: true,
      steps: [
        { code: "firstUp", due: "2026-09-30", overdue: true, source: { clause: "LY-FUNDS §11" } },
        { code: "firstDown", due: null, overdue: false },
        { code: "secondUp", due: "2026-11-30", overdue: false },
        { code: "secondDown", due: null },
      ],
    });
    const tile = (await (await as("ly-officer")).get("/api/workspace")).body.tasks.find(
      (x: { key: string }) => x.key === "budgetCycleWaiting",
    );
    expect(tile).toMatchObject({ count: 1, link: "/budget/cycles?mine=true" });
    expect((await (await as("ly-finance")).get("/api/budget/cycles?mine=true")).body.total).toBe(0);
    expect((await (await as("dt-officer")).get("/api/budget/cycles")).body.code).toBe(
      "DECISION_NOT_APPLICABLE",
    );
  });

  it("takes the steps in order, each by its bureau, never dated after today", async () => {
    expect((await step("ly-finance", "firstDown", { ...base, on: "2026-10-08" })).body.code).toBe(
      "INVALID_TRANSITION",
    );
    expect((await step("ly-finance", "firstUp", { ...base, on: "2026-10-08" })).status).toBe(403);
    expect((await step("ly-officer", "firstUp", { ...base, on: "2026-10-09" })).body.path).toBe("on");
    const up = await step("ly-officer", "firstUp", {
      ...base,
      on: "2026-09-28",
      note: "经主要负责人签字盖章",
    });
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    expect(up.body).toMatchObject({ next: "firstDown", mayRecord: false });
    expect((await step("ly-officer", "firstUp", { ...base, on: "2026-09-28" })).body.code).toBe(
      "INVALID_TRANSITION",
    );
  });

  it("sets the control number at 一下, asks the draft for its performance targets, and approves the figure at 二下", async () => {
    const down = await step("ly-finance", "firstDown", {
      ...base,
      amountFen: 500_000_000,
      docNumber: "洛财预〔2026〕8号",
      on: "2026-10-08",
    });
    expect(down.status, JSON.stringify(down.body)).toBe(200);
    const numbers = (await (await as("ly-finance")).get("/api/budget/control-numbers")).body;
    expect(numbers[0]).toMatchObject({ year: 2027, amountFen: 500_000_000, docNumber: "洛财预〔2026〕8号" });
    const noTargets = await step("ly-officer", "secondUp", {
      ...base,
      amountFen: 480_000_000,
      on: "2026-10-08",
    });
    expect(noTargets.body).toMatchObject({ path: "performanceTargets", clause: "LY-FUNDS §23" });
    const targets = [{ program: "majorInnovation", indicator: "突破关键核心技术数量", target: "≥ 10 项" }];
    expect(
      (
        await step("ly-officer", "secondUp", {
          ...base,
          amountFen: 480_000_000,
          on: "2026-10-08",
          performanceTargets: targets,
        })
      ).body,
    ).toMatchObject({
      next: "secondDown",
      performanceTargets: targets,
    });
    const approved = await step("ly-finance", "secondDown", {
      ...base,
      amountFen: 480_000_000,
      docNumber: "洛财预〔2027〕1号",
      on: "2026-10-08",
    });
    expect(approved.body).toMatchObject({ next: null, mayRecord: false });
    const years = (await (await as("ly-finance")).get("/api/ledger/years")).body;
    expect(years).toEqual([
      expect.objectContaining({ year: 2027, approvedFen: 480_000_000, availableFen: 480_000_000 }),
    ]);
    expect((await step("ly-finance", "secondDown", { ...base, on: "2026-10-08" })).body.code).toBe(
      "INVALID_TRANSITION",
    );
  });
});
