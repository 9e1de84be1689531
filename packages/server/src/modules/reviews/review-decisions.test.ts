import { makeResidentId } from "@luoshu/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { openPlan, passedApplication } from "../../test/review-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

// Datong: the bureau runs the review; spread flags, reopening, reminders, horse races, site visits,
// applicant avoidances, suspended experts and two overrides at once.

let t: TestApp;
let officer: Client;
let callId = "";
let planId = "";
const apps: string[] = [];
type Row = { id: string; status: string; expert: { id: string; unitName: string } };
type Item = {
  applicationId: string;
  unitName: string;
  assignments: Row[];
  result: { mean: number | null; spread: number; spreadFlagged: boolean };
  horseRaceId: string | null;
};
const active = (rows: Row[]) =>
  rows.filter((r) => ["proposed", "invited", "accepted", "submitted"].includes(r.status));
let pool: {
  id: string;
  username: string;
  unit: { id: string; nameZh: string; uscc: string };
  idNumberMasked: string;
}[] = [];

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.as("dt-officer");
  callId = (await officer.get("/api/guides")).body.items[0].calls[0].id;
  for (const title of ["煤矸石综合利用技术", "矿区生态修复技术", "光伏组件回收技术"]) {
    apps.push(await passedApplication(as, "dt", callId, title));
  }
  pool = (await officer.get("/api/experts?pageSize=200")).body.items;
}, 120_000);
afterAll(() => t.close());

// Logins count against the rate limit: one session per account for the whole file.
const as = oneSessionEach((username: string) => t.as(username));
const plan = async () => (await officer.get(`/api/review-plans/${planId}`)).body;
const itemOf = (p: { items: Item[] }, id: string) => p.items.find((i) => i.applicationId === id) as Item;
const clientOf = (expertId: string) => as(pool.find((e) => e.id === expertId)?.username ?? "");

describe("expert review in Datong, run by the bureau", () => {
  it("keeps away the units and people the applicant named, and suspended experts", async () => {
    const pi = await as("dt-pi");
    const unitOfPool = pool[0]?.unit as { uscc: string; id: string };
    const byUnit = await pi.post(`/api/applications/${apps[0]}/avoidances`, {
      kind: "unit",
      uscc: unitOfPool.uscc,
      note: "存在竞争关系",
    });
    expect(byUnit.status, JSON.stringify(byUnit.body)).toBe(201);
    const bad = await pi.post(`/api/applications/${apps[0]}/avoidances`, {
      kind: "person",
      name: "某人",
      idNumber: "140202198001011234",
      note: "存在竞争关系",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.path ?? bad.body.issues?.[0]?.path).toBeTruthy();
    expect((await (await as("ly-pi")).get(`/api/applications/${apps[0]}/avoidances`)).status).toBe(404);
    // An expert who left the applicant's unit within the look-back (3 years, a city setting) says so.
    const unitId = (await officer.get(`/api/applications/${apps[0]}`)).body.unitId;
    const applicantUnit = (await officer.get(`/api/units/${unitId}`)).body;
    const former = await clientOf((pool[2] as (typeof pool)[number]).id);
    const future = await former.patch("/api/experts/me", {
      formerUnits: [{ uscc: applicantUnit.uscc, leftOn: "2027-01-01" }],
    });
    expect(future.body.path).toBe("formerUnits.0.leftOn");
    const left = await former.patch("/api/experts/me", {
      formerUnits: [{ uscc: applicantUnit.uscc, leftOn: "2024-06-30" }],
    });
    expect(left.status, JSON.stringify(left.body)).toBe(200);
    expect(left.body.formerUnits[0]).toMatchObject({ unitName: applicantUnit.nameZh, leftOn: "2024-06-30" });
    const suspended = pool[1] as (typeof pool)[number];
    expect((await officer.post(`/api/experts/${suspended.id}/suspend`, { reason: "长期出差" })).status).toBe(
      200,
    );

    const opened = await openPlan(as, "dt", callId);
    planId = opened.planId;
    expect(opened.plan.organiser).toBe("bureau");
    const settings = opened.plan.settings;
    expect(
      (await officer.put(`/api/review-plans/${planId}/settings`, { ...settings, reviewersPerApplication: 3 }))
        .status,
    ).toBe(200);
    const assigned = await officer.post(`/api/review-plans/${planId}/assign`);
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    const rows = assigned.body.items.flatMap((i: Item) => i.assignments) as Row[];
    expect(rows.some((r) => r.expert.id === suspended.id)).toBe(false);
    expect(rows.some((r) => r.expert.id === pool[2]?.id)).toBe(false);
    const first = itemOf(assigned.body, apps[0] as string);
    expect(
      first.assignments.some((r) => pool.find((e) => e.id === r.expert.id)?.unit.id === unitOfPool.id),
    ).toBe(false);
    expect((await clientOf(rows[0]?.expert.id ?? "")).get("/api/my-reviews")).toBeTruthy();
  });

  it("shows a proposal to no expert before it is sent", async () => {
    const p = await plan();
    const row = active(itemOf(p, apps[0] as string).assignments)[0] as Row;
    const expert = await clientOf(row.expert.id);
    expect((await expert.get("/api/my-reviews")).body.items).toEqual([]);
    expect((await expert.post(`/api/review-assignments/${row.id}/accept`)).status).toBe(404);
  });

  it("answers one of two overrides of one place at once, and the other with a clear refusal", async () => {
    const p = await plan();
    const item = itemOf(p, apps[1] as string);
    const [a, b] = active(item.assignments) as [Row, Row];
    const units = new Set(active(item.assignments).map((r) => r.expert.unitName));
    const holding = new Set(p.items.flatMap((i: Item) => active(i.assignments).map((r) => r.expert.id)));
    // Someone with no place yet, of a unit not on the application: each override alone would pass.
    const same = pool.find(
      (e) =>
        !holding.has(e.id) &&
        !units.has(e.unit.nameZh) &&
        e.unit.nameZh !== item.unitName &&
        e.id !== pool[1]?.id,
    ) as (typeof pool)[number];
    const answers = await Promise.all(
      [a, b].map((row) =>
        officer.post(`/api/review-plans/${planId}/assignments/${row.id}/override`, {
          expertId: same.id,
          reason: "专业更对口",
        }),
      ),
    );
    expect(answers.map((r) => r.status).sort(), JSON.stringify(answers.map((r) => r.body))).toEqual([
      200, 422,
    ]);
    const refused = answers.find((r) => r.status === 422);
    expect(refused?.body.code).toBe("REVIEW_SLOT_INVALID");
  });

  it("flags a spread above the threshold, reopens a review with a reason and reminds", async () => {
    const published = await officer.post(`/api/review-plans/${planId}/publish`);
    expect(published.body.status).toBe("inReview");
    const p = await plan();
    const scores = [90, 50, 70];
    const rows = active(itemOf(p, apps[0] as string).assignments);
    for (const [i, row] of rows.entries()) {
      const expert = await clientOf(row.expert.id);
      expect((await expert.post(`/api/my-reviews/${planId}/commitment`)).status).toBe(200);
      expect((await expert.post(`/api/review-assignments/${row.id}/accept`)).status).toBe(200);
      const n = p.criteria.length as number;
      const done = await expert.post(`/api/review-assignments/${row.id}/submit`, {
        scores: Array(n).fill(scores[i]),
        comment: "意见",
      });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
    }
    const after = itemOf(await plan(), apps[0] as string);
    expect(after.result).toMatchObject({ mean: 70, spread: 40, spreadFlagged: true });
    const reopened = await officer.post(`/api/review-plans/${planId}/assignments/${rows[1]?.id}/reopen`, {
      reason: "请复核评分",
    });
    expect(reopened.status).toBe(200);
    expect(
      itemOf(reopened.body, apps[0] as string).assignments.find((r: Row) => r.id === rows[1]?.id)?.status,
    ).toBe("accepted");
    expect((await officer.post(`/api/review-plans/${planId}/complete`)).body.code).toBe(
      "REVIEW_OPEN_ASSIGNMENTS",
    );
    const reminded = await officer.post(`/api/review-plans/${planId}/remind`);
    expect(reminded.status).toBe(200);
    const expert = await clientOf(rows[1]?.expert.id ?? "");
    const inbox = await expert.get("/api/notifications");
    expect(JSON.stringify(inbox.body)).toContain("评审提醒");
  });

  it("marks close results as a horse race with the clause, and refuses distant ones", async () => {
    const p = await plan();
    const reopened = active(itemOf(p, apps[0] as string).assignments).find(
      (r) => r.status === "accepted",
    ) as Row;
    const again = await (await clientOf(reopened.expert.id)).post(
      `/api/review-assignments/${reopened.id}/submit`,
      {
        scores: Array(p.criteria.length).fill(10),
        comment: "复核后意见",
      },
    );
    expect(again.status).toBe(200);
    for (const id of [apps[1], apps[2]] as string[]) {
      for (const row of active(itemOf(p, id).assignments)) {
        const expert = await clientOf(row.expert.id);
        await expert.post(`/api/my-reviews/${planId}/commitment`);
        expect((await expert.post(`/api/review-assignments/${row.id}/accept`)).status).toBe(200);
        const n = p.criteria.length as number;
        const score = id === apps[1] ? 80 : 82;
        expect(
          (
            await expert.post(`/api/review-assignments/${row.id}/submit`, {
              scores: Array(n).fill(score),
              comment: "可行",
            })
          ).status,
        ).toBe(200);
      }
    }
    const far = await officer.post(`/api/review-plans/${planId}/horse-races`, {
      applicationIds: [apps[1], apps[2], apps[0]],
      routesDiffer: true,
      reason: "技术路线不同",
    });
    expect(far.status).toBe(422);
    expect(far.body).toMatchObject({ code: "HORSE_RACE_NOT_CLOSE", setting: "city" });
    const close = await officer.post(`/api/review-plans/${planId}/horse-races`, {
      applicationIds: [apps[1], apps[2]],
      routesDiffer: true,
      reason: "一为湿法、一为热解，技术路线明显不同",
    });
    expect(close.status, JSON.stringify(close.body)).toBe(200);
    expect(itemOf(close.body, apps[1] as string).horseRaceId).toBeTruthy();
    expect(close.body.rules.horseRaceSource.clause).toMatch(/^DT-RULES/);
    const visit = await officer.post(`/api/review-plans/${planId}/site-visits`, {
      applicationId: apps[1],
      visitedOn: "2026-03-10",
      members: ["王工", "李工"],
      findings: "中试线已建成。",
      result: "pass",
    });
    expect(visit.status).toBe(200);
    expect(visit.body.items.find((i: Item) => i.applicationId === apps[1]).siteVisits).toHaveLength(1);
  });

  it("is watched but not run by the agency, and hidden from other cities", async () => {
    const agency = await as("dt-agency");
    const seen = await agency.get(`/api/review-plans/${planId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.allowedActions).toEqual([]);
    expect((await agency.post(`/api/review-plans/${planId}/remind`)).body.code).toBe("REVIEW_NOT_ORGANISER");
    expect((await (await as("ly-officer")).get(`/api/review-plans/${planId}`)).status).toBe(404);
  });
});

describe("applicant avoidance by person", () => {
  it("takes a valid ID number, keeps only the masked form, and refuses once invitations are out", async () => {
    const pi = await as("dt-pi");
    const id = makeResidentId("14020219800101123");
    const res = await pi.post(`/api/applications/${apps[2]}/avoidances`, {
      kind: "person",
      name: "某专家",
      idNumber: id,
      note: "曾有学术争议",
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("INVALID_TRANSITION");
    expect(JSON.stringify(res.body)).not.toContain(id);
  });
});
