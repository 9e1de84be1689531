import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema/index.ts";
import { applicantSession } from "../../test/applicant-session.ts";
import { pdf, prepareForSubmission, startApplication as start } from "../../test/application-fixtures.ts";

const s = applicantSession();

const submitted = async () => {
  const id = await start(s.pi, s.callId);
  await prepareForSubmission(s.pi, s.unit, id);
  expect((await s.pi.post(`/api/applications/${id}/submit`)).body.status).toBe("submitted");
  return id;
};

describe("withdrawing a submission", () => {
  it("takes it back to a draft before the district decides, audited, and submits again as the next revision", async () => {
    const id = await submitted();
    const offered = await s.unit.get(`/api/applications/${id}`);
    expect(offered.body.allowedEvents).toEqual(["withdraw"]);
    const district = await s.t.as("ly-district");
    expect((await district.get(`/api/applications/${id}`)).body.allowedEvents).not.toContain("withdraw");

    const res = await s.pi.post(`/api/applications/${id}/withdraw`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "draft", revision: 2, commitment: {} });
    expect(res.body.allowedActions).toContain("edit");
    // Out of the district's queue again: a draft is the unit's own.
    expect((await district.get(`/api/applications/${id}`)).status).toBe(404);
    const [record] = await s.t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "application.withdraw")));
    expect(record).toMatchObject({ actorUsername: "ly-pi", before: { status: "submitted", revision: 1 } });

    // The next submission is a new revision with its own confirmations and signed letter.
    await s.pi.post(`/api/applications/${id}/commitment`, { as: "pi" });
    await s.unit.post(`/api/applications/${id}/commitment`, { as: "unit" });
    await s.pi.request("PUT", `/api/applications/${id}/attachments/commitmentScan`, pdf, {
      "content-type": "application/octet-stream",
      "x-file-name": "scan2.pdf",
    });
    expect((await s.pi.post(`/api/applications/${id}/submit`)).body).toMatchObject({
      status: "submitted",
      revision: 2,
    });
    const history = await s.pi.get(`/api/applications/${id}/history`);
    expect(history.body.events.map((e: { event: string }) => e.event)).toEqual([
      "submit",
      "withdraw",
      "submit",
    ]);
  });

  it("is refused once the district has decided, and to anyone but its PI and unit administrator", async () => {
    const id = await submitted();
    const district = await s.t.as("ly-district");
    expect((await district.post(`/api/applications/${id}/withdraw`)).status).toBe(403);
    await district.post(`/api/applications/${id}/district-review`, { event: "recommend", rank: 1 });
    const late = await s.pi.post(`/api/applications/${id}/withdraw`);
    expect(late.status).toBe(422);
    expect(late.body.code).toBe("INVALID_TRANSITION");
    expect((await s.pi.get(`/api/applications/${id}`)).body.allowedEvents).toEqual([]);
  });
});
