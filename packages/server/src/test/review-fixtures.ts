import { expect } from "vitest";
import { prepareForSubmission, startApplication } from "./application-fixtures.ts";
import type { Client } from "./test-app.ts";

/** Signs a demo account in; tests pass one that reuses sessions (logins are rate-limited, 30 a minute). */
export type LoginAs = (username: string) => Promise<Client>;

// What the expert-review tests share: applications past the formal check, and a call's plan made by
// the organiser the city's policy names.

const checklist = ["complete", "commitment", "eligible"].map((code) => ({ code, ok: true }));

/** An application of the city's demo PI (prefix `ly` or `dt`), through the district and the formal check. */
export async function passedApplication(as: LoginAs, prefix: string, callId: string, title: string) {
  const [pi, unit, district, agency] = await Promise.all(
    ["pi", "unit", "district", "agency"].map((role) => as(`${prefix}-${role}`)),
  );
  if (!pi || !unit || !district || !agency) throw new Error("demo accounts missing");
  const id = await startApplication(pi, callId, title);
  await prepareForSubmission(pi, unit, id);
  expect((await pi.post(`/api/applications/${id}/submit`)).status).toBe(200);
  const rec = await district.post(`/api/applications/${id}/district-review`, { event: "recommend", rank: 1 });
  expect(rec.status, JSON.stringify(rec.body)).toBe(200);
  const pass = await agency.post(`/api/applications/${id}/formal-check`, { event: "formalPass", checklist });
  expect(pass.status, JSON.stringify(pass.body)).toBe(200);
  return id;
}

/**
 * The call's review plan, made by its organiser: in Luoyang the agency, once the bureau has recorded
 * the entrustment (LY-REFORM §三(二)1); in Datong the bureau itself (DT-RULES §14(三)).
 */
export async function openPlan(as: LoginAs, prefix: string, callId: string) {
  const officer = await as(`${prefix}-officer`);
  const organiser = prefix === "ly" ? await as(`${prefix}-agency`) : officer;
  if (prefix === "ly") {
    const entrusted = await officer.post("/api/review-entrustments", {
      agencyName: "洛阳市科技评估中心",
      callIds: [callId],
      periodFrom: "2026-01-01",
      periodUntil: "2026-12-31",
      scope: "公益科研、软科学项目评审",
    });
    expect(entrusted.status, JSON.stringify(entrusted.body)).toBe(201);
  }
  const plan = await organiser.post("/api/review-plans", { callId });
  expect(plan.status, JSON.stringify(plan.body)).toBe(201);
  return { organiser, planId: plan.body.id as string, plan: plan.body };
}
