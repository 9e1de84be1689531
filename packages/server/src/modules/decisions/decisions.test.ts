import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { collectiveDecision, minutesPdf, reviewedCall } from "../../test/decision-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

// Datong (DT-RULES §14): a ranked call becomes numbered projects through the collective decision,
// the leader's approval and the public notice with an objection upheld; no co-sign, no city government.

let t: TestApp;
let as: (u: string) => Promise<Client>;
let officer: Client;
let leader: Client;
let finance: Client;
let callId = "";
let ids: string[] = [];
let listId = "";
const day = 86_400_000;

/** Sessions end when idle: after the clock jumps days ahead, everyone signs in again. */
async function signIn() {
  as = oneSessionEach((u) => t.as(u));
  [officer, leader, finance] = (await Promise.all(
    ["dt-officer", "dt-leader", "dt-finance"].map((u) => as(u)),
  )) as [Client, Client, Client];
}

beforeAll(async () => {
  t = await createTestApp();
  await signIn();
  ({ callId, ids } = await reviewedCall(
    as,
    "dt",
    ["煤矸石综合利用技术", "矿区生态修复技术", "光伏组件回收技术"],
    [85, 80, 70],
  ));
}, 240_000);
afterAll(() => t.close());

const list = async () => (await officer.get(`/api/decisions/lists/${listId}`)).body;
const entry = (l: { entries: { applicationId: string }[] }, id: string) =>
  l.entries.find((e) => e.applicationId === id) as Record<string, unknown>;
const fireAs = (c: Client, event: string, body: Record<string, unknown> = {}) =>
  c.post(`/api/decisions/lists/${listId}/events/${event}`, body);

describe("drawing the list", () => {
  it("lists the reviewed call and draws one list from its ranking, nothing selected", async () => {
    const calls = await leader.get("/api/decisions");
    expect(calls.body.items.find((c: { callId: string }) => c.callId === callId)).toMatchObject({
      list: null,
    });
    expect((await leader.post("/api/decisions/lists", { callId })).status).toBe(403);
    const drawn = await officer.post("/api/decisions/lists", { callId });
    expect(drawn.status, JSON.stringify(drawn.body)).toBe(201);
    listId = drawn.body.id;
    expect(drawn.body.entries.map((e: { applicationId: string }) => e.applicationId)).toEqual(ids);
    expect(drawn.body.entries.map((e: { rank: number }) => e.rank)).toEqual([1, 2, 3]);
    expect(drawn.body.entries.every((e: { decision: string }) => e.decision === "notSelected")).toBe(true);
    expect(drawn.body.path).toEqual(["submit", "leaderApprove", "startNotice", "closeNotice", "issue"]);
    expect(drawn.body.steps.publicNotice).toMatchObject({
      workingDays: 5,
      source: { clause: "DT-RULES §14(四)" },
    });
    expect(drawn.body.summary.youthShare).toBeNull();
    expect((await officer.post("/api/decisions/lists", { callId })).status).toBe(409);
  });

  it("is read by the bureau and finance only", async () => {
    for (const u of ["dt-district", "dt-unit", "dt-pi", "dt-expert", "ly-officer"]) {
      const res = await (await as(u)).get(`/api/decisions/lists/${listId}`);
      expect([403, 404], u).toContain(res.status);
    }
    expect((await finance.get(`/api/decisions/lists/${listId}`)).status).toBe(200);
  });
});

describe("checks before the leader sees it", () => {
  it("refuses an empty list, a missing control number and a missing collective decision", async () => {
    const res = await fireAs(officer, "submit");
    expect(res.status).toBe(422);
    expect(res.body.issues.map((i: { code: string }) => i.code)).toEqual([
      "DECISION_LIST_EMPTY",
      "DECISION_NO_COLLECTIVE_DECISION",
    ]);
    const take = ids.map((applicationId, i) => ({
      applicationId,
      decision: i === 1 ? "reserve" : "selected",
      reserveOrder: i === 1 ? 1 : null,
      departureReason: null,
      amountFen: 2_500_000,
    }));
    const saved = await officer.patch(`/api/decisions/lists/${listId}`, { entries: take });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const codes = saved.body.violations.map((v: { code: string }) => v.code);
    expect(codes).toContain("DECISION_NO_CONTROL_NUMBER");
    expect(codes.filter((c: string) => c === "DECISION_DEPARTURE_UNEXPLAINED")).toHaveLength(2);
    expect(
      saved.body.violations.find((v: { code: string }) => v.code === "DECISION_NO_CONTROL_NUMBER").clause,
    ).toBe("DT-RULES §4");
  });

  it("lets only finance set the year's control number, and holds the list to it", async () => {
    expect(
      (
        await officer.put("/api/budget/control-numbers/2026", {
          amountFen: 4_000_000,
          docNumber: "同财教〔2026〕3号",
        })
      ).status,
    ).toBe(403);
    const set = await finance.put("/api/budget/control-numbers/2026", {
      amountFen: 4_000_000,
      docNumber: "同财教〔2026〕3号",
    });
    expect(set.status).toBe(200);
    expect((await list()).violations.map((v: { code: string }) => v.code)).toContain("DECISION_OVER_BUDGET");
    await finance.put("/api/budget/control-numbers/2026", {
      amountFen: 500_000_000,
      docNumber: "同财教〔2026〕3号",
    });
  });

  it("asks for every departure's reason and the meeting, then goes to the leader", async () => {
    const l = await list();
    const entries = l.entries.map((e: Record<string, unknown>) => ({
      applicationId: e.applicationId,
      decision: e.decision,
      reserveOrder: e.reserveOrder,
      departureReason: e.departs ? "第 3 名现场考察结论更优，第 2 名列为递补" : null,
      amountFen: e.amountFen,
    }));
    await officer.patch(`/api/decisions/lists/${listId}`, { entries });
    expect(
      (
        await officer.put(`/api/decisions/lists/${listId}/collective-decision`, {
          ...collectiveDecision,
          heldOn: "2026-02-30",
        })
      ).status,
    ).toBe(400);
    const met = await officer.put(`/api/decisions/lists/${listId}/collective-decision`, collectiveDecision);
    expect(met.status, JSON.stringify(met.body)).toBe(200);
    const minutes = await officer.request(
      "PUT",
      `/api/decisions/lists/${listId}/collective-decision/attachment`,
      minutesPdf,
      {
        "content-type": "application/octet-stream",
        "x-file-name": encodeURIComponent("会议纪要.pdf"),
      },
    );
    expect(minutes.status).toBe(200);
    expect(minutes.body.collectiveDecision.attachment).toMatchObject({ fileName: "会议纪要.pdf" });
    const read = await leader.get(`/api/decisions/lists/${listId}/minutes.pdf`);
    expect(read.status).toBe(200);
    expect(read.headers["content-type"]).toContain("application/pdf");
    expect(minutes.body.violations).toEqual([]);
    const submitted = await fireAs(officer, "submit");
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ status: "awaitingLeader", waitingFor: "bureauLeader" });
    const tile = async (c: Client) =>
      ((await c.get("/api/workspace")).body.tasks as { key: string; count: number }[]).find(
        (x) => x.key === "listsWaiting",
      );
    expect(await tile(leader)).toMatchObject({ count: 1 });
    expect(await tile(finance)).toMatchObject({ count: 0 });
    expect((await officer.patch(`/api/decisions/lists/${listId}`, { overCapReason: "x" })).status).toBe(422);
  });
});

describe("the leader, the notice and objections", () => {
  it("lets only the leader approve; a return needs its reason", async () => {
    expect((await fireAs(officer, "leaderApprove")).status).toBe(403);
    expect((await fireAs(leader, "leaderReturn")).status).toBe(400);
    const returned = await fireAs(leader, "leaderReturn", { note: "请补充第 2 名的递补说明" });
    expect(returned.body).toMatchObject({
      status: "draft",
      returned: { role: "bureauLeader", note: "请补充第 2 名的递补说明" },
    });
    expect((await fireAs(officer, "submit")).status).toBe(200);
    const approved = await fireAs(leader, "leaderApprove", { note: "同意" });
    expect(approved.body).toMatchObject({ status: "leaderApproved", nextEvent: "startNotice" });
  });

  it("issues nothing before the notice; the notice runs five working days", async () => {
    expect((await fireAs(officer, "issue")).body.code).toBe("DECISION_STEP_PENDING");
    const started = await fireAs(officer, "startNotice");
    expect(started.status).toBe(200);
    // published Monday 2 March 2026: Tuesday 3 to Monday 9 March, ending at midnight Beijing time
    expect(started.body.notice).toMatchObject({
      endsAt: "2026-03-09T16:00:00.000Z",
      ended: false,
      uncoveredYears: [],
    });
  });

  it("shows the notice logged out and takes an objection, rate-limited, only for a noticed project", async () => {
    const pub = await t.anonymous.get("/api/public/notices");
    expect(pub.status).toBe(200);
    const notice = pub.body.find((n: { listId: string }) => n.listId === listId);
    expect(notice.entries.map((e: { applicationId: string }) => e.applicationId)).toEqual([ids[0], ids[2]]);
    expect(JSON.stringify(notice)).not.toMatch(/mean|score|amountFen/);
    const object = (applicationId: string) =>
      t.anonymous.post(`/api/public/notices/${listId}/objections`, {
        applicationId,
        name: "王某",
        contact: "13800000000",
        content: "该项目负责人同期承担同类项目，研究内容重复。",
      });
    expect((await object(ids[0] as string)).status).toBe(201);
    expect((await object(ids[1] as string)).body.code).toBe("OBJECTION_NOT_OPEN");
  });

  it("keeps the notice open until its period ends and every objection is handled", async () => {
    expect((await fireAs(officer, "closeNotice")).body.code).toBe("DECISION_NOTICE_RUNNING");
    t.clock.set(new Date("2026-03-09T16:00:00Z"));
    await signIn();
    expect((await fireAs(officer, "closeNotice")).body.code).toBe("DECISION_OBJECTIONS_OPEN");
  });

  it("removes a project when its objection is upheld and moves the reserve up with its own notice", async () => {
    const l = await list();
    const objection = l.objections[0];
    const handled = await officer.post(`/api/decisions/lists/${listId}/objections/${objection.id}/handle`, {
      outcome: "upheld",
      note: "经核实存在重复申报",
    });
    expect(handled.status, JSON.stringify(handled.body)).toBe(200);
    expect(entry(handled.body, ids[0] as string)).toMatchObject({ decision: "removed" });
    expect(entry(handled.body, ids[1] as string)).toMatchObject({
      decision: "selected",
      noticeEndsAt: expect.any(String),
    });
    expect(handled.body.notice.ended).toBe(false);
    expect((await fireAs(officer, "closeNotice")).body.code).toBe("DECISION_NOTICE_RUNNING");
    t.clock.advance(8 * day);
    await signIn();
    expect((await fireAs(officer, "closeNotice")).status).toBe(200);
  });
});

describe("issuing", () => {
  it("numbers the selected projects in rank order, binds the policy in force and tells every applicant", async () => {
    const issued = await fireAs(officer, "issue");
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    expect(issued.body.status).toBe("issued");
    expect(entry(issued.body, ids[1] as string).projectNumber).toBe("DT-2026-RK-001");
    expect(entry(issued.body, ids[2] as string).projectNumber).toBe("DT-2026-RK-002");
    expect(entry(issued.body, ids[0] as string).projectNumber).toBeNull();
    const projects = (await officer.get("/api/projects")).body.items;
    expect(projects.map((p: { number: string }) => p.number).sort()).toEqual([
      "DT-2026-RK-001",
      "DT-2026-RK-002",
    ]);
    expect(projects[0]).toMatchObject({ policyVersion: "2025" });
    const pi = await as("dt-pi");
    const inbox = JSON.stringify((await pi.get("/api/notifications")).body);
    expect(inbox).toContain("DT-2026-RK-001");
    expect(inbox).toContain("未列入本批立项");
    expect((await pi.get("/api/projects")).body.items).toHaveLength(2);
    expect((await (await as("ly-pi")).get("/api/projects")).body.items).toHaveLength(0);
  });

  it("puts the approved projects into the duplicate check as funded projects", async () => {
    const dup = await officer.get(`/api/applications/${ids[0]}/duplicates`);
    const byId = new Map(dup.body.matches.map((m: { id: string; funded: boolean }) => [m.id, m.funded]));
    expect(byId.get(ids[1] as string)).toBe(true);
    expect(byId.get(ids[2] as string)).toBe(true);
  });

  it("shows an unsuccessful applicant its aggregated result without the experts", async () => {
    const pi = await as("dt-pi");
    const mine = await pi.get(`/api/applications/${ids[0]}/result`);
    expect(mine.body).toMatchObject({ status: "notApproved", projectNumber: null, rank: 1, of: 3 });
    expect(mine.body.reviews).toBeGreaterThan(0);
    const won = await pi.get(`/api/applications/${ids[2]}/result`);
    expect(won.body).toMatchObject({ status: "approved", projectNumber: "DT-2026-RK-002" });
    expect(JSON.stringify(mine.body)).not.toMatch(/expert|displayName/);
  });

  it("is final: nothing fires on an issued list", async () => {
    for (const event of ["issue", "recall", "leaderReturn", "financeReturn"]) {
      const c = event === "leaderReturn" ? leader : event === "financeReturn" ? finance : officer;
      expect((await fireAs(c, event, { note: "再议" })).status, event).toBe(422);
    }
  });
});
