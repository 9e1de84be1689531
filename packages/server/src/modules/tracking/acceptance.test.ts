import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { freeExperts, scorePanel } from "../../test/assessment-fixtures.ts";
import { signedProjects } from "../../test/project-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

// 结题验收 and 绩效评价 (DT-RULES §23; LY-FUNDS §5, §19, §23; LY-REFORM §三(四)2): a Luoyang public-welfare
// project paid by post-subsidy after its grade, accepted by a panel of three (deferred once for more
// materials), graded by the panel's mean and re-evaluated by the finance bureau before the subsidy is
// prepared; a Datong project failed by a panel of five.

let t: TestApp;
let as: (u: string) => Promise<Client>;
const ids = { ly: "", dt: "" };
const fresh = () => {
  t.clock.advance(61_000);
  as = oneSessionEach((u) => t.as(u));
};
const tracking = async (city: "ly" | "dt", u = `${city}-officer`) =>
  (await (await as(u)).get(`/api/projects/${ids[city]}/tracking`)).body;
const materials = (over: object = {}) => ({
  achievements: [{ index: 0, achieved: 1, evidence: "研究报告已印发（附件）" }],
  report: "本项目完成了洛阳都市圈创新生态现状评估和国内外比较研究，提出对策建议。",
  settlement: [
    { category: "publicationIp", spentFen: 1_400_000 },
    { category: "travelMeetings", spentFen: 900_000 },
  ],
  commitment: true,
  ...over,
});
const free = async (city: "ly" | "dt", n: number) => freeExperts(await as(`${city}-officer`), ids[city], n);
async function panel(city: "ly" | "dt", n: number, scores: number[]) {
  const experts = await free(city, n);
  const convened = await (await as(`${city}-officer`)).post(`/api/projects/${ids[city]}/assessments`, {
    kind: "acceptance",
    expertIds: experts.map((e) => e.id),
  });
  expect(convened.status, JSON.stringify(convened.body)).toBe(201);
  const id = convened.body.acceptance.assessments.at(-1).id as string;
  fresh();
  await scorePanel(as, id, experts, scores, "同意。");
  fresh();
  return id;
}
const conclude = async (city: "ly" | "dt", id: string, event: string, body: object = {}) =>
  (await as(`${city}-officer`)).post(`/api/projects/${ids[city]}/assessments/${id}/events/${event}`, {
    note: "验收专家组意见。",
    ...body,
  });

beforeAll(async () => {
  t = await createTestApp();
  const [ly, dt] = await signedProjects(t, [
    { prefix: "ly", program: "publicWelfare", number: "LY-2026-YS-001", title: "ly 验收测试项目" },
    { prefix: "dt", program: "keyRnd", number: "DT-2026-YS-001", title: "dt 验收测试项目" },
  ]);
  ids.ly = ly?.id ?? "";
  ids.dt = dt?.id ?? "";
  as = oneSessionEach((u) => t.as(u));
}, 480_000);
afterAll(() => t.close());

describe("submitting for acceptance", () => {
  it("states the city's rules: the grades, the panel, the balance after passing", async () => {
    const ly = (await tracking("ly", "ly-pi")).acceptance;
    expect(ly).toMatchObject({
      panelSize: 3,
      grades: { excellent: 90, good: 80, pass: 60, citation: { setting: "city" } },
      citation: { clause: "LY-FUNDS §23" },
      balanceRule: "staysWithUnit",
      balanceCitation: { clause: "LY-FUNDS §19" },
      application: null,
      actions: ["submit"],
    });
    const dt = (await tracking("dt")).acceptance;
    expect(dt).toMatchObject({
      panelSize: 5,
      citation: { clause: "DT-RULES §23" },
      balanceRule: "returnToTreasury",
    });
  });

  it("refuses materials without every target, every line, or the commitment", async () => {
    const pi = await as("ly-pi");
    const url = `/api/projects/${ids.ly}/acceptance`;
    expect((await pi.post(url, materials({ achievements: [] }))).status).toBe(400);
    expect(
      (await pi.post(url, materials({ settlement: [{ category: "publicationIp", spentFen: 1 }] }))).status,
    ).toBe(400);
    expect((await pi.post(url, materials({ commitment: false }))).status).toBe(400);
    const early = await (await as("ly-officer")).post(`/api/projects/${ids.ly}/assessments`, {
      kind: "acceptance",
      expertIds: (await free("ly", 3)).map((e) => e.id),
    });
    expect(early.status).toBe(422);
  });

  it("takes the materials once; the officer alone convenes the panel", async () => {
    const url = `/api/projects/${ids.ly}/acceptance`;
    const filed = await (await as("ly-pi")).post(url, materials());
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body.acceptance.application).toMatchObject({ status: "submitted", settledFen: 2_300_000 });
    expect((await (await as("ly-unit")).post(url, materials())).status).toBe(422);
    expect((await tracking("ly")).acceptance.actions).toEqual(["convene"]);
  });
});

describe("the panel's conclusion", () => {
  it("defers for more materials at any time; the unit submits again", async () => {
    const id = await panel("ly", 3, [95, 95, 95, 95, 95]);
    const deferred = await conclude("ly", id, "defer", { note: "请补充专利受理通知书。" });
    expect(deferred.status, JSON.stringify(deferred.body)).toBe(200);
    expect(deferred.body.acceptance.application.status).toBe("returned");
    const again = await (await as("ly-unit")).post(`/api/projects/${ids.ly}/acceptance`, materials());
    expect(again.status).toBe(201);
  });

  it("passes with the grade the mean earns and the R&D spend the bureau verifies", async () => {
    const id = await panel("ly", 3, [95, 90, 92, 88, 94]);
    const view = (await tracking("ly")).acceptance.assessments.at(-1);
    // 95×30 + 90×20 + 92×20 + 88×15 + 94×15 = 9220 hundredths: 优
    expect(view).toMatchObject({
      mean: 9220,
      grade: "excellent",
      proposed: "pass",
      actions: ["pass", "defer"],
    });
    expect((await conclude("ly", id, "fail")).status).toBe(400);
    expect((await conclude("ly", id, "pass")).status).toBe(400);
    expect((await conclude("ly", id, "pass", { verifiedRdFen: 2_300_001 })).status).toBe(400);
    const passed = await conclude("ly", id, "pass", { verifiedRdFen: 2_000_000 });
    expect(passed.status, JSON.stringify(passed.body)).toBe(200);
    expect(passed.body.acceptance.application).toMatchObject({
      status: "accepted",
      grade: "excellent",
      verifiedRdFen: 2_000_000,
    });
    const project = (await (await as("ly-officer")).get(`/api/projects/${ids.ly}`)).body;
    // 优: 50 % of the verified ¥20,000 (LY-REFORM §三(四)2), what preparing the node would pay
    expect(project.nodes.find((n: { code: string }) => n.code === "subsidy")).toMatchObject({
      due: true,
      payableFen: 1_000_000,
    });
    // the unit learns the concluded panel's grade and mean, not its members
    const mine = (await tracking("ly", "ly-unit")).acceptance.assessments.at(-1);
    expect(mine).toMatchObject({ status: "passed", grade: "excellent", mean: 9220, panel: [] });
  });

  it("lets the finance bureau re-evaluate the grade before the subsidy, which follows it", async () => {
    const url = `/api/projects/${ids.ly}/acceptance/regrade`;
    expect(
      (await (await as("ly-officer")).post(url, { grade: "good", reason: "财政抽查再评价结论" })).status,
    ).toBe(403);
    const regraded = await (await as("ly-finance")).post(url, {
      grade: "good",
      reason: "抽查发现部分成果证明材料不足，再评价为良。",
    });
    expect(regraded.status, JSON.stringify(regraded.body)).toBe(200);
    expect(regraded.body.acceptance.application.regrade).toMatchObject({ grade: "good" });
    expect(regraded.body.acceptance.actions).toEqual(["regrade"]);
    const prepared = await (await as("ly-officer")).request(
      "POST",
      `/api/projects/${ids.ly}/payments`,
      { node: "subsidy" },
      { "idempotency-key": "acceptance-subsidy" },
    );
    expect(prepared.status, JSON.stringify(prepared.body)).toBe(201);
    // 良: 30 % of the verified ¥20,000, within its cap (a city setting)
    expect(prepared.body.amountFen).toBe(600_000);
    expect((await tracking("ly", "ly-finance")).acceptance.actions).toEqual([]);
    const late = await (await as("ly-finance")).post(url, {
      grade: "excellent",
      reason: "再次复核后恢复为优。",
    });
    expect(late.status).toBe(422);
  });

  it("fails below the pass grade in Datong, with 不合格 on the project", async () => {
    const filed = await (await as("dt-unit")).post(`/api/projects/${ids.dt}/acceptance`, materials());
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const id = await panel("dt", 5, [50, 55, 60, 40, 50]);
    expect((await conclude("dt", id, "pass", { verifiedRdFen: 0 })).status).toBe(400);
    const failed = await conclude("dt", id, "fail");
    expect(failed.status, JSON.stringify(failed.body)).toBe(200);
    expect(failed.body.acceptance.application).toMatchObject({ status: "failed", grade: "fail" });
    expect(failed.body.acceptance.actions).toEqual(["findDiligence"]);
    expect(failed.body.acceptance.diligenceCitation).toEqual({ clause: "DT-RULES §5" });
    const again = await (await as("dt-officer")).post(`/api/projects/${ids.dt}/assessments`, {
      kind: "acceptance",
      expertIds: (await free("dt", 5)).map((e) => e.id),
    });
    expect(again.status).toBe(422);
  });
});

describe("宽容失败 (DT-RULES §5): a failure found diligent", () => {
  const url = () => `/api/projects/${ids.dt}/diligence`;
  const finding = {
    finding: "项目组按任务书开展研究，技术路线经论证可行，未达预期系技术风险所致，经费使用规范。",
  };
  const sanction = async () =>
    (await as("dt-officer")).post(`/api/projects/${ids.dt}/sanctions`, {
      kind: "interview",
      authority: "scienceBureau",
      fromDate: new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
      untilDate: null,
      reason: "验收不通过，约谈项目负责人。",
    });

  it("is found by the bureau alone, with its reason, once: two at once give one success and one 409", async () => {
    expect((await (await as("dt-unit")).post(url(), finding)).status).toBe(403);
    expect((await (await as("dt-officer")).post(url(), { finding: "勤勉" })).status).toBe(400);
    // a project still in execution has not failed
    expect((await (await as("ly-officer")).post(`/api/projects/${ids.ly}/diligence`, finding)).status).toBe(
      422,
    );
    const officer = await as("dt-officer");
    const [a, b] = await Promise.all([officer.post(url(), finding), officer.post(url(), finding)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const view = (await tracking("dt", "dt-unit")).acceptance;
    expect(view.diligence).toMatchObject({ finding: finding.finding, citation: { clause: "DT-RULES §5" } });
    expect(view.actions).toEqual([]);
    const audit = await (await as("auditor")).get("/api/audit?action=project.diligence&pageSize=50");
    expect(audit.body.items.length).toBe(1);
  });

  it("closes the project without sanction, citing the clause", async () => {
    const refused = await sanction();
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body).toMatchObject({ code: "FAILURE_TOLERATED", clause: "DT-RULES §5" });
  });
});
