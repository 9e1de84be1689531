import { chinaDateOf, type LedgerProject, verifyLedger } from "@luoshu/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projects } from "../../db/schema/index.ts";
import { scan } from "../../db/seed/demo-review.ts";
import { oneSessionEach } from "../../lib/inject-client.ts";
import {
  fullContent,
  piId,
  prepareForSubmission,
  startApplication,
} from "../../test/application-fixtures.ts";
import { insertedProject, scanUpload, signedTaskBook, whoIs } from "../../test/project-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";
import { ledgerRepository } from "../ledger/ledger.repository.ts";
import { executionRepository } from "./execution.repository.ts";
import { ledgerProjectOf } from "./task-books.ts";

// Luoyang's payment nodes come from its program (policies/luoyang-2025.json `disbursement`):
//   softScience      one lump sum once signed, 包干制 (LY-REFORM §三(四)3);
//   majorInnovation  pre-funding nodes (LY-FUNDS §13(一)): first 60 % once signed, midTerm 20 %
//                    after the mid-term assessment, final 20 % after acceptance (city settings);
//   guiding          filed (备案, LY-REFORM §三(三)1): no task book at all.
// The soft-science and major-innovation projects are inserted as the decision module issues them
// (walking a guide, a review and a Luoyang list with its notice and co-sign to an issue is what
// decisions-luoyang.test.ts does; here only the project matters). The guiding project is filed
// through the API (POST /api/applications/:id/file).

let t: TestApp;
let as: (u: string) => Promise<Client>;
const ids = { soft: "", major: "", guiding: "", welfare: "" };
let softApplicationId = "";

const prepare = (c: Client, id: string, node: string, key: string) =>
  c.request("POST", `/api/projects/${id}/payments`, { node }, { "idempotency-key": key });
const fire = (c: Client, payId: string, event: string, body: object = {}, key?: string) =>
  c.request("POST", `/api/payments/${payId}/events/${event}`, body, key ? { "idempotency-key": key } : {});
const detail = async (id: string, u = "ly-officer") => (await (await as(u)).get(`/api/projects/${id}`)).body;

/** Filing a guiding project as commissions-filing.test.ts does: a guide of the program, an application through the formal check. */
async function filedGuidingProject(): Promise<string> {
  const officer = await as("ly-officer");
  const template = (await officer.get("/api/guides")).body.items[0].content;
  const created = await officer.post("/api/guides", {
    ...template,
    titleZh: "2026年度洛阳市指导计划项目备案指南",
    program: "guiding",
    amountRange: { minFen: 0, maxFen: 0 },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const guideId = created.body.id;
  expect((await officer.post(`/api/guides/${guideId}/events/submitForReview`)).status).toBe(200);
  expect((await (await as("ly-leader")).post(`/api/guides/${guideId}/events/publish`)).status).toBe(200);
  const pi = await as("ly-pi");
  const appId = await startApplication(pi, created.body.calls[0].id, "智能农机自主导航技术研发");
  await prepareForSubmission(pi, await as("ly-unit"), appId, { ...fullContent(), budget: { lines: [] } });
  expect((await pi.post(`/api/applications/${appId}/submit`)).status).toBe(200);
  await (await as("ly-district")).post(`/api/applications/${appId}/district-review`, {
    event: "recommend",
    rank: 1,
  });
  const checklist = template.formalChecklist.map((c: { code: string }) => ({ code: c.code, ok: true }));
  const passed = await (await as("ly-agency")).post(`/api/applications/${appId}/formal-check`, {
    event: "formalPass",
    checklist,
  });
  expect(passed.status, JSON.stringify(passed.body)).toBe(200);
  const filed = await officer.post(`/api/applications/${appId}/file`);
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  expect(filed.body).toMatchObject({ origin: "filing", amountFen: 0 });
  const projects = (await officer.get("/api/projects")).body.items as { id: string; number: string }[];
  const project = projects.find((p) => p.number === filed.body.number);
  if (!project) throw new Error("filed project not listed");
  return project.id;
}

beforeAll(async () => {
  t = await createTestApp();
  as = oneSessionEach((u) => t.as(u));
  const [unit, pi] = await Promise.all([whoIs(await as("ly-unit")), whoIs(await as("ly-pi"))]);
  if (!unit.unitId) throw new Error("ly-unit has no unit");
  // the soft-science project has its application, so its task book carries the plan, team and budget
  const softCall = (await (await as("ly-officer")).get("/api/guides")).body.items.find(
    (g: { content: { program: string } }) => g.content.program === "softScience",
  ).calls[0].id;
  softApplicationId = await startApplication(await as("ly-pi"), softCall, "洛阳都市圈创新生态研究");
  expect(
    (await (await as("ly-pi")).put(`/api/applications/${softApplicationId}/content`, fullContent())).status,
  ).toBe(200);
  ids.soft = await insertedProject(t, {
    cityId: "luoyang",
    number: "LY-2026-RK-801",
    program: "softScience",
    title: "洛阳都市圈创新生态研究",
    amountFen: 3_000_000,
    unitId: unit.unitId,
    piUserId: pi.userId,
    applicationId: softApplicationId,
  });
  // 1,000,001 fen: the shares round down and the last node takes the rest
  ids.major = await insertedProject(t, {
    cityId: "luoyang",
    number: "LY-2026-ZX-801",
    program: "majorInnovation",
    title: "高端轴承智能制造关键技术",
    amountFen: 1_000_001,
    unitId: unit.unitId,
    piUserId: pi.userId,
  });
  // a public-welfare project commits its best grade's subsidy, ¥100,000 (LY-REFORM §三(四)2)
  ids.welfare = await insertedProject(t, {
    cityId: "luoyang",
    number: "LY-2026-GY-801",
    program: "publicWelfare",
    title: "伊河水生态修复技术示范",
    amountFen: 10_000_000,
    unitId: unit.unitId,
    piUserId: pi.userId,
  });
  ids.guiding = await filedGuidingProject();
  const set = await (await as("ly-finance")).put("/api/budget/control-numbers/2026", {
    amountFen: 100_000_000,
    docNumber: "洛财预〔2026〕8号",
  });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
}, 120_000);
afterAll(() => t.close());

describe("a Luoyang soft-science project (包干制, LY-REFORM §三(四)3)", () => {
  it("takes one lump-sum node citing the clause, drawn with its application's plan and no ID number", async () => {
    const drawn = await (await as("ly-officer")).post(`/api/projects/${ids.soft}/task-book`);
    expect(drawn.status, JSON.stringify(drawn.body)).toBe(201);
    expect(drawn.body).toMatchObject({
      program: "softScience",
      programName: "软科学项目",
      applicationId: softApplicationId,
      taskBook: {
        status: "drafted",
        content: {
          cityNameZh: "洛阳市",
          amountFen: 3_000_000,
          lumpSum: { source: { clause: "LY-REFORM §三(四)3" } },
          // 里程碑式管理: the milestone the bureau supervises at mid-term (LY-REFORM §三(三)3)
          midTermMilestone: {
            milestone: { dueDate: expect.any(String) },
            source: { clause: "LY-REFORM §三(三)3" },
          },
          paymentBasis: { clause: "LY-REFORM §三(四)3" },
          period: { startDate: "2026-04-01", endDate: "2027-03-31" },
          team: [expect.objectContaining({ name: "周博", role: "pi" })],
          budgetLines: [
            expect.objectContaining({ category: "publicationIp", amountFen: 1_500_000 }),
            expect.objectContaining({ category: "travelMeetings", amountFen: 1_000_000 }),
          ],
        },
      },
      nodes: [
        {
          code: "lumpSum",
          after: "taskBookSigned",
          amountFen: 3_000_000,
          source: { clause: "LY-REFORM §三(四)3" },
          due: false,
        },
      ],
    });
    // the task book prints no resident ID number (task-book.ts: TaskBookApplication)
    expect(JSON.stringify(drawn.body)).not.toContain(piId);
    expect(JSON.stringify(drawn.body.taskBook.content.team)).not.toContain("idNumber");
  });

  it("pays the whole amount once signed, after finance's approval", async () => {
    const officer = await as("ly-officer");
    await (await as("ly-unit")).post(`/api/projects/${ids.soft}/task-book/events/confirmUnit`);
    await officer.post(`/api/projects/${ids.soft}/task-book/events/confirmBureau`);
    const signed = await (await as("ly-unit")).request(
      "PUT",
      `/api/projects/${ids.soft}/task-book/scan?signedOn=2026-03-02`,
      scan,
      scanUpload,
    );
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.nodes).toEqual([expect.objectContaining({ code: "lumpSum", due: true })]);
    const prepared = await prepare(officer, ids.soft, "lumpSum", "ly-soft-prepare-01");
    expect(prepared.status, JSON.stringify(prepared.body)).toBe(201);
    expect(prepared.body).toMatchObject({
      amountFen: 3_000_000,
      financeApproves: true,
      financeApprovalSource: { setting: "city" },
    });
    expect(
      (await fire(officer, prepared.body.id, "pay", { treasuryRef: "LY-GK-0001" }, "ly-soft-pay-01")).body
        .code,
    ).toBe("PAYMENT_NOT_APPROVED");
    expect((await fire(await as("ly-finance"), prepared.body.id, "approve")).status).toBe(200);
    const paid = await fire(
      officer,
      prepared.body.id,
      "pay",
      { treasuryRef: "LY-GK-0001" },
      "ly-soft-pay-01",
    );
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect((await detail(ids.soft)).money).toEqual({
      committedFen: 3_000_000,
      paidFen: 3_000_000,
      returnedFen: 0,
      leftFen: 0,
    });
  });
});

describe("a Luoyang major innovation project (pre-funding nodes, LY-FUNDS §13(一))", () => {
  it("takes first, midTerm and final nodes of 60/20/20 per cent, adding up to the amount", async () => {
    const drawn = await (await as("ly-officer")).post(`/api/projects/${ids.major}/task-book`);
    expect(drawn.status, JSON.stringify(drawn.body)).toBe(201);
    expect(drawn.body.taskBook.content).toMatchObject({
      lumpSum: null,
      paymentBasis: { clause: "LY-FUNDS §13(一)" },
      // no application: the plan is empty, the nodes are the policy's
      period: null,
    });
    expect(drawn.body.nodes).toEqual([
      expect.objectContaining({
        code: "first",
        after: "taskBookSigned",
        amountFen: 600_000,
        source: { setting: "city" },
        due: false,
      }),
      expect.objectContaining({
        code: "midTerm",
        after: "midTermPassed",
        amountFen: 200_000,
        source: { setting: "city" },
        due: false,
      }),
      expect.objectContaining({
        code: "final",
        after: "accepted",
        amountFen: 200_001,
        source: { setting: "city" },
        due: false,
      }),
    ]);
    const sum = drawn.body.nodes.reduce((s: number, n: { amountFen: number }) => s + n.amountFen, 0);
    expect(sum).toBe(1_000_001);
  });

  it("makes only the first node due once signed; midTerm and final are not due", async () => {
    await signedTaskBook(await as("ly-officer"), await as("ly-unit"), ids.major, "2026-03-02");
    const p = await detail(ids.major);
    expect(p.nodes.map((n: { code: string; due: boolean }) => [n.code, n.due])).toEqual([
      ["first", true],
      ["midTerm", false],
      ["final", false],
    ]);
    expect(p.money).toMatchObject({ committedFen: 1_000_001, leftFen: 1_000_001 });
    const officer = await as("ly-officer");
    const mid = await prepare(officer, ids.major, "midTerm", "ly-major-mid-01");
    expect(mid.status).toBe(422);
    expect(mid.body).toMatchObject({
      code: "PAYMENT_NODE_NOT_DUE",
      details: { node: "midTerm", after: "midTermPassed" },
    });
    const last = await prepare(officer, ids.major, "final", "ly-major-final-01");
    expect(last.status).toBe(422);
    expect(last.body).toMatchObject({
      code: "PAYMENT_NODE_NOT_DUE",
      details: { node: "final", after: "accepted" },
    });
    expect((await detail(ids.major)).payments).toEqual([]);
  });

  it("prepares the first node once when 10 requests under 10 keys race (the partial unique index)", async () => {
    const officer = await as("ly-officer");
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        prepare(officer, ids.major, "first", `ly-major-first-${String(i).padStart(2, "0")}`),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(
      Array(9).fill("CONFLICT"),
    );
    const created = results.find((r) => r.status === 201)?.body;
    expect(created).toMatchObject({ node: "first", amountFen: 600_000 });
    expect((await fire(await as("ly-finance"), created.id, "approve")).status).toBe(200);
    const paid = await fire(officer, created.id, "pay", { treasuryRef: "LY-GK-0002" }, "ly-major-pay-01");
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    const p = await detail(ids.major);
    expect(p.money).toEqual({ committedFen: 1_000_001, paidFen: 600_000, returnedFen: 0, leftFen: 400_001 });
    // nothing else is due: the bureau is offered no payment to prepare
    expect(p.actions).not.toContain("preparePayment");
    expect(p.nodes.map((n: { code: string; paidFen: number }) => [n.code, n.paidFen])).toEqual([
      ["first", 600_000],
      ["midTerm", 0],
      ["final", 0],
    ]);
  });
});

describe("a filed Luoyang guiding project (备案, LY-REFORM §三(三)1)", () => {
  it("takes no task book: drawing is refused and the project says why", async () => {
    const officer = await as("ly-officer");
    const refused = await officer.post(`/api/projects/${ids.guiding}/task-book`);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe("TASK_BOOK_NOT_APPLICABLE");
    const p = await detail(ids.guiding);
    expect(p).toMatchObject({
      origin: "filing",
      program: "guiding",
      amountFen: 0,
      stage: "approved",
      taskBook: null,
      nodes: [],
      taskBookBlocked: { messageZh: expect.any(String), messageEn: "This project takes no task book." },
    });
    expect(p.actions).not.toContain("drawTaskBook");
    // the unit sees the same reason
    expect((await detail(ids.guiding, "ly-unit")).taskBookBlocked).not.toBeNull();
    // and nothing downstream exists
    expect((await officer.get(`/api/projects/${ids.guiding}/task-book.pdf`)).status).toBe(404);
    expect(
      (await (await as("ly-unit")).post(`/api/projects/${ids.guiding}/task-book/events/confirmUnit`)).status,
    ).toBe(404);
    expect((await prepare(officer, ids.guiding, "lumpSum", "ly-guiding-01")).body).toMatchObject({
      code: "VALIDATION",
      path: "node",
    });
  });

  it("is closed by its unit itself, once, with its report and commitment; no panel, no grade", async () => {
    const url = `/api/projects/${ids.guiding}/self-closure`;
    const body = {
      report: "项目已完成智能农机自主导航样机研制并通过单位自行组织的结项验收。",
      commitment: true,
    };
    const before = (await (await as("ly-unit")).get(`/api/projects/${ids.guiding}/tracking`)).body.acceptance;
    expect(before).toMatchObject({ selfClosure: { clause: "LY-REFORM §三(三)1" }, actions: ["selfClose"] });
    expect((await (await as("ly-officer")).post(url, body)).status).toBe(403);
    expect((await (await as("ly-pi")).post(url, body)).status).toBe(403);
    expect((await (await as("ly-unit")).post(url, { ...body, commitment: false })).status).toBe(400);
    // a project the bureau's panel accepts is not the unit's to close
    expect((await (await as("ly-unit")).post(`/api/projects/${ids.soft}/self-closure`, body)).status).toBe(
      422,
    );
    const unit = await as("ly-unit");
    const [a, b] = await Promise.all([unit.post(url, body), unit.post(url, body)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const closed = (await (await as("ly-officer")).get(`/api/projects/${ids.guiding}/tracking`)).body
      .acceptance;
    expect(closed.application).toMatchObject({ status: "accepted", selfOrganised: true, grade: null });
    expect(closed.actions).toEqual([]);
  });

  it("is a refusal the other projects do not share: theirs carry no taskBookBlocked", async () => {
    expect((await detail(ids.soft)).taskBookBlocked).toBeNull();
    expect((await detail(ids.major)).taskBookBlocked).toBeNull();
  });
});

describe("Luoyang's projects to Datong", () => {
  it("do not exist: 404 for Datong's officer and finance on the project and its payments", async () => {
    const payId = (await detail(ids.soft)).payments[0].id;
    for (const u of ["dt-officer", "dt-finance", "dt-unit"]) {
      const c = await as(u);
      expect((await c.get(`/api/projects/${ids.soft}`)).status, u).toBe(404);
      expect((await c.get(`/api/projects/${ids.major}/task-book.pdf`)).status, u).toBe(404);
      expect((await c.get(`/api/payments/${payId}`)).status, u).toBe(404);
    }
    expect((await fire(await as("dt-finance"), payId, "approve")).status).toBe(404);
  });
});

describe("the audit trail and the ledger", () => {
  it("records every task book step and payment step; none for the refused guiding draw", async () => {
    const auditor = await as("auditor");
    const items = [
      ...(await auditor.get("/api/audit?entityType=project&pageSize=200")).body.items,
      ...(await auditor.get("/api/audit?entityType=payment&pageSize=200")).body.items,
    ] as { seq: number; action: string; entityId: string; actorUsername: string }[];
    items.sort((a, b) => a.seq - b.seq);
    const steps = (id: string) =>
      items
        .filter((e) => e.entityId === id && /^(taskBook|payment)\./.test(e.action))
        .map((e) => `${e.action} ${e.actorUsername}`);
    expect(steps(ids.soft)).toEqual([
      "taskBook.draw ly-officer",
      "taskBook.confirmUnit ly-unit",
      "taskBook.confirmBureau ly-officer",
      "taskBook.sign ly-unit",
    ]);
    expect(steps(ids.guiding)).toEqual([]);
    const payments = items
      .filter((e) => e.action.startsWith("payment."))
      .map((e) => `${e.action} ${e.actorUsername}`);
    expect(payments).toEqual([
      "payment.prepare ly-officer",
      "payment.approve ly-finance",
      "payment.pay ly-officer",
      "payment.prepare ly-officer",
      "payment.approve ly-finance",
      "payment.pay ly-officer",
    ]);
  });

  it("balances: the year's figures are the projects' sums and verifyLedger finds nothing", async () => {
    const years = (await (await as("ly-finance")).get("/api/ledger/years")).body;
    expect(years).toEqual([
      {
        year: 2026,
        approvedFen: 100_000_000,
        committedFen: 4_000_001,
        paidFen: 3_600_000,
        returnedFen: 0,
        availableFen: 95_999_999,
      },
    ]);
    const postings = await ledgerRepository(t.database.db).allPostings("luoyang");
    const exec = executionRepository(t.database.db);
    const known = new Map<string, LedgerProject>();
    for (const id of Object.values(ids)) {
      const found = await exec.project({ kind: "city", cityId: "luoyang" }, id);
      if (!found) throw new Error(`project ${id} missing`);
      known.set(id, ledgerProjectOf(found.p, await exec.taskBook("luoyang", id)));
    }
    expect(verifyLedger(postings, known)).toEqual([]);
    // the filed project moved no money at all
    expect(postings.filter((p) => p.projectId === ids.guiding)).toEqual([]);
  });
});

describe("a Luoyang public-welfare project's post-subsidy (后补助, LY-FUNDS §13(二))", () => {
  const prepare = async (key: string) =>
    (await as("ly-officer")).request(
      "POST",
      `/api/projects/${ids.welfare}/payments`,
      { node: "subsidy" },
      { "idempotency-key": key },
    );

  it("waits for the grade and the verified R&D spend, pays the grade's share once, and gives back the rest", async () => {
    await signedTaskBook(
      await as("ly-officer"),
      await as("ly-unit"),
      ids.welfare,
      chinaDateOf(t.clock.now()),
    );
    expect((await prepare("subsidy-early-0001")).body.code).toBe("PAYMENT_NODE_NOT_DUE");
    // the grade and the verified spend arrive with acceptance (the next issue): given directly here
    const set = (grade: "good" | "pass", verifiedRdFen: number) =>
      t.database.db
        .update(projects)
        .set({ grade, verifiedRdFen })
        .where(and(eq(projects.cityId, "luoyang"), eq(projects.id, ids.welfare)));
    await set("pass", 15_000_000);
    expect((await prepare("subsidy-pass-0001")).body).toMatchObject({
      code: "PAYMENT_NODE_NOT_DUE",
      setting: "city",
    });
    // 良: 30 % of ¥150,000 = ¥45,000, under its ¥60,000 cap (a marked city setting)
    await set("good", 15_000_000);
    const prepared = await prepare("subsidy-good-0001");
    expect(prepared.status, JSON.stringify(prepared.body)).toBe(201);
    expect(prepared.body).toMatchObject({ node: "subsidy", amountFen: 4_500_000 });
    await (await as("ly-finance")).post(`/api/payments/${prepared.body.id}/events/approve`, {});
    const paid = await (await as("ly-officer")).request(
      "POST",
      `/api/payments/${prepared.body.id}/events/pay`,
      { treasuryRef: "LY-GK-2026-0801" },
      { "idempotency-key": "subsidy-pay-0001" },
    );
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    const detail = (await (await as("ly-officer")).get(`/api/projects/${ids.welfare}`)).body;
    expect(detail.money).toEqual({ committedFen: 4_500_000, paidFen: 4_500_000, returnedFen: 0, leftFen: 0 });
  });
});

describe("the lump-sum pilot (包干制试点, LY-FUNDS §13(一))", () => {
  it("is for an independent research institute's project only, and its task book says so", async () => {
    const officer = await as("ly-officer");
    const refused = await officer.post(`/api/projects/${ids.major}/task-book`, { lumpSumPilot: true });
    expect(refused.body).toMatchObject({
      code: "VALIDATION",
      path: "lumpSumPilot",
      clause: "LY-FUNDS §13(一)",
    });
    const units = (await officer.get("/api/units?pageSize=200")).body.items as { id: string; kind: string }[];
    const institute = units.find((u) => u.kind === "institute");
    if (!institute) throw new Error("no demo institute");
    const id = await insertedProject(t, {
      cityId: "luoyang",
      number: "LY-2026-ZX-802",
      program: "majorInnovation",
      title: "稀土永磁材料基础研究",
      amountFen: 2_000_000,
      unitId: institute.id,
      piUserId: null,
    });
    const drawn = await officer.post(`/api/projects/${id}/task-book`, { lumpSumPilot: true });
    expect(drawn.status, JSON.stringify(drawn.body)).toBe(201);
    expect(drawn.body.taskBook.content.lumpSumPilot).toEqual({ source: { clause: "LY-FUNDS §13(一)" } });
    expect(
      (await (await as("dt-officer")).post(`/api/projects/${id}/task-book`, { lumpSumPilot: true })).status,
    ).toBe(404);
  });
});
