import { makeResidentId } from "@luoshu/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";
import { sealAudit } from "../audit/audit.repository.ts";

let t: TestApp;
let officer: Client;
beforeAll(async () => {
  t = await createTestApp();
  officer = await t.as("ly-officer");
});
afterAll(() => t.close());

const sanction = {
  kind: "eligibilityBan",
  fromDate: "2026-01-01",
  untilDate: "2028-12-31",
  reason: "项目验收弄虚作假",
  clause: "LY-FUNDS §25",
};

describe("integrity records", () => {
  it("lists the city's records with the unit's name and whether they stop applications today", async () => {
    const res = await officer.get("/api/integrity-records");
    expect(res.status).toBe(200);
    const ban = res.body.find((r: { kind: string }) => r.kind === "eligibilityBan");
    expect(ban).toMatchObject({ subject: "unit", inForce: true, blocksApplications: true });
    expect(ban.unitNameZh).toBeTruthy();
    const reprimand = res.body.find((r: { kind: string }) => r.kind === "reprimand");
    expect(reprimand.blocksApplications).toBe(false);
    const datong = await (await t.as("dt-officer")).get("/api/integrity-records");
    expect(
      datong.body.every((r: { id: string }) => !res.body.some((x: { id: string }) => x.id === r.id)),
    ).toBe(true);
  });

  it("records a person by ID number and keeps neither the number nor its digest in answers or audit", async () => {
    const idNumber = makeResidentId("41030519860312001");
    const wrong = await officer.post("/api/integrity-records", {
      subject: "person",
      personName: "李四",
      idNumber: idNumber.slice(0, 17) + (idNumber[17] === "1" ? "2" : "1"),
      ...sanction,
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.path).toBe("idNumber");

    const res = await officer.post("/api/integrity-records", {
      subject: "person",
      personName: "周博",
      idNumber,
      ...sanction,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ subject: "person", personName: "周博", blocksApplications: true });
    expect(JSON.stringify(res.body)).not.toContain(idNumber);
    expect(JSON.stringify(res.body)).not.toContain(t.cipher.digest(idNumber));
    await sealAudit(t.database.db, t.cipher, { wait: true });
    const audit = await (await t.as("auditor")).get("/api/audit?pageSize=50");
    expect(audit.status).toBe(200);
    const record = audit.body.items.find(
      (r: { action: string; after: { personName?: string } }) =>
        r.action === "integrity.create" && r.after?.personName === "周博",
    );
    expect(record.after).toMatchObject({ subject: "person", reason: sanction.reason });
    expect(JSON.stringify(audit.body)).not.toContain(idNumber);
    expect(JSON.stringify(audit.body)).not.toContain(t.cipher.digest(idNumber));
  });

  it("refuses an end before the start, a unit of another city, and anyone but the bureau", async () => {
    const backwards = await officer.post("/api/integrity-records", {
      subject: "person",
      personName: "王五",
      idNumber: makeResidentId("41030519900101002"),
      ...sanction,
      untilDate: "2025-01-01",
    });
    expect(backwards.status).toBe(422);
    expect(backwards.body).toMatchObject({ code: "INTEGRITY_PERIOD_INVALID", path: "untilDate" });

    const dtUnits = await (await t.as("dt-officer")).get("/api/units");
    const foreign = await officer.post("/api/integrity-records", {
      subject: "unit",
      unitId: dtUnits.body.items[0].id,
      ...sanction,
    });
    expect(foreign.status).toBe(404);

    const district = await t.as("ly-district");
    const denied = await district.post("/api/integrity-records", {
      subject: "unit",
      unitId: dtUnits.body.items[0].id,
      ...sanction,
    });
    expect(denied.status).toBe(403);
  });
});
