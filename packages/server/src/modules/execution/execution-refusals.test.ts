import {
  can,
  chinaDateOf,
  type LedgerProject,
  type Permission,
  type Role,
  verifyLedger,
} from "@luoshu/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scan } from "../../db/seed/demo-review.ts";
import { sha256Of } from "../../lib/files/file-store.ts";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { commissionedProject, scanUpload, whoIs } from "../../test/project-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";
import { ledgerRepository } from "../ledger/ledger.repository.ts";
import { executionRepository } from "./execution.repository.ts";
import { ledgerProjectOf } from "./task-books.ts";

// Every role and every refusal of a Datong project's task book and payments (DT-RULES §18; the
// city settings of policies/datong-2025.json: one lump-sum node once signed, finance approves each
// payment). Three directed-commission projects of 2026, approved before any control number is set:
//   main  ¥500,000 of the demo unit (平城区), walked from drawing to paid;
//   over  ¥600,000 of the demo unit, refused at signing while the year has only ¥500,000 left;
//   far   ¥100,000 of a unit in another district (云州区), which the demo unit, PI and district never see.
// The tests run in order on one database: each describe starts where the one before left off.

let t: TestApp;
/** A day the task books may be signed on: today on the test clock, after every approval. */
const signDay = () => chinaDateOf(t.clock.now());
let as: (u: string) => Promise<Client>;
const ids = { main: "", over: "", far: "" };
/** main's payment (the live one) and over's, once prepared. */
const pays = { cancelled: "", main: "", over: "" };
/** An officer of the bureau who is also a finance officer (the role rules allow it). */
let dual: Client;
let dualUserId = "";
const farUnitName = "大同市农业技术示范研究所";

const day = 86_400_000;
const tomorrow = () => chinaDateOf(new Date(t.clock.now().getTime() + day));

const prepare = (c: Client, id: string, node: string, key: string | null, note?: string) =>
  c.request(
    "POST",
    `/api/projects/${id}/payments`,
    { node, ...(note === undefined ? {} : { note }) },
    key === null ? {} : { "idempotency-key": key },
  );
const fire = (c: Client, payId: string, event: string, body: object = {}, key?: string) =>
  c.request("POST", `/api/payments/${payId}/events/${event}`, body, key ? { "idempotency-key": key } : {});
const upload = (c: Client, id: string, signedOn: string, bytes: Buffer = scan) =>
  c.request("PUT", `/api/projects/${id}/task-book/scan?signedOn=${signedOn}`, bytes, scanUpload);
const detail = async (id: string, u = "dt-officer") => (await (await as(u)).get(`/api/projects/${id}`)).body;
const ledgerYears = async () => (await (await as("dt-finance")).get("/api/ledger/years")).body;
/** The kinds of a project's postings, sorted: the test clock stands still, so they share one instant. */
const postingsOf = async (projectId: string) =>
  (await ledgerRepository(t.database.db).postingsOfProject("datong", projectId)).map((p) => p.kind).sort();

beforeAll(async () => {
  t = await createTestApp();
  // each approval moves the clock past a notice, which ends the sessions: a fresh sign-in each time
  let fresh = oneSessionEach((u) => t.as(u));
  const units = await (await fresh("dt-officer")).get(
    `/api/units?pageSize=200&keyword=${encodeURIComponent(farUnitName)}`,
  );
  const farUnitId = units.body.items.find((u: { nameZh: string }) => u.nameZh === farUnitName).id;
  ids.main = await commissionedProject(t, fresh, {
    title: "矿井突水应急监测技术攻关",
    amountFen: 50_000_000,
  });
  fresh = oneSessionEach((u) => t.as(u));
  ids.over = await commissionedProject(t, fresh, {
    title: "煤矸石高值化利用技术攻关",
    amountFen: 60_000_000,
  });
  fresh = oneSessionEach((u) => t.as(u));
  ids.far = await commissionedProject(t, fresh, {
    title: "旱作农业节水技术攻关",
    amountFen: 10_000_000,
    unitId: farUnitId,
  });
  // a fresh minute of the login rate limit (30 a minute) for the accounts the tests sign in
  t.clock.advance(61_000);
  as = oneSessionEach((u) => t.as(u));
  // 兼任: one account holding both the bureau's and the finance bureau's role (role-assignment.ts
  // forbids no such pair), to show that nobody approves the payment they prepared
  const opened = await (await as("sysadmin")).post("/api/users", {
    username: "dt-dual",
    displayName: "兼任经办人 孙悦",
    password: "Jianren#2026a",
    cityCode: "datong",
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  dualUserId = opened.body.id;
  const granted = await (await as("secadmin")).put(`/api/users/${dualUserId}/roles`, {
    roles: ["programOfficer", "financeOfficer"],
  });
  expect(granted.status, JSON.stringify(granted.body)).toBe(200);
  dual = await t.firstLogin("dt-dual", "Jianren#2026a");
}, 180_000);
afterAll(() => t.close());

describe("who reads a Datong project", () => {
  // GET /api/projects/:id is declared `project.read` at city scope: the bureau, its leader and
  // finance read the whole city; a district officer its district; a unit's administrator and PI
  // their unit (the PI role's scope is the unit, as for applications); accounts without
  // project.read are refused (403) before any row is looked at; everyone else meets 404.
  const expectations: Record<string, number> = {
    "dt-officer": 200,
    "dt-leader": 200,
    "dt-finance": 200,
    "dt-district": 200,
    "dt-unit": 200,
    "dt-pi": 200,
    "dt-unit2": 404,
    "dt-agency": 403,
    "dt-expert": 403,
    "dt-fund": 403,
    "ly-officer": 404,
    "ly-leader": 404,
    "ly-finance": 404,
    "ly-district": 404,
    "ly-unit": 404,
    "ly-pi": 404,
    "ly-lab": 404,
    "ly-agency": 403,
    "ly-expert": 403,
    sysadmin: 403,
    secadmin: 403,
    auditor: 403,
  };

  it("answers the city, its district, unit and PI with the project, another city 404, no permission 403", async () => {
    const got: Record<string, number> = {};
    for (const u of Object.keys(expectations))
      got[u] = (await (await as(u)).get(`/api/projects/${ids.main}`)).status;
    expect(got).toEqual(expectations);
    // the demo unit's project: dt-unit2 administers another unit of the same district
    const [unit, unit2] = await Promise.all([whoIs(await as("dt-unit")), whoIs(await as("dt-unit2"))]);
    expect(unit2.unitId).not.toBe(unit.unitId);
  });

  it("hides the project of another district's unit from the demo district, unit and PI", async () => {
    const got: Record<string, number> = {};
    for (const u of ["dt-officer", "dt-finance", "dt-leader", "dt-district", "dt-unit", "dt-pi", "dt-unit2"])
      got[u] = (await (await as(u)).get(`/api/projects/${ids.far}`)).status;
    expect(got).toEqual({
      "dt-officer": 200,
      "dt-finance": 200,
      "dt-leader": 200,
      "dt-district": 404,
      "dt-unit": 404,
      "dt-pi": 404,
      "dt-unit2": 404,
    });
    // nor is it in their list of projects
    const listed = (await (await as("dt-unit")).get("/api/projects")).body.items.map(
      (p: { id: string }) => p.id,
    );
    expect(listed).toContain(ids.main);
    expect(listed).not.toContain(ids.far);
  });
});

describe("drawing the task book", () => {
  it("is the program officer's alone (taskBook.manage), once", async () => {
    for (const u of ["dt-unit", "dt-pi", "dt-finance", "dt-leader", "dt-district"]) {
      const res = await (await as(u)).post(`/api/projects/${ids.main}/task-book`);
      expect(res.status, u).toBe(403);
    }
    // before drawing: nothing to confirm, print or pay
    expect(
      (await (await as("dt-unit")).post(`/api/projects/${ids.main}/task-book/events/confirmUnit`)).status,
    ).toBe(404);
    expect((await (await as("dt-unit")).get(`/api/projects/${ids.main}/task-book.pdf`)).status).toBe(404);
    expect(
      (await prepare(await as("dt-officer"), ids.main, "lumpSum", "prepare-before-draw")).body,
    ).toMatchObject({
      code: "VALIDATION",
      path: "node",
    });
    expect((await detail(ids.main)).actions).toContain("drawTaskBook");
    expect((await detail(ids.main, "dt-unit")).actions).toEqual([]);

    const officer = await as("dt-officer");
    const drawn = await officer.post(`/api/projects/${ids.main}/task-book`);
    expect(drawn.status, JSON.stringify(drawn.body)).toBe(201);
    expect(drawn.body).toMatchObject({ stage: "taskBook", taskBook: { status: "drafted" } });
    expect(drawn.body.actions).not.toContain("drawTaskBook");
    const twice = await officer.post(`/api/projects/${ids.main}/task-book`);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe("CONFLICT");
    // the other two are drawn for the steps below
    for (const id of [ids.over, ids.far])
      expect((await officer.post(`/api/projects/${id}/task-book`)).status).toBe(201);
  });
});

describe("confirming the task book", () => {
  it("lets each side confirm only its own side: the unit's administrator, the bureau's officer", async () => {
    const refused: Record<string, number> = {};
    for (const [u, event] of [
      ["dt-officer", "confirmUnit"],
      ["dt-pi", "confirmUnit"],
      ["dt-finance", "confirmUnit"],
      ["dt-district", "confirmUnit"],
      ["dt-unit", "confirmBureau"],
      ["dt-leader", "confirmBureau"],
      ["dt-finance", "confirmBureau"],
    ] as const)
      refused[`${u} ${event}`] = (
        await (await as(u)).post(`/api/projects/${ids.main}/task-book/events/${event}`)
      ).status;
    expect(Object.values(refused)).toEqual(Array(7).fill(403));
    // an event the machine does not have is not a route parameter it accepts
    expect(
      (await (await as("dt-officer")).post(`/api/projects/${ids.main}/task-book/events/sign`)).status,
    ).toBe(400);
    expect((await detail(ids.main)).taskBook).toMatchObject({
      status: "drafted",
      unitConfirmed: null,
      bureauConfirmed: null,
    });
  });

  it("refuses the scan before both sides confirmed, and moves on only when both have", async () => {
    const unit = await as("dt-unit");
    const officer = await as("dt-officer");
    expect((await upload(unit, ids.main, signDay())).body.code).toBe("INVALID_TRANSITION");
    const unitSide = await unit.post(`/api/projects/${ids.main}/task-book/events/confirmUnit`);
    expect(unitSide.body.taskBook).toMatchObject({
      status: "drafted",
      unitConfirmed: { byName: expect.any(String) },
    });
    const early = await upload(unit, ids.main, signDay());
    expect(early.status).toBe(422);
    expect(early.body.code).toBe("INVALID_TRANSITION");
    const both = await officer.post(`/api/projects/${ids.main}/task-book/events/confirmBureau`);
    expect(both.body.taskBook).toMatchObject({ status: "confirmed", actions: ["sign"] });
    // a confirmed task book takes no further confirmation
    expect((await officer.post(`/api/projects/${ids.main}/task-book/events/confirmBureau`)).body.code).toBe(
      "INVALID_TRANSITION",
    );
    // over: both sides confirm (signed below); far: only the bureau (its unit has no account here)
    expect((await unit.post(`/api/projects/${ids.over}/task-book/events/confirmUnit`)).status).toBe(200);
    expect((await officer.post(`/api/projects/${ids.over}/task-book/events/confirmBureau`)).status).toBe(200);
    expect((await officer.post(`/api/projects/${ids.far}/task-book/events/confirmBureau`)).status).toBe(200);
  });
});

describe("uploading the signed scan", () => {
  it("is the unit's administrator's or the bureau's (taskBook.sign), no one else's", async () => {
    for (const u of ["dt-pi", "dt-finance", "dt-leader", "dt-district"]) {
      const res = await upload(await as(u), ids.main, signDay());
      expect(res.status, u).toBe(403);
    }
  });

  it("takes a PDF or an image signed no later than today", async () => {
    const unit = await as("dt-unit");
    const text = await upload(unit, ids.main, signDay(), Buffer.from("任务书已签章，请查收。\n".repeat(20)));
    expect(text.status).toBe(415);
    expect(text.body.code).toBe("ATTACHMENT_TYPE_MISMATCH");
    const empty = await upload(unit, ids.main, signDay(), Buffer.alloc(0));
    expect(empty.body.code).toMatch(/^ATTACHMENT_/);
    expect(empty.status).toBe(400);
    const future = await upload(unit, ids.main, tomorrow());
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({ code: "VALIDATION", path: "signedOn" });
    const malformed = await upload(unit, ids.main, "2026-02-30");
    expect(malformed.status).toBe(400);
    // a JSON body is no file
    const json = await unit.request("PUT", `/api/projects/${ids.main}/task-book/scan?signedOn=${signDay()}`, {
      a: 1,
    });
    expect(json.status).toBe(415);
    expect((await detail(ids.main)).taskBook).toMatchObject({ status: "confirmed", signed: null });
  });

  it("is refused while finance has set no control number for the year, and nothing of it stays", async () => {
    // a scan of its own, so that no other upload has stored the same bytes
    const refused = Buffer.concat([scan, Buffer.from("% refused for want of a budget\n")]);
    const signing = await upload(await as("dt-unit"), ids.main, signDay(), refused);
    expect(signing.status).toBe(422);
    // the control number's source in the Datong policy (decision.budgetControl)
    expect(signing.body).toMatchObject({
      code: "LEDGER_NO_BUDGET",
      clause: "DT-RULES §4",
      details: { year: 2026 },
    });
    // the transaction rolled back: still confirmed, no scan, nothing committed, no posting
    const p = await detail(ids.main);
    expect(p).toMatchObject({
      stage: "taskBook",
      taskBook: { status: "confirmed", signed: null },
      money: { committedFen: 0, paidFen: 0, leftFen: 0 },
    });
    expect(p.timeline.map((e: { kind: string }) => e.kind)).not.toContain("taskBookSigned");
    expect((await (await as("dt-unit")).get(`/api/projects/${ids.main}/task-book/scan`)).status).toBe(404);
    // nor is the refused scan kept in the file store, where nothing would ever refer to it
    expect(await t.files.has(sha256Of(refused))).toBe(false);
    expect(await ledgerYears()).toEqual([]);
    expect(await postingsOf(ids.main)).toEqual([]);
  });

  it("commits the project's amount once finance set the year's control number", async () => {
    const set = await (await as("dt-finance")).put("/api/budget/control-numbers/2026", {
      amountFen: 100_000_000,
      docNumber: "同财教〔2026〕3号",
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const signed = await upload(await as("dt-unit"), ids.main, signDay());
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body).toMatchObject({
      stage: "executing",
      taskBook: { status: "signed", actions: [], signed: { signedOn: signDay(), fileName: "任务书.pdf" } },
      money: { committedFen: 50_000_000, paidFen: 0, leftFen: 50_000_000 },
      nodes: [{ code: "lumpSum", due: true, paymentId: null }],
    });
    expect(await postingsOf(ids.main)).toEqual(["commit"]);
    // signing again is refused by the task book's state, so the money is never committed twice
    expect((await upload(await as("dt-officer"), ids.main, signDay())).body.code).toBe("INVALID_TRANSITION");
    expect(await postingsOf(ids.main)).toEqual(["commit"]);
    // the scan is read back by the parties who read the project
    for (const u of ["dt-unit", "dt-finance", "dt-pi", "dt-district"]) {
      const file = await (await as(u)).get(`/api/projects/${ids.main}/task-book/scan`);
      expect(file.status, u).toBe(200);
      expect(file.headers["content-type"]).toContain("application/pdf");
      expect(Number(file.headers["content-length"])).toBe(scan.length);
    }
  });

  it("is refused when the project's amount exceeds what the year's budget has left", async () => {
    const signing = await upload(await as("dt-unit"), ids.over, signDay());
    expect(signing.status).toBe(422);
    expect(signing.body).toMatchObject({
      code: "LEDGER_OVER_BUDGET",
      details: { availableFen: 50_000_000, amountFen: 60_000_000 },
    });
    expect((await detail(ids.over)).taskBook).toMatchObject({ status: "confirmed", signed: null });
    expect(await postingsOf(ids.over)).toEqual([]);
    expect(await ledgerYears()).toEqual([
      expect.objectContaining({
        year: 2026,
        approvedFen: 100_000_000,
        committedFen: 50_000_000,
        availableFen: 50_000_000,
      }),
    ]);
  });
});

describe("preparing a payment", () => {
  it("takes an Idempotency-Key header of 8–100 letters, digits or -_:", async () => {
    const officer = await as("dt-officer");
    for (const key of [null, "short", "has spaces in it", "x".repeat(101), "键键键键键键键键"]) {
      const res = await prepare(officer, ids.main, "lumpSum", key);
      expect(res.status, String(key)).toBe(400);
      expect(res.body.code).toBe("VALIDATION");
    }
    expect((await detail(ids.main)).payments).toEqual([]);
  });

  it("is the program officer's alone (payment.prepare)", async () => {
    for (const u of ["dt-finance", "dt-unit", "dt-pi", "dt-leader", "dt-district"]) {
      const res = await prepare(await as(u), ids.main, "lumpSum", `prepare-by-${u}`);
      expect(res.status, u).toBe(403);
    }
  });

  it("waits for the node's condition: nothing is due before the task book is signed", async () => {
    const officer = await as("dt-officer");
    const early = await prepare(officer, ids.over, "lumpSum", "prepare-over-early");
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({
      code: "PAYMENT_NODE_NOT_DUE",
      details: { node: "lumpSum", after: "taskBookSigned" },
    });
    expect((await detail(ids.over)).nodes).toEqual([
      expect.objectContaining({ code: "lumpSum", due: false }),
    ]);
  });

  it("names a node of the task book", async () => {
    const res = await prepare(await as("dt-officer"), ids.main, "midTerm", "prepare-unknown-node");
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "VALIDATION", path: "node" });
  });

  it("prepares one payment per key; another key for the same node is a conflict; a key names one node", async () => {
    const officer = await as("dt-officer");
    const first = await prepare(officer, ids.main, "lumpSum", "prepare-main-0001", "首笔拨款");
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      projectId: ids.main,
      node: "lumpSum",
      amountFen: 50_000_000,
      status: "prepared",
      note: "首笔拨款",
      financeApproves: true,
      financeApprovalSource: { setting: "city" },
      actions: ["cancel"],
    });
    pays.cancelled = first.body.id;
    const replay = await prepare(officer, ids.main, "lumpSum", "prepare-main-0001");
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(pays.cancelled);
    // the partial unique index: one payment of a node under way or paid at a time
    const other = await prepare(officer, ids.main, "lumpSum", "prepare-main-0002");
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: "CONFLICT", path: "node" });
    // the key stands for one request: this node of this project
    const mismatch = await prepare(officer, ids.main, "final", "prepare-main-0001");
    expect(mismatch.status).toBe(409);
    expect(mismatch.body.code).toBe("LEDGER_IDEMPOTENCY_MISMATCH");
    const elsewhere = await prepare(officer, ids.over, "lumpSum", "prepare-main-0001");
    expect(elsewhere.body.code).toBe("LEDGER_IDEMPOTENCY_MISMATCH");
    expect((await detail(ids.main)).payments.map((p: { id: string }) => p.id)).toEqual([pays.cancelled]);
    // prepared is no money moved
    expect(await postingsOf(ids.main)).toEqual(["commit"]);
  });

  it("is cancelled by the bureau only, after which the node can be prepared again", async () => {
    for (const u of ["dt-finance", "dt-unit", "dt-leader"])
      expect((await fire(await as(u), pays.cancelled, "cancel")).status, u).toBe(403);
    const officer = await as("dt-officer");
    const cancelled = await fire(officer, pays.cancelled, "cancel");
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: "cancelled",
      cancelled: { byName: expect.any(String) },
      actions: [],
    });
    expect((await fire(officer, pays.cancelled, "cancel")).body.code).toBe("CONFLICT");
    expect((await fire(await as("dt-finance"), pays.cancelled, "approve")).body.code).toBe(
      "INVALID_TRANSITION",
    );
    const p = await detail(ids.main);
    expect(p.nodes).toEqual([
      expect.objectContaining({ code: "lumpSum", paymentId: null, paymentStatus: null }),
    ]);
    expect(p.actions).toContain("preparePayment");
    // the cancelled payment's key still replays the payment it prepared, cancelled as it is
    const old = await prepare(officer, ids.main, "lumpSum", "prepare-main-0001");
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({ id: pays.cancelled, status: "cancelled" });
  });

  it("gives one payment to 20 parallel requests under one key", async () => {
    const officer = await as("dt-officer");
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        prepare(officer, ids.main, "lumpSum", "prepare-main-0003", "重新提出"),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201]);
    const paymentIds = new Set(results.map((r) => r.body.id));
    expect(paymentIds.size).toBe(1);
    pays.main = [...paymentIds][0] as string;
    expect(pays.main).not.toBe(pays.cancelled);
    const p = await detail(ids.main);
    // both payments of the node, the cancelled one kept (prepared in one instant of the test clock: any order)
    expect(p.payments.map((x: { id: string; status: string }) => `${x.status} ${x.id}`).sort()).toEqual([
      `cancelled ${pays.cancelled}`,
      `prepared ${pays.main}`,
    ]);
    expect(p.nodes[0]).toMatchObject({ paymentId: pays.main, paymentStatus: "prepared" });
  });
});

describe("approving and paying", () => {
  it("pays nothing before finance approved it (the city's setting)", async () => {
    const early = await fire(
      await as("dt-officer"),
      pays.main,
      "pay",
      { treasuryRef: "GK-2026-0100" },
      "pay-main-early",
    );
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: "PAYMENT_NOT_APPROVED", setting: "city" });
    expect(await postingsOf(ids.main)).toEqual(["commit"]);
  });

  it("is approved by finance only (payment.approve), once", async () => {
    for (const u of ["dt-officer", "dt-unit", "dt-pi", "dt-leader", "dt-district"]) {
      const res = await fire(await as(u), pays.main, "approve");
      expect(res.status, u).toBe(403);
    }
    const finance = await as("dt-finance");
    // finance's list of what waits for it holds the payment
    const mine = (await finance.get("/api/payments?mine=true")).body.items.map((p: { id: string }) => p.id);
    expect(mine).toContain(pays.main);
    expect((await finance.get(`/api/payments/${pays.main}`)).body.actions).toEqual(["approve"]);
    const approved = await fire(finance, pays.main, "approve");
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: "approved", approved: { byName: expect.any(String) } });
    // a second approval is the other of two people pressing the button: 409
    expect((await fire(finance, pays.main, "approve")).body.code).toBe("CONFLICT");
    expect((await (await as("dt-officer")).get(`/api/payments/${pays.main}`)).body.actions.sort()).toEqual([
      "cancel",
      "pay",
    ]);
  });

  it("is marked paid by the bureau only, with the treasury's reference and an Idempotency-Key", async () => {
    const officer = await as("dt-officer");
    const noRef = await fire(officer, pays.main, "pay", {}, "pay-main-noref");
    expect(noRef.status).toBe(400);
    expect(noRef.body).toMatchObject({ code: "VALIDATION", path: "treasuryRef" });
    const noKey = await fire(officer, pays.main, "pay", { treasuryRef: "GK-2026-0101" });
    expect(noKey.status).toBe(400);
    expect(noKey.body).toMatchObject({ code: "VALIDATION", path: "idempotency-key" });
    const badKey = await fire(officer, pays.main, "pay", { treasuryRef: "GK-2026-0101" }, "bad key!");
    expect(badKey.status).toBe(400);
    for (const u of ["dt-finance", "dt-unit", "dt-leader"]) {
      const res = await fire(await as(u), pays.main, "pay", { treasuryRef: "GK-2026-0101" }, `pay-by-${u}`);
      expect(res.status, u).toBe(403);
    }
    expect((await officer.get(`/api/payments/${pays.main}`)).body).toMatchObject({
      status: "approved",
      paid: null,
    });
    expect(await postingsOf(ids.main)).toEqual(["commit"]);
  });

  /** The 20 racing requests' answers, kept for the test that documents their status. */
  let raced: { status: number; body: { code?: string } }[] = [];
  let winner = -1;

  it("pays exactly once when 20 requests under 20 keys race: one 200, 19 refused, one posting", async () => {
    const officer = await as("dt-officer");
    raced = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fire(
          officer,
          pays.main,
          "pay",
          { treasuryRef: `GK-2026-02${String(i).padStart(2, "0")}` },
          `pay-race-${String(i).padStart(4, "0")}`,
        ),
      ),
    );
    const ok = raced.flatMap((r, i) => (r.status === 200 ? [i] : []));
    expect(ok).toHaveLength(1);
    winner = ok[0] as number;
    // the others are refused: the node is paid
    expect(raced.filter((r) => r.status !== 200).map((r) => r.body.code)).toEqual(
      Array(19).fill("LEDGER_NODE_PAID"),
    );
    expect(await postingsOf(ids.main)).toEqual(["commit", "pay"]);
    const p = await detail(ids.main);
    expect(p.money).toEqual({ committedFen: 50_000_000, paidFen: 50_000_000, returnedFen: 0, leftFen: 0 });
    expect(p.payments.find((x: { id: string }) => x.id === pays.main)).toMatchObject({
      status: "paid",
      paid: { treasuryRef: `GK-2026-02${String(winner).padStart(2, "0")}` },
      actions: [],
    });
  });

  // Two people pressing the same button: one success and one clear 409 (the node is paid already).
  it("answers the losing pays and a later pay under another key 409 (done already)", async () => {
    expect(raced.filter((r) => r.status !== 200).map((r) => r.status)).toEqual(Array(19).fill(409));
    const later = await fire(
      await as("dt-officer"),
      pays.main,
      "pay",
      { treasuryRef: "GK-2026-0300" },
      "pay-main-later",
    );
    expect(later.status).toBe(409);
  });

  it("replays the paying request under its key; the same key with another reference is refused", async () => {
    const officer = await as("dt-officer");
    const key = `pay-race-${String(winner).padStart(4, "0")}`;
    const ref = `GK-2026-02${String(winner).padStart(2, "0")}`;
    const replay = await fire(officer, pays.main, "pay", { treasuryRef: ref }, key);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ id: pays.main, status: "paid", paid: { treasuryRef: ref } });
    const mismatch = await fire(officer, pays.main, "pay", { treasuryRef: "GK-2026-9999" }, key);
    expect(mismatch.status).toBe(409);
    expect(mismatch.body.code).toBe("LEDGER_IDEMPOTENCY_MISMATCH");
    // another key after it was paid: refused, nothing posted
    const later = await fire(officer, pays.main, "pay", { treasuryRef: ref }, "pay-main-later-0001");
    expect(later.status).toBe(409);
    expect(later.body.code).toBe("LEDGER_NODE_PAID");
    expect(await postingsOf(ids.main)).toEqual(["commit", "pay"]);
  });

  // A replay answers only those who may pay: the key that paid is no pass for anyone else.
  it("refuses the pay event to an account that may not pay, even under the key that paid", async () => {
    const key = `pay-race-${String(winner).padStart(4, "0")}`;
    const ref = `GK-2026-02${String(winner).padStart(2, "0")}`;
    for (const u of ["dt-unit", "dt-finance", "dt-pi"]) {
      const res = await fire(await as(u), pays.main, "pay", { treasuryRef: ref }, key);
      expect(res.status, u).toBe(403);
    }
  });

  it("never pays a node twice: a paid payment is not cancelled, its node not prepared again", async () => {
    const officer = await as("dt-officer");
    expect((await fire(officer, pays.main, "cancel")).body.code).toBe("INVALID_TRANSITION");
    const again = await prepare(officer, ids.main, "lumpSum", "prepare-main-0004");
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: "LEDGER_NODE_PAID", details: { node: "lumpSum" } });
    const p = await detail(ids.main);
    expect(p.actions).not.toContain("preparePayment");
    expect(p.nodes).toEqual([
      expect.objectContaining({
        code: "lumpSum",
        paidFen: 50_000_000,
        paymentId: pays.main,
        paymentStatus: "paid",
      }),
    ]);
  });
});

describe("a raised control number, and nobody approving their own payment", () => {
  it("lets the project refused for want of budget sign once the year's figure is raised", async () => {
    const raised = await (await as("dt-finance")).put("/api/budget/control-numbers/2026", {
      amountFen: 120_000_000,
      docNumber: "同财教〔2026〕9号",
    });
    expect(raised.status, JSON.stringify(raised.body)).toBe(200);
    const signed = await upload(await as("dt-officer"), ids.over, signDay());
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.money).toMatchObject({ committedFen: 60_000_000, leftFen: 60_000_000 });
    expect(await ledgerYears()).toEqual([
      {
        year: 2026,
        approvedFen: 120_000_000,
        committedFen: 110_000_000,
        paidFen: 50_000_000,
        returnedFen: 0,
        availableFen: 10_000_000,
      },
    ]);
  });

  it("refuses finance's approval to the person who prepared the payment, whatever else they are", async () => {
    const prepared = await prepare(dual, ids.over, "lumpSum", "prepare-over-dual");
    expect(prepared.status, JSON.stringify(prepared.body)).toBe(201);
    pays.over = prepared.body.id;
    // the payment offers them no approval, and refuses it when asked
    expect(prepared.body.actions).toEqual(["cancel"]);
    const own = await fire(dual, pays.over, "approve");
    expect(own.status).toBe(422);
    expect(own.body.code).toBe("PAYMENT_OWN_APPROVAL");
    expect((await (await as("dt-finance")).get(`/api/payments/${pays.over}`)).body.status).toBe("prepared");
    expect((await fire(await as("dt-finance"), pays.over, "approve")).status).toBe(200);
    const paid = await fire(dual, pays.over, "pay", { treasuryRef: "GK-2026-0400" }, "pay-over-0001");
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body.status).toBe("paid");
  });

  it("names a responsible officer only among the city's program officers, by the bureau", async () => {
    const finance = await whoIs(await as("dt-finance"));
    expect(
      (
        await (
          await as("dt-unit")
        ).put(`/api/projects/${ids.over}/responsible-officer`, { userId: dualUserId })
      ).status,
    ).toBe(403);
    const notOfficer = await (await as("dt-officer")).put(`/api/projects/${ids.over}/responsible-officer`, {
      userId: finance.userId,
    });
    expect(notOfficer.body).toMatchObject({ code: "VALIDATION", path: "userId" });
    const named = await (await as("dt-officer")).put(`/api/projects/${ids.over}/responsible-officer`, {
      userId: dualUserId,
    });
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    expect(named.body.responsibleOfficer).toEqual({ name: "兼任经办人 孙悦" });
  });
});

describe("every sub-route of a project outside the caller's scope", () => {
  type Route = {
    method: string;
    url: (id: string, pay: string) => string;
    permission: Permission;
    body?: object;
  };
  const routes: Route[] = [
    { method: "GET", url: (id) => `/api/projects/${id}`, permission: "project.read" },
    { method: "GET", url: (id) => `/api/projects/${id}/task-book.pdf`, permission: "project.read" },
    { method: "GET", url: (id) => `/api/projects/${id}/task-book/scan`, permission: "project.read" },
    { method: "POST", url: (id) => `/api/projects/${id}/task-book`, permission: "taskBook.manage" },
    {
      method: "POST",
      url: (id) => `/api/projects/${id}/task-book/events/confirmUnit`,
      permission: "taskBook.sign",
    },
    {
      method: "POST",
      url: (id) => `/api/projects/${id}/task-book/events/confirmBureau`,
      permission: "taskBook.sign",
    },
    {
      method: "PUT",
      url: (id) => `/api/projects/${id}/task-book/scan?signedOn=${signDay()}`,
      permission: "taskBook.sign",
    },
    {
      method: "PUT",
      url: (id) => `/api/projects/${id}/responsible-officer`,
      permission: "taskBook.manage",
      body: { userId: "00000000-0000-4000-8000-000000000000" },
    },
    {
      method: "POST",
      url: (id) => `/api/projects/${id}/payments`,
      permission: "payment.prepare",
      body: { node: "lumpSum" },
    },
    { method: "GET", url: (_, pay) => `/api/payments/${pay}`, permission: "project.read" },
    { method: "POST", url: (_, pay) => `/api/payments/${pay}/events/approve`, permission: "project.read" },
    {
      method: "POST",
      url: (_, pay) => `/api/payments/${pay}/events/pay`,
      permission: "project.read",
      body: { treasuryRef: "GK-X-0001" },
    },
    { method: "POST", url: (_, pay) => `/api/payments/${pay}/events/cancel`, permission: "project.read" },
  ];

  async function call(c: Client, r: Route, id: string, pay: string) {
    const url = r.url(id, pay);
    if (url.includes("/task-book/scan") && r.method === "PUT") return c.request("PUT", url, scan, scanUpload);
    return c.request(r.method, url, r.method === "GET" ? undefined : (r.body ?? {}), {
      "idempotency-key": "outsider-0001",
    });
  }

  /** 404 where the caller holds the route's permission (the row does not exist for them), else 403. */
  async function expectHidden(u: string, id: string, pay: string) {
    const c = await as(u);
    const roles = (await c.get("/api/auth/me")).body.roles as Role[];
    const failures: string[] = [];
    for (const r of routes) {
      const res = await call(c, r, id, pay);
      const want = can(roles, r.permission) ? 404 : 403;
      if (res.status !== want)
        failures.push(`${r.method} ${r.url(":id", ":pay")} as ${u} → ${res.status} (want ${want})`);
    }
    return failures;
  }

  it("answers another city's accounts 404 on every route of a Datong project and its payment", async () => {
    const failures: string[] = [];
    for (const u of ["ly-officer", "ly-finance", "ly-leader", "ly-unit", "ly-pi", "ly-district", "ly-lab"])
      failures.push(...(await expectHidden(u, ids.main, pays.main)));
    expect(failures).toEqual([]);
  });

  it("answers another unit of the city 404 on every route of the project and its payment", async () => {
    expect(await expectHidden("dt-unit2", ids.main, pays.main)).toEqual([]);
  });

  it("answers the demo district, unit and PI 404 on every route of another district's project", async () => {
    const failures: string[] = [];
    // far has no payment: its routes are checked with main's payment where the payment is the row,
    // so only the project routes matter here; the district, unit and PI read main's payment
    for (const u of ["dt-district", "dt-unit", "dt-pi"]) {
      const c = await as(u);
      const roles = (await c.get("/api/auth/me")).body.roles as Role[];
      for (const r of routes.filter((x) => x.url("x", "y").startsWith("/api/projects/"))) {
        const res = await call(c, r, ids.far, pays.main);
        const want = can(roles, r.permission) ? 404 : 403;
        if (res.status !== want)
          failures.push(`${r.method} ${r.url(":far", "")} as ${u} → ${res.status} (want ${want})`);
      }
    }
    expect(failures).toEqual([]);
    // the task book of far was drafted and confirmed by the bureau, and stays so
    expect((await detail(ids.far)).taskBook).toMatchObject({ status: "drafted", unitConfirmed: null });
  });

  it("keeps payments of other scopes out of every list", async () => {
    const listed = async (u: string) =>
      ((await (await as(u)).get("/api/payments")).body.items as { id: string }[]).map((p) => p.id);
    expect(await listed("ly-officer")).toEqual([]);
    expect(await listed("ly-finance")).toEqual([]);
    expect(await listed("dt-unit2")).toEqual([]);
    expect((await listed("dt-unit")).sort()).toEqual([pays.cancelled, pays.main, pays.over].sort());
    expect((await listed("dt-finance")).sort()).toEqual([pays.cancelled, pays.main, pays.over].sort());
    expect((await (await as("dt-expert")).get("/api/payments")).status).toBe(403);
  });
});

describe("the audit trail", () => {
  type Entry = {
    seq: number;
    action: string;
    entityType: string;
    entityId: string | null;
    actorUsername: string | null;
    after: Record<string, unknown> | null;
  };
  async function audit(entityType: string): Promise<Entry[]> {
    const auditor = await as("auditor");
    const out: Entry[] = [];
    for (let page = 1; ; page++) {
      const res = await auditor.get(`/api/audit?entityType=${entityType}&pageSize=200&page=${page}`);
      expect(res.status).toBe(200);
      out.push(...res.body.items);
      if (out.length >= res.body.total || res.body.items.length === 0) break;
    }
    return out.sort((a, b) => a.seq - b.seq);
  }

  it("records every change of a task book, and none of the refused attempts", async () => {
    const entries = await audit("project");
    const of = (id: string) =>
      entries.filter((e) => e.entityId === id).map((e) => `${e.action} ${e.actorUsername}`);
    // exactly one record of each task book step, by whom, whatever was refused in between
    const steps = of(ids.main).filter((a) => a.startsWith("taskBook."));
    expect(steps).toEqual([
      "taskBook.draw dt-officer",
      "taskBook.confirmUnit dt-unit",
      "taskBook.confirmBureau dt-officer",
      "taskBook.sign dt-unit",
    ]);
    expect(
      of(ids.over).filter((a) => a.startsWith("taskBook.") || a.startsWith("project.responsible")),
    ).toEqual([
      "taskBook.draw dt-officer",
      "taskBook.confirmUnit dt-unit",
      "taskBook.confirmBureau dt-officer",
      "taskBook.sign dt-officer",
      "project.responsibleOfficer dt-officer",
    ]);
    const sign = entries.find((e) => e.entityId === ids.main && e.action === "taskBook.sign");
    expect(sign?.after).toMatchObject({ status: "signed", signedOn: signDay(), committedFen: 50_000_000 });
  });

  it("records every step of every payment once, the pay with its treasury reference", async () => {
    const entries = await audit("payment");
    const of = (id: string) =>
      entries.filter((e) => e.entityId === id).map((e) => `${e.action} ${e.actorUsername}`);
    expect(of(pays.cancelled)).toEqual(["payment.prepare dt-officer", "payment.cancel dt-officer"]);
    expect(of(pays.main)).toEqual([
      "payment.prepare dt-officer",
      "payment.approve dt-finance",
      "payment.pay dt-officer",
    ]);
    expect(of(pays.over)).toEqual([
      "payment.prepare dt-dual",
      "payment.approve dt-finance",
      "payment.pay dt-dual",
    ]);
    const paid = entries.find((e) => e.entityId === pays.main && e.action === "payment.pay");
    expect(paid?.after).toEqual({ status: "paid", treasuryRef: expect.stringMatching(/^GK-2026-02\d\d$/) });
  });

  it("records each control number set, and the refused signings set none", async () => {
    const entries = (await audit("budgetControlNumber")).map((e) => [
      e.action,
      e.entityId,
      e.after?.amountFen,
    ]);
    expect(entries).toEqual([
      ["budget.controlNumber.set", "2026", 100_000_000],
      ["budget.controlNumber.set", "2026", 120_000_000],
    ]);
  });
});

describe("the ledger after these flows", () => {
  it("balances: each year's figures agree with the projects' accounts, and verifyLedger finds nothing", async () => {
    const years = await ledgerYears();
    expect(years).toEqual([
      {
        year: 2026,
        approvedFen: 120_000_000,
        committedFen: 110_000_000,
        paidFen: 110_000_000,
        returnedFen: 0,
        availableFen: 10_000_000,
      },
    ]);
    const [y] = years;
    expect(y.availableFen).toBe(y.approvedFen - y.committedFen);
    const projects = await Promise.all(Object.values(ids).map((id) => detail(id)));
    type Money = { committedFen: number; paidFen: number; leftFen: number };
    const sum = (f: (m: Money) => number) => projects.reduce((s, p) => s + f(p.money as Money), 0);
    expect(sum((m) => m.committedFen)).toBe(y.committedFen);
    expect(sum((m) => m.paidFen)).toBe(y.paidFen);
    expect(sum((m) => m.leftFen)).toBe(y.committedFen - y.paidFen);

    // the domain's invariants over the rows themselves (what npm run ledger:verify checks)
    const postings = await ledgerRepository(t.database.db).allPostings("datong");
    const exec = executionRepository(t.database.db);
    const known = new Map<string, LedgerProject>();
    for (const id of Object.values(ids)) {
      const found = await exec.project({ kind: "city", cityId: "datong" }, id);
      if (!found) throw new Error(`project ${id} missing`);
      known.set(id, ledgerProjectOf(found.p, await exec.taskBook("datong", id)));
    }
    expect(verifyLedger(postings, known)).toEqual([]);
    expect(postings.map((p) => p.kind).sort()).toEqual([
      "appropriate",
      "appropriate",
      "commit",
      "commit",
      "pay",
      "pay",
    ]);
    // one payment per node, and each pay posting has the id of the payment it settles
    expect(
      postings
        .filter((p) => p.kind === "pay")
        .map((p) => p.id)
        .sort(),
    ).toEqual([pays.main, pays.over].sort());
  });
});
