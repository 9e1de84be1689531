import { makeResidentId } from "@luoshu/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { applicantSession } from "../../test/applicant-session.ts";
import { fullContent, startApplication } from "../../test/application-fixtures.ts";
import type { Client } from "../../test/test-app.ts";

// Inside one unit an application is its own PI's and the unit administrator's: another PI of the
// unit may not edit it, and nobody becomes its PI by confirming first.

const s = applicantSession();
let otherPi: Client;
const otherId = makeResidentId("41030519800101002");

beforeAll(async () => {
  // The unit administrator registers a second PI, who sets their own password at first login.
  const created = await s.unit.post("/api/users", {
    username: "ly-pi-b",
    displayName: "第二位负责人",
    password: "Kaishi-2026!",
    idNumber: otherId,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  otherPi = await s.t.firstLogin("ly-pi-b", "Kaishi-2026!");
});

describe("who writes an application inside the unit", () => {
  it("keeps one PI's draft from another PI of the same unit", async () => {
    const id = await startApplication(s.pi, s.callId);
    const edit = await otherPi.put(`/api/applications/${id}/content`, fullContent("改别人的申报书"));
    expect(edit.status).toBe(403);
    const confirm = await otherPi.post(`/api/applications/${id}/commitment`, { as: "pi" });
    expect(confirm.status).toBe(403);
    const read = await otherPi.get(`/api/applications/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.allowedActions).toEqual(["exportPdf"]);
  });

  it("makes the PI the team names, by ID number, of a draft the unit started; not the first to confirm", async () => {
    const id = await startApplication(s.unit, s.callId);
    const early = await otherPi.post(`/api/applications/${id}/commitment`, { as: "pi" });
    expect(early.status).toBe(403);
    // The unit names ly-pi-b as PI: the draft is theirs from then on, and only theirs.
    const content = fullContent();
    const named = { ...content, team: [{ ...content.team[0], name: "第二位负责人", idNumber: otherId }] };
    expect((await s.unit.put(`/api/applications/${id}/content`, named)).status).toBe(200);
    expect((await s.pi.post(`/api/applications/${id}/commitment`, { as: "pi" })).status).toBe(403);
    const confirmed = await otherPi.post(`/api/applications/${id}/commitment`, { as: "pi" });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.piUserId).toBe(otherPi.me.id);
  });
});
