import { makeResidentId } from "@luoshu/domain";
import { describe, expect, it } from "vitest";
import { applicantSession } from "../../test/applicant-session.ts";
import {
  fullContent,
  pdf,
  piId,
  prepareForSubmission,
  startApplication as start,
} from "../../test/application-fixtures.ts";
import type { Client } from "../../test/test-app.ts";

const s = applicantSession();

const startApplication = (client: Client, title?: string) => start(client, s.callId, title);
const prepare = (id: string) => prepareForSubmission(s.pi, s.unit, id);

describe("applications from draft to the formal check", () => {
  it("saves a draft with a bad ID number without losing it, and reports the field", async () => {
    const id = await startApplication(s.pi);
    const bad = piId.slice(0, 17) + (piId[17] === "1" ? "2" : "1");
    const res = await s.pi.put(`/api/applications/${id}/content`, {
      ...fullContent(),
      team: [{ name: "周博", role: "pi", idNumber: bad }],
    });
    expect(res.status).toBe(200);
    expect(res.body.problems[0]).toMatchObject({ path: "team.0.idNumber" });
    expect(res.body.application.content.basic.title).toBe("洛阳都市圈创新生态研究");
    expect(JSON.stringify(res.body)).not.toContain(bad);
  });

  it("refuses submission until the commitment letter is confirmed twice and uploaded (LY-FUNDS §24)", async () => {
    const id = await startApplication(s.pi);
    await s.pi.put(`/api/applications/${id}/content`, fullContent());
    const res = await s.pi.post(`/api/applications/${id}/submit`);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: "SUBMIT_COMMITMENT_MISSING", clause: "LY-FUNDS §24" });
  });

  it("refuses a type that is not what its name says", async () => {
    const id = await startApplication(s.pi);
    const res = await s.pi.request(
      "PUT",
      `/api/applications/${id}/attachments/commitmentScan`,
      Buffer.from("plain text, not a pdf"),
      { "content-type": "application/octet-stream", "x-file-name": "scan.pdf" },
    );
    expect(res.status).toBe(415);
    expect(res.body.code).toBe("ATTACHMENT_TYPE_MISMATCH");
  });

  it("walks submit → district recommend → formal pass, with youth flags and history", async () => {
    const id = await startApplication(s.pi);
    await prepare(id);
    const submitted = await s.pi.post(`/api/applications/${id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: "submitted", revision: 1 });
    expect(submitted.body.content.team[0]).toMatchObject({ youth: true, idNumberValid: true });
    expect(submitted.body.content.team[0].idNumberCipher).toBeUndefined();
    expect(submitted.body.content.team[0].idNumberDigest).toBeUndefined();
    expect((await s.pi.put(`/api/applications/${id}/content`, fullContent("改名"))).status).toBe(422);

    const dtDistrict = await s.t.as("dt-district");
    expect(
      (await dtDistrict.post(`/api/applications/${id}/district-review`, { event: "recommend", rank: 1 }))
        .status,
    ).toBe(404);
    const district = await s.t.as("ly-district");
    const inbox = await district.get("/api/applications?status=submitted");
    expect(inbox.body.items.map((a: { id: string }) => a.id)).toContain(id);
    const rec = await district.post(`/api/applications/${id}/district-review`, {
      event: "recommend",
      rank: 1,
    });
    expect(rec.status).toBe(200);
    expect(rec.body.status).toBe("recommended");

    const agency = await s.t.as("ly-agency");
    const partial = await agency.post(`/api/applications/${id}/formal-check`, {
      event: "formalPass",
      checklist: [{ code: "complete", ok: true }],
    });
    expect(partial.status).toBe(400);
    const pass = await agency.post(`/api/applications/${id}/formal-check`, {
      event: "formalPass",
      checklist: ["complete", "commitment", "eligible"].map((code) => ({ code, ok: true })),
    });
    expect(pass.body.status).toBe("formalPassed");
    const history = await s.pi.get(`/api/applications/${id}/history`);
    expect(history.body.events.map((e: { event: string }) => e.event)).toEqual([
      "submit",
      "recommend",
      "formalPass",
    ]);
  });

  it("returns with reasons and a deadline, then shows what changed in the next revision", async () => {
    const id = await startApplication(s.pi);
    await prepare(id);
    await s.pi.post(`/api/applications/${id}/submit`);
    const district = await s.t.as("ly-district");
    const deadline = new Date(s.t.clock.now().getTime() + 7 * 86400_000).toISOString();
    const ret = await district.post(`/api/applications/${id}/district-review`, {
      event: "districtReturn",
      reason: "预算说明不足",
      deadline,
    });
    expect(ret.body).toMatchObject({ status: "districtReturned", revision: 2 });
    await s.pi.put(`/api/applications/${id}/content`, fullContent("洛阳都市圈创新生态研究（修改稿）"));
    await s.pi.post(`/api/applications/${id}/commitment`, { as: "pi" });
    await s.unit.post(`/api/applications/${id}/commitment`, { as: "unit" });
    const unsigned = await s.pi.post(`/api/applications/${id}/submit`);
    expect(unsigned.body.code).toBe("SUBMIT_COMMITMENT_MISSING");
    await s.pi.request("PUT", `/api/applications/${id}/attachments/commitmentScan`, pdf, {
      "content-type": "application/octet-stream",
      "x-file-name": "scan2.pdf",
    });
    const again = await s.pi.post(`/api/applications/${id}/submit`);
    expect(again.body).toMatchObject({ status: "submitted", revision: 2 });
    const history = await s.unit.get(`/api/applications/${id}/history`);
    expect(history.body.events[1]).toMatchObject({ event: "districtReturn", reason: "预算说明不足" });
    expect(history.body.revisions[1].changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "content.basic.title", after: "洛阳都市圈创新生态研究（修改稿）" }),
      ]),
    );
  });

  it("refuses a banned unit with the clause of its sanction", async () => {
    const banned = await s.t.as("ly-unit2");
    const id = await startApplication(banned, "受限单位的申报");
    await banned.put(`/api/applications/${id}/content`, fullContent("受限单位的申报"));
    const res = await banned.post(`/api/applications/${id}/submit`);
    expect(res.status).toBe(422);
    const codes = res.body.details.violations.map((v: { code: string }) => v.code);
    expect(codes).toContain("SUBMIT_UNIT_BANNED");
    const v = res.body.details.violations.find((x: { code: string }) => x.code === "SUBMIT_UNIT_BANNED");
    expect(v.clause).toBe("LY-FUNDS §25");
  });

  it("refuses submission after the window closes, by server time", async () => {
    const id = await startApplication(s.pi);
    await prepare(id);
    s.t.clock.advance(91 * 86400_000);
    const late = await s.t.as("ly-pi");
    const res = await late.post(`/api/applications/${id}/submit`);
    s.t.clock.advance(-91 * 86400_000);
    s.pi = await s.t.as("ly-pi");
    expect(res.body.details.violations.map((v: { code: string }) => v.code)).toContain(
      "SUBMIT_WINDOW_CLOSED",
    );
  });

  it("keeps each unit to its own applications", async () => {
    const other = await s.t.as("dt-unit");
    const list = await other.get("/api/applications");
    expect(list.body.items.every((a: { cityCode: string }) => a.cityCode === "datong")).toBe(true);
    const mine = await s.pi.get("/api/applications?pageSize=100");
    expect(
      mine.body.items.every((a: { unitId: string }) => a.unitId === (s.pi.me.unit as { id: string }).id),
    ).toBe(true);
  });
});

describe("exports", () => {
  it("renders the application and the commitment letter as PDF, and the filtered list as .xlsx", async () => {
    const id = await startApplication(s.pi, "导出测试");
    await s.pi.put(`/api/applications/${id}/content`, fullContent("导出测试"));
    const pdfRes = await s.t.app.inject({
      method: "GET",
      url: `/api/applications/${id}/pdf`,
      headers: { cookie: s.pi.cookie },
    });
    expect(pdfRes.statusCode).toBe(200);
    expect(pdfRes.headers["content-type"]).toBe("application/pdf");
    expect(pdfRes.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const letter = await s.t.app.inject({
      method: "GET",
      url: `/api/applications/${id}/commitment-letter.pdf`,
      headers: { cookie: s.unit.cookie },
    });
    expect(letter.statusCode).toBe(200);
    const xlsx = await s.t.app.inject({
      method: "GET",
      url: `/api/applications/export.xlsx?keyword=${encodeURIComponent("导出")}`,
      headers: { cookie: s.pi.cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(String(sheet?.getCell(1, 1).value)).toContain("keyword=导出");
    expect(sheet?.rowCount).toBe(3);
  });
});

describe("needs collection", () => {
  it("takes a public need and lets the officer triage it", async () => {
    const res = await s.t.anonymous.post("/api/public/needs", {
      city: "luoyang",
      title: "高端轴承寿命预测技术需求",
      field: "智能装备",
      problem: "现有轴承寿命预测误差较大，需建立基于运行数据的预测模型。",
      expectedIndicators: "预测误差小于10%",
      coFundingFen: 50_000_000,
      submitterName: "某轴承企业",
      submitterContact: "0379-12345678",
    });
    expect(res.status).toBe(201);
    const officer = await s.t.as("ly-officer");
    const list = await officer.get("/api/needs?status=submitted");
    expect(list.body.items.map((n: { id: string }) => n.id)).toContain(res.body.id);
    const rejectWithout = await officer.post(`/api/needs/${res.body.id}/triage`, { event: "reject" });
    expect(rejectWithout.status).toBe(400);
    const ok = await officer.post(`/api/needs/${res.body.id}/triage`, { event: "accept" });
    expect(ok.body.status).toBe("accepted");
    expect((await (await s.t.as("dt-officer")).get("/api/needs")).body.items).toEqual([]);
  });
});

describe("duplicate-funding check (LY-FUNDS §17)", () => {
  it("shows the officer a repeated application with its similarity and passages, and audits the decision", async () => {
    const first = await startApplication(s.pi, "轴承寿命预测模型研究");
    await prepare(first);
    const text = {
      ...fullContent("轴承寿命预测模型研究"),
      basic: {
        ...fullContent().basic,
        title: "轴承寿命预测模型研究",
        abstract: "基于运行数据建立高端轴承剩余寿命预测模型，开展现场验证与推广应用。",
      },
      content: {
        researchContent: "采集轴承振动与温度数据，构建深度学习预测模型，在示范企业开展验证，形成技术规范。",
        objectives: "预测误差小于百分之十。",
      },
    };
    await s.pi.put(`/api/applications/${first}/content`, text);
    expect((await s.pi.post(`/api/applications/${first}/submit`)).status).toBe(200);
    const second = await startApplication(s.pi, "高端轴承剩余寿命预测");
    await prepare(second);
    await s.pi.put(`/api/applications/${second}/content`, {
      ...text,
      basic: { ...text.basic, title: "高端轴承剩余寿命预测" },
    });
    expect((await s.pi.post(`/api/applications/${second}/submit`)).status).toBe(200);

    const officer = await s.t.as("ly-officer");
    const res = await officer.get(`/api/applications/${second}/duplicates`);
    expect(res.status).toBe(200);
    expect(res.body.matches[0]).toMatchObject({ id: first, title: "轴承寿命预测模型研究" });
    expect(res.body.matches[0].similarity).toBeGreaterThan(res.body.threshold);
    expect(res.body.matches[0].passages.length).toBeGreaterThan(0);
    expect((await s.pi.get(`/api/applications/${second}/duplicates`)).status).toBe(403);
    const decided = await officer.post(`/api/applications/${second}/duplicates/decisions`, {
      matchId: first,
      decision: "duplicate",
      reason: "研究内容与已提交申报书实质相同",
      similarity: res.body.matches[0].similarity,
    });
    expect(decided.status).toBe(201);
    expect((await officer.get(`/api/applications/${second}/duplicates`)).body.decisions[0]).toMatchObject({
      decision: "duplicate",
    });
    // A match must be another visible, submitted application: not itself, not a made-up or foreign id.
    for (const matchId of [second, "00000000-0000-4000-8000-000000000999"]) {
      const refused = await officer.post(`/api/applications/${second}/duplicates/decisions`, {
        matchId,
        decision: "notDuplicate",
        reason: "试图记录无关的对象",
        similarity: 0.5,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.path).toBe("matchId");
    }
  });
});

describe("drafts and team members", () => {
  it("keeps a draft private to its unit until it is submitted", async () => {
    const id = await startApplication(s.pi, "尚未提交的草稿");
    const officer = await s.t.as("ly-officer");
    expect((await officer.get(`/api/applications/${id}`)).status).toBe(404);
    const list = await officer.get("/api/applications?pageSize=200");
    expect(list.body.items.map((a: { id: string }) => a.id)).not.toContain(id);
    expect((await s.unit.get(`/api/applications/${id}`)).status).toBe(200);
  });

  it("keeps each stored ID number with its member when rows are reordered", async () => {
    const id = await startApplication(s.pi, "成员顺序");
    const a = makeResidentId("41030519800101002");
    const b = makeResidentId("41030519900202003");
    const first = await s.pi.put(`/api/applications/${id}/content`, {
      ...fullContent("成员顺序"),
      team: [
        { name: "甲", role: "pi", idNumber: a },
        { name: "乙", role: "member", idNumber: b },
      ],
    });
    const [ma, mb] = first.body.application.content.team;
    const second = await s.pi.put(`/api/applications/${id}/content`, {
      ...fullContent("成员顺序"),
      team: [
        { name: "乙", role: "member", idNumberMasked: mb.idNumberMasked },
        { name: "甲", role: "pi", idNumberMasked: ma.idNumberMasked },
      ],
    });
    const team = second.body.application.content.team;
    expect(team[0]).toMatchObject({ name: "乙", idNumberMasked: mb.idNumberMasked, birthDate: "1990-02-02" });
    expect(team[1]).toMatchObject({ name: "甲", idNumberMasked: ma.idNumberMasked, birthDate: "1980-01-01" });
  });
});
