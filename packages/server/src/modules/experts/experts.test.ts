import { makeResidentId } from "@luoshu/domain";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let officer: Client;
beforeAll(async () => {
  t = await createTestApp();
  officer = await t.as("ly-officer");
});
afterAll(() => t.close());

/** A file's bytes as the server sent them. */
async function download(c: Client, url: string) {
  const res = await t.app.inject({ method: "GET", url, headers: { cookie: c.cookie } });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload };
}

const upload = (c: Client, step: "dry-run" | "commit", bytes: Buffer) =>
  c.request("POST", `/api/experts/import/${step}`, bytes, { "content-type": "application/octet-stream" });

/** A filled-in template: the downloaded one, its example row replaced by these rows. */
async function sheetOf(rows: Record<string, string>[]): Promise<Buffer> {
  const res = await download(officer, "/api/experts/import/template.xlsx");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet("专家");
  if (!sheet) throw new Error("the template has no sheet 专家");
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? "").replace("*", ""));
  sheet.spliceRows(2, 1);
  for (const r of rows) sheet.addRow(headers.map((h) => r[h] ?? ""));
  return Buffer.from(await book.xlsx.writeBuffer());
}

let luoyangUscc = "";
const person = (n: number, over: Record<string, string> = {}) => ({
  用户名: `import-${n}`,
  姓名: `导入专家${n}`,
  身份证号: makeResidentId(`41031119750101${String(800 + n)}`),
  所在单位统一社会信用代码: luoyangUscc,
  学科代码: "52020；46020",
  职称: "教授",
  研究方向关键词: "轴承；寿命预测",
  可评审时段: "2026-03-01~2026-06-30",
  ...over,
});
const poolSize = async () => (await officer.get("/api/experts?pageSize=1")).body.total as number;

describe("the expert pool", () => {
  it("shows the city's pool to the bureau and the agency, filtered, and nothing to others", async () => {
    const all = await officer.get("/api/experts?pageSize=200");
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(41);
    expect(all.body.items.every((e: { cityCode: string }) => e.cityCode === "luoyang")).toBe(true);
    expect(new Set(all.body.items.map((e: { unit: { id: string } }) => e.unit.id)).size).toBe(6);
    luoyangUscc = all.body.items[0].unit.uscc;
    expect(all.body.items[0].idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    const ai = await officer.get("/api/experts?discipline=520&pageSize=200");
    expect(ai.body.total).toBeGreaterThan(0);
    for (const e of ai.body.items) expect(e.disciplines.some((d: string) => d.startsWith("520"))).toBe(true);
    const suspended = await officer.get("/api/experts?status=suspended");
    expect(suspended.body.items).toHaveLength(1);
    expect(suspended.body.items[0]).toMatchObject({ assignableToday: false, status: "suspended" });
    const kw = await officer.get(`/api/experts?keyword=${encodeURIComponent("寿命预测")}`);
    expect(kw.body.total).toBeGreaterThan(0);

    expect((await (await t.as("ly-agency")).get("/api/experts")).body.total).toBe(41);
    const datong = await t.as("dt-officer");
    const dt = await datong.get("/api/experts?pageSize=200");
    expect(dt.body.total).toBe(41);
    expect(dt.body.items.every((e: { cityCode: string }) => e.cityCode === "datong")).toBe(true);
    // another city's expert answers as absent
    expect((await datong.get(`/api/experts/${all.body.items[0].id}`)).status).toBe(404);
    expect(
      (await datong.post(`/api/experts/${all.body.items[0].id}/suspend`, { reason: "测试暂停" })).status,
    ).toBe(404);
    for (const name of ["ly-district", "ly-pi", "ly-unit", "ly-expert", "sysadmin"]) {
      const c = await t.as(name);
      expect((await c.get("/api/experts")).status, name).toBe(403);
      expect((await c.get(`/api/experts/${all.body.items[0].id}`)).status, name).toBe(403);
    }
  });

  it("lets an expert read and change their own keywords, availability and contact only", async () => {
    const expert = await t.as("ly-expert");
    const own = await expert.get("/api/experts/me");
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ username: "ly-expert", status: "active" });
    const changed = await expert.patch("/api/experts/me", {
      keywords: [" 数字孪生 ", "数字孪生", "故障诊断"],
      availability: [{ from: "2026-04-01", until: "2026-05-31" }],
      phone: "13911112222",
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      keywords: ["数字孪生", "故障诊断"],
      phone: "13911112222",
      title: "教授",
    });
    // the profile's other fields are not the expert's to change
    expect((await expert.patch("/api/experts/me", { title: "院士" })).status).toBe(400);
    expect(
      (await expert.patch("/api/experts/me", { availability: [{ from: "2026-06-01", until: "2026-05-01" }] }))
        .status,
    ).toBe(400);
    expect((await officer.get("/api/experts/me")).status).toBe(403);
    const audit = await (await t.as("auditor")).get("/api/audit?pageSize=5");
    expect(audit.body.items.find((r: { action: string }) => r.action === "expert.updateOwn")).toMatchObject({
      actorUsername: "ly-expert",
      entityId: own.body.id,
    });
  });

  it("gives a template with Chinese headers and an example row", async () => {
    const res = await download(officer, "/api/experts/import/template.xlsx");
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("专家");
    expect(sheet?.getRow(1).getCell(1).value).toBe("用户名*");
    expect(sheet?.getRow(2).getCell(4).value).toMatch(/^[0-9A-Z]{18}$/);
    expect(String(res.headers["content-type"])).toContain("spreadsheetml");
    expect((await (await t.as("ly-leader")).get("/api/experts/import/template.xlsx")).status).toBe(403);
  });

  it("lists every bad row in the dry run and writes nothing, nor at a commit", async () => {
    const before = await poolSize();
    const bad = makeResidentId("41031119750101801").replace(/.$/, (c) => (c === "0" ? "1" : "0"));
    const file = await sheetOf([
      person(1, { 身份证号: bad }),
      person(2, { 学科代码: "52020；99999" }),
      person(3, { 所在单位统一社会信用代码: "91410305MA9TE00017" }),
      person(4, { 用户名: "import-5" }),
      person(5),
      person(6, { 用户名: "ly-officer" }),
      person(7, { 职称: "" }),
      person(8),
    ]);
    const res = await upload(officer, "dry-run", file);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.rows).toBe(8);
    expect(
      res.body.problems.map((p: { row: number; column: string; kind: string }) => [p.row, p.column, p.kind]),
    ).toEqual([
      [2, "身份证号", "badIdNumber"],
      [3, "学科代码", "unknownDiscipline"],
      [4, "所在单位统一社会信用代码", "unknownUnit"],
      [6, "用户名", "duplicateInFile"],
      [7, "用户名", "alreadyInPool"],
      [8, "职称", "missing"],
    ]);
    const commit = await upload(officer, "commit", file);
    expect(commit.status).toBe(422);
    expect(commit.body.code).toBe("EXPERT_IMPORT_INVALID");
    expect(commit.body.details.problems).toHaveLength(6);
    expect(await poolSize()).toBe(before);
  });

  it("commits a clean file once: two commits at once give one 201 and one 409, never duplicates", async () => {
    const before = await poolSize();
    const file = await sheetOf([person(11), person(12), person(13)]);
    const dry = await upload(officer, "dry-run", file);
    expect(dry.body).toEqual({ rows: 3, ok: true, problems: [] });
    const results = await Promise.all([upload(officer, "commit", file), upload(officer, "commit", file)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const created = results.find((r) => r.status === 201)?.body.created;
    expect(created).toHaveLength(3);
    expect(await poolSize()).toBe(before + 3);
    // the administrator hands over the initial password; the expert must change it at first login
    const first = created[0];
    const expert = await t.as(first.username, first.initialPassword);
    expect(expert.me).toMatchObject({ mustChangePassword: true, roles: ["expert"] });
    const found = await officer.get("/api/experts?keyword=import-11");
    expect(found.body.items[0]).toMatchObject({
      username: "import-11",
      disciplines: ["52020", "46020"],
      availability: [{ from: "2026-03-01", until: "2026-06-30" }],
      unit: { uscc: luoyangUscc },
    });
    const again = await upload(officer, "dry-run", file);
    expect(again.body.problems.map((p: { kind: string }) => p.kind)).toEqual(Array(6).fill("alreadyInPool"));
    const audit = await (await t.as("auditor")).get("/api/audit?pageSize=10");
    expect(audit.body.items.some((r: { action: string }) => r.action === "expert.import")).toBe(true);
  });

  it("refuses what is not a filled-in template: another type, empty, too large", async () => {
    expect((await upload(officer, "dry-run", Buffer.from("not a spreadsheet"))).status).toBe(415);
    expect((await upload(officer, "dry-run", Buffer.alloc(0))).status).toBe(400);
    const big = await upload(officer, "dry-run", Buffer.alloc(2 * 1024 * 1024 + 10, 1));
    expect(big.status).toBe(413);
    expect(big.body.messageZh).toMatch(/MB/);
    expect((await officer.post("/api/experts/import/dry-run", { rows: [] })).status).toBe(415);
  });

  it("suspends with a reason and reinstates, each audited; a suspended expert is never assignable", async () => {
    const active = (await officer.get("/api/experts?status=active&pageSize=50")).body.items;
    const target = active.find((e: { assignableToday: boolean }) => e.assignableToday);
    expect((await officer.post(`/api/experts/${target.id}/suspend`, { reason: "" })).status).toBe(400);
    const s = await officer.post(`/api/experts/${target.id}/suspend`, { reason: "存在利益冲突未申报" });
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({
      status: "suspended",
      suspensionReason: "存在利益冲突未申报",
      assignableToday: false,
    });
    expect((await officer.post(`/api/experts/${target.id}/suspend`, { reason: "再次暂停" })).status).toBe(
      422,
    );
    const r = await officer.post(`/api/experts/${target.id}/reinstate`, { reason: "核实无冲突" });
    expect(r.body).toMatchObject({ status: "active", suspensionReason: null, assignableToday: true });
    const audit = await (await t.as("auditor")).get("/api/audit?pageSize=5");
    const actions = audit.body.items.map((x: { action: string; entityId: string }) => [x.action, x.entityId]);
    expect(actions).toContainEqual(["expert.suspend", target.id]);
    expect(actions).toContainEqual(["expert.reinstate", target.id]);
  });

  it("exports the pool as .xlsx with ID numbers masked", async () => {
    const res = await download(officer, "/api/experts/export.xlsx?status=active");
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(3).value).toBe("身份证号（脱敏）");
    const ids: string[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) ids.push(String(row.getCell(3).value));
    });
    expect(ids.length).toBeGreaterThan(40);
    for (const id of ids) expect(id).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
  });
});
