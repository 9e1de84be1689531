import { chinaDateOf } from "@luoshu/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { reviewedCall } from "../../test/decision-fixtures.ts";
import { insertedProject, signedTaskBook, whoIs } from "../../test/project-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

// 变更 by city authority (DT-RULES §19; LY-FUNDS §18): a Datong project drawn from a reviewed
// application of the demo PI, where the bureau approves every change on the unit's application, and
// a Luoyang one from the demo PI's application, where the unit adjusts equipment and the PI the other
// lines on their own, recorded without the bureau.

let t: TestApp;
let as: (u: string) => Promise<Client>;
const ids = { dt: "", ly: "" };
let dtPi2 = "";
const today = () => chinaDateOf(t.clock.now());
const change = async (u: string, city: "dt" | "ly", body: object) =>
  (await as(u)).post(`/api/projects/${ids[city]}/changes`, body);
const detail = async (city: "dt" | "ly", u = `${city}-officer`) =>
  (await (await as(u)).get(`/api/projects/${ids[city]}`)).body;
/** The current budget with `fen` moved from one category to another. */
const moved = (lines: { category: string; amountFen: number }[], from: string, to: string, fen: number) => {
  const out = lines.map((l) => ({ category: l.category, amountFen: l.amountFen }));
  const f = out.find((l) => l.category === from);
  if (f) f.amountFen -= fen;
  const tgt = out.find((l) => l.category === to);
  if (tgt) tgt.amountFen += fen;
  else out.push({ category: to, amountFen: fen });
  return out;
};

beforeAll(async () => {
  t = await createTestApp();
  as = oneSessionEach((u) => t.as(u));
  for (const prefix of ["dt", "ly"] as const) {
    const { ids: apps } = await reviewedCall(as, prefix, [`${prefix} 变更测试申报`], [85]);
    as = oneSessionEach((u) => t.as(u));
    await (await as(`${prefix}-finance`)).put("/api/budget/control-numbers/2026", {
      amountFen: 900_000_000,
      docNumber: `${prefix}-财-2026-1`,
    });
    const unit = await whoIs(await as(`${prefix}-unit`));
    const pi = await whoIs(await as(`${prefix}-pi`));
    ids[prefix] = await insertedProject(t, {
      cityId: prefix === "dt" ? "datong" : "luoyang",
      number: `${prefix.toUpperCase()}-2026-BG-001`,
      program: prefix === "dt" ? "keyRnd" : "softScience",
      title: `${prefix} 变更测试项目`,
      amountFen: 5_000_000,
      unitId: unit.unitId ?? "",
      piUserId: pi.userId,
      applicationId: apps[0],
    });
    await signedTaskBook(await as(`${prefix}-officer`), await as(`${prefix}-unit`), ids[prefix], today());
    t.clock.advance(61_000);
    as = oneSessionEach((u) => t.as(u));
  }
  // a fresh minute of the login rate limit (30 a minute) for the accounts the tests sign in
  t.clock.advance(61_000);
  as = oneSessionEach((u) => t.as(u));
  // a second PI of the Datong demo unit, whom a PI change may name
  const unitId = (await whoIs(await as("dt-unit"))).unitId;
  const opened = await (await as("sysadmin")).post("/api/users", {
    username: "dt-pi-two",
    displayName: "第二负责人 韩青",
    password: "Fuzeren#2026b",
    cityCode: "datong",
    unitId,
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  dtPi2 = opened.body.id;
  await (await as("secadmin")).put(`/api/users/${dtPi2}/roles`, { roles: ["principalInvestigator"] });
}, 480_000);
afterAll(() => t.close());

describe("in Datong the bureau approves every change, on the unit's application (DT-RULES §19)", () => {
  it("takes the application from the unit, not the PI, and states who decides", async () => {
    const p = await detail("dt");
    expect(p.life.rules.changeDeciders.budgetOther).toEqual({
      decider: "bureau",
      source: { clause: "DT-RULES §19" },
    });
    const lines = p.life.currentBudget;
    expect(lines.length).toBeGreaterThan(1);
    const body = {
      kind: "budgetAdjustment",
      reason: "试验方案调整，需增加测试化验加工费。",
      lines: moved(lines, lines[0].category, "testing", 100_000),
    };
    const byPi = await change("dt-pi", "dt", body);
    expect(byPi.status).toBe(403);
    expect(byPi.body).toMatchObject({ code: "FORBIDDEN", clause: "DT-RULES §19" });
    expect((await change("dt-unit2", "dt", body)).status).toBe(404);
    const asked = await change("dt-unit", "dt", body);
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body.life.changes[0]).toMatchObject({
      kind: "budgetAdjustment",
      status: "requested",
      decider: "bureau",
    });
    // the budget stands until the bureau approves; a second application of the kind waits its turn
    expect(asked.body.life.currentBudget).toEqual(lines);
    expect((await change("dt-unit", "dt", body)).status).toBe(409);
    const officer = await detail("dt");
    expect(officer.life.actions).toContain("decideChange");
    const id = asked.body.life.changes[0].id;
    expect(
      (
        await (
          await as("dt-unit")
        ).post(`/api/projects/${ids.dt}/changes/${id}/events/approve`, { note: "同意" })
      ).status,
    ).toBe(403);
    const [a, b] = await Promise.all([
      (await as("dt-officer")).post(`/api/projects/${ids.dt}/changes/${id}/events/approve`, {
        note: "经审核，同意调剂。",
      }),
      (await as("dt-officer")).post(`/api/projects/${ids.dt}/changes/${id}/events/approve`, {
        note: "经审核，同意调剂。",
      }),
    ]);
    expect([a?.status, b?.status].sort()).toEqual([200, 409]);
    const after = await detail("dt");
    expect(after.life.currentBudget).toEqual(body.lines);
    expect(after.timeline.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(["changeRequested", "changeApproved"]),
    );
  });

  it("keeps the total and the city's budget rules in an adjustment", async () => {
    const lines = (await detail("dt")).life.currentBudget;
    const grown = lines.map((l: { amountFen: number }, i: number) =>
      i === 0 ? { ...l, amountFen: l.amountFen + 1 } : l,
    );
    const res = await change("dt-unit", "dt", {
      kind: "budgetAdjustment",
      reason: "增加预算总额的尝试。",
      lines: grown,
    });
    expect(res.body).toMatchObject({ code: "VALIDATION", path: "lines" });
  });

  it("changes the PI once the bureau approves, and extends the period only forward", async () => {
    const asked = await change("dt-unit", "dt", {
      kind: "principalInvestigator",
      reason: "原项目负责人调离本单位，由韩青接任。",
      piUserId: dtPi2,
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const c = asked.body.life.changes.find((x: { kind: string }) => x.kind === "principalInvestigator");
    expect(c.before.piName).toBeTruthy();
    const done = await (await as("dt-officer")).post(
      `/api/projects/${ids.dt}/changes/${c.id}/events/approve`,
      {
        note: "同意变更项目负责人。",
      },
    );
    expect(done.body.piName).toBe("第二负责人 韩青");
    const end = (await detail("dt")).life.endDate;
    const back = await change("dt-unit", "dt", {
      kind: "extension",
      reason: "因技术原因申请延期完成。",
      endDate: "2026-01-01",
    });
    expect(back.body).toMatchObject({ code: "VALIDATION", path: "endDate" });
    const ext = await change("dt-unit", "dt", {
      kind: "extension",
      reason: "关键设备到货延迟，申请延期半年。",
      endDate: "2029-12-31",
    });
    expect(ext.status).toBe(201);
    const e = ext.body.life.changes.find((x: { kind: string }) => x.kind === "extension");
    expect(e.before.endDate).toBe(end);
    const refused = await (await as("dt-officer")).post(
      `/api/projects/${ids.dt}/changes/${e.id}/events/refuse`,
      {
        note: "延期理由不充分。",
      },
    );
    expect(refused.body.life.endDate).toBe(end);
  });
});

describe("in Luoyang the unit and the PI decide budget adjustments themselves (LY-FUNDS §18)", () => {
  it("records the PI's adjustment of the other lines at once, with no bureau approval", async () => {
    const p = await detail("ly", "ly-pi");
    const lines = p.life.currentBudget;
    const other = lines.find(
      (l: { category: string }) => l.category !== "equipment" && l.category !== "indirect",
    );
    const body = {
      kind: "budgetAdjustment",
      reason: "调研范围扩大，差旅费不足，由出版费调剂。",
      lines: moved(
        lines,
        other.category,
        other.category === "travelMeetings" ? "publicationIp" : "travelMeetings",
        100_000,
      ),
    };
    expect((await change("ly-unit", "ly", body)).body).toMatchObject({
      code: "FORBIDDEN",
      clause: "LY-FUNDS §18",
    });
    const done = await change("ly-pi", "ly", body);
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body.life.changes[0]).toMatchObject({ status: "recorded", decider: "principalInvestigator" });
    expect(done.body.life.currentBudget).toEqual(body.lines);
    expect((await detail("ly")).life.actions).not.toContain("decideChange");
  });

  it("records the unit's equipment adjustment, and refuses it from the PI", async () => {
    // a minute later: the effective changes follow one another in time, as they do on a real clock
    t.clock.advance(60_000);
    const lines = (await detail("ly", "ly-unit")).life.currentBudget;
    const from = lines.find(
      (l: { category: string; amountFen: number }) => l.category !== "indirect" && l.amountFen > 100_000,
    );
    const body = {
      kind: "budgetAdjustment",
      reason: "为中试采购检测设备，从材料费调剂。",
      lines: moved(lines, from.category, "equipment", 100_000),
    };
    expect((await change("ly-pi", "ly", body)).body).toMatchObject({
      code: "FORBIDDEN",
      clause: "LY-FUNDS §18",
    });
    const done = await change("ly-unit", "ly", body);
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    // the test clock stands still: find the unit's change among those of the same instant
    expect(done.body.life.changes.find((c: { decider: string }) => c.decider === "unit")).toMatchObject({
      status: "recorded",
      after: { lines: body.lines },
    });
    expect(done.body.life.currentBudget).toEqual(body.lines);
  });
});
