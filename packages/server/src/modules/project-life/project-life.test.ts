import { chinaDateOf, suspensionsOf, verifyLedger } from "@luoshu/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { insertedProject, signedTaskBook, whoIs } from "../../test/project-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";
import { executionRepository } from "../execution/execution.repository.ts";
import { ledgerProjectOf } from "../execution/task-books.ts";
import { ledgerRepository } from "../ledger/ledger.repository.ts";
import { projectLifeRepository } from "./project-life.repository.ts";

// A Datong project's early end (DT-RULES §20–22) and the measures the bureau records, on four
// projects of the demo unit (平城区) with its PI, each ¥500,000 paid in one node once signed (a city
// setting): `paid` is terminated on the unit's application, `revoked` is revoked, `held` is
// suspended and lifted, `unpaid` is terminated before any payment. The tests run in order.

let t: TestApp;
let as: (u: string) => Promise<Client>;
const ids = { paid: "", revoked: "", held: "", unpaid: "" };
const today = () => chinaDateOf(t.clock.now());
const detail = async (id: string, u = "dt-officer") => (await (await as(u)).get(`/api/projects/${id}`)).body;
const keyed = (c: Client, url: string, body: object, key: string) =>
  c.request("POST", url, body, { "idempotency-key": key });

/** Prepares, approves (finance) and pays a project's one node. */
async function payNode(id: string, key: string) {
  const prepared = await keyed(
    await as("dt-officer"),
    `/api/projects/${id}/payments`,
    { node: "lumpSum" },
    `${key}-prep`,
  );
  expect(prepared.status, JSON.stringify(prepared.body)).toBe(201);
  await (await as("dt-finance")).post(`/api/payments/${prepared.body.id}/events/approve`, {});
  return keyed(
    await as("dt-officer"),
    `/api/payments/${prepared.body.id}/events/pay`,
    { treasuryRef: `GK-${key}` },
    `${key}-pay`,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  as = oneSessionEach((u) => t.as(u));
  const unit = await whoIs(await as("dt-unit"));
  const pi = await whoIs(await as("dt-pi"));
  expect(
    (
      await (
        await as("dt-finance")
      ).put("/api/budget/control-numbers/2026", {
        amountFen: 500_000_000,
        docNumber: "同财教〔2026〕9号",
      })
    ).status,
  ).toBe(200);
  let n = 0;
  for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
    n += 1;
    ids[key] = await insertedProject(t, {
      cityId: "datong",
      number: `DT-2026-ZD-90${n}`,
      program: "keyRnd",
      title: `项目生命周期测试 ${key}`,
      amountFen: 50_000_000,
      unitId: unit.unitId ?? "",
      piUserId: pi.userId,
    });
    await signedTaskBook(await as("dt-officer"), await as("dt-unit"), ids[key], today());
  }
  for (const key of ["paid", "revoked"] as const) expect((await payNode(ids[key], key)).status).toBe(200);
}, 180_000);
afterAll(() => t.close());

describe("termination on the unit's application (DT-RULES §20)", () => {
  it("is applied for by the unit's administrator only, on a ground Datong names", async () => {
    const body = {
      ground: "forceMajeure",
      reason: "实施地发生严重地质灾害，试验场地无法使用。",
      spentFen: 30_000_000,
    };
    expect((await (await as("dt-pi")).post(`/api/projects/${ids.paid}/termination`, body)).status).toBe(403);
    expect((await (await as("dt-unit2")).post(`/api/projects/${ids.paid}/termination`, body)).status).toBe(
      404,
    );
    const wrong = await (await as("dt-unit")).post(`/api/projects/${ids.paid}/termination`, {
      ...body,
      ground: "fraud",
    });
    expect(wrong.status).toBe(400);
    const applied = await (await as("dt-unit")).post(`/api/projects/${ids.paid}/termination`, body);
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect(applied.body.life.closures).toMatchObject([
      { kind: "termination", status: "requested", spentFen: 30_000_000 },
    ]);
    expect(applied.body.life.actions).not.toContain("applyTermination");
    // one live application per project: the second is the other of two clicks
    const twice = await (await as("dt-unit")).post(`/api/projects/${ids.paid}/termination`, body);
    expect(twice.status).toBe(409);
    expect((await detail(ids.paid)).life.actions).toEqual(
      expect.arrayContaining(["decideTermination", "revoke"]),
    );
    const waiting = await (await as("dt-officer")).get("/api/project-closures");
    expect(waiting.body.items.map((x: { projectId: string }) => x.projectId)).toEqual([ids.paid]);
  });

  it("is decided by the bureau: the balance to return is what was paid less what was spent", async () => {
    const body = { note: "经审定，同意终止。" };
    expect(
      (await (await as("dt-unit")).post(`/api/projects/${ids.paid}/termination/events/approve`, body)).status,
    ).toBe(403);
    const [a, b] = await Promise.all([
      (await as("dt-officer")).post(`/api/projects/${ids.paid}/termination/events/approve`, body),
      (await as("dt-officer")).post(`/api/projects/${ids.paid}/termination/events/approve`, body),
    ]);
    expect([a?.status, b?.status].sort()).toEqual([200, 409]);
    const p = await detail(ids.paid);
    expect(p.stage).toBe("closed");
    expect(p.life.closedAs).toBe("terminated");
    expect(p.life.closures[0]).toMatchObject({
      status: "decided",
      releaseFen: 0,
      dueFen: 20_000_000,
      outstandingFen: 20_000_000,
      source: { clause: "DT-RULES §20" },
    });
    expect(p.timeline.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(["terminationApplied", "projectTerminated"]),
    );
    expect((await (await as("dt-officer")).get("/api/project-closures")).body.total).toBe(0);
  });

  it("records the balance's return once, however often it is sent, never past what is due", async () => {
    const officer = await as("dt-officer");
    const over = await keyed(
      officer,
      `/api/projects/${ids.paid}/returns`,
      { amountFen: 20_000_001, reference: "GK-BACK-0" },
      "back-over-1",
    );
    expect(over.body.code).toBe("CLOSURE_OVER_DUE");
    const sent = await Promise.all(
      Array.from({ length: 10 }, () =>
        keyed(
          officer,
          `/api/projects/${ids.paid}/returns`,
          { amountFen: 15_000_000, reference: "GK-BACK-1" },
          "back-once-1",
        ),
      ),
    );
    expect(sent.map((r) => r.status)).toEqual(Array(10).fill(201));
    const other = await keyed(
      officer,
      `/api/projects/${ids.paid}/returns`,
      { amountFen: 1, reference: "GK-BACK-1" },
      "back-once-1",
    );
    expect(other.body.code).toBe("LEDGER_IDEMPOTENCY_MISMATCH");
    const rest = await keyed(
      officer,
      `/api/projects/${ids.paid}/returns`,
      { amountFen: 5_000_000, reference: "GK-BACK-2" },
      "back-rest-1",
    );
    expect(rest.status).toBe(201);
    expect(rest.body.life.closures[0]).toMatchObject({ settledFen: 20_000_000, outstandingFen: 0 });
    expect(rest.body.money).toMatchObject({ paidFen: 50_000_000, returnedFen: 20_000_000 });
    expect(rest.body.life.actions).not.toContain("recordReturn");
  });

  it("releases the whole commitment of a project terminated before any payment, and pays it nothing after", async () => {
    const unit = await as("dt-unit");
    await unit.post(`/api/projects/${ids.unpaid}/termination`, {
      ground: "infeasibleRoute",
      reason: "中试表明原技术路线无法达到任务书指标。",
      spentFen: 0,
    });
    const refused = await (await as("dt-officer")).post(
      `/api/projects/${ids.unpaid}/termination/events/refuse`,
      {
        note: "请补充中试数据后再议。",
      },
    );
    expect(refused.body.life.closures[0].status).toBe("refused");
    expect(refused.body.life.closedAs).toBeNull();
    // refused, the unit may apply again
    expect(refused.body.life.actions).not.toContain("decideTermination");
    await unit.post(`/api/projects/${ids.unpaid}/termination`, {
      ground: "infeasibleRoute",
      reason: "补充中试数据表明原技术路线不可行。",
      spentFen: 0,
    });
    const approved = await (await as("dt-officer")).post(
      `/api/projects/${ids.unpaid}/termination/events/approve`,
      {
        note: "同意终止。",
      },
    );
    // the test clock stands still: both applications share an instant, so find the decided one
    const decided = approved.body.life.closures.find((c: { status: string }) => c.status === "decided");
    expect(decided).toMatchObject({ releaseFen: 50_000_000, dueFen: 0 });
    expect(approved.body.money).toMatchObject({ committedFen: 0, leftFen: 0 });
    const pay = await keyed(
      await as("dt-officer"),
      `/api/projects/${ids.unpaid}/payments`,
      { node: "lumpSum" },
      "after-close-1",
    );
    expect(pay.body.code).toBe("PROJECT_CLOSED");
  });
});

describe("revocation and the blacklist (DT-RULES §21–22)", () => {
  it("is the bureau's alone, and recovers everything paid while listing the unit and the PI", async () => {
    const body = { ground: "taskBookBreach", reason: "未按计划任务书约定实施，擅自变更研究内容。" };
    expect((await (await as("dt-unit")).post(`/api/projects/${ids.revoked}/revocation`, body)).status).toBe(
      403,
    );
    expect(
      (await (await as("dt-finance")).post(`/api/projects/${ids.revoked}/revocation`, body)).status,
    ).toBe(403);
    const revoked = await (await as("dt-officer")).post(`/api/projects/${ids.revoked}/revocation`, body);
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(201);
    expect(revoked.body.life).toMatchObject({
      closedAs: "revoked",
      closures: [
        { kind: "revocation", status: "decided", dueFen: 50_000_000, source: { clause: "DT-RULES §21" } },
      ],
    });
    const again = await (await as("dt-officer")).post(`/api/projects/${ids.revoked}/revocation`, body);
    expect(again.body.code).toBe("PROJECT_CLOSED");
    const records = (await (await as("dt-officer")).get("/api/integrity-records")).body;
    const listed = records.filter((r: { reason: string }) => r.reason.includes("DT-2026-ZD-902"));
    expect(listed).toHaveLength(2);
    for (const r of listed)
      expect(r).toMatchObject({
        kind: "blacklist",
        untilDate: null,
        clause: "DT-RULES §22",
        blocksApplications: true,
      });
    expect(listed.map((r: { subject: string }) => r.subject).sort()).toEqual(["person", "unit"]);
  });

  it("tracks the recovery in the ledger as recover postings matched to the payment", async () => {
    const officer = await as("dt-officer");
    const part = await keyed(
      officer,
      `/api/projects/${ids.revoked}/returns`,
      { amountFen: 10_000_000, reference: "ZJ-1" },
      "recover-part-1",
    );
    expect(part.body.life.closures[0]).toMatchObject({ settledFen: 10_000_000, outstandingFen: 40_000_000 });
    const kinds = (await ledgerRepository(t.database.db).postingsOfProject("datong", ids.revoked)).map(
      (p) => p.kind,
    );
    expect(kinds.sort()).toEqual(["commit", "pay", "recover"]);
  });

  it("lasts until lifted by a recorded decision", async () => {
    const records = (await (await as("dt-officer")).get("/api/integrity-records")).body;
    const unitRecord = records.find(
      (r: { reason: string; subject: string }) => r.reason.includes("DT-2026-ZD-902") && r.subject === "unit",
    );
    expect(
      (await (await as("dt-unit")).post(`/api/integrity-records/${unitRecord.id}/lift`, { reason: "x" }))
        .status,
    ).toBe(403);
    const lifted = await (await as("dt-officer")).post(`/api/integrity-records/${unitRecord.id}/lift`, {
      reason: "经复核，单位已完成整改并退回全部资金。",
    });
    expect(lifted.status, JSON.stringify(lifted.body)).toBe(200);
    expect(lifted.body).toMatchObject({
      inForce: false,
      blocksApplications: false,
      lifted: { reason: "经复核，单位已完成整改并退回全部资金。" },
    });
    const twice = await (await as("dt-officer")).post(`/api/integrity-records/${unitRecord.id}/lift`, {
      reason: "重复",
    });
    expect(twice.status).toBe(409);
  });
});

describe("sanctions in Datong", () => {
  it("records only the measures Datong's policy names (a city setting), and only by the S&T bureau", async () => {
    const base = { fromDate: today(), untilDate: null, reason: "中期检查发现资金使用不规范。" };
    const ban = await (await as("dt-officer")).post(`/api/projects/${ids.held}/sanctions`, {
      ...base,
      kind: "eligibilityBan",
      authority: "scienceBureau",
    });
    expect(ban.body).toMatchObject({ code: "VALIDATION", path: "kind", details: { setting: "city" } });
    const byFinance = await (await as("dt-finance")).post(`/api/projects/${ids.held}/sanctions`, {
      ...base,
      kind: "interview",
      authority: "financeBureau",
    });
    expect(byFinance.body).toMatchObject({ code: "VALIDATION", path: "authority" });
    const dated = await (await as("dt-officer")).post(`/api/projects/${ids.held}/sanctions`, {
      ...base,
      kind: "interview",
      authority: "scienceBureau",
      untilDate: today(),
    });
    expect(dated.body).toMatchObject({ code: "VALIDATION", path: "untilDate" });
    expect(
      (
        await (
          await as("dt-unit")
        ).post(`/api/projects/${ids.held}/sanctions`, {
          ...base,
          kind: "interview",
          authority: "scienceBureau",
        })
      ).status,
    ).toBe(403);
    const interview = await (await as("dt-officer")).post(`/api/projects/${ids.held}/sanctions`, {
      ...base,
      kind: "interview",
      authority: "scienceBureau",
    });
    expect(interview.status, JSON.stringify(interview.body)).toBe(201);
    expect(interview.body.life.sanctions[0]).toMatchObject({
      kind: "interview",
      source: { setting: "city" },
      actions: [],
    });
    const lift = await (await as("dt-officer")).post(
      `/api/projects/${ids.held}/sanctions/${interview.body.life.sanctions[0].id}/lift`,
      { reason: "约谈已完成" },
    );
    expect(lift.body.code).toBe("INVALID_TRANSITION");
  });

  it("refuses to pay a suspended project, even a payment finance approved before, until the suspension is lifted", async () => {
    const prepared = await keyed(
      await as("dt-officer"),
      `/api/projects/${ids.held}/payments`,
      { node: "lumpSum" },
      "held-prep-1",
    );
    expect(prepared.status).toBe(201);
    await (await as("dt-finance")).post(`/api/payments/${prepared.body.id}/events/approve`, {});
    const suspended = await (await as("dt-officer")).post(`/api/projects/${ids.held}/sanctions`, {
      kind: "paymentSuspension",
      authority: "scienceBureau",
      fromDate: today(),
      untilDate: null,
      reason: "资金使用存在违规，暂停拨款待整改。",
    });
    expect(suspended.body.life.suspended).toBe(true);
    const refused = await keyed(
      await as("dt-officer"),
      `/api/payments/${prepared.body.id}/events/pay`,
      { treasuryRef: "GK-HELD-1" },
      "held-pay-1",
    );
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe("LEDGER_PROJECT_SUSPENDED");
    expect((await detail(ids.held)).money.paidFen).toBe(0);
    const sanction = suspended.body.life.sanctions.find(
      (s: { kind: string }) => s.kind === "paymentSuspension",
    );
    expect(sanction.actions).toEqual(["lift"]);
    expect(
      (
        await (
          await as("dt-unit")
        ).post(`/api/projects/${ids.held}/sanctions/${sanction.id}/lift`, { reason: "已整改" })
      ).status,
    ).toBe(403);
    const lifted = await (await as("dt-officer")).post(
      `/api/projects/${ids.held}/sanctions/${sanction.id}/lift`,
      {
        reason: "已完成整改，恢复拨款。",
      },
    );
    expect(lifted.body.life.suspended).toBe(false);
    const paid = await keyed(
      await as("dt-officer"),
      `/api/payments/${prepared.body.id}/events/pay`,
      { treasuryRef: "GK-HELD-1" },
      "held-pay-2",
    );
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  });

  it("leaves a ledger that keeps every invariant, suspensions included", async () => {
    const exec = executionRepository(t.database.db);
    const life = projectLifeRepository(t.database.db);
    const postings = await ledgerRepository(t.database.db).allPostings("datong");
    const known = new Map();
    for (const id of Object.values(ids)) {
      const found = await exec.project({ kind: "city", cityId: "datong" }, id);
      if (!found) throw new Error(`project ${id} missing`);
      const suspensions = suspensionsOf(await life.sanctions("datong", id));
      known.set(id, ledgerProjectOf(found.p, await exec.taskBook("datong", id), suspensions));
    }
    expect(verifyLedger(postings, known)).toEqual([]);
  });
});
