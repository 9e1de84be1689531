import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema/index.ts";
import { pdf, prepareForSubmission, startApplication as start } from "../../test/application-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let pi: Client;
let unit: Client;
let callId: string;
beforeAll(async () => {
  t = await createTestApp();
  pi = await t.as("ly-pi");
  unit = await t.as("ly-unit");
  const guides = await pi.get("/api/guides");
  callId = guides.body.items[0].calls[0].id;
});
afterAll(() => t.close());

const submitted = async () => {
  const id = await start(pi, callId);
  await prepareForSubmission(pi, unit, id);
  expect((await pi.post(`/api/applications/${id}/submit`)).body.status).toBe("submitted");
  return id;
};

describe("withdrawing a submission", () => {
  it("takes it back to a draft before the district decides, audited, and submits again as the next revision", async () => {
    const id = await submitted();
    const offered = await unit.get(`/api/applications/${id}`);
    expect(offered.body.allowedEvents).toEqual(["withdraw"]);
    const district = await t.as("ly-district");
    expect((await district.get(`/api/applications/${id}`)).body.allowedEvents).not.toContain("withdraw");

    const res = await pi.post(`/api/applications/${id}/withdraw`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "draft", revision: 2, commitment: {} });
    expect(res.body.allowedActions).toContain("edit");
    // Out of the district's queue again: a draft is the unit's own.
    expect((await district.get(`/api/applications/${id}`)).status).toBe(404);
    const [record] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "application.withdraw")));
    expect(record).toMatchObject({ actorUsername: "ly-pi", before: { status: "submitted", revision: 1 } });

    // The next submission is a new revision with its own confirmations and signed letter.
    await pi.post(`/api/applications/${id}/commitment`, { as: "pi" });
    await unit.post(`/api/applications/${id}/commitment`, { as: "unit" });
    await pi.request("PUT", `/api/applications/${id}/attachments/commitmentScan`, pdf, {
      "content-type": "application/octet-stream",
      "x-file-name": "scan2.pdf",
    });
    expect((await pi.post(`/api/applications/${id}/submit`)).body).toMatchObject({
      status: "submitted",
      revision: 2,
    });
    const history = await pi.get(`/api/applications/${id}/history`);
    expect(history.body.events.map((e: { event: string }) => e.event)).toEqual([
      "submit",
      "withdraw",
      "submit",
    ]);
  });

  it("is refused once the district has decided, and to anyone but its PI and unit administrator", async () => {
    const id = await submitted();
    const district = await t.as("ly-district");
    expect((await district.post(`/api/applications/${id}/withdraw`)).status).toBe(403);
    await district.post(`/api/applications/${id}/district-review`, { event: "recommend", rank: 1 });
    const late = await pi.post(`/api/applications/${id}/withdraw`);
    expect(late.status).toBe(422);
    expect(late.body.code).toBe("INVALID_TRANSITION");
    expect((await pi.get(`/api/applications/${id}`)).body.allowedEvents).toEqual([]);
  });
});
