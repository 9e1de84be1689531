import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scan } from "../../db/seed/demo-review.ts";
import { plain, readPdf } from "../../lib/documents/test-pdf.ts";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { createRepositories } from "../../repositories.ts";
import { commissionedProject } from "../../test/project-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";
import { checkLedger } from "../ledger/check-ledger.ts";

// A Datong project from its approval to its first payment: the task book drawn, confirmed by both
// sides, its signed scan uploaded (the money committed), the payment prepared, approved by finance
// and marked paid exactly once.

let t: TestApp;
let as: (u: string) => Promise<Client>;
let id = "";
const upload = {
  "content-type": "application/octet-stream",
  "x-file-name": encodeURIComponent("任务书.pdf"),
};

beforeAll(async () => {
  t = await createTestApp();
  as = oneSessionEach((u) => t.as(u));
  const finance = await as("dt-finance");
  await finance.put("/api/budget/control-numbers/2026", {
    amountFen: 100_000_000,
    docNumber: "同财教〔2026〕3号",
  });
  id = await commissionedProject(t, as, { title: "矿井突水应急监测技术攻关", amountFen: 50_000_000 });
  as = oneSessionEach((u) => t.as(u));
}, 120_000);
afterAll(() => t.close());

describe("a project's task book and first payment", () => {
  it("is drawn by the bureau with the city's payment node", async () => {
    expect((await (await as("dt-unit")).post(`/api/projects/${id}/task-book`)).status).toBe(403);
    const drawn = await (await as("dt-officer")).post(`/api/projects/${id}/task-book`);
    expect(drawn.status, JSON.stringify(drawn.body)).toBe(201);
    expect(drawn.body).toMatchObject({
      stage: "taskBook",
      taskBook: { status: "drafted", actions: ["confirmBureau"] },
      nodes: [
        {
          code: "lumpSum",
          after: "taskBookSigned",
          amountFen: 50_000_000,
          due: false,
          source: { setting: "city" },
        },
      ],
      responsibleOfficer: { name: expect.any(String) },
    });
    expect((await (await as("dt-officer")).post(`/api/projects/${id}/task-book`)).status).toBe(409);
    const pdf = await (await as("dt-unit")).get(`/api/projects/${id}/task-book.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers["content-type"]).toContain("application/pdf");
  });

  it("is confirmed by both sides, then signed with its scan, committing the money", async () => {
    const unit = await as("dt-unit");
    expect(
      (await unit.request("PUT", `/api/projects/${id}/task-book/scan?signedOn=2026-03-12`, scan, upload)).body
        .code,
    ).toBe("INVALID_TRANSITION");
    expect((await unit.post(`/api/projects/${id}/task-book/events/confirmUnit`)).body.taskBook.status).toBe(
      "drafted",
    );
    expect((await unit.post(`/api/projects/${id}/task-book/events/confirmUnit`)).status).toBe(409);
    const both = await (await as("dt-officer")).post(`/api/projects/${id}/task-book/events/confirmBureau`);
    expect(both.body.taskBook.status).toBe("confirmed");
    const signed = await unit.request(
      "PUT",
      `/api/projects/${id}/task-book/scan?signedOn=2026-03-12`,
      scan,
      upload,
    );
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body).toMatchObject({
      stage: "executing",
      taskBook: { status: "signed", signed: { fileName: "任务书.pdf", signedOn: "2026-03-12" } },
      money: { committedFen: 50_000_000, paidFen: 0, leftFen: 50_000_000 },
      nodes: [{ due: true }],
    });
  });

  it("pays once: prepared, approved by finance, marked paid; 20 parallel retries pay nothing more", async () => {
    const officer = await as("dt-officer");
    const prepared = await officer.request(
      "POST",
      `/api/projects/${id}/payments`,
      { node: "lumpSum", note: "首笔拨款" },
      { "idempotency-key": "prepare-0001" },
    );
    expect(prepared.status, JSON.stringify(prepared.body)).toBe(201);
    const payId = prepared.body.id;
    const again = await officer.request(
      "POST",
      `/api/projects/${id}/payments`,
      { node: "lumpSum" },
      { "idempotency-key": "prepare-0001" },
    );
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(payId);
    const early = await officer.request(
      "POST",
      `/api/payments/${payId}/events/pay`,
      { treasuryRef: "GK-2026-0001" },
      { "idempotency-key": "pay-00000001" },
    );
    expect(early.body.code).toBe("PAYMENT_NOT_APPROVED");
    const approved = await (await as("dt-finance")).post(`/api/payments/${payId}/events/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        officer.request(
          "POST",
          `/api/payments/${payId}/events/pay`,
          { treasuryRef: "GK-2026-0001" },
          { "idempotency-key": "pay-00000001" },
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const project = (await officer.get(`/api/projects/${id}`)).body;
    expect(project.money).toMatchObject({ paidFen: 50_000_000, leftFen: 0 });
    expect(project.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      "approved",
      "taskBookDrawn",
      "taskBookUnitConfirmed",
      "taskBookBureauConfirmed",
      "taskBookSigned",
      "paymentPrepared",
      "paymentApproved",
      "paymentPaid",
    ]);
    const years = (await (await as("dt-finance")).get("/api/ledger/years")).body;
    expect(years).toEqual([
      {
        year: 2026,
        approvedFen: 100_000_000,
        committedFen: 50_000_000,
        paidFen: 50_000_000,
        returnedFen: 0,
        availableFen: 50_000_000,
      },
    ]);
  });

  it("leaves a ledger that keeps every invariant (what npm run ledger:verify checks)", async () => {
    const reports = await checkLedger(createRepositories(t.database.db, t.auditKeys));
    expect(reports.flatMap((r) => r.findings)).toEqual([]);
    expect(reports.find((r) => r.cityId === "datong")?.years).toEqual([
      expect.objectContaining({ year: 2026, paidFen: 50_000_000 }),
    ]);
  });
});

/** A file's bytes as the server sent them. */
async function download(c: Client, url: string) {
  const res = await t.app.inject({ method: "GET", url, headers: { cookie: c.cookie } });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload };
}

describe("the ledger's export", () => {
  it("gives finance each project's balances and payments, and the totals by program, district and unit", async () => {
    const file = await download(await as("dt-finance"), "/api/ledger/export.xlsx?year=2026");
    expect(file.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "项目余额",
      "拨款明细",
      "按年度",
      "按计划类别",
      "按县区",
      "按单位",
    ]);
    const row = (sheet: string) => (book.getWorksheet(sheet)?.getRow(2).values ?? []) as unknown[];
    const balance = row("项目余额");
    expect(balance.slice(1)).toEqual([
      "DT-2026-YF-001",
      "矿井突水应急监测技术攻关",
      expect.any(String),
      expect.any(String),
      "重点研发计划",
      2026,
      500000,
      500000,
      500000,
      0,
      0,
    ]);
    expect(row("拨款明细").slice(1, 6)).toEqual([
      "DT-2026-YF-001",
      expect.any(String),
      "lumpSum",
      500000,
      "paid",
    ]);
    expect((await download(await as("dt-unit"), "/api/ledger/export.xlsx")).status).toBe(403);
  });
});

describe("the task book's documents and terms", () => {
  it("prints the parties, the node with its basis and the city's terms with their clauses, as PDF and .docx", async () => {
    const unit = await as("dt-unit");
    const pdf = await download(unit, `/api/projects/${id}/task-book.pdf`);
    expect(pdf.status).toBe(200);
    const text = plain(await readPdf(pdf.bytes));
    for (const s of [
      "大同市科技计划项目任务书",
      "矿井突水应急监测技术攻关",
      "任务书签订后",
      "500,000.00",
      "本市设定",
      "八、双方约定",
      "DT-RULES§19",
    ]) {
      expect(text).toContain(s);
    }
    const docx = await download(unit, `/api/projects/${id}/task-book.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers["content-type"]).toContain("wordprocessingml");
    expect(docx.bytes.subarray(0, 2).toString()).toBe("PK");
    expect((await download(await as("ly-officer"), `/api/projects/${id}/task-book.docx`)).status).toBe(404);
  });

  it("are the bureau's to edit; a task book drawn before keeps the terms it was drawn with", async () => {
    const officer = await as("dt-officer");
    const before = (await officer.get("/api/task-book-template")).body;
    expect(before.edited).toBeNull();
    expect(before.terms[0]).toMatchObject({ source: { clause: "DT-RULES §18" } });
    expect((await (await as("dt-unit")).put("/api/task-book-template", { terms: before.terms })).status).toBe(
      403,
    );
    expect((await officer.put("/api/task-book-template", { terms: [] })).status).toBe(400);
    const terms = [
      ...before.terms,
      { textZh: "乙方每季度末报送项目执行情况。", source: { setting: "city" } },
    ];
    const saved = await officer.put("/api/task-book-template", { terms });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ terms, edited: { byName: expect.any(String) } });
    const project = (await officer.get(`/api/projects/${id}`)).body;
    expect(project.taskBook.content.terms).toEqual(before.terms);
    // Luoyang's bureau keeps its own
    expect((await (await as("ly-officer")).get("/api/task-book-template")).body.terms[0].source).toEqual({
      clause: "LY-FUNDS §13(一)",
    });
  });
});
