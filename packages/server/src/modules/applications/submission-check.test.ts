import { describe, expect, it } from "vitest";
import { applicantSession } from "../../test/applicant-session.ts";
import { prepareForSubmission, startApplication } from "../../test/application-fixtures.ts";

const s = applicantSession();

const codes = (res: { body: { violations: { code: string }[] } }) => res.body.violations.map((v) => v.code);

describe("the submission check after a save", () => {
  it("judges the saved draft as a submission would, without submitting", async () => {
    const id = await startApplication(s.pi, s.callId);
    const refused = await s.pi.post(`/api/applications/${id}/submit`);
    expect(refused.status).toBe(422);
    const before = await s.pi.get(`/api/applications/${id}/submission-check`);
    expect(before.status).toBe(200);
    // the same refusals the submission gave, all of them
    expect(codes(before).sort()).toEqual(
      refused.body.details.violations.map((v: { code: string }) => v.code).sort(),
    );
    expect((await s.pi.get(`/api/applications/${id}`)).body.status).toBe("draft");

    await prepareForSubmission(s.pi, s.unit, id);
    expect(codes(await s.pi.get(`/api/applications/${id}/submission-check`))).toEqual([]);
    expect((await s.pi.post(`/api/applications/${id}/submit`)).status).toBe(200);
    // Once submitted, the check answers (200) that the state itself stands in the way.
    const after = await s.pi.get(`/api/applications/${id}/submission-check`);
    expect(after.status).toBe(200);
    expect(codes(after)).toEqual(["INVALID_TRANSITION"]);
  });
});
