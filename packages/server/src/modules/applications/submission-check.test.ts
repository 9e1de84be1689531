import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareForSubmission, startApplication } from "../../test/application-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let pi: Client;
let unit: Client;
let callId: string;
beforeAll(async () => {
  t = await createTestApp();
  pi = await t.as("ly-pi");
  unit = await t.as("ly-unit");
  callId = (await pi.get("/api/guides")).body.items[0].calls[0].id;
});
afterAll(() => t.close());

const codes = (res: { body: { violations: { code: string }[] } }) => res.body.violations.map((v) => v.code);

describe("the submission check after a save", () => {
  it("judges the saved draft as a submission would, without submitting", async () => {
    const id = await startApplication(pi, callId);
    const refused = await pi.post(`/api/applications/${id}/submit`);
    expect(refused.status).toBe(422);
    const before = await pi.get(`/api/applications/${id}/submission-check`);
    expect(before.status).toBe(200);
    // the same refusals the submission gave, all of them
    expect(codes(before).sort()).toEqual(
      refused.body.details.violations.map((v: { code: string }) => v.code).sort(),
    );
    expect((await pi.get(`/api/applications/${id}`)).body.status).toBe("draft");

    await prepareForSubmission(pi, unit, id);
    expect(codes(await pi.get(`/api/applications/${id}/submission-check`))).toEqual([]);
    expect((await pi.post(`/api/applications/${id}/submit`)).status).toBe(200);
    // Once submitted, the check answers (200) that the state itself stands in the way.
    const after = await pi.get(`/api/applications/${id}/submission-check`);
    expect(after.status).toBe(200);
    expect(codes(after)).toEqual(["INVALID_TRANSITION"]);
  });
});
