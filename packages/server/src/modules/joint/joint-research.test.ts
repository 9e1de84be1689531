import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

// 联合科研 in Luoyang (LY-REFORM §三(一)2, §三(二)2, §三(三)4, §三(四)4): an enterprise's question →
// scores and the experts' argument → task list → the laboratory's proposal → the joint committee →
// the bureau's and the laboratory's approvals → a numbered project that pays nothing → its outcome.

let t: TestApp;
let as: (u: string) => Promise<Client>;
let id = "";
const fireAs = async (u: string, event: string, body: object = {}) =>
  (await as(u)).post(`/api/joint-research/${id}/events/${event}`, body);

interface Expert {
  id: string;
  unit: { id: string };
}
let pool: Expert[] = [];
let labId = "";

beforeAll(async () => {
  t = await createTestApp();
  as = oneSessionEach((u) => t.as(u));
  const officer = await as("ly-officer");
  pool = (await officer.get("/api/experts?pageSize=200")).body.items;
  const units = (await officer.get("/api/units?pageSize=200")).body.items as { id: string; kind: string }[];
  labId = units.find((u) => u.kind === "laboratory")?.id ?? "";
}, 60_000);
afterAll(() => t.close());

const question = {
  title: "高端轴承钢超纯净冶炼关键技术",
  problem: "风电主轴承用钢的氧含量和夹杂物控制达不到进口水平，制约国产大兆瓦主轴承的可靠性。",
  expectedOutcome: "形成氧含量 ≤ 5 ppm 的冶炼工艺并完成中试。",
  enterpriseFundingFen: 300_000_000,
};

describe("joint research", () => {
  it("takes questions from enterprises only, and only in a city whose documents name it", async () => {
    expect((await (await as("dt-unit")).post("/api/joint-research", question)).body.code).toBe(
      "DECISION_NOT_APPLICABLE",
    );
    // ly-unit2's unit is an enterprise too, but ly-lab's is a laboratory, which sets no questions
    expect((await (await as("ly-lab")).post("/api/joint-research", question)).status).toBe(403);
    const made = await (await as("ly-unit")).post("/api/joint-research", question);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({
      status: "submitted",
      rank: null,
      sources: { ranking: { clause: "LY-REFORM §三(一)2" } },
    });
    id = made.body.id;
    // the laboratory does not see questions still being weighed, nor acts on them; finance has no joint research at all
    expect((await (await as("ly-lab")).get("/api/joint-research")).body.items).toEqual([]);
    expect((await fireAs("ly-lab", "decline", { note: "试探未列入清单的课题" })).status).toBe(404);
    expect((await (await as("ly-finance")).get("/api/joint-research")).status).toBe(403);
    expect((await (await as("dt-officer")).get(`/api/joint-research/${id}`)).status).toBe(404);
  });

  it("ranks questions by the three scores, within the city's scale, before the task list", async () => {
    const scores = { advancement: 9, leverage: 8, feasibility: 7 };
    const argument = "专家咨询论证认为该问题属于产业链“卡脖子”环节，技术路线清晰，建议列入任务清单。";
    expect(
      (await fireAs("ly-officer", "assess", { scores: { ...scores, leverage: 11 }, argument })).body,
    ).toMatchObject({
      code: "VALIDATION",
      setting: "city",
    });
    expect((await fireAs("ly-officer", "assess", { scores })).body.code).toBe("VALIDATION");
    expect((await fireAs("ly-unit", "assess", { scores, argument })).status).toBe(403);
    const assessed = await fireAs("ly-officer", "assess", { scores, argument });
    expect(assessed.body).toMatchObject({ status: "assessed", priority: 24, rank: 1 });
    // a second, weaker question ranks below it
    const other = await (await as("ly-unit")).post("/api/joint-research", {
      ...question,
      title: "轴承智能运维平台",
    });
    const weaker = await (await as("ly-officer")).post(`/api/joint-research/${other.body.id}/events/assess`, {
      scores: { advancement: 5, leverage: 5, feasibility: 5 },
      argument,
    });
    expect(weaker.body.rank).toBe(2);
    expect((await fireAs("ly-officer", "list", { note: "列入 2026 年重大攻关任务清单" })).body.status).toBe(
      "listed",
    );
    const lab = (await (await as("ly-lab")).get("/api/joint-research")).body.items;
    expect(lab.map((x: { id: string }) => x.id)).toEqual([id]);
    expect(lab[0].allowedActions).toEqual(["propose"]);
  });

  it("is proposed by the laboratory, and reviewed by a full committee that stands apart", async () => {
    const proposal = {
      leaderName: "宋岩",
      plan: "实验室联合需求企业开展真空感应＋电渣重熔双联冶炼工艺攻关，建设中试线并开展装机验证。",
      withEnterprise: true,
      laboratoryFundingFen: 500_000_000,
      enterpriseFundingFen: 300_000_000,
      months: 24,
    };
    expect((await fireAs("ly-officer", "propose", proposal)).status).toBe(403);
    const proposed = await fireAs("ly-lab", "propose", proposal);
    expect(proposed.body).toMatchObject({
      status: "proposed",
      laboratoryId: labId,
      laboratoryName: "龙门示范实验室",
    });

    const enterpriseId = proposed.body.enterpriseId;
    const apart = pool.filter((e) => e.unit.id !== enterpriseId && e.unit.id !== labId);
    const [a, b, c] = apart;
    const conflicted = pool.find((e) => e.unit.id === enterpriseId);
    if (!a || !b || !c || !conflicted) throw new Error("the demo pool has experts of several units");
    const member = (e: Expert, seat: string, recommend = true) => ({
      expertId: e.id,
      seat,
      recommend,
      opinion: "同意立项。",
    });
    const meetingOn = "2026-03-01";
    const full = [member(a, "technical"), member(b, "industry"), member(c, "finance")];
    // a meeting still to come is no review on record
    expect(
      (await fireAs("ly-officer", "review", { meetingOn: "2026-03-10", members: full })).body,
    ).toMatchObject({
      code: "VALIDATION",
      path: "meetingOn",
    });
    const short = await fireAs("ly-officer", "review", {
      meetingOn,
      members: [member(a, "technical"), member(b, "industry")],
    });
    expect(short.body).toMatchObject({ code: "JOINT_COMMITTEE_INCOMPLETE", clause: "LY-REFORM §三(二)2" });
    const conflict = await fireAs("ly-officer", "review", {
      meetingOn,
      members: [member(a, "technical"), member(b, "industry"), member(conflicted, "finance")],
    });
    expect(conflict.body.code).toBe("JOINT_COMMITTEE_CONFLICT");
    const reviewed = await fireAs("ly-officer", "review", {
      meetingOn,
      members: [member(a, "technical"), member(b, "industry"), member(c, "finance", false)],
    });
    expect(reviewed.body).toMatchObject({ status: "reviewed", committee: { recommended: true } });
    expect(reviewed.body.committee.members).toHaveLength(3);
    // the enterprise reads the conclusion without the experts' names
    const mine = (await (await as("ly-unit")).get(`/api/joint-research/${id}`)).body;
    expect(mine.committee).toMatchObject({ recommended: true, members: [] });
  });

  it("is approved by the bureau and the laboratory together, numbered, and pays nothing", async () => {
    expect((await fireAs("ly-officer", "approve")).status).toBe(403);
    const first = await fireAs("ly-leader", "approve", { note: "同意" });
    expect(first.body).toMatchObject({
      status: "reviewed",
      projectNumber: null,
      blocked: [
        expect.objectContaining({ action: "approve" }),
        expect.objectContaining({ action: "decline" }),
      ],
    });
    expect((await fireAs("ly-leader", "approve")).body.code).toBe("JOINT_ALREADY_APPROVED");
    // nor does the side that approved decline afterwards
    expect((await fireAs("ly-leader", "decline", { note: "改变主意" })).body.code).toBe(
      "JOINT_ALREADY_APPROVED",
    );
    // both approvals at once: one approves, the other is told it has already
    const [x, y] = await Promise.all([fireAs("ly-lab", "approve"), fireAs("ly-lab", "approve")]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const done = (await (await as("ly-lab")).get(`/api/joint-research/${id}`)).body;
    expect(done).toMatchObject({
      status: "approved",
      projectNumber: expect.stringMatching(/^LY-\d{4}-LH-001$/),
    });
    const projects = (await (await as("ly-lab")).get("/api/projects")).body.items;
    expect(projects).toEqual([expect.objectContaining({ number: done.projectNumber, amountFen: 0 })]);
    expect(done.allowedActions).toEqual(["close"]);
  });

  it("is closed by its laboratory with the outcome", async () => {
    expect((await fireAs("ly-lab", "close", { result: "completed", closedOn: "2026-03-02" })).body.code).toBe(
      "VALIDATION",
    );
    expect(
      (
        await fireAs("ly-lab", "close", {
          result: "completed",
          closedOn: "2028-03-01",
          note: "提前填写的结题情况。",
        })
      ).body.path,
    ).toBe("closedOn");
    const closed = await fireAs("ly-lab", "close", {
      result: "completed",
      closedOn: "2026-03-02",
      note: "完成中试，氧含量 4.6 ppm，通过实验室组织的结题验收。",
    });
    expect(closed.body).toMatchObject({ status: "closed", outcome: { result: "completed" } });
    const audit = await (await as("auditor")).get("/api/audit?entityType=jointTopic&pageSize=100");
    const mine = audit.body.items.filter((e: { entityId: string }) => e.entityId === id);
    expect(mine.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        "joint.submit",
        "joint.assess",
        "joint.list",
        "joint.propose",
        "joint.review",
        "joint.approve",
        "joint.close",
      ]),
    );
  });
});
