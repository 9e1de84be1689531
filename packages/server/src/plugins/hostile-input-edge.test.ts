import { maxEnteredFen } from "@luoshu/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fullContent, pdf, startApplication } from "../test/application-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../test/test-app.ts";

// Each hostile input of issue 12 item 4 (and the upload and money parts of item 8), one by one: the
// answer is a 4xx problem document that names the field in both languages, never a 5xx.

let t: TestApp;
let officer: Client;
let pi: Client;
let sysadmin: Client;
let applicationId: string;
beforeAll(async () => {
  t = await createTestApp();
  officer = await t.as("ly-officer");
  pi = await t.as("ly-pi");
  sysadmin = await t.as("sysadmin");
  const guides = await pi.get("/api/guides");
  applicationId = await startApplication(pi, guides.body.items[0].calls[0].id);
});
afterAll(() => t.close());

function expectProblem(res: { status: number; body: any; headers: Record<string, unknown> }, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
  expect(res.body.messageZh).toMatch(/[\u4e00-\u9fa5]/);
  expect(res.body.messageEn).toBeTruthy();
  return res.body;
}

const integrityRecord = (over: Record<string, unknown>) => ({
  subject: "person",
  personName: "张三",
  idNumber: "410305198603120011",
  kind: "blacklist",
  fromDate: "2026-01-01",
  untilDate: null,
  reason: "数据造假",
  clause: "LY-FUNDS §30",
  ...over,
});

describe("NUL characters and lone surrogates", () => {
  it("refuses a NUL anywhere in a JSON body, naming the field", async () => {
    const body = expectProblem(
      await officer.post("/api/integrity-records", integrityRecord({ reason: "数据\u0000造假" })),
      400,
    );
    expect(body).toMatchObject({ code: "VALIDATION", path: "reason" });
    expect(body.messageZh).toContain("空字符");
    expect(body.messageEn).toContain("NUL");
    const nested = { ...fullContent(), team: [{ ...fullContent().team[0], name: "周\u0000博" }] };
    expect(expectProblem(await pi.put(`/api/applications/${applicationId}/content`, nested), 400).path).toBe(
      "team.0.name",
    );
  });

  it("refuses a NUL in a query string and in a path parameter", async () => {
    const query = expectProblem(await sysadmin.get("/api/users?keyword=a%00b"), 400);
    expect(query).toMatchObject({ code: "VALIDATION", path: "query.keyword" });
    const path = expectProblem(await t.anonymous.get("/api/policies/luo%00yang/2025"), 400);
    expect(path).toMatchObject({ code: "VALIDATION", path: "params.city" });
  });

  it("refuses lone surrogates in a JSON body (the escape text, as JSON.stringify writes it)", async () => {
    for (const bad of ["\ud800", "a\udc00b", "\udbff"]) {
      const res = await officer.post("/api/integrity-records", integrityRecord({ clause: bad }));
      const body = expectProblem(res, 400);
      expect(body).toMatchObject({ code: "VALIDATION", path: "clause" });
      expect(body.messageEn).toContain("lone surrogate");
    }
    // A well-formed pair (an emoji) is text like any other.
    expect(
      (
        await pi.post("/api/applications", {
          callId: (await pi.get("/api/guides")).body.items[0].calls[0].id,
          title: "测试 😀 项目",
        })
      ).status,
    ).toBe(201);
  });

  it("refuses JSON bodies whose bytes are not UTF-8 instead of replacing them with U+FFFD", async () => {
    const payload = Buffer.concat([
      Buffer.from('{"city":"luoyang","program":"soft'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('","lines":[]}'),
    ]);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/budget/check",
      headers: { "content-type": "application/json" },
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({
      code: "BAD_JSON",
      messageEn: "The body is not valid UTF-8 text.",
    });
  });
});

describe("undecodable percent-encoding", () => {
  it("refuses a broken escape in a query string instead of keeping it undecoded", async () => {
    for (const bad of ["%E0%A4%A", "%ff", "%ED%A0%80", "%"]) {
      const body = expectProblem(await sysadmin.get(`/api/users?keyword=${bad}`), 400);
      expect(body).toMatchObject({ code: "VALIDATION", path: "query.keyword" });
      expect(body.messageZh).toContain("百分号编码无效");
    }
  });

  it("answers a broken escape in the path with a problem document (Fastify's router refuses it first)", async () => {
    for (const bad of ["%E0%A4%A", "%ff", "%ED%A0%80"]) {
      const res = await t.app.inject({ method: "GET", url: `/api/units/${bad}` });
      expect(res.statusCode).toBe(400);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect(JSON.parse(res.body)).toMatchObject({ code: "BAD_REQUEST", status: 400 });
      expect(JSON.parse(res.body).messageZh).toContain("百分号编码无效");
    }
  });
});

describe("year-0 and absurd dates", () => {
  it("refuses dates outside 1900–2100 in every date field, with the reason in both languages", async () => {
    for (const fromDate of ["0000-01-01", "0001-01-01", "2101-01-01", "1899-12-31"]) {
      const body = expectProblem(
        await officer.post("/api/integrity-records", integrityRecord({ fromDate })),
        400,
      );
      expect(body).toMatchObject({ code: "VALIDATION", path: "fromDate" });
      expect(body.messageZh).toContain("年份须在 1900 至 2100 年之间");
      expect(body.messageEn).toContain("between 1900 and 2100");
    }
    for (const fromDate of ["99999-01-01", "2026-02-30", "2026-13-01", "+099999-01-01"])
      expect((await officer.post("/api/integrity-records", integrityRecord({ fromDate }))).status).toBe(400);

    const content = fullContent();
    const startDate = { ...content, basic: { ...content.basic, startDate: "0000-01-01" } };
    expect(
      expectProblem(await pi.put(`/api/applications/${applicationId}/content`, startDate), 400).path,
    ).toBe("basic.startDate");

    const guide = (await officer.get(`/api/guides/${(await officer.get("/api/guides")).body.items[0].id}`))
      .body.content;
    const call = { ...guide.calls[0], opensAt: "0000-01-01T00:00:00+08:00" };
    expect(expectProblem(await officer.post("/api/guides", { ...guide, calls: [call] }), 400).path).toBe(
      "calls.0.opensAt",
    );
  });
});

describe("uploads", () => {
  const upload = (headers: Record<string, string>, bytes: Buffer | string = pdf) =>
    pi.request("PUT", `/api/applications/${applicationId}/attachments/commitmentScan`, bytes, headers);

  it("refuses a body that is not raw bytes, with or without a content type", async () => {
    for (const type of ["application/json", "text/plain", "multipart/form-data; boundary=x"]) {
      const body = expectProblem(
        await upload({ "content-type": type, "x-file-name": "scan.pdf" }, "{}"),
        415,
      );
      expect(body.code).toBe("UNSUPPORTED_MEDIA_TYPE");
      expect(body.messageZh).toContain("application/octet-stream");
    }
    const res = await t.app.inject({
      method: "PUT",
      url: `/api/applications/${applicationId}/attachments/commitmentScan`,
      headers: { cookie: pi.cookie, "x-csrf-token": pi.csrfToken, "x-file-name": "scan.pdf" },
      payload: pdf,
    });
    expect(res.statusCode).toBe(415);
    const empty = await upload({ "content-type": "application/octet-stream", "x-file-name": "scan.pdf" }, "");
    expect(expectProblem(empty, 400).code).toBe("ATTACHMENT_EMPTY");
  });

  it("refuses undecodable, bidi-controlled, control-character and overlong file names", async () => {
    const bad = [
      "%E0%A4%A",
      "%ff",
      "%ED%A0%80.pdf",
      "%E2%80%AEfdp.exe",
      "scan%E2%80%8F.pdf",
      "a%00b.pdf",
      "%E2%81%A6x.pdf",
      "x".repeat(201),
      "%20",
      "扫描件.pdf",
    ];
    for (const name of bad) {
      const res = await upload({ "content-type": "application/octet-stream", "x-file-name": name });
      const body = expectProblem(res, 400);
      expect(body).toMatchObject({ code: "VALIDATION", path: "x-file-name" });
    }
    const ok = await upload({
      "content-type": "application/octet-stream",
      "x-file-name": encodeURIComponent("承诺书（签字版）.pdf"),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.fileName).toBe("承诺书（签字版）.pdf");
  });

  it("refuses a PDF header followed by an executable", async () => {
    const exe = Buffer.from("%PDF-1.4\nMZ\x90\x00\x03\x00\x00\x00\x04\x00\nstartxref\n0\n%%EOF\n", "latin1");
    const body = expectProblem(
      await upload({ "content-type": "application/octet-stream", "x-file-name": "scan.pdf" }, exe),
      415,
    );
    expect(body.code).toBe("ATTACHMENT_TYPE_MISMATCH");
  });
});

describe("money stays exact", () => {
  const lines = (amountFen: number, n: number) =>
    Array.from({ length: n }, () => ({ category: "publicationIp", amountFen, note: "出版" }));

  it("bounds every amount at ¥100 billion, so that totals never pass 2^53", async () => {
    const content = fullContent();
    const over = { ...content, budget: { lines: lines(maxEnteredFen + 1, 1) } };
    expect(expectProblem(await pi.put(`/api/applications/${applicationId}/content`, over), 400).path).toBe(
      "budget.lines.0.amountFen",
    );
    const unsafe = { ...content, budget: { lines: lines(Number.MAX_SAFE_INTEGER, 2) } };
    expect((await pi.put(`/api/applications/${applicationId}/content`, unsafe)).status).toBe(400);

    const most = { ...content, budget: { lines: lines(maxEnteredFen, 20) } };
    const saved = await pi.put(`/api/applications/${applicationId}/content`, most);
    expect(saved.status).toBe(200);
    expect(saved.body.application.requestedFen).toBe(20 * maxEnteredFen);

    const check = await t.anonymous.post("/api/budget/check", {
      city: "luoyang",
      lines: lines(Number.MAX_SAFE_INTEGER, 2),
    });
    expect(expectProblem(check, 400).path).toBe("lines.0.amountFen");
  });
});
