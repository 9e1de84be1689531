import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { fullContent, startApplication } from "../../test/application-fixtures.ts";
import { insertedProject, signedTaskBook, whoIs } from "../../test/project-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

// Trying to break progress reporting (DT-RULES §14(五); LY-FUNDS §10): every role against every
// tracking route, bodies no form sends, reports filed where none is owed, reminders pressed twice,
// and a node payment asked for while a report due is not approved. Luoyang major-innovation projects
// from the demo PI's applications, 2026-04-01 to 2027-03-31: one report, due 2026-10-01.
//   main      the demo unit's (涧西区) and PI's: bad bodies, reminders, filed, approved, filed again
//   pay       the demo unit's, never reported: its first node waits once the report is overdue
//   other     the demo unit's with no PI: the demo PI reads it, never reports on it
//   far       洛阳新材 (洛龙区, ly-unit2's): out of the demo district's, unit's and PI's sight
//   unsigned  a task book drawn, never signed: nothing to report yet
//   revoked   signed, then revoked: every role tries every route on it
//   ended     signed, then terminated as a measure
// The tests run in order on one database, the clock moving from 2026-03-02 to October.

let t: TestApp;
let as: (u: string) => Promise<Client>;
const ids = { main: "", pay: "", other: "", far: "", unsigned: "", revoked: "", ended: "" };
type Key = keyof typeof ids;
/** What each state change should leave in the audit log: `action entityId actor`. */
const changes: string[] = [];
const fresh = () => {
  t.clock.advance(61_000);
  as = oneSessionEach((u) => t.as(u));
};
const at = (iso: string) => {
  t.clock.set(new Date(iso));
  as = oneSessionEach((u) => t.as(u));
};
const none = "00000000-0000-4000-8000-000000000000";
const tracking = async (key: Key, u = "ly-officer") =>
  (await as(u)).get(`/api/projects/${ids[key]}/tracking`);
const file = async (key: Key, body: object, u = "ly-pi") =>
  (await as(u)).post(`/api/projects/${ids[key]}/progress-reports`, body);
const remind = async (key: Key, period: number | string = 1) =>
  (await as("ly-officer")).post(`/api/projects/${ids[key]}/progress-reports/${period}/reminders`);
const decide = async (key: Key, event: string, note = "同意。", period = 1) =>
  (await as("ly-officer")).post(`/api/projects/${ids[key]}/progress-reports/${period}/events/${event}`, {
    note,
  });
const refusal = (res: { status: number; body: { code?: string; path?: string } }) => [
  res.status,
  res.body.code,
  res.body.path,
];
const notNow = [422, "INVALID_TRANSITION", undefined];
const closedNow = [422, "PROJECT_CLOSED", undefined];
const lineA = { category: "publicationIp", spentFen: 750_000, explanation: "" };
const lineB = { category: "travelMeetings", spentFen: 500_000, explanation: "" };
const report = (over: object = {}) => ({
  period: 1,
  summary: "完成现状调研和国内外比较，形成中期报告初稿。",
  milestones: [{ index: 0, status: "done", evidence: "中期报告已提交（附件：中期报告.pdf）" }],
  spending: [lineA, lineB],
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  as = oneSessionEach((u) => t.as(u));
  const set = await (await as("ly-finance")).put("/api/budget/control-numbers/2026", {
    amountFen: 900_000_000,
    docNumber: "洛财预〔2026〕31号",
  });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
  const unit = await whoIs(await as("ly-unit"));
  const unit2 = await whoIs(await as("ly-unit2"));
  const pi = await whoIs(await as("ly-pi"));
  const callId = (await (await as("ly-officer")).get("/api/guides")).body.items[0].calls[0].id as string;
  for (const [i, key] of (Object.keys(ids) as Key[]).entries()) {
    const title = `进展破坏性测试 ${key}`;
    const applicationId = await startApplication(await as("ly-pi"), callId, title);
    const saved = await (await as("ly-pi")).put(
      `/api/applications/${applicationId}/content`,
      fullContent(title),
    );
    expect(saved.status).toBe(200);
    ids[key] = await insertedProject(t, {
      cityId: "luoyang",
      number: `LY-2026-ZX-8${String(i).padStart(2, "0")}`,
      program: "majorInnovation",
      title,
      amountFen: 10_000_000,
      unitId: (key === "far" ? unit2.unitId : unit.unitId) ?? "",
      piUserId: key === "other" || key === "far" ? null : pi.userId,
      applicationId,
    });
  }
  for (const key of ["main", "pay", "other", "revoked", "ended", "far"] as const)
    await signedTaskBook(
      await as("ly-officer"),
      await as(key === "far" ? "ly-unit2" : "ly-unit"),
      ids[key],
      "2026-03-02",
    );
  expect((await (await as("ly-officer")).post(`/api/projects/${ids.unsigned}/task-book`)).status).toBe(201);
  const officer = await as("ly-officer");
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
  fresh();
}, 300_000);
afterAll(() => t.close());

describe("every role against every route (403 without the permission, 404 outside the scope)", () => {
  // On the revoked project: whoever gets past the permission and the scope meets the closed project
  // (422) or reads (200). Experts read no project; their sheet is found only on their own panel.
  const everyone = [
    ..."officer leader finance district agency unit pi expert fund unit2 lab"
      .split(" ")
      .map((s) => `ly-${s}`),
    ..."sysadmin secadmin auditor dt-officer dt-unit dt-expert".split(" "),
  ];
  const closed: [number, string | null] = [422, "PROJECT_CLOSED"];
  const hidden: [number, string | null] = [404, "NOT_FOUND"];
  const read: [number, string | null] = [200, null];
  const readers = Object.fromEntries(
    "officer leader finance district unit pi".split(" ").map((s) => [`ly-${s}`, read]),
  );
  const officerOnly = { "ly-officer": closed, "dt-officer": hidden };
  const routes: {
    name: string;
    call: (c: Client) => ReturnType<Client["get"]>;
    allowed: Record<string, [number, string | null]>;
  }[] = [
    {
      name: "read the tracking",
      call: (c) => c.get(`/api/projects/${ids.revoked}/tracking`),
      allowed: { ...readers, "ly-unit2": hidden, "ly-lab": hidden, "dt-officer": hidden, "dt-unit": hidden },
    },
    {
      name: "list the reports that need something",
      call: (c) => c.get("/api/progress-reports?need=overdue"),
      allowed: { ...readers, "ly-unit2": read, "ly-lab": read, "dt-officer": read, "dt-unit": read },
    },
    {
      name: "file a report",
      call: (c) => c.post(`/api/projects/${ids.revoked}/progress-reports`, report()),
      allowed: { "ly-unit": closed, "ly-pi": closed, "ly-unit2": hidden, "dt-unit": hidden },
    },
    {
      name: "approve a report",
      call: (c) =>
        c.post(`/api/projects/${ids.revoked}/progress-reports/1/events/approve`, { note: "同意。" }),
      allowed: officerOnly,
    },
    {
      name: "remind",
      call: (c) => c.post(`/api/projects/${ids.revoked}/progress-reports/1/reminders`),
      allowed: officerOnly,
    },
    {
      name: "list the panel's candidates",
      call: (c) => c.get(`/api/projects/${ids.revoked}/assessment-candidates`),
      allowed: { "ly-officer": read, "dt-officer": hidden },
    },
    {
      name: "convene an assessment",
      call: (c) => c.post(`/api/projects/${ids.revoked}/assessments`, { expertIds: [none] }),
      allowed: officerOnly,
    },
    {
      name: "conclude an assessment",
      call: (c) => c.post(`/api/projects/${ids.revoked}/assessments/${none}/events/pass`, { note: "通过。" }),
      allowed: officerOnly,
    },
    {
      name: "list my assessments",
      call: (c) => c.get("/api/assessments"),
      allowed: { "ly-expert": read, "dt-expert": read },
    },
    {
      name: "score an assessment",
      call: (c) =>
        c.post(`/api/assessments/${none}/sheet`, { scores: [80, 80, 80, 80], comment: "进展良好。" }),
      allowed: { "ly-expert": hidden, "dt-expert": hidden },
    },
  ];
  for (const route of routes) {
    it(`${route.name}: only the role that may, in its scope`, async () => {
      fresh();
      const got: Record<string, [number, string | null]> = {};
      const want: Record<string, [number, string | null]> = {};
      for (const u of everyone) {
        const res = await route.call(await as(u));
        got[u] = [res.status, res.status === 200 ? null : (res.body?.code ?? null)];
        want[u] = route.allowed[u] ?? [403, "FORBIDDEN"];
      }
      expect(got).toEqual(want);
    });
  }

  it("shows a district its district's projects, a unit its own, and the PI its unit's, filing only its own", async () => {
    fresh();
    const got: Record<string, number[]> = {};
    for (const u of "officer leader finance district unit pi unit2 lab".split(" ").map((s) => `ly-${s}`))
      got[u] = [(await tracking("far", u)).status, (await tracking("main", u)).status];
    expect(got).toEqual({
      "ly-officer": [200, 200],
      "ly-leader": [200, 200],
      "ly-finance": [200, 200],
      "ly-district": [404, 200],
      "ly-unit": [404, 200],
      "ly-pi": [404, 200],
      "ly-unit2": [200, 404],
      "ly-lab": [404, 404],
    });
    // the demo unit's project with another PI: the demo PI reads it (the PI's scope is the unit), files nothing
    const other = await tracking("other", "ly-pi");
    expect(other.status).toBe(200);
    expect(other.body.schedule[0].actions).toEqual([]);
    expect(refusal(await file("other", report()))).toEqual([403, "FORBIDDEN", undefined]);
    // and the Datong officer finds no Luoyang project
    expect((await tracking("main", "dt-officer")).status).toBe(404);
  });

  it("answers ids that are not ids and periods out of range as input errors", async () => {
    const officer = await as("ly-officer");
    const bad = [
      await officer.get("/api/projects/not-a-uuid/tracking"),
      await officer.get("/api/progress-reports?need=everything"),
      await officer.post(`/api/projects/${ids.main}/progress-reports/0/reminders`),
      await officer.post(`/api/projects/${ids.main}/progress-reports/601/reminders`),
      await officer.post(`/api/projects/${ids.main}/progress-reports/1.5/reminders`),
      await officer.post(`/api/projects/${ids.main}/progress-reports/1/events/explode`, { note: "同意。" }),
      await officer.post(`/api/projects/${ids.main}/progress-reports/1/events/approve`, { note: "好" }),
      await officer.post(`/api/projects/${ids.main}/assessments/not-a-uuid/events/pass`, { note: "通过。" }),
    ];
    expect(bad.map((r) => [r.status, r.body.code])).toEqual(Array(bad.length).fill([400, "VALIDATION"]));
  });
});

describe("filing where no report is owed (2026-03-02)", () => {
  it("refuses a closed project's report, revoked or terminated", async () => {
    for (const [key, closedAs] of [
      ["revoked", "revoked"],
      ["ended", "terminated"],
    ] as const) {
      const res = await file(key, report(), "ly-unit");
      expect([res.status, res.body.code, res.body.details?.closedAs], key).toEqual([
        422,
        "PROJECT_CLOSED",
        closedAs,
      ]);
    }
  });

  it("refuses a report before the task book is signed, and a reminder of one", async () => {
    expect(refusal(await file("unsigned", report()))).toEqual(notNow);
    expect(refusal(await remind("unsigned"))).toEqual(notNow);
    expect((await tracking("unsigned")).body).toMatchObject({ terms: null, schedule: [], outstanding: [] });
  });

  it("refuses a period not open yet, and one the schedule does not have, naming the period", async () => {
    expect(refusal(await file("main", report()))).toEqual([400, "VALIDATION", "period"]);
    expect(refusal(await file("main", report({ period: 2 })))).toEqual([400, "VALIDATION", "period"]);
    expect(refusal(await remind("main", 2))).toEqual([400, "VALIDATION", "period"]);
    const early = await remind("main");
    expect([early.status, early.body.code, early.body.details]).toEqual([
      422,
      "INVALID_TRANSITION",
      { standing: "notOpen" },
    ]);
  });
});

describe("bodies no form sends (2026-04-10, the first period open)", () => {
  it("answers each with a 400 problem document naming the field, and files nothing", async () => {
    at("2026-04-10T15:59:00Z");
    const m = (over: object) =>
      report({ milestones: [{ index: 0, status: "done", evidence: "有", ...over }] });
    const s = (...spending: object[]) => report({ spending });
    const cases: [string, object, string][] = [
      ...[0, 601, 2, "1", 1.5].map((period): [string, object, string] => [
        `period ${period}`,
        report({ period }),
        "period",
      ]),
      ...[-1, 0.5, 1e16, 2 ** 53, "750000", null].map((spentFen): [string, object, string] => [
        `spentFen ${spentFen}`,
        s({ ...lineA, spentFen }, lineB),
        "spending.0.spentFen",
      ]),
      ["unknown category", s(lineA, lineB, { ...lineA, category: "bribes" }), "spending.2.category"],
      ["duplicate category", s(lineA, lineB, lineA), "spending.2.category"],
      ["no spending", s(), "spending"],
      ["extra spending field", s({ ...lineA, budgetFen: 1 }, lineB), "spending.0.budgetFen"],
      ...[5, 200, -1].map((index): [string, object, string] => [
        `milestone ${index}`,
        m({ index }),
        "milestones.0.index",
      ]),
      [
        "milestone twice",
        report({ milestones: [...report().milestones, ...report().milestones] }),
        "milestones.1.index",
      ],
      ["milestone left out", report({ milestones: [] }), "milestones"],
      ["milestone status", m({ status: "abandoned" }), "milestones.0.status"],
      ["extra milestone field", m({ verified: true }), "milestones.0.verified"],
      ["NUL in evidence", m({ evidence: "\u0000" }), "milestones.0.evidence"],
      ["lone surrogate in evidence", m({ evidence: "a\udc00b" }), "milestones.0.evidence"],
      ["NUL in summary", report({ summary: "进展\u0000正常" }), "summary"],
      ["lone surrogate in summary", report({ summary: "进展\ud800" }), "summary"],
      ["blank summary", report({ summary: "   " }), "summary"],
      ["oversize summary", report({ summary: "进".repeat(8001) }), "summary"],
      ["extra field", report({ status: "approved" }), "status"],
    ];
    const got = [];
    for (const [name, body] of cases) {
      const res = await file("main", body);
      got.push([name, res.status, res.body.code, res.body.path]);
    }
    expect(got).toEqual(cases.map(([name, , path]) => [name, 400, "VALIDATION", path]));
    const url = `/api/projects/${ids.main}/progress-reports`;
    const notJson = await (await as("ly-pi")).request("POST", url, "{", {
      "content-type": "application/json",
    });
    expect([notJson.status, notJson.body.code]).toEqual([400, "BAD_JSON"]);
    expect((await tracking("main")).body.schedule[0]).toMatchObject({ standing: "open", report: null });
  });
});

describe("reminders and the report's review", () => {
  it("reminds once a China day: a second press that day is 409, the next day (two minutes on) is another", async () => {
    // open since April, due on 1 October: nothing to remind of until two weeks before
    expect((await remind("main")).body).toMatchObject({
      code: "INVALID_TRANSITION",
      details: { standing: "open" },
    });
    t.clock.set(new Date("2026-09-20T15:59:00Z"));
    as = oneSessionEach((u) => t.as(u));
    const first = await remind("main");
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    changes.push(`progressReport.remind ${ids.main} ly-officer`);
    expect(refusal(await remind("main"))).toEqual([409, "CONFLICT", "period"]);
    // 2026-09-20T16:01Z is 00:01 on 21 September in China
    t.clock.advance(2 * 60_000);
    const next = await remind("main");
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    changes.push(`progressReport.remind ${ids.main} ly-officer`);
    expect(next.body.schedule[0].remindedOn).toBe("2026-09-21");
  });

  it("refuses reminding of a report filed, filing it twice, and filing it again once approved", async () => {
    const filed = await file("main", report());
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const reportId = filed.body.schedule[0].report.id;
    changes.push(`progressReport.file ${reportId} ly-pi`);
    expect((await remind("main")).body).toMatchObject({
      code: "INVALID_TRANSITION",
      details: { standing: "submitted" },
    });
    expect(refusal(await file("main", report(), "ly-unit"))).toEqual(notNow);
    // the bureau decides what is filed, for a period filed
    expect(refusal(await decide("main", "approve", "同意。", 2))).toEqual([404, "NOT_FOUND", undefined]);
    expect((await decide("main", "approve")).status).toBe(200);
    changes.push(`progressReport.approve ${reportId} ly-officer`);
    expect(refusal(await decide("main", "return", "请补充。"))).toEqual(notNow);
    expect(refusal(await file("main", report()))).toEqual(notNow);
    expect((await remind("main")).body).toMatchObject({
      code: "INVALID_TRANSITION",
      details: { standing: "approved" },
    });
    const view = (await tracking("main", "ly-pi")).body.schedule[0];
    expect(view).toMatchObject({
      standing: "approved",
      actions: [],
      report: { id: reportId, status: "approved" },
    });
  });
});

describe("after the first report's due day (2026-10-05)", () => {
  it("lists the overdue reports each in its scope", async () => {
    at("2026-10-05T02:00:00Z");
    const want: Record<string, Key[]> = {
      "ly-officer": ["pay", "other", "far"],
      "ly-leader": ["pay", "other", "far"],
      "ly-finance": ["pay", "other", "far"],
      "ly-district": ["pay", "other"],
      "ly-unit": ["pay", "other"],
      "ly-unit2": ["far"],
      "ly-lab": [],
      "dt-officer": [],
    };
    const got: Record<string, string[]> = {};
    for (const u of Object.keys(want)) {
      const res = await (await as(u)).get("/api/progress-reports?need=overdue");
      got[u] = res.body.items.map((i: { projectId: string }) => i.projectId).sort();
    }
    expect(got).toEqual(
      Object.fromEntries(Object.entries(want).map(([u, keys]) => [u, keys.map((k) => ids[k]).sort()])),
    );
    // the PI is asked to file only what it may file: its own projects' reports
    const pi = (await (await as("ly-pi")).get("/api/progress-reports?need=file")).body.items;
    expect(pi.map((i: { projectId: string }) => i.projectId)).toEqual([ids.pay]);
    expect((await (await as("ly-unit")).get("/api/progress-reports?need=file")).body.total).toBe(2);
  });

  it("pays the first share on signing whatever reports are outstanding; the view says so", async () => {
    const url = `/api/projects/${ids.pay}/payments`;
    expect((await tracking("pay")).body.outstanding).toEqual([1]);
    const nodes = (await (await as("ly-officer")).get(`/api/projects/${ids.pay}`)).body.nodes;
    expect(
      nodes.map((n: { code: string; waitsForReports: number[] }) => [n.code, n.waitsForReports]),
    ).toEqual([
      ["first", []],
      ["midTerm", [1]],
      ["final", [1]],
    ]);
    const paid = await (await as("ly-officer")).request(
      "POST",
      url,
      { node: "first" },
      { "idempotency-key": "refusals-first" },
    );
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
  });

  it("still refuses a closed project's report once it is due", async () => {
    expect(refusal(await file("revoked", report()))).toEqual(closedNow);
    expect(refusal(await remind("ended"))).toEqual(closedNow);
  });
});

describe("the audit trail", () => {
  it("records every filing, decision and reminder once, by whom, and none of the refusals", async () => {
    const auditor = await as("auditor");
    const got: string[] = [];
    for (const q of ["entityType=progressReport", "action=progressReport.remind"]) {
      const res = await auditor.get(`/api/audit?${q}&pageSize=200`);
      expect(res.status).toBe(200);
      for (const e of res.body.items as { action: string; entityId: string; actorUsername: string }[])
        got.push(`${e.action} ${e.entityId} ${e.actorUsername}`);
    }
    expect(got.sort()).toEqual([...changes].sort());
  });
});
