import { addYears, chinaDateOf } from "@luoshu/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { fullContent, prepareForSubmission, startApplication } from "../../test/application-fixtures.ts";
import { insertedProject, whoIs } from "../../test/project-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

// Luoyang's measures (LY-FUNDS §25: 市科技局、财政局 … 约谈、通报批评、暂停项目拨款、终止项目执行、
// 阶段性或永久性取消项目承担者申报项目资格 … 纳入科研诚信不良记录; 移送司法机关) on three projects of
// the demo enterprise and its PI, and what they do to the PI's next application. Revocation is a
// Luoyang city setting whose listing (an eligibility ban until lifted) cites §25.

let t: TestApp;
let as: (u: string) => Promise<Client>;
const ids = { banned: "", sanctioned: "", revoked: "" };
let callId = "";
const today = () => chinaDateOf(t.clock.now());

/** A fresh application of the demo PI, ready to submit, and the answer to submitting it. */
async function submitNew(title: string) {
  const pi = await as("ly-pi");
  const id = await startApplication(pi, callId, title);
  await prepareForSubmission(pi, await as("ly-unit"), id, fullContent(title));
  return pi.post(`/api/applications/${id}/submit`);
}
const violations = (res: { body: { details?: { violations?: { code: string; clause?: string }[] } } }) =>
  res.body.details?.violations ?? [];

beforeAll(async () => {
  t = await createTestApp();
  as = oneSessionEach((u) => t.as(u));
  const unit = await whoIs(await as("ly-unit"));
  const pi = await whoIs(await as("ly-pi"));
  callId = (await (await as("ly-pi")).get("/api/guides")).body.items[0].calls[0].id;
  let n = 0;
  for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
    n += 1;
    ids[key] = await insertedProject(t, {
      cityId: "luoyang",
      number: `LY-2026-ZX-80${n}`,
      program: "majorInnovation",
      title: `洛阳项目生命周期测试 ${key}`,
      amountFen: 100_000_000,
      unitId: unit.unitId ?? "",
      piUserId: pi.userId,
    });
  }
}, 180_000);
afterAll(() => t.close());

describe("sanctions in Luoyang (LY-FUNDS §25)", () => {
  it("are imposed by the finance bureau as well as the S&T bureau, each lifting only its own", async () => {
    const suspended = await (await as("ly-finance")).post(`/api/projects/${ids.sanctioned}/sanctions`, {
      kind: "paymentSuspension",
      authority: "financeBureau",
      fromDate: today(),
      untilDate: null,
      reason: "财务检查发现挤占挪用项目资金。",
    });
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(201);
    const s = suspended.body.life.sanctions[0];
    expect(s).toMatchObject({
      authority: "financeBureau",
      source: { clause: "LY-FUNDS §25" },
      inForce: true,
    });
    expect(suspended.body.life.suspended).toBe(true);
    // the S&T bureau may not speak for the finance bureau
    const asScience = await (await as("ly-finance")).post(`/api/projects/${ids.sanctioned}/sanctions`, {
      kind: "interview",
      authority: "scienceBureau",
      fromDate: today(),
      untilDate: null,
      reason: "财务检查发现挤占挪用项目资金。",
    });
    expect(asScience.status).toBe(403);
    const bySt = await (await as("ly-officer")).post(
      `/api/projects/${ids.sanctioned}/sanctions/${s.id}/lift`,
      {
        reason: "已整改",
      },
    );
    expect(bySt.status).toBe(403);
    const lifted = await (await as("ly-finance")).post(
      `/api/projects/${ids.sanctioned}/sanctions/${s.id}/lift`,
      {
        reason: "资金已归垫，恢复拨款。",
      },
    );
    expect(lifted.body.life.suspended).toBe(false);
    expect(lifted.body.life.sanctions[0].lifted).toMatchObject({ reason: "资金已归垫，恢复拨款。" });
  });

  it("bans the unit and the PI from applying for the ban's period, citing §25, until it is lifted", async () => {
    const until = addYears(today(), 2);
    const ban = await (await as("ly-officer")).post(`/api/projects/${ids.banned}/sanctions`, {
      kind: "eligibilityBan",
      authority: "scienceBureau",
      fromDate: today(),
      untilDate: until,
      reason: "预算编报中虚报设备购置费。",
    });
    expect(ban.status, JSON.stringify(ban.body)).toBe(201);
    const refused = await submitNew("取消资格期间的新申报");
    expect(refused.status).toBe(422);
    const found = violations(refused).filter(
      (v) => v.code === "SUBMIT_UNIT_BANNED" || v.code === "SUBMIT_PI_BANNED",
    );
    expect(found.map((v) => v.code).sort()).toEqual(["SUBMIT_PI_BANNED", "SUBMIT_UNIT_BANNED"]);
    for (const v of found) expect(v.clause).toBe("LY-FUNDS §25");
    const sanction = ban.body.life.sanctions[0];
    await (await as("ly-officer")).post(`/api/projects/${ids.banned}/sanctions/${sanction.id}/lift`, {
      reason: "经复议撤销该处理决定。",
    });
    const records = (await (await as("ly-officer")).get("/api/integrity-records")).body.filter(
      (r: { originId: string | null }) => r.originId === sanction.id,
    );
    expect(records).toHaveLength(2);
    for (const r of records)
      expect(r).toMatchObject({ inForce: false, lifted: { reason: "经复议撤销该处理决定。" } });
    const allowed = await submitNew("解除后的新申报");
    expect(violations(allowed).map((v) => v.code)).not.toContain("SUBMIT_UNIT_BANNED");
  });

  it("terminates a project as a measure: closed, with what it was not paid back in the year", async () => {
    const ended = await (await as("ly-officer")).post(`/api/projects/${ids.sanctioned}/sanctions`, {
      kind: "termination",
      authority: "scienceBureau",
      fromDate: today(),
      untilDate: null,
      reason: "多次督促仍未按任务书实施。",
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(201);
    expect(ended.body.stage).toBe("closed");
    expect(ended.body.life.closures).toMatchObject([
      { kind: "termination", ground: "sanction", status: "decided", source: { clause: "LY-FUNDS §25" } },
    ]);
    const more = await (await as("ly-officer")).post(`/api/projects/${ids.sanctioned}/sanctions`, {
      kind: "interview",
      authority: "scienceBureau",
      fromDate: today(),
      untilDate: null,
      reason: "项目终止后再次约谈单位负责人。",
    });
    expect(more.body.code).toBe("PROJECT_CLOSED");
  });
});

describe("revocation in Luoyang (a city setting; its listing cites LY-FUNDS §25)", () => {
  it("bans the unit and the PI at once, until lifted: the next application is refused with the clause", async () => {
    const revoked = await (await as("ly-officer")).post(`/api/projects/${ids.revoked}/revocation`, {
      ground: "fraud",
      reason: "申报材料中伪造合作协议。",
    });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(201);
    expect(revoked.body.life.closures[0]).toMatchObject({ kind: "revocation", source: { setting: "city" } });
    expect(revoked.body.life.rules.listing).toMatchObject({ kind: "eligibilityBan", years: null });
    const refused = await submitNew("撤销后的新申报");
    const unitBan = violations(refused).find((v) => v.code === "SUBMIT_UNIT_BANNED");
    expect(unitBan?.clause).toBe("LY-FUNDS §25");
  });
});
