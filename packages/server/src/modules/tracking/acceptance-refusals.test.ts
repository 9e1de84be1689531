import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptanceApplications } from "../../db/schema/index.ts";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { fullContent, startApplication } from "../../test/application-fixtures.ts";
import { insertedProject, signedTaskBook, whoIs } from "../../test/project-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

// Trying to break 结题验收 (DT-RULES §23; LY-FUNDS §5, §19, §23): every role against the acceptance
// routes, materials no form sends, panels no rule allows, conclusions the mean does not call for, and
// re-evaluations out of turn. Luoyang public-welfare (post-subsidy) projects from the demo PI's
// applications, 2026-04-01 to 2027-03-31 (one progress report, due 2026-10-01), signed 2026-03-02:
//   main      the demo unit's and PI's: bad bodies, deferred once, passed as 良, regraded 优, subsidised
//   fails     the demo unit's: failed by its panel
//   far       ly-unit2's: submitted, never concluded; out of the demo unit's and PI's sight
//   nopi      the demo unit's with no PI: the demo PI reads it, submits nothing
//   unsigned  a task book drawn, never signed
//   revoked   signed, then revoked: every role tries every route on it
//   ended     signed, then terminated as a measure
// The tests run in order on one database, the clock moving from 2026-03-02 to October.

let t: TestApp;
let as: (u: string) => Promise<Client>;
const ids = { main: "", fails: "", far: "", nopi: "", unsigned: "", revoked: "", ended: "" };
type Key = keyof typeof ids;
/** The pool's experts free of conflict with the demo unit, and one who is not. */
let free: { id: string; username: string }[] = [];
let conflicted = "";
const panels = { deferred: "", main: "", fails: "" };
/** What each state change should leave in the audit log: `action project-or-assessment actor`. */
const changes: string[] = [];
const fresh = () => {
  t.clock.advance(61_000);
  as = oneSessionEach((u) => t.as(u));
};
const none = "00000000-0000-4000-8000-000000000000";
const tracking = async (key: Key, u = "ly-officer") =>
  (await (await as(u)).get(`/api/projects/${ids[key]}/tracking`)).body;
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
const submit = async (key: Key, u = "ly-pi", body: unknown = materials()) =>
  (await as(u)).post(`/api/projects/${ids[key]}/acceptance`, body);
const regrade = async (body: object, u = "ly-finance", key: Key = "main") =>
  (await as(u)).post(`/api/projects/${ids[key]}/acceptance/regrade`, body);
const convene = async (key: Key, expertIds: string[], u = "ly-officer", kind = "acceptance") =>
  (await as(u)).post(`/api/projects/${ids[key]}/assessments`, { kind, expertIds });
const conclude = async (key: Key, id: string, event: string, body: object = {}, u = "ly-officer") =>
  (await as(u)).post(`/api/projects/${ids[key]}/assessments/${id}/events/${event}`, {
    note: "验收专家组意见已阅。",
    ...body,
  });
const pass = (key: Key, id: string, verifiedRdFen?: unknown, u = "ly-officer") =>
  conclude(key, id, "pass", { verifiedRdFen }, u);
type Res = { status: number; body: { code?: string; path?: string } };
const refusal = (r: Res) => [r.status, r.body.code, r.body.path];
const notNow = [422, "INVALID_TRANSITION", undefined];
const bad = (path: string) => [400, "VALIDATION", path];
const forbidden = [403, "FORBIDDEN", undefined];
const unseen = [404, "NOT_FOUND", undefined];
const json = { "content-type": "application/json" };
const toGood = { grade: "good", reason: "财政抽查再评价结论为良。" };
const panelOf = (from = 0) => free.slice(from, from + 3).map((e) => e.id);
const sheet = async (u: string, id: string, scores: number[]) =>
  (await as(u)).post(`/api/assessments/${id}/sheet`, { scores, comment: "同意。" });
/** Each expert of the first three scores the assessment the same. */
async function scored(id: string, scores: number[]) {
  fresh();
  // the acceptance's scorecard has five criteria, not the mid-term's four
  expect(refusal(await sheet(free[0]?.username ?? "", id, [90, 90, 90, 90]))).toEqual(bad("scores"));
  for (const e of free.slice(0, 3)) {
    const res = await sheet(e.username, id, scores);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    changes.push(`assessment.score ${id} ${e.username}`);
  }
  fresh();
}

beforeAll(async () => {
  t = await createTestApp();
  as = oneSessionEach((u) => t.as(u));
  const set = await (await as("ly-finance")).put("/api/budget/control-numbers/2026", {
    amountFen: 900_000_000,
    docNumber: "洛财预〔2026〕33号",
  });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
  const who = async (u: string) => whoIs(await as(u));
  const [unit, unit2, pi] = [await who("ly-unit"), await who("ly-unit2"), await who("ly-pi")];
  const callId = (await (await as("ly-officer")).get("/api/guides")).body.items[0].calls[0].id as string;
  for (const [i, key] of (Object.keys(ids) as Key[]).entries()) {
    const title = `验收破坏性测试 ${key}`;
    const applicationId = await startApplication(await as("ly-pi"), callId, title);
    const saved = await (await as("ly-pi")).put(
      `/api/applications/${applicationId}/content`,
      fullContent(title),
    );
    expect(saved.status).toBe(200);
    ids[key] = await insertedProject(t, {
      cityId: "luoyang",
      number: `LY-2026-GY-9${String(i).padStart(2, "0")}`,
      program: "publicWelfare",
      title,
      amountFen: 10_000_000,
      unitId: (key === "far" ? unit2.unitId : unit.unitId) ?? "",
      piUserId: key === "nopi" || key === "far" ? null : pi.userId,
      applicationId,
    });
  }
  for (const key of ["main", "fails", "far", "nopi", "revoked", "ended"] as const)
    await signedTaskBook(
      await as("ly-officer"),
      await as(key === "far" ? "ly-unit2" : "ly-unit"),
      ids[key],
      "2026-03-02",
    );
  const officer = await as("ly-officer");
  expect((await officer.post(`/api/projects/${ids.unsigned}/task-book`)).status).toBe(201);
  const revoked = await officer.post(`/api/projects/${ids.revoked}/revocation`, {
    ground: "fraud",
    reason: "申报材料中伪造合作协议。",
  });
  expect(revoked.status, JSON.stringify(revoked.body)).toBe(201);
  const ended = await officer.post(`/api/projects/${ids.ended}/sanctions`, {
    kind: "termination",
    authority: "scienceBureau",
    fromDate: "2026-03-02",
    untilDate: null,
    reason: "多次督促仍未按任务书实施。",
  });
  expect(ended.status, JSON.stringify(ended.body)).toBe(201);
  type Candidate = { expertId: string; unitName: string; conflicts: string[] };
  type Expert = { id: string; username: string };
  const candidates: Candidate[] = (await officer.get(`/api/projects/${ids.main}/assessment-candidates`)).body
    .items;
  const experts: Expert[] = (await officer.get("/api/experts?pageSize=200")).body.items;
  const username = (id: string) => experts.find((x) => x.id === id)?.username ?? "";
  free = candidates
    .filter((c) => c.conflicts.length === 0)
    .slice(0, 3)
    .map((c) => ({ id: c.expertId, username: username(c.expertId) }));
  conflicted =
    candidates.find((c) => c.unitName === "洛阳示范轴承科技有限公司" && c.conflicts.length > 0)?.expertId ??
    "";
  expect(free).toHaveLength(3);
  expect(conflicted).not.toBe("");
  fresh();
}, 300_000);
afterAll(() => t.close());

describe("every role against every acceptance route (403 without the permission, 404 outside the scope)", () => {
  // On the revoked project: whoever gets past the permission and the scope meets the closed project.
  const everyone = [
    ..."officer leader finance district agency unit pi expert fund unit2 lab"
      .split(" ")
      .map((s) => `ly-${s}`),
    ..."sysadmin secadmin auditor dt-officer dt-finance dt-unit dt-pi dt-expert".split(" "),
  ];
  const closed = [422, "PROJECT_CLOSED"];
  const hidden = [404, "NOT_FOUND"];
  const officerOnly = { "ly-officer": closed, "dt-officer": hidden };
  const routes: [string, (u: string) => ReturnType<Client["post"]>, Record<string, unknown[]>][] = [
    [
      "submit for acceptance",
      (u) => submit("revoked", u),
      { "ly-unit": closed, "ly-pi": closed, "ly-unit2": hidden, "dt-unit": hidden, "dt-pi": hidden },
    ],
    [
      "re-evaluate the grade",
      (u) => regrade(toGood, u, "revoked"),
      { "ly-finance": closed, "dt-finance": hidden },
    ],
    ["convene an acceptance panel", (u) => convene("revoked", [none], u), officerOnly],
    [
      "conclude an acceptance",
      (u) => conclude("revoked", none, "pass", { verifiedRdFen: 1 }, u),
      officerOnly,
    ],
  ];
  for (const [name, call, allowed] of routes) {
    it(`${name}: only the role that may, in its scope`, async () => {
      fresh();
      const got: Record<string, unknown[]> = {};
      const want: Record<string, unknown[]> = {};
      for (const u of everyone) {
        const res = await call(u);
        got[u] = [res.status, res.body?.code];
        want[u] = allowed[u] ?? [403, "FORBIDDEN"];
      }
      expect(got).toEqual(want);
    });
  }

  it("keeps another unit's project, another city's, and a project the PI does not lead out of reach", async () => {
    fresh();
    expect(refusal(await submit("main", "ly-unit2"))).toEqual(unseen);
    expect(refusal(await submit("far", "ly-pi"))).toEqual(unseen);
    expect(refusal(await submit("far", "ly-unit"))).toEqual(unseen);
    expect(refusal(await convene("main", panelOf(), "dt-officer"))).toEqual(unseen);
    expect(refusal(await regrade(toGood, "dt-finance"))).toEqual(unseen);
    // the PI reads the unit's project it does not lead, and submits nothing for it
    expect((await tracking("nopi", "ly-pi")).acceptance.actions).toEqual([]);
    expect(refusal(await submit("nopi"))).toEqual(forbidden);
  });
});

describe("submitting where no acceptance is open", () => {
  it("refuses a closed project, revoked or terminated, and one whose task book is not signed", async () => {
    for (const key of ["revoked", "ended"] as const) {
      const res = await submit(key, "ly-unit");
      const closedAs = key === "ended" ? "terminated" : "revoked";
      expect([res.status, res.body.code, res.body.details?.closedAs]).toEqual([
        422,
        "PROJECT_CLOSED",
        closedAs,
      ]);
    }
    expect(refusal(await submit("unsigned"))).toEqual(notNow);
    expect(refusal(await convene("unsigned", panelOf()))).toEqual(notNow);
  });

  it("refuses a panel before the unit has submitted", async () => {
    expect(refusal(await convene("main", panelOf()))).toEqual(notNow);
    expect((await tracking("main")).acceptance).toMatchObject({ application: null, assessments: [] });
  });
});

describe("materials no form sends", () => {
  it("answers each with a 400 naming the field, never a 5xx, and files nothing", async () => {
    const a = (over: object) =>
      materials({ achievements: [{ index: 0, achieved: 1, evidence: "有", ...over }] });
    const s = (...settlement: object[]) => materials({ settlement });
    const [lineA, lineB] = materials().settlement as [object, object];
    type Case = [string, unknown];
    const top = (key: string, ...vs: unknown[]) => vs.map((v): Case => [key, materials({ [key]: v })]);
    const ach = (key: string, ...vs: unknown[]) =>
      vs.map((v): Case => [`achievements.0.${key}`, a({ [key]: v })]);
    const twice = [...materials().achievements, ...materials().achievements];
    const cases: Case[] = [
      ...top("commitment", undefined, false, "true", 1, null),
      ...top("report", "报告\u0000正文", "报告\ud800", "   ", "验".repeat(20_001)),
      ...ach("evidence", "\u0000", "证\udc00明", "  "),
      ...ach("achieved", -1, -0.5, "NaN", "Infinity", "1", null, 1e13),
      ...ach("index", 1, 200, -1, 0.5),
      ...ach("verified", true),
      ["achievements.1.index", materials({ achievements: twice })],
      ["achievements", materials({ achievements: [] })],
      ...[-1, 0.5, 1e16, "100", null].map(
        (spentFen): Case => ["settlement.0.spentFen", s({ ...lineA, spentFen }, lineB)],
      ),
      ["settlement.2.category", s(lineA, lineB, { category: "bribes", spentFen: 1 })],
      ["settlement.2.category", s(lineA, lineB, lineA)],
      ["settlement", s(lineA)],
      ["settlement", s()],
      ["settlement.0.budgetFen", s({ ...lineA, budgetFen: 1 }, lineB)],
      ...top("grade", "excellent"),
      ...top("status", "accepted"),
    ];
    const got = [];
    for (const [i, [path, body]] of cases.entries()) {
      const res = await submit("main", "ly-pi", body);
      got.push([i, path, res.status, res.body.code, res.body.path]);
    }
    expect(got).toEqual(cases.map(([path], i) => [i, path, 400, "VALIDATION", path]));
    // a number JSON cannot hold parses as Infinity, and NaN is no JSON at all
    const url = `/api/projects/${ids.main}/acceptance`;
    const raw = (achieved: string) =>
      JSON.stringify(materials()).replace('"achieved":1', `"achieved":${achieved}`);
    const big = await (await as("ly-pi")).request("POST", url, raw("1e999"), json);
    expect(refusal(big)).toEqual(bad("achievements.0.achieved"));
    const nan = await (await as("ly-pi")).request("POST", url, raw("NaN"), json);
    expect([nan.status, nan.body.code]).toEqual([400, "BAD_JSON"]);
    expect((await tracking("main")).acceptance.application).toBeNull();
  });
});

describe("the submission and its panel (2026-03-02)", () => {
  it("takes the materials once: a second submission while submitted is refused", async () => {
    const filed = await submit("main");
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body.acceptance.application).toMatchObject({ status: "submitted", settledFen: 2_300_000 });
    changes.push(`acceptance.submit main ly-pi`);
    expect(refusal(await submit("main", "ly-unit"))).toEqual(notNow);
    expect(refusal(await submit("main"))).toEqual(notNow);
    for (const [key, u] of [
      ["fails", "ly-unit"],
      ["far", "ly-unit2"],
    ] as const) {
      expect((await submit(key, u)).status).toBe(201);
      changes.push(`acceptance.submit ${key} ${u}`);
    }
  });

  it("refuses a panel smaller than the city's, an expert twice, one in conflict, and a mid-term for no node", async () => {
    const [a, b] = panelOf() as [string, string];
    expect(refusal(await convene("main", [a, b]))).toEqual(bad("expertIds"));
    expect(refusal(await convene("main", [a, b, a]))).toEqual(bad("expertIds"));
    expect(refusal(await convene("main", [a, b, none]))).toEqual(bad("expertIds.2"));
    const conflict = await convene("main", [a, conflicted, b]);
    expect(refusal(conflict)).toEqual([422, "ASSESSMENT_CONFLICT", "expertIds.1"]);
    expect(conflict.body.details).toMatchObject({ expertId: conflicted });
    expect(refusal(await convene("main", panelOf(), "ly-officer", "midTerm"))).toEqual(notNow);
    expect(refusal(await convene("main", panelOf(), "ly-officer", "final"))).toEqual(bad("kind"));
    expect((await tracking("main")).acceptance.assessments).toEqual([]);
  });

  it("convenes one panel at a time", async () => {
    const first = await convene("main", panelOf());
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    panels.deferred = first.body.acceptance.assessments[0].id;
    changes.push(`assessment.convene ${panels.deferred} ly-officer`);
    expect(refusal(await convene("main", panelOf()))).toEqual([409, "CONFLICT", "expertIds"]);
  });
});

describe("the conclusion", () => {
  it("is no hold, and no pass or fail until the panel has scored", async () => {
    const id = panels.deferred;
    expect(refusal(await conclude("main", id, "hold"))).toEqual(bad("event"));
    expect(refusal(await pass("main", id, 1))).toEqual(notNow);
    expect(refusal(await conclude("main", id, "fail"))).toEqual(notNow);
    expect(refusal(await conclude("main", id, "defer", { grade: "pass" }))).toEqual(bad("grade"));
  });

  it("defers at any time; a new panel sits once the unit has supplemented its materials", async () => {
    const deferred = await conclude("main", panels.deferred, "defer", { note: "请补充专利受理通知书。" });
    expect(deferred.status, JSON.stringify(deferred.body)).toBe(200);
    changes.push(`assessment.defer ${panels.deferred} ly-officer`);
    expect(deferred.body.acceptance.application.status).toBe("returned");
    expect(refusal(await conclude("main", panels.deferred, "defer"))).toEqual(notNow);
    fresh();
    const late = await sheet(free[0]?.username ?? "", panels.deferred, [90, 90, 90, 90, 90]);
    expect(refusal(late)).toEqual(notNow);
    expect(refusal(await convene("main", panelOf()))).toEqual(notNow);
    expect((await tracking("main", "ly-unit")).acceptance.actions).toEqual(["submit"]);
    const again = await submit("main", "ly-unit");
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    changes.push(`acceptance.submit main ly-unit`);
    const second = await convene("main", panelOf());
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    panels.main = second.body.acceptance.assessments.at(-1).id;
    changes.push(`assessment.convene ${panels.main} ly-officer`);
    expect(second.body.acceptance.assessments.map((x: { status: string }) => x.status)).toEqual([
      "deferred",
      "convened",
    ]);
  });

  it("refuses re-evaluating a grade not given yet", async () => {
    expect(refusal(await regrade(toGood))).toEqual(notNow);
  });

  it("passes only with the verified R&D spend, within the settled total", async () => {
    // 85 on every criterion: 8500 hundredths, 良
    await scored(panels.main, [85, 85, 85, 85, 85]);
    const id = panels.main;
    expect(refusal(await conclude("main", id, "fail"))).toEqual(bad("event"));
    expect(refusal(await pass("main", id))).toEqual(bad("verifiedRdFen"));
    expect(refusal(await pass("main", id, 2_300_001))).toEqual(bad("verifiedRdFen"));
    for (const v of [-1, 0.5, "1000", null])
      expect(refusal(await pass("main", id, v)), String(v)).toEqual(bad("verifiedRdFen"));
    expect(refusal(await pass("main", id, 1, "ly-unit"))).toEqual(forbidden);
    expect(refusal(await pass("main", none, 1))).toEqual(unseen);
    expect(refusal(await pass("fails", id, 1))).toEqual(unseen);
    const passed = await pass("main", id, 2_300_000);
    expect(passed.status, JSON.stringify(passed.body)).toBe(200);
    changes.push(`assessment.pass ${id} ly-officer`);
    expect(passed.body.acceptance.application).toMatchObject({
      status: "accepted",
      grade: "good",
      verifiedRdFen: 2_300_000,
    });
    for (const event of ["pass", "defer", "fail"])
      expect(refusal(await conclude("main", id, event, { verifiedRdFen: 1 })), event).toEqual(notNow);
    expect(refusal(await submit("main"))).toEqual(notNow);
    expect(refusal(await convene("main", panelOf()))).toEqual(notNow);
  });

  it("fails below the pass grade, and nothing follows a failure", async () => {
    const convened = await convene("fails", panelOf());
    expect(convened.status, JSON.stringify(convened.body)).toBe(201);
    panels.fails = convened.body.acceptance.assessments[0].id;
    changes.push(`assessment.convene ${panels.fails} ly-officer`);
    await scored(panels.fails, [50, 55, 60, 40, 50]);
    expect(refusal(await pass("fails", panels.fails, 0))).toEqual(bad("event"));
    const failed = await conclude("fails", panels.fails, "fail");
    expect(failed.status, JSON.stringify(failed.body)).toBe(200);
    changes.push(`assessment.fail ${panels.fails} ly-officer`);
    expect(failed.body.acceptance).toMatchObject({
      application: { status: "failed", grade: "fail" },
      actions: ["findDiligence"],
    });
    expect(refusal(await submit("fails", "ly-unit"))).toEqual(notNow);
    expect(refusal(await convene("fails", panelOf()))).toEqual(notNow);
    // 不合格 is no grade the finance bureau re-evaluates into a post-subsidy
    expect(refusal(await regrade(toGood, "ly-finance", "fails"))).toEqual(notNow);
  });
});

describe("the finance bureau's re-evaluation", () => {
  it("is the finance bureau's, with a reason, to another grade", async () => {
    const ok = { grade: "excellent", reason: "抽查复核成果材料，再评价为优。" };
    for (const u of ["ly-officer", "ly-leader", "ly-unit", "ly-pi"])
      expect(refusal(await regrade(ok, u)), u).toEqual(forbidden);
    expect(refusal(await regrade({ ...ok, grade: "good" }))).toEqual(bad("grade"));
    expect(refusal(await regrade({ ...ok, grade: "superb" }))).toEqual(bad("grade"));
    expect(refusal(await regrade({ ...ok, reason: "改为优" }))).toEqual(bad("reason"));
    expect(refusal(await regrade({ ...ok, reason: "再评价\u0000为优等级结论" }))).toEqual(bad("reason"));
    expect(refusal(await regrade({ ...ok, verifiedRdFen: 1 }))).toEqual(bad("verifiedRdFen"));
    const regraded = await regrade(ok);
    expect(regraded.status, JSON.stringify(regraded.body)).toBe(200);
    changes.push(`acceptance.regrade main ly-finance`);
    expect(regraded.body.acceptance.application).toMatchObject({
      grade: "good",
      regrade: { grade: "excellent" },
    });
  });
});

describe("after acceptance (2026-10-05, past the report due 2026-10-01)", () => {
  it("owes no report due after the submission, concluded or not; a project not submitted still does", async () => {
    t.clock.set(new Date("2026-10-05T02:00:00Z"));
    as = oneSessionEach((u) => t.as(u));
    for (const key of ["main", "fails", "far"] as const)
      expect(await tracking(key), key).toMatchObject({ schedule: [], outstanding: [] });
    expect((await tracking("nopi")).outstanding).toEqual([1]);
    const project = (await (await as("ly-officer")).get(`/api/projects/${ids.main}`)).body;
    expect(project.nodes).toEqual([
      expect.objectContaining({ code: "subsidy", due: true, waitsForReports: [], paymentId: null }),
    ]);
  });

  it("lets the grade stand once the post-subsidy is prepared", async () => {
    const prepared = await (await as("ly-officer")).request(
      "POST",
      `/api/projects/${ids.main}/payments`,
      { node: "subsidy" },
      { "idempotency-key": "acceptance-refusals-subsidy" },
    );
    expect(prepared.status, JSON.stringify(prepared.body)).toBe(201);
    expect(refusal(await regrade({ grade: "pass", reason: "再次复核后调整为合格。" }))).toEqual(notNow);
    expect(refusal(await regrade({ grade: "excellent", reason: "再次复核后维持为优。" }))).toEqual(notNow);
  });
});

describe("the audit trail", () => {
  it("records every submission, panel, sheet, conclusion and re-evaluation once, by whom, and no refusal", async () => {
    const rows = await t.database.db
      .select({ id: acceptanceApplications.id, projectId: acceptanceApplications.projectId })
      .from(acceptanceApplications)
      .where(eq(acceptanceApplications.cityId, "luoyang"));
    const keyOf = new Map(
      rows.map((r) => [r.id, (Object.keys(ids) as Key[]).find((k) => ids[k] === r.projectId) ?? r.id]),
    );
    const auditor = await as("auditor");
    const got: string[] = [];
    for (const entityType of ["acceptance", "assessment"]) {
      const res = await auditor.get(`/api/audit?entityType=${entityType}&pageSize=200`);
      expect(res.status).toBe(200);
      for (const e of res.body.items as { action: string; entityId: string; actorUsername: string }[])
        got.push(`${e.action} ${keyOf.get(e.entityId) ?? e.entityId} ${e.actorUsername}`);
    }
    expect(got.sort()).toEqual([...changes].sort());
  });
});
