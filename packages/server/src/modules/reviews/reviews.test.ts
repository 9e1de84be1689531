import { describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { applicantSession } from "../../test/applicant-session.ts";
import { passedApplication } from "../../test/review-fixtures.ts";
import type { Client } from "../../test/test-app.ts";

const s = applicantSession();
// Logins count against the rate limit: one session per account for the whole file.
const as = oneSessionEach((username: string) => s.t.as(username));
const passed = (title: string) => passedApplication(as, "ly", s.callId, title);

type Row = {
  id: string;
  status: string;
  expert: { id: string; displayName: string; unitName: string };
  origin: string;
};
type Item = { applicationId: string; unitName: string; assignments: Row[]; openPlaces: number };
const active = (rows: Row[]) =>
  rows.filter((r) => ["proposed", "invited", "accepted", "submitted"].includes(r.status));

/** Logs in as the expert holding a row: demo experts share the demo password. */
async function expertClient(row: Row): Promise<Client> {
  const experts = await (await as("ly-officer")).get("/api/experts?pageSize=200");
  const e = experts.body.items.find((x: { id: string }) => x.id === row.expert.id);
  return as(e.username);
}

describe("expert review in Luoyang: entrusted to the agency (LY-REFORM §三(二)1)", () => {
  let planId = "";
  let plan: { items: Item[]; status: string; solution: { certified: boolean; objective: number } };

  it("lets only the entrusted agency organise the call's review, the bureau watching", async () => {
    await passed("智能轴承寿命预测研究");
    await passed("城市更新政策评估研究");
    const officer = await as("ly-officer");
    const agency = await as("ly-agency");
    const calls = await officer.get("/api/reviews/calls");
    expect(calls.status).toBe(200);
    const call = calls.body.items.find((c: { callId: string }) => c.callId === s.callId);
    expect(call).toMatchObject({ organiser: "entrustedAgency", mayOrganise: false, passed: 2, plan: null });
    const refusedBureau = await officer.post("/api/review-plans", { callId: s.callId });
    expect(refusedBureau.status).toBe(403);
    expect(refusedBureau.body).toMatchObject({ code: "REVIEW_NOT_ORGANISER", clause: "LY-REFORM §三(二)1" });
    expect((await agency.post("/api/review-plans", { callId: s.callId })).body.code).toBe(
      "REVIEW_NOT_ORGANISER",
    );
    expect(
      (
        await agency.post("/api/review-entrustments", {
          agencyName: "x",
          callIds: [s.callId],
          periodFrom: "2026-01-01",
          periodUntil: "2026-12-31",
          scope: "评审",
        })
      ).status,
    ).toBe(403);

    const entrusted = await officer.post("/api/review-entrustments", {
      agencyName: "洛阳市科技评估中心",
      callIds: [s.callId],
      periodFrom: "2026-01-01",
      periodUntil: "2026-12-31",
      scope: "公益科研、软科学项目评审",
    });
    expect(entrusted.status).toBe(201);
    const created = await agency.post("/api/review-plans", { callId: s.callId });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: "draft",
      organiser: "entrustedAgency",
      entrustment: { agencyName: "洛阳市科技评估中心" },
    });
    expect(created.body.settings.reviewersPerApplication).toBe(5);
    expect(created.body.criteria.length).toBeGreaterThan(0);
    planId = created.body.id;
    const again = await agency.post("/api/review-plans", { callId: s.callId });
    expect(again.status).toBe(409);
    const watched = await officer.get(`/api/review-plans/${planId}`);
    expect(watched.body.allowedActions).toEqual([]);
    expect(watched.body.blocked.find((b: { action: string }) => b.action === "assign").reasonZh).toContain(
      "洛阳市科技评估中心",
    );
    expect((await (await as("ly-pi")).get(`/api/review-plans/${planId}`)).status).toBe(403);
  });

  it("assigns optimally with a verified certificate, never a conflicted pair, at most one expert per unit", async () => {
    const agency = await as("ly-agency");
    // One more passes the formal check after the plan was made: it joins at the next solve.
    await passed("乡村振兴科技特派员制度研究");
    const settings = (await agency.get(`/api/review-plans/${planId}`)).body.settings;
    const edited = await agency.put(`/api/review-plans/${planId}/settings`, {
      ...settings,
      panels: [{ nameZh: "机械与管理组", disciplines: ["460", "630"] }],
      reviewersPerApplication: 4,
    });
    expect(edited.status).toBe(200);
    const res = await agency.post(`/api/review-plans/${planId}/assign`);
    expect(res.status).toBe(200);
    plan = res.body;
    expect(plan.status).toBe("assigned");
    expect(plan.items).toHaveLength(3);
    expect(plan.solution.certified).toBe(true);
    for (const item of plan.items) {
      const rows = active(item.assignments);
      expect(rows).toHaveLength(4);
      expect(rows.every((r) => r.expert.unitName !== item.unitName)).toBe(true);
      expect(new Set(rows.map((r) => r.expert.unitName)).size).toBe(4);
    }
  });

  it("draws at random with the pair cap and records the seed, then solves exactly again", async () => {
    const agency = await as("ly-agency");
    const settings = (await agency.get(`/api/review-plans/${planId}`)).body.settings;
    expect(
      (
        await agency.put(`/api/review-plans/${planId}/settings`, {
          ...settings,
          mode: "random",
          pairCapPercent: 50,
        })
      ).status,
    ).toBe(200);
    const drawn = await agency.post(`/api/review-plans/${planId}/assign`);
    expect(drawn.status, JSON.stringify(drawn.body)).toBe(200);
    expect(drawn.body.solution).toMatchObject({ mode: "random", certified: false, pairCapPercent: 50 });
    expect(drawn.body.solution.seed).toMatch(/^\d+$/);
    for (const item of drawn.body.items as Item[]) expect(active(item.assignments)).toHaveLength(4);
    expect(
      (await agency.put(`/api/review-plans/${planId}/settings`, { ...settings, mode: "optimal" })).status,
    ).toBe(200);
    plan = (await agency.post(`/api/review-plans/${planId}/assign`)).body;
    expect(plan.solution.certified).toBe(true);
  });

  it("lets the organiser override a pair with a reason, refusing one that breaks a constraint", async () => {
    const agency = await as("ly-agency");
    const item = plan.items[0] as Item;
    const row = item.assignments[0] as Row;
    const pool = (await agency.get("/api/experts?pageSize=200")).body.items as {
      id: string;
      unit: { nameZh: string };
    }[];
    const conflicted = pool.find((e) => e.unit.nameZh === item.unitName);
    const bad = await agency.post(`/api/review-plans/${planId}/assignments/${row.id}/override`, {
      expertId: conflicted?.id,
      reason: "熟悉该领域",
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe("REVIEW_CONFLICT");
    const taken = new Set(active(item.assignments).map((r) => r.expert.unitName));
    taken.delete(row.expert.unitName);
    const free = pool.find(
      (e) => e.unit.nameZh !== item.unitName && !taken.has(e.unit.nameZh) && e.id !== row.expert.id,
    );
    const ok = await agency.post(`/api/review-plans/${planId}/assignments/${row.id}/override`, {
      expertId: free?.id,
      reason: "熟悉该领域",
    });
    expect(ok.status).toBe(200);
    const after = ok.body.items.find((i: Item) => i.applicationId === item.applicationId) as Item;
    expect(active(after.assignments).map((r) => r.expert.id)).toContain(free?.id);
    expect(after.assignments.find((r) => r.id === row.id)?.status).toBe("withdrawn");
    plan = ok.body;
  });

  it("invites, and the expert signs, declares, scores within range and submits once", async () => {
    const agency = await as("ly-agency");
    plan = (await agency.post(`/api/review-plans/${planId}/publish`)).body;
    expect(plan.status).toBe("inReview");
    const item = plan.items[0] as Item;
    const [first, second] = active(item.assignments) as [Row, Row];
    const expert = await expertClient(first);
    const mine = await expert.get("/api/my-reviews");
    expect(mine.body.items[0].assignments.map((a: { id: string }) => a.id)).toContain(first.id);
    expect((await expert.post(`/api/review-assignments/${first.id}/accept`)).body.code).toBe(
      "REVIEW_COMMITMENT_REQUIRED",
    );
    expect((await expert.get(`/api/review-assignments/${first.id}`)).status).toBe(404);
    expect(
      (await expert.post(`/api/my-reviews/${planId}/commitment`)).body.items[0].commitmentSignedAt,
    ).toBeTruthy();
    const opened = await expert.post(`/api/review-assignments/${first.id}/accept`);
    expect(opened.status).toBe(200);
    expect(JSON.stringify(opened.body)).not.toMatch(/\d{17}[\dX]/);
    expect((await expert.get(`/api/review-assignments/${second.id}`)).status).toBe(404);
    const n = opened.body.criteria.length as number;
    const outside = await expert.post(`/api/review-assignments/${first.id}/submit`, {
      scores: Array(n).fill(101),
      comment: "x",
    });
    expect(outside.status).toBe(400);
    const partial = await expert.put(`/api/review-assignments/${first.id}/sheet`, {
      scores: [80],
      comment: "",
    });
    expect(partial.status).toBe(200);
    expect(
      (await expert.post(`/api/review-assignments/${first.id}/submit`, { scores: [80], comment: "" })).body
        .code,
    ).toBe("REVIEW_SCORES_INCOMPLETE");
    const done = await expert.post(`/api/review-assignments/${first.id}/submit`, {
      scores: Array(n).fill(90),
      comment: "技术路线可行。",
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "submitted", total: 90 });
    expect(
      (
        await expert.post(`/api/review-assignments/${first.id}/submit`, {
          scores: Array(n).fill(10),
          comment: "改",
        })
      ).status,
    ).toBe(422);
  });

  it("refills a place when an expert declares a conflict, without moving anyone who accepted", async () => {
    const agency = await as("ly-agency");
    const item = plan.items[0] as Item;
    const second = active(item.assignments)[1] as Row;
    const expert = await expertClient(second);
    await expert.post(`/api/my-reviews/${planId}/commitment`);
    const declared = await expert.post(`/api/review-assignments/${second.id}/declare-conflict`, {
      note: "与申报单位有合作关系",
    });
    expect(declared.status).toBe(200);
    // A conflicted place is never shown and never scored.
    expect((await expert.get(`/api/review-assignments/${second.id}`)).status).toBe(404);
    const scored = await expert.post(`/api/review-assignments/${second.id}/submit`, {
      scores: [90, 90, 90],
      comment: "x",
    });
    expect(scored.body.code).toBe("INVALID_TRANSITION");
    const view = (await agency.get(`/api/review-plans/${planId}`)).body;
    const now = view.items.find((i: Item) => i.applicationId === item.applicationId) as Item;
    expect(now.assignments.find((r) => r.id === second.id)?.status).toBe("conflicted");
    const refill = now.assignments.find((r) => r.origin === "refill");
    expect(refill?.status).toBe("invited");
    expect(refill?.expert.id).not.toBe(second.expert.id);
    expect(active(now.assignments)).toHaveLength(4);
    expect(now.assignments.filter((r) => r.status === "submitted")).toHaveLength(1);
  });
});

describe("expert review in Datong: the bureau organises it (DT-RULES §14(三))", () => {
  it("refuses the agency and answers the bureau on a call without passed applications", async () => {
    const dtOfficer = await as("dt-officer");
    const dtGuide = (await dtOfficer.get("/api/guides")).body.items[0];
    const callId = dtGuide.calls[0].id;
    const agency = await as("dt-agency");
    const refused = await agency.post("/api/review-plans", { callId });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: "REVIEW_NOT_ORGANISER", clause: "DT-RULES §14(三)" });
    const bureau = await dtOfficer.post("/api/review-plans", { callId });
    expect(bureau.body.code).toBe("REVIEW_NO_APPLICATIONS");
  });
});
