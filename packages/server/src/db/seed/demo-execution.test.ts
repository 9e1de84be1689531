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

describe("the demo's projects in execution, walked through the API on the first start", () => {
  it("leaves one project per city signed, with its first node paid after finance's approval", async () => {
    for (const [prefix, paidFen] of [
      ["ly", 120_000_000],
      ["dt", 80_000_000],
    ] as const) {
      const officer = await t.as(`${prefix}-officer`);
      const [project] = (await officer.get("/api/projects")).body.items;
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
    const [project] = (await officer.get("/api/projects")).body.items;
    const { nodes } = (await officer.get(`/api/projects/${project.id}`)).body;
    expect(nodes.map((n: { code: string; due: boolean }) => [n.code, n.due])).toEqual([
      ["first", true],
      ["midTerm", false],
      ["final", false],
    ]);
  });

  it("leaves a ledger that keeps every invariant", async () => {
    const reports = await checkLedger(createRepositories(t.database.db, t.auditKeys));
    expect(reports.flatMap((r) => r.findings)).toEqual([]);
    expect(reports.map((r) => r.years[0]?.paidFen)).toEqual([80_000_000, 120_000_000]);
  });
});
