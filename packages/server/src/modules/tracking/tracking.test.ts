import { chinaDateOf } from "@luoshu/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { insertedProject, signedProjects, signedTaskBook, whoIs } from "../../test/project-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

// 进展报告 and 期中评估 (DT-RULES §14(五); LY-FUNDS §10, §13(一)): a Luoyang major-innovation project
// (paid 60 % on signing, 20 % after the mid-term assessment, 20 % after acceptance) from 2026-04-01
// to 2027-03-31 owes one report, due 2026-10-01; the node after the mid-term waits for the report's
// approval and for the panel's pass. Datong sets no mid-term assessment.

let t: TestApp;
let as: (u: string) => Promise<Client>;
const ids = { ly: "", dt: "" };
const spareApplication = { ly: "" };
const fresh = () => {
  t.clock.advance(61_000);
  as = oneSessionEach((u) => t.as(u));
};
const tracking = async (u: string, city: "ly" | "dt" = "ly") =>
  (await as(u)).get(`/api/projects/${ids[city]}/tracking`);
const prepare = async (node: string, key: string) =>
  (await as("ly-officer")).request(
    "POST",
    `/api/projects/${ids.ly}/payments`,
    { node },
    { "idempotency-key": key },
  );
const report = (over: object = {}) => ({
  period: 1,
  summary: "完成现状调研和国内外比较，形成中期报告初稿。",
  milestones: [{ index: 0, status: "done", evidence: "中期报告已提交（附件：中期报告.pdf）" }],
  spending: [
    { category: "publicationIp", spentFen: 750_000, explanation: "" },
    { category: "travelMeetings", spentFen: 500_000, explanation: "" },
  ],
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  const [ly, dt] = await signedProjects(t, [
    {
      prefix: "ly",
      program: "majorInnovation",
      number: "LY-2026-JZ-001",
      title: "ly 进展测试项目",
      spares: ["ly 起止日期另设"],
    },
    { prefix: "dt", program: "keyRnd", number: "DT-2026-JZ-001", title: "dt 进展测试项目" },
  ]);
  ids.ly = ly?.id ?? "";
  ids.dt = dt?.id ?? "";
  spareApplication.ly = ly?.spareApplications[0] ?? "";
  as = oneSessionEach((u) => t.as(u));
}, 480_000);
afterAll(() => t.close());

describe("the schedule of progress reports", () => {
  it("follows the city's rhythm from the task book's start, each before its end", async () => {
    const res = await tracking("ly-pi");
    expect(res.status).toBe(200);
    expect(res.body.schedule.map((s: { dueDate: string }) => s.dueDate)).toEqual(["2026-10-01"]);
    expect(res.body.schedule[0]).toMatchObject({ opensOn: "2026-04-01", standing: "notOpen", actions: [] });
    expect(res.body.rules).toMatchObject({ intervalMonths: 6, citation: { clause: "LY-FUNDS §10" } });
    expect(res.body.rules.intervalCitation).toEqual({ setting: "city" });
    expect(res.body.outstanding).toEqual([]);
    expect(res.body.midTerm).toMatchObject({ releasesNode: "midTerm", panelSize: 3 });
  });

  it("lets the first node pay with no report due yet", async () => {
    const res = await prepare("first", "tracking-first");
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it("refuses a report before its period opens", async () => {
    const res = await (await as("ly-pi")).post(`/api/projects/${ids.ly}/progress-reports`, report());
    expect(res.status).toBe(400);
    expect(res.body.path ?? res.body.errors?.[0]?.path).toBe("period");
  });

  it("shows a report overdue in the unit's, the PI's and the officer's inboxes", async () => {
    t.clock.set(new Date("2026-10-05T02:00:00Z"));
    as = oneSessionEach((u) => t.as(u));
    const res = await tracking("ly-unit");
    expect(res.body.schedule[0]).toMatchObject({ standing: "overdue", overdueDays: 4, actions: ["file"] });
    expect(res.body.outstanding).toEqual([1]);
    for (const [u, need] of [
      ["ly-unit", "file"],
      ["ly-pi", "file"],
      ["ly-officer", "overdue"],
    ] as const) {
      const inbox = await (await as(u)).get(`/api/progress-reports?need=${need}`);
      expect(inbox.status).toBe(200);
      expect(
        inbox.body.items.map((i: { projectId: string }) => i.projectId),
        u,
      ).toContain(ids.ly);
      const ws = await (await as(u)).get("/api/workspace");
      const tile = ws.body.tasks.find((x: { key: string }) => x.key === `progress-${need}`);
      expect(tile?.count, u).toBeGreaterThan(0);
    }
  });

  it("reminds the unit and the PI once a day", async () => {
    const officer = await as("ly-officer");
    const url = `/api/projects/${ids.ly}/progress-reports/1/reminders`;
    const [a, b] = await Promise.all([officer.post(url), officer.post(url)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const notes = await (await as("ly-pi")).get("/api/notifications");
    expect(notes.body.some((n: { titleZh: string }) => n.titleZh.includes("请提交"))).toBe(true);
    expect((await tracking("ly-officer")).body.schedule[0].remindedOn).toBe("2026-10-05");
  });
});

describe("filing and reviewing a report", () => {
  it("refuses a report that leaves out a milestone due, or a drifting line without its reason", async () => {
    const pi = await as("ly-pi");
    const onTrack = await pi.post(
      `/api/projects/${ids.ly}/progress-reports`,
      report({ milestones: [{ index: 0, status: "onTrack", evidence: "" }] }),
    );
    expect(onTrack.status).toBe(400);
    const drifting = await pi.post(
      `/api/projects/${ids.ly}/progress-reports`,
      report({
        spending: [
          { category: "publicationIp", spentFen: 1_600_000, explanation: "" },
          { category: "travelMeetings", spentFen: 500_000, explanation: "" },
        ],
      }),
    );
    expect(drifting.status).toBe(400);
    expect(JSON.stringify(drifting.body)).toContain("spending.0.explanation");
  });

  it("keeps a node waiting for the report, then for the mid-term", async () => {
    // the PI and the unit's administrator press at once: one report is filed
    const url = `/api/projects/${ids.ly}/progress-reports`;
    const both = await Promise.all([
      (await as("ly-pi")).post(url, report()),
      (await as("ly-unit")).post(url, report()),
    ]);
    const filed = both.find((r) => r.status === 201);
    const other = both.find((r) => r !== filed);
    expect(filed, JSON.stringify(both.map((r) => r.body))).toBeDefined();
    // 409 where both inserted at once (PostgreSQL), 422 where the second saw the first (PGlite)
    expect([409, 422]).toContain(other?.status);
    expect(filed?.body.schedule[0]).toMatchObject({ standing: "submitted", actions: [] });
    expect(filed?.body.schedule[0].report.variances).toHaveLength(2);
    const waiting = await prepare("midTerm", "tracking-mid-1");
    expect(waiting.status).toBe(422);
    expect(waiting.body.code).toBe("PAYMENT_NODE_NOT_DUE");
  });

  it("lets only the bureau review; returned, it is filed again", async () => {
    const url = (e: string) => `/api/projects/${ids.ly}/progress-reports/1/events/${e}`;
    expect((await (await as("ly-unit")).post(url("approve"), { note: "自行通过" })).status).toBe(403);
    const returned = await (await as("ly-officer")).post(url("return"), { note: "请补充差旅支出明细。" });
    expect(returned.status).toBe(200);
    expect(returned.body.schedule[0]).toMatchObject({ standing: "returned" });
    const unitView = await tracking("ly-unit");
    expect(unitView.body.schedule[0].actions).toEqual(["file"]);
    expect(
      (await (await as("ly-unit")).post(`/api/projects/${ids.ly}/progress-reports`, report())).status,
    ).toBe(201);
    // filed again, not yet approved: the report still holds the nodes after the first
    expect((await tracking("ly-officer")).body.outstanding).toEqual([1]);
  });
});

describe("the mid-term assessment", () => {
  let panel: { id: string; username: string }[] = [];
  let assessmentId = "";

  it("offers the pool with conflicts marked, and refuses a conflicted expert or a small panel", async () => {
    const officer = await as("ly-officer");
    const res = await officer.get(`/api/projects/${ids.ly}/assessment-candidates`);
    expect(res.status).toBe(200);
    const conflicted = res.body.items.find((e: { conflicts: string[] }) => e.conflicts.length > 0);
    const free = res.body.items.filter((e: { conflicts: string[] }) => e.conflicts.length === 0);
    expect(conflicted).toBeDefined();
    expect(free.length).toBeGreaterThanOrEqual(3);
    const experts = (await officer.get("/api/experts?pageSize=200")).body.items as {
      id: string;
      username: string;
    }[];
    panel = free.slice(0, 3).map((e: { expertId: string }) => ({
      id: e.expertId,
      username: experts.find((x) => x.id === e.expertId)?.username ?? "",
    }));
    const url = `/api/projects/${ids.ly}/assessments`;
    const small = await officer.post(url, { expertIds: panel.slice(0, 2).map((p) => p.id) });
    expect(small.status).toBe(400);
    const withConflict = await officer.post(url, {
      expertIds: [conflicted.expertId, ...panel.slice(0, 2).map((p) => p.id)],
    });
    expect(withConflict.status).toBe(422);
    expect(withConflict.body.code).toBe("ASSESSMENT_CONFLICT");
  });

  it("convenes once: two presses, one panel", async () => {
    const officer = await as("ly-officer");
    const url = `/api/projects/${ids.ly}/assessments`;
    const body = { expertIds: panel.map((p) => p.id) };
    const [a, b] = await Promise.all([officer.post(url, body), officer.post(url, body)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const view = (await tracking("ly-officer")).body;
    expect(view.midTerm.assessments).toHaveLength(1);
    assessmentId = view.midTerm.assessments[0].id;
    expect(view.midTerm.mayConvene).toBe(false);
  });

  it("lets each expert on the panel score once, and no one else", async () => {
    fresh();
    const outsider = await as("ly-expert");
    expect(
      (
        await outsider.post(`/api/assessments/${assessmentId}/sheet`, {
          scores: [90, 90, 90, 90],
          comment: "很好",
        })
      ).status,
    ).toBe(404);
    for (const [i, e] of panel.entries()) {
      const c = await as(e.username);
      const mine = await c.get("/api/assessments");
      expect(mine.body.items[0]).toMatchObject({ id: assessmentId, project: { title: "ly 进展测试项目" } });
      expect(mine.body.items[0].reports).toHaveLength(1);
      if (i === 0) {
        const bad = await c.post(`/api/assessments/${assessmentId}/sheet`, {
          scores: [90, 90],
          comment: "缺项",
        });
        expect(bad.status).toBe(400);
        const early = await (await as("ly-officer")).post(
          `/api/projects/${ids.ly}/assessments/${assessmentId}/events/pass`,
          { note: "提前结论" },
        );
        expect(early.status).toBe(422);
      }
      const ok = await c.post(`/api/assessments/${assessmentId}/sheet`, {
        scores: [80, 70, 75, 90],
        comment: "进展符合任务书。",
      });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect(
        (
          await c.post(`/api/assessments/${assessmentId}/sheet`, {
            scores: [10, 10, 10, 10],
            comment: "改分",
          })
        ).status,
      ).toBe(409);
    }
  });

  it("concludes as the mean calls for, which releases the node paid after the mid-term once its reports are approved", async () => {
    const officer = await as("ly-officer");
    const view = (await tracking("ly-officer")).body.midTerm.assessments[0];
    // 80×40 + 70×30 + 75×20 + 90×10 = 7700 hundredths
    expect(view).toMatchObject({ mean: 7700, proposed: "pass", actions: ["pass"] });
    const wrong = await officer.post(`/api/projects/${ids.ly}/assessments/${assessmentId}/events/hold`, {
      note: "暂缓",
    });
    expect(wrong.status).toBe(400);
    const passed = await officer.post(`/api/projects/${ids.ly}/assessments/${assessmentId}/events/pass`, {
      note: "专家组评估通过。",
    });
    expect(passed.status).toBe(200);
    expect(passed.body.midTerm.assessments[0]).toMatchObject({ status: "passed", mean: 7700 });
    // the mid-term passed, the node still waits for the report due before it (a city setting)
    const held = await prepare("midTerm", "tracking-mid-2");
    expect(held.body).toMatchObject({ code: "PAYMENT_WAITS_FOR_REPORTS", details: { periods: [1] } });
    const approved = await officer.post(`/api/projects/${ids.ly}/progress-reports/1/events/approve`, {
      note: "同意。",
    });
    expect(approved.status).toBe(200);
    expect(approved.body.outstanding).toEqual([]);
    expect(approved.body.schedule[0].report).toMatchObject({ status: "approved", decisionNote: "同意。" });
    const paid = await prepare("midTerm", "tracking-mid-3");
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
  });
});

describe("in Datong", () => {
  it("reports progress by DT-RULES §14(五), and sets no mid-term assessment", async () => {
    const res = await tracking("dt-unit", "dt");
    expect(res.body.rules.citation).toEqual({ clause: "DT-RULES §14(五)" });
    expect(res.body.midTerm).toBeNull();
    const convene = await (await as("dt-officer")).post(`/api/projects/${ids.dt}/assessments`, {
      expertIds: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(convene.status).toBe(400);
    expect(convene.body.detail ?? JSON.stringify(convene.body)).toContain("期中评估");
  });

  it("keeps another city's and another unit's people out", async () => {
    expect((await tracking("dt-officer")).status).toBe(404);
    expect((await tracking("ly-unit2")).status).toBe(404);
  });
});

describe("a project with no application to take its period from", () => {
  it("takes the period the bureau sets in the task book, and reports by it", async () => {
    const unit = await whoIs(await as("ly-unit"));
    const id = await insertedProject(t, {
      cityId: "luoyang",
      number: "LY-2026-JZ-009",
      program: "majorInnovation",
      title: "无申报书的委托项目",
      amountFen: 5_000_000,
      unitId: unit.unitId ?? "",
      piUserId: null,
    });
    const officer = await as("ly-officer");
    const backwards = await officer.post(`/api/projects/${id}/task-book`, {
      period: { startDate: "2027-01-01", endDate: "2026-12-31" },
    });
    expect(backwards.status).toBe(400);
    const drawn = await officer.post(`/api/projects/${id}/task-book`, {
      period: { startDate: "2026-11-01", endDate: "2028-10-31" },
    });
    expect(drawn.status, JSON.stringify(drawn.body)).toBe(201);
    expect(drawn.body.taskBook.content.period).toEqual({ startDate: "2026-11-01", endDate: "2028-10-31" });
    await signedTaskBook(officer, await as("ly-unit"), id, chinaDateOf(t.clock.now()));
    const view = (await officer.get(`/api/projects/${id}/tracking`)).body;
    expect(view.schedule.map((s: { dueDate: string }) => s.dueDate)).toEqual([
      "2027-05-01",
      "2027-11-01",
      "2028-05-01",
    ]);
  });

  it("refuses a period for a project whose application sets it", async () => {
    const unit = await whoIs(await as("ly-unit"));
    const id = await insertedProject(t, {
      cityId: "luoyang",
      number: "LY-2026-JZ-010",
      program: "majorInnovation",
      title: "有申报书的项目",
      amountFen: 5_000_000,
      unitId: unit.unitId ?? "",
      piUserId: null,
      applicationId: spareApplication.ly,
    });
    const res = await (await as("ly-officer")).post(`/api/projects/${id}/task-book`, {
      period: { startDate: "2026-11-01", endDate: "2028-10-31" },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain("period");
  });
});
