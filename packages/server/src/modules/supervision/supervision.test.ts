import { chinaDateOf, drawSpotCheck } from "@luoshu/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { insertedProject, signedTaskBook, whoIs } from "../../test/project-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

// 随机抽查 (LY-PLAN §七(四), a Luoyang rule; the 10 % rate and the calendar-year cycle are city
// settings): twelve Luoyang projects in execution of the demo enterprise, one more not yet signed.

let t: TestApp;
let as: (u: string) => Promise<Client>;
const ids: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  as = oneSessionEach((u) => t.as(u));
  const unit = await whoIs(await as("ly-unit"));
  await (await as("ly-finance")).put("/api/budget/control-numbers/2026", {
    amountFen: 900_000_000,
    docNumber: "洛财预〔2026〕8号",
  });
  for (let n = 1; n <= 13; n++) {
    const id = await insertedProject(t, {
      cityId: "luoyang",
      number: `LY-2026-ZX-7${String(n).padStart(3, "0")}`,
      program: "majorInnovation",
      title: `抽查测试项目 ${n}`,
      amountFen: 10_000_000,
      unitId: unit.unitId ?? "",
      piUserId: null,
    });
    // the last one stays unsigned: not in execution, not eligible
    if (n < 13) {
      await signedTaskBook(await as("ly-officer"), await as("ly-unit"), id, chinaDateOf(t.clock.now()));
      ids.push(id);
    }
  }
}, 240_000);
afterAll(() => t.close());

describe("the spot check (LY-PLAN §七(四))", () => {
  it("is Luoyang's: Datong's documents set none, and who may read it is the bureau, its leader, finance and the district", async () => {
    expect((await (await as("dt-officer")).get("/api/supervision")).body.code).toBe(
      "DECISION_NOT_APPLICABLE",
    );
    for (const [u, status] of [
      ["ly-officer", 200],
      ["ly-leader", 200],
      ["ly-finance", 200],
      ["ly-district", 200],
      ["ly-unit", 403],
      ["ly-pi", 403],
      ["ly-expert", 403],
    ] as const)
      expect((await (await as(u)).get("/api/supervision")).status, u).toBe(status);
    const s = (await (await as("ly-officer")).get("/api/supervision")).body;
    expect(s).toMatchObject({
      cycle: 2026,
      ratePercent: 10,
      rateSource: { setting: "city" },
      oncePerCycleSource: { clause: "LY-PLAN §七(四)" },
      eligibleNow: 12,
      actions: ["draw", "recordInspection"],
    });
  });

  it("draws once per cycle, ⌈12 × 10 %⌉ = 2 projects, reproducible from the published seed and list", async () => {
    expect((await (await as("ly-finance")).post("/api/supervision/draws")).status).toBe(403);
    const [a, b] = await Promise.all([
      (await as("ly-officer")).post("/api/supervision/draws"),
      (await as("ly-officer")).post("/api/supervision/draws"),
    ]);
    expect([a?.status, b?.status].sort()).toEqual([201, 409]);
    const draw = (a?.status === 201 ? a : b)?.body;
    expect(draw.eligible).toHaveLength(12);
    expect(draw.eligible).not.toContain("LY-2026-ZX-7013");
    expect(draw.drawn).toHaveLength(2);
    expect(drawSpotCheck(draw.eligible, draw.ratePercent, draw.seed)).toEqual(draw.drawn);
    // the public page shows it to anyone, without a login
    const published = await t.app.inject({ method: "GET", url: "/api/public/spot-checks" });
    expect(published.statusCode).toBe(200);
    expect(published.json().items).toEqual([expect.objectContaining({ seed: draw.seed, drawn: draw.drawn })]);
    const s = (await (await as("ly-officer")).get("/api/supervision")).body;
    expect(s.actions).toEqual(["recordInspection"]);
    expect(
      s.inspections.map((i: { projectNumber: string; kind: string }) => [i.projectNumber, i.kind]),
    ).toEqual([...draw.drawn].sort().map((n: string) => [n, "spotCheck"]));
  });

  it("counts every inspection once per project per cycle, whichever department records it", async () => {
    const s = (await (await as("ly-officer")).get("/api/supervision")).body;
    const drawnProject = s.inspections[0].projectId as string;
    const other =
      ids.find((id) => !s.inspections.some((i: { projectId: string }) => i.projectId === id)) ?? "";
    const twice = await (await as("ly-finance")).post("/api/supervision/inspections", {
      projectId: drawnProject,
      kind: "financeCheck",
    });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: "INSPECTION_ONCE_PER_CYCLE", clause: "LY-PLAN §七(四)" });
    expect(
      (
        await (
          await as("ly-officer")
        ).post("/api/supervision/inspections", { projectId: other, kind: "financeCheck" })
      ).status,
    ).toBe(403);
    const [x, y] = await Promise.all([
      (await as("ly-finance")).post("/api/supervision/inspections", {
        projectId: other,
        kind: "financeCheck",
      }),
      (await as("ly-officer")).post("/api/supervision/inspections", { projectId: other, kind: "audit" }),
    ]);
    expect([x?.status, y?.status].sort()).toEqual([201, 409]);
    expect(
      (
        await (
          await as("dt-officer")
        ).post("/api/supervision/inspections", { projectId: other, kind: "audit" })
      ).status,
    ).toBe(422);
  });

  it("records each result once, by the inspecting department, and shares it with the others", async () => {
    const s = (await (await as("ly-officer")).get("/api/supervision")).body;
    const spot = s.inspections.find((i: { kind: string }) => i.kind === "spotCheck");
    const byFinance = await (await as("ly-finance")).post(`/api/supervision/inspections/${spot.id}/result`, {
      result: "noIssues",
      findings: "未发现问题。",
    });
    expect(byFinance.status).toBe(403);
    const body = { result: "issuesFound", findings: "设备费支出缺少验收单据，需限期整改。" };
    const [a, b] = await Promise.all([
      (await as("ly-officer")).post(`/api/supervision/inspections/${spot.id}/result`, body),
      (await as("ly-officer")).post(`/api/supervision/inspections/${spot.id}/result`, body),
    ]);
    expect([a?.status, b?.status].sort()).toEqual([200, 409]);
    const seen = (await (await as("ly-finance")).get("/api/supervision")).body.inspections.find(
      (i: { id: string }) => i.id === spot.id,
    );
    expect(seen).toMatchObject({ result: "issuesFound", findings: body.findings, actions: [] });
  });

  it("lets the next cycle draw the projects again", async () => {
    t.clock.set(new Date("2027-01-05T02:00:00Z"));
    as = oneSessionEach((u) => t.as(u));
    const s = (await (await as("ly-officer")).get("/api/supervision")).body;
    expect(s).toMatchObject({ cycle: 2027, eligibleNow: 12, actions: ["draw", "recordInspection"] });
  });
});
