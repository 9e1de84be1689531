import type { Policy } from "@luoshu/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { readPolicies } from "../../lib/policy-files.ts";
import { startApplication } from "../../test/application-fixtures.ts";
import { collectiveDecision, minutesPdf, reviewedCall } from "../../test/decision-fixtures.ts";
import { type Client, createTestApp, policiesDir, type TestApp } from "../../test/test-app.ts";
import { decisionsRepository } from "./decisions.repository.ts";
import { projectsRepository } from "./projects.repository.ts";

// Luoyang soft science (LY-REFORM §三(二)1, §三(四)3; LY-FUNDS §12): the yearly cap of 10 "in
// principle", the city government's approval, the notice (a city setting), finance's co-sign; and
// a policy version that takes effect on 1 June binds the projects approved after it (DT-RULES §24).

const shipped = readPolicies(policiesDir);
const luoyang2025 = shipped.find((p) => p.city === "luoyang") as Policy;
const luoyang2026: Policy = { ...luoyang2025, version: "2026", effectiveFrom: "2026-06-01" };

let t: TestApp;
let as: (u: string) => Promise<Client>;
let officer: Client;
let leader: Client;
let finance: Client;
let listId = "";
const fireAs = (c: Client, event: string, body: Record<string, unknown> = {}) =>
  c.post(`/api/decisions/lists/${listId}/events/${event}`, body);

async function signIn() {
  as = oneSessionEach((u) => t.as(u));
  [officer, leader, finance] = (await Promise.all(
    ["ly-officer", "ly-leader", "ly-finance"].map((u) => as(u)),
  )) as [Client, Client, Client];
}

beforeAll(async () => {
  t = await createTestApp({ policies: [...shipped, luoyang2026] });
  await signIn();
  const { callId } = await reviewedCall(
    as,
    "ly",
    ["都市圈创新生态评价研究", "高端轴承产业技术预见研究"],
    [88, 75],
  );
  // nine soft-science projects issued earlier this year under the 2025 rules
  const pi = await as("ly-pi");
  const earlier = [];
  for (let i = 1; i <= 9; i++) earlier.push(await startApplication(pi, callId, `往期软科学项目 ${i}`));
  const facts = await decisionsRepository(t.database.db).applicationFacts("luoyang", earlier);
  await projectsRepository(t.database.db).insertProjects(
    facts.map((a, i) => ({
      cityId: "luoyang",
      number: `LY-2026-RK-9${String(i).padStart(2, "0")}`,
      origin: "proposedList" as const,
      applicationId: a.id,
      callId,
      listId: a.id,
      program: "softScience",
      year: 2026,
      unitId: a.unitId,
      piUserId: a.piUserId,
      title: a.title,
      amountFen: 3_000_000,
      piYouth: false,
      policyVersion: "2025",
      approvedOn: "2026-01-15",
      approvedAt: new Date("2026-01-15T02:00:00Z"),
    })),
  );
  listId = (await officer.post("/api/decisions/lists", { callId })).body.id;
  await finance.put("/api/budget/control-numbers/2026", {
    amountFen: 100_000_000,
    docNumber: "洛财预〔2026〕8号",
  });
}, 240_000);
afterAll(() => t.close());

describe("Luoyang soft science", () => {
  it("takes the city government, the notice and finance's co-sign, each with its source", async () => {
    const l = (await officer.get(`/api/decisions/lists/${listId}`)).body;
    expect(l.path).toEqual([
      "submit",
      "leaderApprove",
      "recordCityGovernment",
      "startNotice",
      "closeNotice",
      "coSign",
      "issue",
    ]);
    expect(l.steps).toMatchObject({
      cityGovernment: { clause: "LY-REFORM §三(二)1" },
      coSign: { clause: "LY-FUNDS §12" },
      publicNotice: { source: { setting: "city" } },
    });
    expect(l.summary.youthShare).toMatchObject({
      programs: ["majorInnovation"],
      programNames: [expect.objectContaining({ zh: expect.stringContaining("重大科技创新专项") })],
      source: { clause: "LY-PLAN §六(二)" },
    });
  });

  it("asks for a recorded reason past the yearly 10 (原则上, LY-REFORM §三(四)3)", async () => {
    const drawn = (await officer.get(`/api/decisions/lists/${listId}`)).body.entries as {
      applicationId: string;
      amountFen: number;
    }[];
    const entries = drawn.map((e) => ({
      applicationId: e.applicationId,
      amountFen: e.amountFen,
      decision: "selected",
      reserveOrder: null,
      departureReason: null,
    }));
    const tooMuch = await officer.patch(`/api/decisions/lists/${listId}`, {
      entries: entries.map((e) => ({ ...e, amountFen: e.amountFen + 1 })),
    });
    expect(tooMuch.body.violations.map((v: { code: string }) => v.code)).toContain(
      "DECISION_AMOUNT_OVER_REQUEST",
    );
    const saved = await officer.patch(`/api/decisions/lists/${listId}`, { entries });
    expect(saved.body.summary.cap).toMatchObject({ count: 10, inPrinciple: true, issued: 9, afterList: 11 });
    expect(saved.body.violations.find((v: { code: string }) => v.code === "DECISION_OVER_CAP")).toMatchObject(
      {
        clause: "LY-REFORM §三(四)3",
        path: "overCapReason",
      },
    );
    await officer.put(`/api/decisions/lists/${listId}/collective-decision`, collectiveDecision);
    await officer.request(
      "PUT",
      `/api/decisions/lists/${listId}/collective-decision/attachment`,
      minutesPdf,
      {
        "content-type": "application/octet-stream",
        "x-file-name": "minutes.pdf",
      },
    );
    expect((await fireAs(officer, "submit")).body.code).toBe("DECISION_OVER_CAP");
    const reasoned = await officer.patch(`/api/decisions/lists/${listId}`, {
      overCapReason: "市委市政府交办的两项紧急软科学课题",
    });
    expect(reasoned.body.violations).toEqual([]);
    expect((await fireAs(officer, "submit")).status).toBe(200);
    expect((await fireAs(leader, "leaderApprove")).status).toBe(200);
  });

  it("records the city government's approval before the notice", async () => {
    expect((await fireAs(officer, "startNotice")).body.code).toBe("DECISION_STEP_PENDING");
    expect((await fireAs(officer, "recordCityGovernment", { approvedOn: "2026-03-05" })).body.code).toBe(
      "VALIDATION",
    );
    const gov = await fireAs(officer, "recordCityGovernment", {
      approvedOn: "2026-03-05",
      docNumber: "洛政文〔2026〕21号",
    });
    expect(gov.body).toMatchObject({
      status: "cityGovernmentApproved",
      cityGovernment: { docNumber: "洛政文〔2026〕21号" },
    });
    expect((await fireAs(officer, "startNotice")).status).toBe(200);
  });

  it("lets only finance co-sign, after the notice; a return goes back to the officer", async () => {
    expect((await fireAs(finance, "coSign")).body.code).toBe("INVALID_TRANSITION");
    t.clock.set(new Date("2026-06-02T02:00:00Z"));
    await signIn();
    expect((await fireAs(officer, "closeNotice")).status).toBe(200);
    expect((await fireAs(officer, "coSign")).status).toBe(403);
    expect((await fireAs(officer, "issue")).body.code).toBe("DECISION_STEP_PENDING");
    const returned = await fireAs(finance, "financeReturn", { note: "请核减第 2 项经费" });
    expect(returned.body).toMatchObject({
      status: "draft",
      returned: { role: "financeOfficer" },
      leaderApproval: null,
    });
  });

  it("issues after the whole path again, binding the projects to the version in force that day", async () => {
    expect((await fireAs(officer, "submit")).status).toBe(200);
    expect((await fireAs(leader, "leaderApprove")).status).toBe(200);
    expect(
      (
        await fireAs(officer, "recordCityGovernment", {
          approvedOn: "2026-06-02",
          docNumber: "洛政文〔2026〕40号",
        })
      ).status,
    ).toBe(200);
    expect((await fireAs(officer, "startNotice")).status).toBe(200);
    t.clock.set(new Date("2026-06-12T02:00:00Z"));
    await signIn();
    expect((await fireAs(officer, "closeNotice")).status).toBe(200);
    expect((await fireAs(finance, "coSign", { note: "同意" })).body).toMatchObject({
      status: "coSigned",
      coSign: { note: "同意" },
    });
    const issued = await fireAs(officer, "issue");
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    const projects = (await finance.get("/api/projects")).body.items as {
      number: string;
      policyVersion: string;
    }[];
    const fresh = projects.filter((p) => !p.number.includes("-9"));
    expect(fresh.map((p) => p.number).sort()).toEqual(["LY-2026-RK-001", "LY-2026-RK-002"]);
    expect(fresh.every((p) => p.policyVersion === "2026")).toBe(true);
    expect(projects.filter((p) => p.number.includes("-9")).every((p) => p.policyVersion === "2025")).toBe(
      true,
    );
    expect(issued.body.policyVersion).toBe("2025");
  });
});
