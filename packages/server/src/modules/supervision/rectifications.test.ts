import { addDays, chinaDateOf } from "@luoshu/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { signedProjects, whoIs } from "../../test/project-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";
import { supervisionRepository } from "./supervision.repository.ts";

// 整改事项 (LY-FUNDS §10, §23): a Luoyang and a Datong project in execution of each demo unit; the
// S&T bureau raises items from an audit with its result, the finance bureau its own; the unit reports.

let t: TestApp;
let as: (u: string) => Promise<Client>;
const ids = { ly: "", dt: "" };
const found = { ly: "", dt: "" };
const fresh = () => {
  t.clock.advance(61_000);
  as = oneSessionEach((u) => t.as(u));
};
const today = () => chinaDateOf(t.clock.now());
const url = (city: "ly" | "dt" = "ly") => `/api/projects/${ids[city]}/rectifications`;
const list = async (u: string, city: "ly" | "dt" = "ly") => (await as(u)).get(url(city));
const raise = async (u: string, over: object = {}, city: "ly" | "dt" = "ly") =>
  (await as(u)).post(url(city), {
    source: "inspection",
    sourceId: found[city],
    issue: "设备费支出缺少验收单据，请补齐单据并说明。",
    dueDate: addDays(today(), 30),
    ...over,
  });
const report = async (u: string, rid: string, city: "ly" | "dt" = "ly", over: object = {}) =>
  (await as(u)).post(`${url(city)}/${rid}/report`, {
    response: "已补齐设备验收单据，并完善了采购台账。",
    evidence: "设备验收单（扫描件）三份，采购台账。",
    ...over,
  });
const decide = async (u: string, rid: string, event: string, city: "ly" | "dt" = "ly") =>
  (await as(u)).post(`${url(city)}/${rid}/events/${event}`, { note: `${event}：经核验。` });
const refusal = (res: { status: number; body: { code?: string; path?: string } }) => [
  res.status,
  res.body.code,
  res.body.path,
];
type Item = { id: string; status: string; standing: string; overdueDays: number; actions: string[] };
const itemOf = async (u: string, rid: string, city: "ly" | "dt" = "ly"): Promise<Item> =>
  (await list(u, city)).body.items.find((i: Item) => i.id === rid);

beforeAll(async () => {
  t = await createTestApp();
  const [ly, dt] = await signedProjects(t, [
    { prefix: "ly", program: "majorInnovation", number: "LY-2026-ZG-001", title: "ly 整改测试项目" },
    { prefix: "dt", program: "keyRnd", number: "DT-2026-ZG-001", title: "dt 整改测试项目" },
  ]);
  ids.ly = ly?.id ?? "";
  ids.dt = dt?.id ?? "";
  fresh();
  // Datong sets no spot checks: its finding is stored as the inspecting department would have it
  const dtOfficer = await whoIs(await as("dt-officer"));
  const [row] = await supervisionRepository(t.database.db).insertInspections(
    [
      {
        cityId: "datong",
        projectId: ids.dt,
        cycle: 2026,
        kind: "audit",
        department: "scienceBureau",
        recordedBy: dtOfficer.userId,
        recordedAt: t.clock.now(),
        result: "issuesFound",
        findings: "合同管理不规范。",
        resultBy: dtOfficer.userId,
        resultAt: t.clock.now(),
      },
    ],
    null,
  );
  found.dt = row?.id ?? "";
}, 480_000);
afterAll(() => t.close());

describe("raising an item from an inspection (LY-FUNDS §10)", () => {
  it("waits for the inspection's result", async () => {
    const recorded = await (await as("ly-officer")).post("/api/supervision/inspections", {
      projectId: ids.ly,
      kind: "audit",
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    found.ly = recorded.body.id;
    expect((await list("ly-officer")).body).toMatchObject({ actions: ["raise"], sourceOptions: [] });
    expect(refusal(await raise("ly-officer"))).toEqual([422, "INVALID_TRANSITION", undefined]);
    const result = await (await as("ly-officer")).post(`/api/supervision/inspections/${found.ly}/result`, {
      result: "issuesFound",
      findings: "设备费支出缺少验收单据，需限期整改。",
    });
    expect(result.status).toBe(200);
    const view = (await list("ly-officer")).body;
    expect(view.sourceOptions).toEqual([
      expect.objectContaining({ source: "inspection", id: found.ly, labelZh: "2026 年度审计（发现问题）" }),
    ]);
    expect((await list("ly-unit")).body).toMatchObject({ items: [], actions: [], sourceOptions: [] });
  });

  it("refuses the wrong roles, another unit or city, bad bodies and a source not of the project", async () => {
    for (const u of ["ly-unit", "ly-pi", "ly-leader", "ly-district", "ly-expert"])
      expect((await raise(u)).status, u).toBe(403);
    expect((await raise("dt-officer")).status).toBe(404);
    expect((await (await as("ly-unit2")).get(url())).status).toBe(404);
    expect((await (await as("dt-unit")).get(url())).status).toBe(404);
    for (const [over, path] of [
      [{ issue: "设备\u0000单据" }, "issue"],
      [{ issue: "很".repeat(4001) }, "issue"],
      [{ issue: " " }, "issue"],
      [{ dueDate: "0001-01-01" }, "dueDate"],
      [{ dueDate: "99999-01-01" }, "dueDate"],
      [{ dueDate: "2026-02-30" }, "dueDate"],
      [{ dueDate: addDays(today(), -1) }, "dueDate"],
      [{ source: "audit" }, "source"],
      [{ sourceId: undefined }, "sourceId"],
      [{ sourceId: "not-a-uuid" }, "sourceId"],
      [{ sourceId: found.dt }, "sourceId"],
      [{ source: "midTerm" }, "sourceId"],
      [{ source: "progressReport" }, "sourceId"],
      [{ extra: 1 }, undefined],
    ] as const) {
      const res = await raise("ly-officer", over);
      expect(res.status, JSON.stringify(over).slice(0, 60)).toBe(400);
      if (path)
        expect(res.body.path ?? res.body.errors?.[0]?.path, JSON.stringify(over).slice(0, 60)).toBe(path);
    }
    expect((await list("ly-officer")).body.items).toEqual([]);
  });
});

describe("the item's life: raised, reported, reopened, reported again, closed", () => {
  let rid = "";
  it("is raised by the bureau, the unit and the PI told, dated today at the earliest", async () => {
    const res = await raise("ly-officer", { dueDate: today() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.items).toHaveLength(1);
    rid = res.body.items[0].id;
    expect(res.body.items[0]).toMatchObject({
      source: "inspection",
      sourceId: found.ly,
      department: "scienceBureau",
      status: "open",
      standing: "open",
      overdueDays: 0,
      projectNumber: "LY-2026-ZG-001",
      actions: [],
    });
    expect(res.body.items[0].raised.byName).not.toBe("");
    expect((await itemOf("ly-unit", rid)).actions).toEqual(["report"]);
    expect((await itemOf("ly-pi", rid)).actions).toEqual(["report"]);
    expect((await itemOf("ly-finance", rid)).actions).toEqual([]);
    expect((await itemOf("ly-leader", rid)).actions).toEqual([]);
    const notes = await (await as("ly-pi")).get("/api/notifications");
    expect(notes.body.some((n: { titleZh: string }) => n.titleZh.includes("整改"))).toBe(true);
    const inbox = await (await as("ly-unit")).get("/api/rectifications?need=report");
    expect(inbox.body.items.map((i: Item) => i.id)).toContain(rid);
  });

  it("is reported by the unit alone, once", async () => {
    expect((await report("ly-officer", rid)).status).toBe(403);
    expect((await report("ly-finance", rid)).status).toBe(403);
    expect((await report("ly-unit2", rid)).status).toBe(404);
    expect((await report("dt-unit", rid)).status).toBe(404);
    expect((await report("ly-unit", rid, "ly", { evidence: "" })).status).toBe(400);
    expect((await report("ly-unit", rid, "ly", { response: "x\u0000y" })).status).toBe(400);
    // closing before the unit has reported is a rule
    expect(refusal(await decide("ly-officer", rid, "close"))).toEqual([422, "INVALID_TRANSITION", undefined]);
    const [a, b] = await Promise.all([report("ly-unit", rid), report("ly-unit", rid)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const item = await itemOf("ly-officer", rid);
    expect(item).toMatchObject({ status: "reported", standing: "reported", actions: ["reopen", "close"] });
    expect((await itemOf("ly-finance", rid)).actions).toEqual([]);
    const verify = await (await as("ly-officer")).get("/api/rectifications?need=verify");
    expect(verify.body.items.map((i: Item) => i.id)).toContain(rid);
    const ws = await (await as("ly-officer")).get("/api/workspace");
    expect(ws.body.tasks.find((x: { key: string }) => x.key === "rectification-verify")?.count).toBe(1);
  });

  it("is reopened by the raising department with a note, the unit told, and reported again by the PI", async () => {
    expect((await decide("ly-finance", rid, "reopen")).status).toBe(403);
    expect((await decide("ly-unit", rid, "reopen")).status).toBe(403);
    expect((await (await as("ly-officer")).post(`${url()}/${rid}/events/reopen`, { note: "" })).status).toBe(
      400,
    );
    expect(
      (await (await as("ly-officer")).post(`${url()}/${rid}/events/toString`, { note: "好的" })).status,
    ).toBe(400);
    const res = await decide("ly-officer", rid, "reopen");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items[0]).toMatchObject({ status: "open", closeNote: "reopen：经核验。" });
    const notes = await (await as("ly-unit")).get("/api/notifications");
    expect(notes.body.some((n: { titleZh: string }) => n.titleZh.includes("继续整改"))).toBe(true);
    expect((await report("ly-pi", rid)).status).toBe(200);
  });

  it("is closed once: two presses at once give one 200 and one 409, then nobody may act", async () => {
    const [a, b] = await Promise.all([
      decide("ly-officer", rid, "close"),
      decide("ly-officer", rid, "close"),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((a.status === 409 ? a : b).body.code).toBe("CONFLICT");
    for (const u of ["ly-officer", "ly-unit", "ly-pi", "ly-finance"])
      expect(await itemOf(u, rid), u).toMatchObject({ status: "closed", standing: "closed", actions: [] });
    expect(refusal(await decide("ly-officer", rid, "reopen"))).toEqual([
      422,
      "INVALID_TRANSITION",
      undefined,
    ]);
    expect((await report("ly-unit", rid)).status).toBe(422);
  });

  it("records every step in the audit trail", async () => {
    const auditor = await as("auditor");
    for (const [action, n] of [
      ["rectification.raise", 1],
      ["rectification.report", 2],
      ["rectification.reopen", 1],
      ["rectification.close", 1],
    ] as const) {
      const res = await auditor.get(`/api/audit?action=${action}&pageSize=50`);
      expect(res.body.items.length, action).toBe(n);
    }
  });
});

describe("deadlines and the finance bureau's own items", () => {
  let late = "";
  let fin = "";
  it("stands overdue by days once the clock passes its due date, in the inboxes and the unit's tile", async () => {
    const res = await raise("ly-officer", { dueDate: addDays(today(), 3), issue: "请补充项目组会议纪要。" });
    expect(res.status).toBe(201);
    late = res.body.items.find((i: { issue: string }) => i.issue === "请补充项目组会议纪要。").id;
    t.clock.set(new Date(t.clock.now().getTime() + 5 * 86_400_000));
    fresh();
    expect(await itemOf("ly-unit", late)).toMatchObject({ standing: "overdue", overdueDays: 2 });
    for (const [u, need] of [
      ["ly-officer", "overdue"],
      ["ly-unit", "report"],
      ["ly-pi", "report"],
      ["ly-unit", "overdue"],
    ] as const) {
      const inbox = await (await as(u)).get(`/api/rectifications?need=${need}`);
      expect(inbox.status).toBe(200);
      expect(inbox.body.total).toBe(inbox.body.items.length);
      expect(
        inbox.body.items.map((i: Item) => i.id),
        `${u} ${need}`,
      ).toContain(late);
    }
    const ws = await (await as("ly-unit")).get("/api/workspace");
    expect(ws.body.tasks.find((x: { key: string }) => x.key === "rectification-report")?.count).toBe(1);
    for (const u of ["ly-unit2", "dt-officer", "dt-unit"]) {
      const other = await (await as(u)).get("/api/rectifications?need=overdue");
      expect(
        other.body.items.map((i: Item) => i.id),
        u,
      ).not.toContain(late);
    }
    expect((await (await as("ly-expert")).get("/api/rectifications")).status).toBe(403);
    expect((await (await as("ly-officer")).get("/api/rectifications?need=all")).status).toBe(400);
  });

  it("lets finance raise its own item, which only finance closes", async () => {
    const res = await raise("ly-finance", { issue: "结余资金未按规定管理。" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    fin = res.body.items.find((i: { issue: string }) => i.issue === "结余资金未按规定管理。").id;
    expect(await itemOf("ly-finance", fin)).toMatchObject({ department: "financeBureau" });
    // never reported, never sent back: reopening it is a rule (422), not a race
    expect(refusal(await decide("ly-finance", fin, "reopen"))).toEqual([
      422,
      "INVALID_TRANSITION",
      undefined,
    ]);
    expect((await report("ly-unit", fin)).status).toBe(200);
    expect((await itemOf("ly-officer", fin)).actions).toEqual([]);
    expect((await itemOf("ly-finance", fin)).actions).toEqual(["reopen", "close"]);
    expect(refusal(await decide("ly-officer", fin, "close"))[0]).toBe(403);
    expect((await decide("ly-finance", fin, "close")).status).toBe(200);
    expect((await itemOf("ly-unit", fin)).status).toBe("closed");
  });
});

describe("Datong", () => {
  it("runs the same items, apart from Luoyang's", async () => {
    const res = await raise("dt-officer", {}, "dt");
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const rid = res.body.items[0].id;
    expect(
      (await (await as("ly-officer")).post(`${url("dt")}/${rid}/events/close`, { note: "好的" })).status,
    ).toBe(404);
    expect((await report("dt-pi", rid, "dt")).status).toBe(200);
    expect((await decide("dt-officer", rid, "close", "dt")).status).toBe(200);
    expect((await itemOf("dt-unit", rid, "dt")).status).toBe("closed");
    expect((await raise("dt-officer", { sourceId: found.ly }, "dt")).status).toBe(400);
  });
});
