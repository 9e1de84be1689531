import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { fullContent, startApplication } from "../../test/application-fixtures.ts";
import { insertedProject, signedTaskBook, whoIs } from "../../test/project-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

// Trying to break the mid-term assessment (LY-FUNDS §13(一)): panels no rule allows, sheets no
// scorecard has, conclusions the mean does not call for, and another panel after one held. Luoyang
// projects of the demo unit from the demo PI's applications, their task books signed on 2026-03-02:
//   mid      major innovation: 20 % paid after the mid-term assessment passes
//   welfare  public welfare, post-subsidy: no node waits for a mid-term, no milestone management
//   soft     soft science: paid at once, but under milestone management (LY-REFORM §三(三)3)
// and a Datong project, whose city sets no mid-term assessment. The tests run in order.

let t: TestApp;
let as: (u: string) => Promise<Client>;
const ids = { mid: "", welfare: "", soft: "", dt: "" };
type Key = keyof typeof ids;
/** The pool's experts free of conflict with the demo unit, and one who is not. */
let free: { id: string; username: string }[] = [];
let conflicted = "";
const assessments = { held: "", second: "" };
/** What each state change should leave in the audit log: `action entityId actor`. */
const changes: string[] = [];
const fresh = () => {
  t.clock.advance(61_000);
  as = oneSessionEach((u) => t.as(u));
};
const none = "00000000-0000-4000-8000-000000000000";
const tracking = async (key: Key, u = "ly-officer") =>
  (await as(u)).get(`/api/projects/${ids[key]}/tracking`);
const convene = async (key: Key, expertIds: string[], u = "ly-officer") =>
  (await as(u)).post(`/api/projects/${ids[key]}/assessments`, { expertIds });
const conclude = async (event: string, u = "ly-officer", key: Key = "mid", id = assessments.held) =>
  (await as(u)).post(`/api/projects/${ids[key]}/assessments/${id}/events/${event}`, {
    note: "专家组意见已阅。",
  });
const sheet = async (u: string, scores: unknown[], comment: unknown = "进展基本符合任务书。", extra = {}) =>
  (await as(u)).post(`/api/assessments/${assessments.held}/sheet`, { scores, comment, ...extra });
const refusal = (res: { status: number; body: { code?: string; path?: string } }) => [
  res.status,
  res.body.code,
  res.body.path,
];
const panel = (from: number) => free.slice(from, from + 3);

beforeAll(async () => {
  t = await createTestApp();
  as = oneSessionEach((u) => t.as(u));
  const set = await (await as("ly-finance")).put("/api/budget/control-numbers/2026", {
    amountFen: 900_000_000,
    docNumber: "洛财预〔2026〕32号",
  });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
  const [unit, pi] = [await whoIs(await as("ly-unit")), await whoIs(await as("ly-pi"))];
  const callId = (await (await as("ly-officer")).get("/api/guides")).body.items[0].calls[0].id as string;
  const programs = { mid: "majorInnovation", welfare: "publicWelfare", soft: "softScience" } as const;
  for (const [i, key] of (["mid", "welfare", "soft"] as const).entries()) {
    const title = `期中评估破坏性测试 ${key}`;
    const applicationId = await startApplication(await as("ly-pi"), callId, title);
    const saved = await (await as("ly-pi")).put(
      `/api/applications/${applicationId}/content`,
      fullContent(title),
    );
    expect(saved.status).toBe(200);
    ids[key] = await insertedProject(t, {
      cityId: "luoyang",
      number: `LY-2026-ZX-9${String(i).padStart(2, "0")}`,
      program: programs[key],
      title,
      amountFen: key === "soft" ? 2_500_000 : 10_000_000,
      unitId: unit.unitId ?? "",
      piUserId: pi.userId,
      applicationId,
    });
    await signedTaskBook(await as("ly-officer"), await as("ly-unit"), ids[key], "2026-03-02");
  }
  const dtUnit = await whoIs(await as("dt-unit"));
  ids.dt = await insertedProject(t, {
    cityId: "datong",
    number: "DT-2026-ZD-901",
    program: "keyRnd",
    title: "期中评估破坏性测试 dt",
    amountFen: 10_000_000,
    unitId: dtUnit.unitId ?? "",
    piUserId: null,
  });
  const officer = await as("ly-officer");
  const candidates = (await officer.get(`/api/projects/${ids.mid}/assessment-candidates`)).body.items as {
    expertId: string;
    unitName: string;
    conflicts: string[];
  }[];
  const experts = (await officer.get("/api/experts?pageSize=200")).body.items as {
    id: string;
    username: string;
  }[];
  const username = (id: string) => experts.find((x) => x.id === id)?.username ?? "";
  // the named demo expert stays off every panel, to be the outsider
  free = candidates
    .filter((c) => c.conflicts.length === 0 && username(c.expertId) !== "ly-expert")
    .slice(0, 7)
    .map((c) => ({ id: c.expertId, username: username(c.expertId) }));
  conflicted =
    candidates.find((c) => c.unitName === "洛阳示范轴承科技有限公司" && c.conflicts.length > 0)?.expertId ??
    "";
  expect(free).toHaveLength(7);
  expect(conflicted).not.toBe("");
  fresh();
}, 300_000);
afterAll(() => t.close());

describe("where no node waits for a mid-term assessment", () => {
  it("refuses a panel for a post-subsidy project, and in a city that sets none", async () => {
    expect(
      refusal(
        await convene(
          "welfare",
          panel(0).map((e) => e.id),
        ),
      ),
    ).toEqual([422, "INVALID_TRANSITION", undefined]);
    expect((await tracking("welfare")).body.midTerm).toMatchObject({
      releasesNode: null,
      mayConvene: false,
      conveneBlockedZh: "该项目的任务书没有期中评估节点。",
      assessments: [],
    });
    // soft science pays at once, yet its milestones are supervised at mid-term: a panel may sit
    expect((await tracking("soft")).body.midTerm).toMatchObject({ releasesNode: null, mayConvene: true });
    const dt = await convene("dt", [none, none, none], "dt-officer");
    expect([dt.status, dt.body.code, dt.body.messageZh]).toEqual([
      400,
      "VALIDATION",
      "本市文件未规定期中评估。",
    ]);
    // the pool is a read the acceptance panel shares: Datong's officer sees it, with no mid-term to convene
    expect((await (await as("dt-officer")).get(`/api/projects/${ids.dt}/assessment-candidates`)).status).toBe(
      200,
    );
    expect((await tracking("dt", "dt-officer")).body.midTerm).toBeNull();
  });
});

describe("panels no rule allows", () => {
  it("refuses a panel too small, an expert named twice, unknown, another city's, suspended or in conflict", async () => {
    const [a, b, c] = panel(0).map((e) => e.id) as [string, string, string];
    const dtExpert = (await (await as("dt-officer")).get("/api/experts?pageSize=1")).body.items[0]
      .id as string;
    expect(refusal(await convene("mid", [a, b]))).toEqual([400, "VALIDATION", "expertIds"]);
    expect(refusal(await convene("mid", [a, b, a]))).toEqual([400, "VALIDATION", "expertIds"]);
    expect(refusal(await convene("mid", [a, b, none]))).toEqual([400, "VALIDATION", "expertIds.2"]);
    expect(refusal(await convene("mid", [a, dtExpert, c]))).toEqual([400, "VALIDATION", "expertIds.1"]);
    for (const expertIds of [[], Array(16).fill(a), [a, b, "c"]])
      expect(refusal(await convene("mid", expertIds))[0]).toBe(400);
    const conflict = await convene("mid", [conflicted, a, b]);
    expect(refusal(conflict)).toEqual([422, "ASSESSMENT_CONFLICT", "expertIds.0"]);
    expect(conflict.body.details).toMatchObject({ expertId: conflicted, reasons: ["applicantUnit"] });
    // suspended by the bureau, the expert is out of the pool until reinstated
    const officer = await as("ly-officer");
    const suspended = await officer.post(`/api/experts/${c}/suspend`, { reason: "因健康原因暂停评审工作。" });
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    const pool = (await officer.get(`/api/projects/${ids.mid}/assessment-candidates`)).body.items;
    expect(pool.map((x: { expertId: string }) => x.expertId)).not.toContain(c);
    expect(refusal(await convene("mid", [a, b, c]))).toEqual([400, "VALIDATION", "expertIds.2"]);
    expect(
      (await officer.post(`/api/experts/${c}/reinstate`, { reason: "已恢复，可参加评审。" })).status,
    ).toBe(200);
    expect((await tracking("mid")).body.midTerm).toMatchObject({ assessments: [], mayConvene: true });
  });

  it("convenes one live panel: a second is a 409 while the first sits", async () => {
    const first = await convene(
      "mid",
      panel(0).map((e) => e.id),
    );
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    assessments.held = first.body.midTerm.assessments[0].id;
    changes.push(`assessment.convene ${assessments.held} ly-officer`);
    expect(
      refusal(
        await convene(
          "mid",
          panel(3).map((e) => e.id),
        ),
      ),
    ).toEqual([409, "CONFLICT", "expertIds"]);
    expect((await tracking("mid")).body.midTerm).toMatchObject({
      mayConvene: false,
      conveneBlockedZh: "已有进行中或已通过的期中评估。",
    });
    // the project's own people see the panel's progress, not its actions
    expect((await tracking("mid", "ly-unit")).body.midTerm).toMatchObject({
      mayConvene: false,
      conveneBlockedZh: null,
    });
  });
});

describe("the panel's sheets", () => {
  it("shows each expert only the assessments they sit on", async () => {
    fresh();
    const mine = async (u: string) =>
      (await (await as(u)).get("/api/assessments")).body.items.map((a: { id: string }) => a.id);
    for (const e of panel(0)) expect(await mine(e.username), e.username).toEqual([assessments.held]);
    for (const u of ["ly-expert", panel(3)[0]?.username ?? "", "dt-expert"])
      expect(await mine(u), u).toEqual([]);
  });

  it("finds no sheet for an expert off the panel or of another city", async () => {
    for (const u of ["ly-expert", panel(3)[0]?.username ?? "", "dt-expert"])
      expect(refusal(await sheet(u, [80, 80, 80, 80])), u).toEqual([404, "NOT_FOUND", undefined]);
  });

  it("refuses a sheet that does not score every criterion in whole points 0–100", async () => {
    const u = panel(0)[0]?.username ?? "";
    const cases: [unknown[], unknown, object, string][] = [
      [[90, 90], "缺项", {}, "scores"],
      [[90, 90, 90, 90, 90], "多项", {}, "scores"],
      [[], "空", {}, "scores"],
      [[101, 80, 80, 80], "超分", {}, "scores.0"],
      [[80, -1, 80, 80], "负分", {}, "scores.1"],
      [[80, 80, 50.5, 80], "小数", {}, "scores.2"],
      [[80, 80, 80, "80"], "文本", {}, "scores.3"],
      [[80, 80, 80, 80], "好", {}, "comment"],
      [[80, 80, 80, 80], "意见\u0000", {}, "comment"],
      [[80, 80, 80, 80], "进展良好。", { total: 80 }, "total"],
    ];
    for (const [scores, comment, extra, path] of cases)
      expect(refusal(await sheet(u, scores, comment, extra)), JSON.stringify(scores)).toEqual([
        400,
        "VALIDATION",
        path,
      ]);
    expect(refusal(await conclude("hold"))).toEqual([422, "INVALID_TRANSITION", undefined]);
  });

  it("takes each expert's sheet once, and no conclusion until all have scored", async () => {
    for (const [i, e] of panel(0).entries()) {
      const ok = await sheet(e.username, [30, 40, 20, 50]);
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      changes.push(`assessment.score ${assessments.held} ${e.username}`);
      expect(refusal(await sheet(e.username, [90, 90, 90, 90], "改分"))).toEqual([
        409,
        "CONFLICT",
        undefined,
      ]);
      if (i < 2) expect(refusal(await conclude("hold"))).toEqual([422, "INVALID_TRANSITION", undefined]);
    }
  });
});

describe("the conclusion", () => {
  it("is the bureau's, on its own project, and only what the mean calls for", async () => {
    // 30×40 + 40×30 + 20×20 + 50×10 = 3300 hundredths, under the pass mark of 60
    const view = (await tracking("mid")).body.midTerm.assessments[0];
    expect(view).toMatchObject({ mean: 3300, proposed: "hold", actions: ["hold"] });
    const wrong = await conclude("pass");
    expect(refusal(wrong)).toEqual([400, "VALIDATION", "event"]);
    expect(wrong.body.messageZh).toContain("33");
    expect(refusal(await conclude("hold", "ly-unit"))).toEqual([403, "FORBIDDEN", undefined]);
    expect(refusal(await conclude("hold", "ly-pi"))).toEqual([403, "FORBIDDEN", undefined]);
    expect(refusal(await conclude("hold", "dt-officer"))).toEqual([404, "NOT_FOUND", undefined]);
    // the assessment through another project's address, and an assessment that is none
    expect(refusal(await conclude("hold", "ly-officer", "soft"))).toEqual([404, "NOT_FOUND", undefined]);
    expect(refusal(await conclude("hold", "ly-officer", "mid", none))).toEqual([404, "NOT_FOUND", undefined]);
    const held = await conclude("hold");
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    changes.push(`assessment.hold ${assessments.held} ly-officer`);
    expect(held.body.midTerm.assessments[0]).toMatchObject({ status: "held", mean: 3300, actions: [] });
    expect(refusal(await conclude("hold"))).toEqual([422, "INVALID_TRANSITION", undefined]);
    expect(refusal(await sheet(panel(0)[0]?.username ?? "", [90, 90, 90, 90]))).toEqual([
      422,
      "INVALID_TRANSITION",
      undefined,
    ]);
  });

  it("keeps the node paid after the mid-term while held, and lets another panel sit", async () => {
    const officer = await as("ly-officer");
    const node = await officer.request(
      "POST",
      `/api/projects/${ids.mid}/payments`,
      { node: "midTerm" },
      {
        "idempotency-key": "assessment-refusals-mid",
      },
    );
    expect([node.status, node.body.code]).toEqual([422, "PAYMENT_NODE_NOT_DUE"]);
    expect((await tracking("mid")).body.midTerm).toMatchObject({ mayConvene: true, conveneBlockedZh: null });
    const second = await convene(
      "mid",
      panel(3).map((e) => e.id),
    );
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    const all = second.body.midTerm.assessments as { id: string; status: string }[];
    expect(all.map((a) => a.status)).toEqual(["held", "convened"]);
    assessments.second = all[1]?.id ?? "";
    changes.push(`assessment.convene ${assessments.second} ly-officer`);
    // the first panel's experts still see only theirs; the new panel's, only the new one
    fresh();
    const ids0 = (await (await as(panel(0)[0]?.username ?? "")).get("/api/assessments")).body.items;
    expect(ids0.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual([
      [assessments.held, "held"],
    ]);
    const ids3 = (await (await as(panel(3)[0]?.username ?? "")).get("/api/assessments")).body.items;
    expect(ids3.map((a: { id: string }) => a.id)).toEqual([assessments.second]);
  });
});

describe("the audit trail", () => {
  it("records each panel, sheet and conclusion once, by whom, and none of the refusals", async () => {
    const res = await (await as("auditor")).get("/api/audit?entityType=assessment&pageSize=200");
    expect(res.status).toBe(200);
    const got = (res.body.items as { action: string; entityId: string; actorUsername: string }[]).map(
      (e) => `${e.action} ${e.entityId} ${e.actorUsername}`,
    );
    expect(got.sort()).toEqual([...changes].sort());
  });
});
