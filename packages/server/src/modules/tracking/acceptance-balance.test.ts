import { addYears, chinaDateOf } from "@luoshu/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { freeExperts, scorePanel } from "../../test/assessment-fixtures.ts";
import { commissionedProject, signedProjects, signedTaskBook } from "../../test/project-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

// The balance after a passed acceptance, by each city's rule: Datong returns it to the treasury (a
// city setting, its documents being silent), so it becomes an amount due from the unit, recorded back
// as `return` postings until settled, and superseded by a later revocation's recovery of all held;
// Luoyang leaves it with the unit (LY-FUNDS §19), so nothing falls due.

let t: TestApp;
let as: (u: string) => Promise<Client>;
type City = "ly" | "dt";
const ids = { ly: "", dt: "", sitting: "" };
const paid: Record<City, number> = { ly: 0, dt: 0 };
const fresh = () => {
  t.clock.advance(61_000);
  as = oneSessionEach((u) => t.as(u));
};
const project = async (city: keyof typeof ids, u = `${city}-officer`) =>
  (await (await as(u)).get(`/api/projects/${ids[city]}`)).body;

/** Pays the node due at signing: the officer prepares, finance approves, the officer pays. */
async function payFirstNode(city: City) {
  const officer = await as(`${city}-officer`);
  const node = (await project(city)).nodes.find((n: { due: boolean }) => n.due);
  const prepared = await officer.request(
    "POST",
    `/api/projects/${ids[city]}/payments`,
    { node: node.code },
    { "idempotency-key": `balance-${city}-prepare` },
  );
  expect(prepared.status, JSON.stringify(prepared.body)).toBe(201);
  const approved = await (await as(`${city}-finance`)).post(
    `/api/payments/${prepared.body.id}/events/approve`,
    {},
  );
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  const res = await officer.request(
    "POST",
    `/api/payments/${prepared.body.id}/events/pay`,
    { treasuryRef: `GK-balance-${city}` },
    { "idempotency-key": `balance-${city}-pay` },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return prepared.body.amountFen as number;
}

/** Submits with two thirds of what was paid spent, convenes a free panel, scores it well and passes it. */
async function accept(city: City, panelSize: number) {
  const spent = Math.floor((paid[city] * 2) / 3);
  const filed = await (await as(`${city}-unit`)).post(`/api/projects/${ids[city]}/acceptance`, {
    achievements: [{ index: 0, achieved: 1, evidence: "研究报告已印发（附件）" }],
    report: "项目完成任务书规定的研究内容，形成研究报告并通过专家论证。",
    settlement: [
      { category: "publicationIp", spentFen: spent - 100_000 },
      { category: "travelMeetings", spentFen: 100_000 },
    ],
    commitment: true,
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  const officer = await as(`${city}-officer`);
  const experts = await freeExperts(officer, ids[city], panelSize);
  const convened = await officer.post(`/api/projects/${ids[city]}/assessments`, {
    kind: "acceptance",
    expertIds: experts.map((e) => e.id),
  });
  expect(convened.status, JSON.stringify(convened.body)).toBe(201);
  const id = convened.body.acceptance.assessments.at(-1).id as string;
  fresh();
  await scorePanel(as, id, experts, [85, 85, 85, 85, 85]);
  fresh();
  const passed = await (await as(`${city}-officer`)).post(
    `/api/projects/${ids[city]}/assessments/${id}/events/pass`,
    { note: "同意通过验收。", verifiedRdFen: spent },
  );
  expect(passed.status, JSON.stringify(passed.body)).toBe(200);
  return spent;
}

beforeAll(async () => {
  t = await createTestApp();
  const [ly, dt] = await signedProjects(t, [
    { prefix: "ly", program: "majorInnovation", number: "LY-2026-JY-001", title: "ly 结余测试项目" },
    { prefix: "dt", program: "keyRnd", number: "DT-2026-JY-001", title: "dt 结余测试项目" },
  ]);
  ids.ly = ly?.id ?? "";
  ids.dt = dt?.id ?? "";
  // a directed commission: no application, so no budget; it settles by the city's categories
  fresh();
  ids.sitting = await commissionedProject(t, as, { title: "dt 撤回测试项目", amountFen: 5_000_000 });
  fresh();
  const officer = await as("dt-officer");
  const today = chinaDateOf(t.clock.now());
  const drawn = await officer.post(`/api/projects/${ids.sitting}/task-book`, {
    period: { startDate: today, endDate: addYears(today, 1) },
  });
  expect(drawn.status, JSON.stringify(drawn.body)).toBe(201);
  await signedTaskBook(officer, await as("dt-unit"), ids.sitting, today);
  fresh();
  paid.dt = await payFirstNode("dt");
}, 480_000);
afterAll(() => t.close());

describe("the balance after acceptance", () => {
  it("falls due in Datong: what the unit holds less what it settled, by the city's setting", async () => {
    const spent = await accept("dt", 5);
    const p = await project("dt");
    expect(p.life.closures).toEqual([
      expect.objectContaining({
        kind: "settlement",
        ground: "acceptance",
        status: "decided",
        spentFen: spent,
        releaseFen: 0,
        dueFen: paid.dt - spent,
        settledFen: 0,
        outstandingFen: paid.dt - spent,
        source: { setting: "city" },
      }),
    ]);
    expect(p.life.actions).toContain("recordReturn");
    // the project is not cut short: its unit's later nodes and post-subsidy still follow
    expect(p.life.closedAs).toBeNull();
    expect(p.timeline.map((e: { kind: string }) => e.kind)).toContain("balanceDue");
    expect((await project("dt", "dt-unit")).life.actions).not.toContain("recordReturn");
  });

  it("is given back in parts, never more than outstanding, each a posting in the ledger", async () => {
    const due = paid.dt - Math.floor((paid.dt * 2) / 3);
    const url = `/api/projects/${ids.dt}/returns`;
    const officer = await as("dt-officer");
    const over = await officer.request(
      "POST",
      url,
      { amountFen: due + 1, reference: "DT-JY-over" },
      { "idempotency-key": "balance-over" },
    );
    expect(over.status).toBe(422);
    expect(over.body.code).toBe("CLOSURE_OVER_DUE");
    const part = await officer.request(
      "POST",
      url,
      { amountFen: 100_000, reference: "DT-JY-0001" },
      { "idempotency-key": "balance-part" },
    );
    expect(part.status, JSON.stringify(part.body)).toBe(201);
    const p = await project("dt");
    expect(p.life.closures[0]).toMatchObject({ settledFen: 100_000, outstandingFen: due - 100_000 });
    expect(p.money.returnedFen).toBe(100_000);
  });

  it("gives way to a revocation, which recovers everything the unit still holds", async () => {
    const revoked = await (await as("dt-officer")).post(`/api/projects/${ids.dt}/revocation`, {
      ground: "fraud",
      reason: "验收后核查发现成果材料造假。",
    });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(201);
    const closures = (await project("dt")).life.closures as {
      kind: string;
      status: string;
      dueFen: number;
      id: string;
      decided: { note: string | null } | null;
    }[];
    const settlement = closures.find((c) => c.kind === "settlement");
    expect(settlement?.status).toBe("superseded");
    // it keeps the pass's own decision: the timeline still shows when the balance fell due
    expect(settlement?.decided?.note).toBe("同意通过验收。");
    // the revocation's audit names the closure it superseded
    const audit = await (await as("auditor")).get("/api/audit?entityType=closure&action=closure.revoke");
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((e: { after: { superseded: string } }) => e.after.superseded)).toContain(
      settlement?.id,
    );
    expect(closures.find((c) => c.kind === "revocation")).toMatchObject({
      status: "decided",
      dueFen: paid.dt - 100_000,
    });
  });

  it("stays with the unit in Luoyang after passing (LY-FUNDS §19): nothing falls due", async () => {
    paid.ly = await payFirstNode("ly");
    await accept("ly", 3);
    const p = await project("ly");
    expect(p.life.closures).toEqual([]);
    expect(p.life.actions).not.toContain("recordReturn");
    const view = (await (await as("ly-officer")).get(`/api/projects/${ids.ly}/tracking`)).body.acceptance;
    expect(view).toMatchObject({ balanceRule: "staysWithUnit", balanceCitation: { clause: "LY-FUNDS §19" } });
    // at 结题 there is nothing left to terminate: neither on the unit's application nor as a measure
    expect(p.stage).toBe("closed");
    expect(p.life.actions).not.toContain("applyTermination");
    const applied = await (await as("ly-unit")).post(`/api/projects/${ids.ly}/termination`, {
      ground: "forceMajeure",
      reason: "验收通过后因不可抗力申请终止项目执行。",
      spentFen: 0,
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(422);
    const measure = await (await as("ly-officer")).post(`/api/projects/${ids.ly}/sanctions`, {
      kind: "termination",
      authority: "scienceBureau",
      fromDate: chinaDateOf(t.clock.now()),
      untilDate: null,
      reason: "验收后发现问题，终止项目执行。",
    });
    expect(measure.status).toBe(422);
    expect((await project("ly")).life.closedAs).toBeNull();
  });
});

describe("a panel sitting when its project closes", () => {
  it("is withdrawn: its experts are no longer asked, and nothing can conclude it", async () => {
    const unit = await as("dt-unit");
    const lines = (await unit.get(`/api/projects/${ids.sitting}/tracking`)).body.terms.settlement as {
      category: string;
      amountFen: number;
    }[];
    expect(lines.map((l) => l.category)).toContain("materials");
    expect(lines.every((l) => l.amountFen === 0)).toBe(true);
    const body = (settlement: { category: string; spentFen: number }[]) => ({
      achievements: [],
      report: "项目研究内容已完成。",
      settlement,
      commitment: true,
    });
    // every category is settled, even at zero
    expect((await unit.post(`/api/projects/${ids.sitting}/acceptance`, body([]))).status).toBe(400);
    const filed = await unit.post(
      `/api/projects/${ids.sitting}/acceptance`,
      body(lines.map((l) => ({ category: l.category, spentFen: l.category === "materials" ? 100_000 : 0 }))),
    );
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const officer = await as("dt-officer");
    const experts = await freeExperts(officer, ids.sitting, 5);
    const convened = await officer.post(`/api/projects/${ids.sitting}/assessments`, {
      kind: "acceptance",
      expertIds: experts.map((e) => e.id),
    });
    expect(convened.status, JSON.stringify(convened.body)).toBe(201);
    const id = convened.body.acceptance.assessments.at(-1).id as string;
    // a payment half-way: where the balance returns, no pass until it is paid or cancelled
    const node = (await officer.get(`/api/projects/${ids.sitting}`)).body.nodes.find(
      (n: { due: boolean }) => n.due,
    );
    const prepared = await officer.request(
      "POST",
      `/api/projects/${ids.sitting}/payments`,
      { node: node.code },
      { "idempotency-key": "sitting-prepare" },
    );
    expect(prepared.status, JSON.stringify(prepared.body)).toBe(201);
    fresh();
    await scorePanel(as, id, experts, [85, 85, 85, 85, 85]);
    fresh();
    const early = await (await as("dt-officer")).post(
      `/api/projects/${ids.sitting}/assessments/${id}/events/pass`,
      { note: "同意通过验收。" },
    );
    expect(early.status).toBe(422);
    expect(early.body.messageZh).toContain("拨款尚在办理");
    const revoked = await (await as("dt-officer")).post(`/api/projects/${ids.sitting}/revocation`, {
      ground: "fraud",
      reason: "评审期间查实申报材料造假。",
    });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(201);
    const view = (await (await as("dt-officer")).get(`/api/projects/${ids.sitting}/tracking`)).body;
    expect(view.acceptance.assessments).toEqual([
      expect.objectContaining({ id, status: "withdrawn", actions: [] }),
    ]);
    const mine = (await (await as(experts[0]?.username ?? "")).get("/api/assessments")).body.items as {
      id: string;
      status: string;
    }[];
    expect(mine.find((a) => a.id === id)?.status).toBe("withdrawn");
    const concluded = await (await as("dt-officer")).post(
      `/api/projects/${ids.sitting}/assessments/${id}/events/fail`,
      { note: "不通过。" },
    );
    expect(concluded.status).toBe(422);
  });
});
