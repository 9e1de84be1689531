import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { fullContent, startApplication } from "../../test/application-fixtures.ts";
import { freeExperts } from "../../test/assessment-fixtures.ts";
import { insertedProject, signedTaskBook, whoIs } from "../../test/project-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

// 后补助资金使用报告 (LY-FUNDS §20): a Luoyang public-welfare project paid by post-subsidy after its
// grade, accepted by a panel of three, its subsidy prepared, approved by finance and paid; the unit
// reports its use with a forbidden purpose (flagged with the clause), the bureau returns it, the unit
// reports again, the bureau acknowledges with what follows. Beside it:
//   pre      a soft-science project paid its share on signing: no post-subsidy to report on
//   datong   a Datong project: the city pays no post-subsidy

let t: TestApp;
let as: (u: string) => Promise<Client>;
const ids = { main: "", pre: "", datong: "" };
const pays = { subsidy: "", pre: "" };
let reportId = "";
const none = "00000000-0000-4000-8000-000000000000";
const fresh = () => {
  t.clock.advance(61_000);
  as = oneSessionEach((u) => t.as(u));
};
type Res = { status: number; body: { code?: string; path?: string; clause?: string; setting?: string } };
const refusal = (r: Res) => [r.status, r.body.code, r.body.path];
const bad = (path: string) => [400, "VALIDATION", path];
const forbidden = [403, "FORBIDDEN", undefined];
const unseen = [404, "NOT_FOUND", undefined];
const url = (key: keyof typeof ids = "main") => `/api/projects/${ids[key]}/subsidy-use`;
const view = async (u = "ly-officer", key: keyof typeof ids = "main") => (await as(u)).get(url(key));
const use = (purpose: string, amountFen: number, description = "用于该项目后续研发的试剂与测试费用。") => ({
  purpose,
  amountFen,
  description,
});
const file = async (uses: unknown, u = "ly-unit", paymentId = pays.subsidy, key: keyof typeof ids = "main") =>
  (await as(u)).post(url(key), { paymentId, uses });
const decide = async (event: string, note: string, u = "ly-officer", id = reportId) =>
  (await as(u)).post(`${url()}/${id}/events/${event}`, { note });

/** Prepares a node's payment as the officer, approves it as finance and, unless told not to, pays it. */
async function payNode(projectId: string, node: string, key: string, paid = true) {
  const officer = await as("ly-officer");
  const prepared = await officer.request(
    "POST",
    `/api/projects/${projectId}/payments`,
    { node },
    { "idempotency-key": `prepare-${key}` },
  );
  expect(prepared.status, JSON.stringify(prepared.body)).toBe(201);
  const id = prepared.body.id as string;
  const approved = await (await as("ly-finance")).post(`/api/payments/${id}/events/approve`, {});
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  if (paid) await payIt(id, key);
  return { id, amountFen: prepared.body.amountFen as number };
}
async function payIt(id: string, key: string) {
  const res = await (await as("ly-officer")).request(
    "POST",
    `/api/payments/${id}/events/pay`,
    { treasuryRef: `GK-${key}` },
    { "idempotency-key": `pay-${key}` },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  as = oneSessionEach((u) => t.as(u));
  const set = await (await as("ly-finance")).put("/api/budget/control-numbers/2026", {
    amountFen: 900_000_000,
    docNumber: "洛财预〔2026〕41号",
  });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
  const [unit, pi] = [await whoIs(await as("ly-unit")), await whoIs(await as("ly-pi"))];
  const callId = (await (await as("ly-officer")).get("/api/guides")).body.items[0].calls[0].id as string;
  for (const [i, [key, program]] of [
    ["main", "publicWelfare"],
    ["pre", "softScience"],
  ].entries()) {
    const title = `后补助使用测试 ${key}`;
    const applicationId = await startApplication(await as("ly-pi"), callId, title);
    expect(
      (await (await as("ly-pi")).put(`/api/applications/${applicationId}/content`, fullContent(title)))
        .status,
    ).toBe(200);
    ids[key as "main" | "pre"] = await insertedProject(t, {
      cityId: "luoyang",
      number: `LY-2026-HB-0${i + 1}`,
      program: program ?? "",
      title,
      amountFen: 10_000_000,
      unitId: unit.unitId ?? "",
      piUserId: pi.userId,
      applicationId,
    });
    await signedTaskBook(
      await as("ly-officer"),
      await as("ly-unit"),
      ids[key as "main" | "pre"],
      "2026-03-02",
    );
  }
  const dtUnit = await whoIs(await as("dt-unit"));
  ids.datong = await insertedProject(t, {
    cityId: "datong",
    number: "DT-2026-HB-001",
    program: "keyRnd",
    title: "后补助使用测试 datong",
    amountFen: 10_000_000,
    unitId: dtUnit.unitId ?? "",
    piUserId: null,
  });

  // acceptance passed as 良 with the R&D spend verified: the post-subsidy falls due
  const submitted = await (await as("ly-pi")).post(`/api/projects/${ids.main}/acceptance`, {
    achievements: [{ index: 0, achieved: 1, evidence: "研究报告已印发（附件）" }],
    report: "本项目完成了洛阳都市圈创新生态现状评估和国内外比较研究，提出对策建议。",
    settlement: [
      { category: "publicationIp", spentFen: 1_400_000 },
      { category: "travelMeetings", spentFen: 900_000 },
    ],
    commitment: true,
  });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  const officer = await as("ly-officer");
  const panel3 = await freeExperts(officer, ids.main, 3);
  const experts = panel3.map((e) => e.username);
  const convened = await officer.post(`/api/projects/${ids.main}/assessments`, {
    kind: "acceptance",
    expertIds: panel3.map((e) => e.id),
  });
  expect(convened.status, JSON.stringify(convened.body)).toBe(201);
  const panel = convened.body.acceptance.assessments.at(-1).id as string;
  fresh();
  for (const e of experts) {
    const res = await (await as(e)).post(`/api/assessments/${panel}/sheet`, {
      scores: [85, 85, 85, 85, 85],
      comment: "同意。",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  fresh();
  const passed = await (await as("ly-officer")).post(
    `/api/projects/${ids.main}/assessments/${panel}/events/pass`,
    {
      note: "验收专家组意见已阅。",
      verifiedRdFen: 2_000_000,
    },
  );
  expect(passed.status, JSON.stringify(passed.body)).toBe(200);

  // the soft-science project's one payment, made on signing
  const preNode = (await (await as("ly-officer")).get(`/api/projects/${ids.pre}`)).body.nodes[0]
    .code as string;
  pays.pre = (await payNode(ids.pre, preNode, "hb-pre")).id;
  fresh();
}, 300_000);
afterAll(() => t.close());

describe("before the post-subsidy is paid", () => {
  it("shows no payment to report on, and refuses a report on a payment prepared or approved but unpaid", async () => {
    const before = await view("ly-unit");
    expect(before.status).toBe(200);
    expect(before.body.payments).toEqual([]);
    expect(before.body.rules.citation).toEqual({ clause: "LY-FUNDS §20" });
    expect(before.body.rules.purposes.find((p: { code: string }) => p.code === "fines")).toMatchObject({
      nameZh: "罚款",
      forbidden: true,
      citation: { clause: "LY-FUNDS §20" },
    });
    expect(before.body.rules.purposes.find((p: { code: string }) => p.code === "rnd")).toMatchObject({
      forbidden: false,
      citation: { setting: "city" },
    });
    const { id, amountFen } = await payNode(ids.main, "subsidy", "hb-subsidy", false);
    pays.subsidy = id;
    // 良: 30 % of the verified ¥20,000
    expect(amountFen).toBe(600_000);
    const unpaid = await file([use("rnd", 1000)]);
    expect([unpaid.status, unpaid.body.code, unpaid.body.clause]).toEqual([
      422,
      "SUBSIDY_USE_NOT_DUE",
      "LY-FUNDS §20",
    ]);
    await payIt(id, "hb-subsidy");
    fresh();
    const after = await view("ly-pi");
    expect(after.body.payments).toEqual([
      expect.objectContaining({
        paymentId: id,
        node: "subsidy",
        amountFen: 600_000,
        report: null,
        actions: ["file"],
      }),
    ]);
    expect((await view("ly-officer")).body.payments[0].actions).toEqual([]);
  });
});

describe("filing the report", () => {
  it("refuses a payment that is not a post-subsidy, another project's, or none", async () => {
    const pre = await file([use("rnd", 1000)], "ly-unit", pays.pre, "pre");
    expect([pre.status, pre.body.code]).toEqual([422, "SUBSIDY_USE_NOT_DUE"]);
    expect((await view("ly-unit", "pre")).body.payments).toEqual([]);
    expect(refusal(await file([use("rnd", 1000)], "ly-unit", pays.subsidy, "pre"))).toEqual(unseen);
    expect(refusal(await file([use("rnd", 1000)], "ly-unit", pays.pre))).toEqual(unseen);
    expect(refusal(await file([use("rnd", 1000)], "ly-unit", none))).toEqual(unseen);
  });

  it("refuses uses no form sends: unknown purposes, amounts not positive whole fen, more than was paid", async () => {
    expect(refusal(await file([use("bribes", 1000)]))).toEqual(bad("uses.0.purpose"));
    expect(refusal(await file([use("rnd", 0)]))).toEqual(bad("uses.0.amountFen"));
    for (const amount of [-1, 10.5, "1000", null])
      expect(refusal(await file([use("rnd", amount as number)])), String(amount)).toEqual(
        bad("uses.0.amountFen"),
      );
    expect(refusal(await file([use("rnd", 300_000), use("equipment", 300_001)]))).toEqual(bad("uses"));
    expect(refusal(await file([]))).toEqual(bad("uses"));
    expect(refusal(await file([use("rnd", 1000, "")]))).toEqual(bad("uses.0.description"));
    expect((await file([{ ...use("rnd", 1000), extra: 1 }])).status).toBe(400);
  });

  it("is the unit's and the PI's: other roles are refused, another unit and another city see nothing", async () => {
    for (const u of ["ly-officer", "ly-leader", "ly-finance", "ly-district", "ly-expert", "auditor"])
      expect(refusal(await file([use("rnd", 1000)], u)), u).toEqual(forbidden);
    expect(refusal(await file([use("rnd", 1000)], "ly-unit2"))).toEqual(unseen);
    expect(refusal(await file([use("rnd", 1000)], "dt-unit"))).toEqual(unseen);
    expect((await view("ly-unit2")).status).toBe(404);
    expect((await view("dt-officer")).status).toBe(404);
  });

  it("files a forbidden use as reported, flagged with LY-FUNDS §20; at once twice is one 201 and one 409", async () => {
    const uses = [use("rnd", 400_000), use("fines", 50_000, "支付环保罚款。")];
    const [a, b] = await Promise.all([file(uses, "ly-unit"), file(uses, "ly-pi")]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const lost = a.status === 409 ? a : b;
    expect(refusal(lost)).toEqual([409, "CONFLICT", "paymentId"]);
    const won = a.status === 201 ? a : b;
    const report = won.body.payments[0].report;
    reportId = report.id;
    expect(report).toMatchObject({
      status: "submitted",
      totalFen: 450_000,
      flagged: 1,
      uses: [
        { purpose: "rnd", amountFen: 400_000, forbidden: false, citation: { setting: "city" } },
        { purpose: "fines", amountFen: 50_000, forbidden: true, citation: { clause: "LY-FUNDS §20" } },
      ],
    });
    expect(won.body.payments[0].actions).toEqual([]);
    expect(refusal(await file(uses, "ly-unit"))).toEqual([409, "CONFLICT", "paymentId"]);
    expect((await view("ly-officer")).body.payments[0].actions).toEqual(["acknowledge", "return"]);
    // the district reads the report of a project in its district
    expect((await view("ly-district")).body.payments[0].report.flagged).toBe(1);
  });
});

describe("the bureau's decision", () => {
  it("is the officer's; a return says what to correct, and the unit is told", async () => {
    for (const u of ["ly-unit", "ly-pi", "ly-finance", "ly-leader"])
      expect(refusal(await decide("return", "请更正。", u)), u).toEqual(forbidden);
    expect(refusal(await decide("return", "请更正。", "dt-officer"))).toEqual(unseen);
    expect(refusal(await decide("return", "请更正。", "ly-officer", none))).toEqual(unseen);
    expect(refusal(await decide("reject", "请更正。"))).toEqual(bad("params.event"));
    expect(refusal(await decide("return", ""))).toEqual(bad("note"));
    const returned = await decide("return", "罚款不得列支，请核实后如实更正。");
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body.payments[0].report).toMatchObject({
      status: "returned",
      decisionNote: "罚款不得列支，请核实后如实更正。",
    });
    expect(refusal(await decide("acknowledge", "已阅，无异议。"))[0]).toBe(422);
    const told = (await (await as("ly-unit")).get("/api/notifications")).body as { titleZh: string }[];
    expect(told.some((n) => n.titleZh.includes("后补助资金使用报告被退回修改"))).toBe(true);
    expect((await view("ly-pi")).body.payments[0].actions).toEqual(["file"]);
  });

  it("takes the report again in the same row, still flagged where the use is forbidden", async () => {
    const again = await file([use("rnd", 500_000), use("debtRepayment", 20_000, "归还银行贷款。")], "ly-pi");
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.payments[0].report).toMatchObject({
      id: reportId,
      status: "submitted",
      flagged: 1,
      decisionNote: null,
      totalFen: 520_000,
    });
  });

  it("acknowledges a flagged report only with a note of what follows", async () => {
    const short = await decide("acknowledge", "已阅");
    expect([...refusal(short), short.body.clause]).toEqual([400, "VALIDATION", "note", "LY-FUNDS §20"]);
    const ok = await decide("acknowledge", "偿还债务 200 元不得列支，责令退回并约谈单位负责人。");
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.payments[0]).toMatchObject({
      actions: [],
      report: { status: "acknowledged", flagged: 1 },
    });
    expect(refusal(await decide("return", "再次退回。"))[0]).toBe(422);
    expect(refusal(await file([use("rnd", 1000)], "ly-unit"))).toEqual([409, "CONFLICT", "paymentId"]);
  });
});

describe("Datong", () => {
  it("pays no post-subsidy: no list, nothing to report", async () => {
    const shown = await view("dt-unit", "datong");
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({ rules: null, payments: [] });
    const res = await file([use("rnd", 1000)], "dt-unit", none, "datong");
    expect([res.status, res.body.code, res.body.setting]).toEqual([422, "SUBSIDY_USE_NOT_DUE", "city"]);
  });
});

describe("the audit trail", () => {
  it("records each filing and decision once, by whom, and no refusal", async () => {
    const res = await (await as("auditor")).get("/api/audit?entityType=subsidyUse&pageSize=200");
    expect(res.status).toBe(200);
    const got = (res.body.items as { action: string; entityId: string; actorUsername: string }[]).map(
      (e) => `${e.action} ${e.entityId === reportId ? "report" : e.entityId} ${e.actorUsername}`,
    );
    expect(got).toHaveLength(4);
    expect(got).toEqual(
      expect.arrayContaining([
        "subsidyUse.return report ly-officer",
        "subsidyUse.file report ly-pi",
        "subsidyUse.acknowledge report ly-officer",
      ]),
    );
    expect(got.filter((g) => /^subsidyUse\.file report ly-(unit|pi)$/.test(g))).toHaveLength(2);
  });
});
